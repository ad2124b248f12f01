// A stateful loopback fake of GitHub's REST API (issues, comments, labels, search, pulls), written from GitHub's documented behaviour, for the remind and action tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/** Why a closed issue was closed, or that it was reopened (GitHub's `state_reason`). */
export type StateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened';

/** An account as the fake stores it. */
export interface FakeAccount {
  login: string;
  type: 'User' | 'Bot';
}

/** Pull-request-only facts of an issue record (GitHub stores every PR as an issue too). */
export interface PullRequestRecord {
  headRef: string;
  headSha: string;
  /** `owner/name` of the head repository; differs from the base repository for a fork's PR. */
  headRepoFullName: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  mergedAt: number | null;
}

/** An issue or pull request in the fake's store. Times are epoch milliseconds from the fake's clock. */
export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: StateReason | null;
  /** Canonical label names (as the label was created). */
  labels: string[];
  assignees: string[];
  user: FakeAccount;
  locked: boolean;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  closedBy: FakeAccount | null;
  pullRequest: PullRequestRecord | null;
}

/** An issue comment in the fake's store. */
export interface CommentRecord {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: FakeAccount;
  createdAt: number;
  updatedAt: number;
}

/** A repository label in the fake's store. */
export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

/** The live store behind the fake. Tests may read it; mutate it only through the seed helpers. */
export interface FakeGitHubState {
  issues: Map<number, IssueRecord>;
  comments: Map<number, CommentRecord>;
  /** Keyed by lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, LabelRecord>;
  /** Logins that can be assigned (compared case-insensitively). */
  collaborators: Set<string>;
}

/** GitHub's user object (the fields clients read). */
export interface UserJson {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  url: string;
  html_url: string;
  type: 'User' | 'Bot';
  site_admin: boolean;
}

/** GitHub's label object. */
export interface LabelJson {
  id: number;
  node_id: string;
  url: string;
  name: string;
  color: string;
  default: boolean;
  description: string | null;
}

/** GitHub's issue object; `pull_request` is present only on pull requests. */
export interface IssueJson {
  url: string;
  repository_url: string;
  labels_url: string;
  comments_url: string;
  events_url: string;
  html_url: string;
  id: number;
  node_id: string;
  number: number;
  title: string;
  user: UserJson;
  labels: LabelJson[];
  state: 'open' | 'closed';
  state_reason: StateReason | null;
  locked: boolean;
  assignee: UserJson | null;
  assignees: UserJson[];
  milestone: null;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: UserJson | null;
  author_association: string;
  active_lock_reason: null;
  body: string | null;
  performed_via_github_app: null;
  draft?: boolean;
  pull_request?: {
    url: string;
    html_url: string;
    diff_url: string;
    patch_url: string;
    merged_at: string | null;
  };
}

/** GitHub's issue comment object. */
export interface CommentJson {
  url: string;
  html_url: string;
  issue_url: string;
  id: number;
  node_id: string;
  user: UserJson;
  created_at: string;
  updated_at: string;
  author_association: string;
  body: string;
  performed_via_github_app: null;
}

/** GitHub's repository object (the fields clients read). */
export interface RepositoryJson {
  id: number;
  node_id: string;
  name: string;
  full_name: string;
  owner: UserJson;
  private: boolean;
  html_url: string;
  url: string;
  fork: boolean;
  default_branch: string;
}

/** GitHub's pull request object (a minimal subset). */
export interface PullJson {
  url: string;
  id: number;
  node_id: string;
  html_url: string;
  diff_url: string;
  patch_url: string;
  issue_url: string;
  number: number;
  state: 'open' | 'closed';
  locked: boolean;
  title: string;
  user: UserJson;
  body: string | null;
  labels: LabelJson[];
  assignee: UserJson | null;
  assignees: UserJson[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merged: boolean;
  draft: boolean;
  head: { label: string; ref: string; sha: string; repo: RepositoryJson };
  base: { label: string; ref: string; sha: string; repo: RepositoryJson };
}

/** One request as the fake saw and answered it. */
export interface RecordedRequest {
  method: string;
  /** Path without the API prefix (e.g. `/repos/acme/infra/issues`). */
  path: string;
  query: Record<string, string>;
  /** The matched route in Octokit's notation (e.g. `POST /repos/{owner}/{repo}/issues`); null when unmatched. */
  route: string | null;
  /** Request headers, lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON request body, or undefined when there was none. */
  body: unknown;
  status: number;
  /** The JSON the fake answered with (undefined for 204). */
  response: unknown;
  /** True when no route (or not this repository) matched: a client bug the test should catch. */
  unmatched: boolean;
  /** Describes an injected failure (secondary rate limit, read-only refusal, failNext) when one answered. */
  injected: string | null;
  /** Fake clock time at which the request arrived (epoch ms). */
  at: number;
}

/** Every Nth write answers a secondary rate limit instead of being performed. */
export interface SecondaryRateLimitOptions {
  everyNthWrite: number;
  /** GitHub answers 403 (most often) or 429. Default 403. */
  status?: 403 | 429;
  /** Value of the `retry-after` header in seconds. Default 1. */
  retryAfterSeconds?: number;
}

/** The primary (hourly) rate limit whose state is reported in x-ratelimit-* headers. */
export interface RateLimitOptions {
  /** Requests per hour for the `core` resource. Default 1000 (GITHUB_TOKEN's limit per repository). */
  limit?: number;
  /** Remaining requests at start. Default = limit. At 0 the fake answers 403 "API rate limit exceeded". */
  remaining?: number;
  /** Reset time in epoch seconds. Default: one hour after start. */
  resetEpochSeconds?: number;
}

/** Options of {@link startFakeGitHub}. */
export interface FakeGitHubOptions {
  /** Default `acme`. */
  owner?: string;
  /** Default `infra`. */
  repo?: string;
  /** The only accepted token (as `token <t>` or `Bearer <t>`). Default `ghs_fakeinstallationtoken`. */
  token?: string;
  /** The account issues and comments made through the API are authored by. Default `github-actions[bot]`. */
  botLogin?: string;
  /** Logins that can be assigned. Default none. */
  collaborators?: string[];
  /**
   * Deployment environments by name, with the types of their protection rules (`required_reviewers`, `wait_timer`,
   * `branch_policy`); an empty list is an environment GitHub created without any rule.
   */
  environments?: Record<string, readonly string[]>;
  /** Behave like a fork PR's GITHUB_TOKEN: every write answers 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** The search index only sees a change once it is this old. Default 60 000 ms. */
  searchLagMs?: number;
  secondaryRateLimit?: SecondaryRateLimitOptions;
  rateLimit?: RateLimitOptions;
  /** Path prefix of the API, e.g. `/api/v3` to look like GitHub Enterprise Server. Default none. */
  apiPathPrefix?: string;
  /** Web URL used in html_url fields. Default `https://github.com`. */
  serverUrl?: string;
  /** The fake's clock in epoch ms. Default Date.now. */
  now?: () => number;
  /**
   * Let {@link FakeGitHub.close} succeed although some request matched no route. By default it fails, so a test
   * whose code calls an endpoint the fake does not implement (or another repository) fails instead of passing on a
   * 404 the real GitHub would not have given. Only a test about unknown endpoints sets it.
   */
  allowUnmatched?: boolean;
}

/** What a seeded issue looks like; everything is optional. */
export interface IssueSeed {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  stateReason?: StateReason | null;
  labels?: string[];
  /** Not validated against collaborators: seeds describe what already exists. */
  assignees?: string[];
  /** Author login; a login ending in `[bot]` is a Bot. Default `octocat`. */
  user?: string;
  /** Default: a day before the fake's clock, one second apart in seeding order (so seeds are indexed for search). */
  createdAt?: Date | number | string;
  updatedAt?: Date | number | string;
  locked?: boolean;
}

/** A seeded pull request. */
export interface PullRequestSeed extends IssueSeed {
  headRef?: string;
  headSha?: string;
  baseRef?: string;
  baseSha?: string;
  /** The head branch lives in a fork (`contributor/<repo>`). */
  fork?: boolean;
  draft?: boolean;
  merged?: boolean;
}

/** A seeded comment. */
export interface CommentSeed {
  body: string;
  user?: string;
  createdAt?: Date | number | string;
}

/** A seeded label. */
export interface LabelSeed {
  name: string;
  color?: string;
  description?: string | null;
}

/** Which requests a {@link InjectedFault} applies to. */
export interface FaultMatch {
  /** HTTP method; default any. */
  method?: string;
  /** Route in Octokit's notation, e.g. `POST /repos/{owner}/{repo}/issues`. */
  route?: string;
  /** Exact path (without API prefix) or a pattern. */
  path?: string | RegExp;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Perform the operation first, then answer with the failure: a write that happened although the client saw an error. */
  afterApplying?: boolean;
}

/** A one-off failure for the next matching request(s). */
export type InjectedFault = FaultMatch &
  (
    | { kind: 'secondary-rate-limit'; status?: 403 | 429; retryAfterSeconds?: number }
    | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  );

/** The running fake returned by {@link startFakeGitHub}. */
export interface FakeGitHub {
  /** Base URL to give Octokit as `baseUrl` / GITHUB_API_URL (includes the API prefix, no trailing slash). */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly botLogin: string;
  readonly state: FakeGitHubState;
  /** Every request, in arrival order (live array). */
  readonly requests: RecordedRequest[];
  /** Requests whose method is not GET/HEAD, whatever their answer. */
  writes(): RecordedRequest[];
  /** Requests no route matched. */
  unmatched(): RecordedRequest[];
  clearRequests(): void;
  addIssue(seed?: IssueSeed): IssueJson;
  addIssues(count: number, make?: (index: number) => IssueSeed): IssueJson[];
  /** Adds a pull request and returns it in its issue shape (with `pull_request`). */
  addPullRequest(seed?: PullRequestSeed): IssueJson;
  addComment(issueNumber: number, seed: CommentSeed | string): CommentJson;
  addLabel(seed: LabelSeed | string): LabelJson;
  getIssue(issueNumber: number): IssueJson | undefined;
  /** All issues by number ascending; pull requests excluded unless asked for. */
  listIssues(filter?: { includePullRequests?: boolean; label?: string; state?: 'open' | 'closed' | 'all' }): IssueJson[];
  listComments(issueNumber: number): CommentJson[];
  setReadOnly(readOnly: boolean): void;
  setSearchLagMs(lagMs: number): void;
  setSecondaryRateLimit(options: SecondaryRateLimitOptions | undefined): void;
  failNext(fault: InjectedFault): void;
  close(): Promise<void>;
}

/** The message GitHub sends with a secondary rate limit (the throttling plugin matches "secondary rate"). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID FAKE:0000:0000000:0000000:00000000.';

// ---------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------

const DOCS = 'https://docs.github.com/rest';
const MAX_BODY_CHARS = 65536;
const MAX_TITLE_CHARS = 256;
const MAX_ASSIGNEES = 10;
/** github-actions[bot]'s real user id, so fixtures that compare ids keep working. */
const GITHUB_ACTIONS_BOT_ID = 41898282;

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  path: string;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  keys: string[];
  repoScoped: boolean;
  docs: string;
  handle: (ctx: RequestContext) => Reply;
}

interface SearchSnapshot {
  at: number;
  issue: IssueRecord;
  commentText: string;
}

interface PendingFault {
  fault: InjectedFault;
  remaining: number;
}

class BadJsonError extends Error {}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toMillis(value: Date | number | string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(value);
}

/** GitHub counts characters (code points), not UTF-16 units. */
function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorBody(message: string, docs: string, status: number, errors?: unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = { message };
  if (errors) body['errors'] = errors;
  body['documentation_url'] = docs;
  body['status'] = String(status);
  return body;
}

function compileTemplate(template: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m || !m[1]) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      keys.push(m[1]);
      // Numbers and ids are digits only, so `issues/comments/7` never reads as issue "comments".
      return /(_number|_id)$/.test(m[1]) ? '(\\d+)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseLabelList(value: unknown): string[] | null {
  // GitHub accepts `["a"]`, `[{"name":"a"}]` and `{"labels": [...]}` on the label endpoints.
  const list = isRecord(value) ? value['labels'] : value;
  if (!Array.isArray(list)) return null;
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') names.push(item);
    else if (isRecord(item) && typeof item['name'] === 'string') names.push(item['name']);
    else return null;
  }
  return names;
}

function tokenizeSearch(q: string): string[] {
  const tokens: string[] = [];
  const re = /(-?[\w-]+:)?"([^"]*)"|(\S+)/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    if (m[2] !== undefined) tokens.push(`${m[1] ?? ''}${m[2]}`);
    else if (m[3] !== undefined) tokens.push(m[3]);
  }
  return tokens;
}

/**
 * Starts a stateful fake of GitHub's REST API on 127.0.0.1 (random port).
 * It answers like GitHub for the endpoints credledger uses, records every request, and answers 404
 * (recorded as unmatched) for anything else, so tests can assert the client called nothing unexpected.
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'infra';
  const token = options.token ?? 'ghs_fakeinstallationtoken';
  const botLogin = options.botLogin ?? 'github-actions[bot]';
  const prefix = (options.apiPathPrefix ?? '').replace(/\/+$/, '');
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());
  let readOnly = options.readOnly ?? false;
  let searchLagMs = options.searchLagMs ?? 60_000;
  let secondary = options.secondaryRateLimit;

  const state: FakeGitHubState = {
    issues: new Map(),
    comments: new Map(),
    labels: new Map(),
    collaborators: new Set(options.collaborators ?? []),
  };
  const requests: RecordedRequest[] = [];
  const searchIndex = new Map<number, SearchSnapshot[]>();
  const faults: PendingFault[] = [];
  const userIds = new Map<string, number>([[botLogin.toLowerCase(), GITHUB_ACTIONS_BOT_ID]]);
  const repoId = 700_000_001;
  const startedAt = now();
  let nextIssueNumber = 1;
  let nextIssueId = 2_000_000_001;
  let nextCommentId = 3_000_000_001;
  let nextLabelId = 4_000_000_001;
  let seedCount = 0;
  let writeCount = 0;
  const core = {
    limit: options.rateLimit?.limit ?? 1000,
    remaining: options.rateLimit?.remaining ?? options.rateLimit?.limit ?? 1000,
    reset: options.rateLimit?.resetEpochSeconds ?? Math.floor(startedAt / 1000) + 3600,
  };
  const search = { limit: 30, remaining: 30, reset: Math.floor(startedAt / 1000) + 60 };

  let origin = '';
  const apiUrl = (): string => `${origin}${prefix}`;
  const repoApi = (): string => `${apiUrl()}/repos/${owner}/${repo}`;
  const repoHtml = `${serverUrl}/${owner}/${repo}`;

  // --- rendering -----------------------------------------------------------

  function account(login: string): FakeAccount {
    return { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
  }

  function userJson(a: FakeAccount): UserJson {
    const key = a.login.toLowerCase();
    let id = userIds.get(key);
    if (id === undefined) {
      id = 1_000_000 + userIds.size;
      userIds.set(key, id);
    }
    const isBot = a.type === 'Bot';
    return {
      login: a.login,
      id,
      node_id: `${isBot ? 'BOT' : 'U'}_fake${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      url: `${apiUrl()}/users/${encodeURIComponent(a.login)}`,
      html_url: isBot ? `${serverUrl}/apps/${a.login.replace(/\[bot\]$/, '')}` : `${serverUrl}/${a.login}`,
      type: a.type,
      site_admin: false,
    };
  }

  function labelJson(l: LabelRecord): LabelJson {
    return {
      id: l.id,
      node_id: l.nodeId,
      url: `${repoApi()}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      color: l.color,
      default: l.default,
      description: l.description,
    };
  }

  function associationOf(login: string): string {
    if (login.toLowerCase() === owner.toLowerCase()) return 'OWNER';
    if (isCollaborator(login)) return 'COLLABORATOR';
    return 'NONE';
  }

  function commentCount(issueNumber: number): number {
    let n = 0;
    for (const c of state.comments.values()) if (c.issueNumber === issueNumber) n += 1;
    return n;
  }

  function labelsOf(issue: IssueRecord): LabelJson[] {
    const out: LabelJson[] = [];
    for (const name of issue.labels) {
      const l = state.labels.get(name.toLowerCase());
      if (l) out.push(labelJson(l));
    }
    return out;
  }

  function issueJson(issue: IssueRecord, commentsTotal = commentCount(issue.number)): IssueJson {
    const url = `${repoApi()}/issues/${issue.number}`;
    const pr = issue.pullRequest;
    const assignees = issue.assignees.map((login) => userJson(account(login)));
    const json: IssueJson = {
      url,
      repository_url: repoApi(),
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${repoHtml}/${pr ? 'pull' : 'issues'}/${issue.number}`,
      id: issue.id,
      node_id: issue.nodeId,
      number: issue.number,
      title: issue.title,
      user: userJson(issue.user),
      labels: labelsOf(issue),
      state: issue.state,
      state_reason: issue.stateReason,
      locked: issue.locked,
      assignee: assignees[0] ?? null,
      assignees,
      milestone: null,
      comments: commentsTotal,
      created_at: formatTime(issue.createdAt),
      updated_at: formatTime(issue.updatedAt),
      closed_at: issue.closedAt === null ? null : formatTime(issue.closedAt),
      closed_by: issue.closedBy ? userJson(issue.closedBy) : null,
      author_association: associationOf(issue.user.login),
      active_lock_reason: null,
      body: issue.body,
      performed_via_github_app: null,
    };
    if (pr) {
      json.draft = pr.draft;
      json.pull_request = {
        url: `${repoApi()}/pulls/${issue.number}`,
        html_url: `${repoHtml}/pull/${issue.number}`,
        diff_url: `${repoHtml}/pull/${issue.number}.diff`,
        patch_url: `${repoHtml}/pull/${issue.number}.patch`,
        merged_at: pr.mergedAt === null ? null : formatTime(pr.mergedAt),
      };
    }
    return json;
  }

  function commentJson(c: CommentRecord): CommentJson {
    return {
      url: `${repoApi()}/issues/comments/${c.id}`,
      html_url: `${repoHtml}/issues/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${repoApi()}/issues/${c.issueNumber}`,
      id: c.id,
      node_id: c.nodeId,
      user: userJson(c.user),
      created_at: formatTime(c.createdAt),
      updated_at: formatTime(c.updatedAt),
      author_association: associationOf(c.user.login),
      body: c.body,
      performed_via_github_app: null,
    };
  }

  function repositoryJson(fullName: string): RepositoryJson {
    const [repoOwner = owner, name = repo] = fullName.split('/');
    const isBase = fullName.toLowerCase() === `${owner}/${repo}`.toLowerCase();
    return {
      id: isBase ? repoId : repoId + 1,
      node_id: `R_fake${isBase ? repoId : repoId + 1}`,
      name,
      full_name: `${repoOwner}/${name}`,
      owner: userJson(account(repoOwner)),
      private: true,
      html_url: `${serverUrl}/${repoOwner}/${name}`,
      url: `${apiUrl()}/repos/${repoOwner}/${name}`,
      fork: !isBase,
      default_branch: 'main',
    };
  }

  function pullJson(issue: IssueRecord, pr: PullRequestRecord): PullJson {
    const html = `${repoHtml}/pull/${issue.number}`;
    const assignees = issue.assignees.map((login) => userJson(account(login)));
    const headRepo = repositoryJson(pr.headRepoFullName);
    return {
      url: `${repoApi()}/pulls/${issue.number}`,
      id: issue.id,
      node_id: issue.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${repoApi()}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      locked: issue.locked,
      title: issue.title,
      user: userJson(issue.user),
      body: issue.body,
      labels: labelsOf(issue),
      assignee: assignees[0] ?? null,
      assignees,
      created_at: formatTime(issue.createdAt),
      updated_at: formatTime(issue.updatedAt),
      closed_at: issue.closedAt === null ? null : formatTime(issue.closedAt),
      merged_at: pr.mergedAt === null ? null : formatTime(pr.mergedAt),
      merged: pr.mergedAt !== null,
      draft: pr.draft,
      head: { label: `${headRepo.owner.login}:${pr.headRef}`, ref: pr.headRef, sha: pr.headSha, repo: headRepo },
      base: { label: `${owner}:${pr.baseRef}`, ref: pr.baseRef, sha: pr.baseSha, repo: repositoryJson(`${owner}/${repo}`) },
    };
  }

  // --- state helpers -------------------------------------------------------

  function isCollaborator(login: string): boolean {
    const key = login.toLowerCase();
    for (const c of state.collaborators) if (c.toLowerCase() === key) return true;
    return false;
  }

  /** Returns the canonical name, creating the label like GitHub does when an issue write names a missing one. */
  function ensureLabel(name: string): string {
    const existing = state.labels.get(name.toLowerCase());
    if (existing) return existing.name;
    return createLabel({ name }).name;
  }

  function createLabel(seed: LabelSeed): LabelRecord {
    const id = nextLabelId++;
    const label: LabelRecord = {
      id,
      nodeId: `LA_fake${id}`,
      name: seed.name,
      color: (seed.color ?? 'ededed').toLowerCase(),
      description: seed.description ?? null,
      default: false,
    };
    state.labels.set(seed.name.toLowerCase(), label);
    return label;
  }

  function uniqueLabels(names: string[]): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const name of names) {
      const canonical = ensureLabel(name);
      if (!seen.has(canonical.toLowerCase())) {
        seen.add(canonical.toLowerCase());
        out.push(canonical);
      }
    }
    return out;
  }

  /** Records the issue as the search index will see it once the lag has passed. */
  function indexIssue(issue: IssueRecord, at: number = now()): void {
    const commentText = [...state.comments.values()]
      .filter((c) => c.issueNumber === issue.number)
      .map((c) => c.body)
      .join('\n');
    const snapshots = searchIndex.get(issue.number) ?? [];
    snapshots.push({ at, issue: structuredClone(issue), commentText });
    searchIndex.set(issue.number, snapshots);
  }

  function touch(issue: IssueRecord): void {
    issue.updatedAt = Math.max(now(), issue.updatedAt);
    indexIssue(issue);
  }

  function seedIssueRecord(seed: IssueSeed, pullRequest: PullRequestRecord | null): IssueRecord {
    seedCount += 1;
    const createdAt = seed.createdAt !== undefined ? toMillis(seed.createdAt) : startedAt - 86_400_000 + seedCount * 1000;
    const updatedAt = seed.updatedAt !== undefined ? toMillis(seed.updatedAt) : createdAt;
    const number = nextIssueNumber++;
    const id = nextIssueId++;
    const closed = seed.state === 'closed';
    const issue: IssueRecord = {
      id,
      nodeId: `${pullRequest ? 'PR' : 'I'}_fake${id}`,
      number,
      title: seed.title ?? `${pullRequest ? 'Pull request' : 'Issue'} ${number}`,
      body: seed.body === undefined ? null : seed.body,
      state: closed ? 'closed' : 'open',
      // GitHub gives closed pull requests no state_reason; closed issues default to completed.
      stateReason: seed.stateReason !== undefined ? seed.stateReason : closed && !pullRequest ? 'completed' : null,
      labels: uniqueLabels(seed.labels ?? []),
      assignees: [...(seed.assignees ?? [])],
      user: account(seed.user ?? 'octocat'),
      locked: seed.locked ?? false,
      createdAt,
      updatedAt,
      closedAt: closed ? updatedAt : null,
      closedBy: closed ? account(seed.user ?? 'octocat') : null,
      pullRequest,
    };
    state.issues.set(number, issue);
    indexIssue(issue, updatedAt);
    return issue;
  }

  // --- replies -------------------------------------------------------------

  const json = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
    headers ? { status, body, headers } : { status, body };
  const notFound = (docs: string, message = 'Not Found'): Reply => json(404, errorBody(message, docs, 404));
  const invalidRequest = (docs: string, detail: string): Reply =>
    json(422, errorBody(`Invalid request.\n\n${detail}`, docs, 422));
  const validationFailed = (docs: string, errors: unknown[]): Reply =>
    json(422, errorBody('Validation Failed', docs, 422, errors));

  function paginate<T>(items: T[], ctx: RequestContext): Reply {
    const rawPer = Number.parseInt(ctx.query.get('per_page') ?? '', 10);
    const perPage = Number.isNaN(rawPer) || rawPer < 1 ? 30 : Math.min(rawPer, 100);
    const rawPage = Number.parseInt(ctx.query.get('page') ?? '', 10);
    const page = Number.isNaN(rawPage) || rawPage < 1 ? 1 : rawPage;
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const linkTo = (p: number): string => {
      const q = new URLSearchParams(ctx.query);
      q.set('page', String(p));
      return `<${apiUrl()}${ctx.path}?${q.toString()}>`;
    };
    // GitHub lists prev, next, last, first, and sends no Link header when everything fits on one page.
    const links: string[] = [];
    if (page > 1) links.push(`${linkTo(Math.min(page - 1, lastPage))}; rel="prev"`);
    if (page < lastPage) links.push(`${linkTo(page + 1)}; rel="next"`, `${linkTo(lastPage)}; rel="last"`);
    if (page > 1) links.push(`${linkTo(1)}; rel="first"`);
    return links.length > 0 ? json(200, slice, { link: links.join(', ') }) : json(200, slice);
  }

  function checkLength(field: 'title' | 'body', value: string, resource: string, docs: string): Reply | null {
    const max = field === 'title' ? MAX_TITLE_CHARS : MAX_BODY_CHARS;
    if (countChars(value) <= max) return null;
    return validationFailed(docs, [
      { resource, code: 'custom', field, message: `${field} is too long (maximum is ${max} characters)` },
    ]);
  }

  function checkAssignees(logins: string[], docs: string): Reply | null {
    const invalid = logins.filter((login) => !isCollaborator(login));
    if (invalid.length === 0) return null;
    return validationFailed(
      docs,
      invalid.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })),
    );
  }

  function readAssignees(body: Record<string, unknown>): string[] | null | undefined {
    const list = body['assignees'];
    const single = body['assignee'];
    if (list === undefined && single === undefined) return undefined;
    const out: string[] = [];
    if (single !== undefined && single !== null) {
      if (typeof single !== 'string') return null;
      out.push(single);
    }
    if (list !== undefined && list !== null) {
      if (!Array.isArray(list) || !list.every((x): x is string => typeof x === 'string')) return null;
      out.push(...list);
    }
    return [...new Map(out.map((l) => [l.toLowerCase(), l])).values()];
  }

  function findIssue(ctx: RequestContext): IssueRecord | undefined {
    return state.issues.get(Number(ctx.params['issue_number']));
  }

  // --- routes --------------------------------------------------------------

  const routes: Route[] = [];
  const route = (method: string, template: string, docs: string, handle: (ctx: RequestContext) => Reply): void => {
    const { pattern, keys } = compileTemplate(template);
    routes.push({ method, template, pattern, keys, repoScoped: template.startsWith('/repos/{owner}/{repo}'), docs, handle });
  };

  route('GET', '/user', `${DOCS}/users/users#get-the-authenticated-user`, () =>
    // An installation token (GITHUB_TOKEN) is not a user: GitHub refuses this endpoint for it.
    json(403, errorBody('Resource not accessible by integration', `${DOCS}/users/users#get-the-authenticated-user`, 403)),
  );

  route('GET', '/repos/{owner}/{repo}', `${DOCS}/repos/repos#get-a-repository`, () =>
    json(200, repositoryJson(`${owner}/${repo}`)),
  );

  const listIssuesDocs = `${DOCS}/issues/issues#list-repository-issues`;
  route('GET', '/repos/{owner}/{repo}/issues', listIssuesDocs, (ctx) => {
    const stateFilter = ctx.query.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(stateFilter)) {
      return validationFailed(listIssuesDocs, [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
    }
    const wanted = (ctx.query.get('labels') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s.length > 0);
    const assignee = ctx.query.get('assignee');
    const creator = ctx.query.get('creator')?.toLowerCase();
    const since = ctx.query.get('since');
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    const sort = ctx.query.get('sort') ?? 'created';
    const ascending = ctx.query.get('direction') === 'asc';
    let items = [...state.issues.values()].filter((i) => {
      if (stateFilter !== 'all' && i.state !== stateFilter) return false;
      const have = new Set(i.labels.map((l) => l.toLowerCase()));
      if (!wanted.every((l) => have.has(l))) return false;
      if (assignee === 'none' && i.assignees.length > 0) return false;
      if (assignee === '*' && i.assignees.length === 0) return false;
      if (assignee && assignee !== 'none' && assignee !== '*' && !i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())) {
        return false;
      }
      if (creator && i.user.login.toLowerCase() !== creator) return false;
      if (!Number.isNaN(sinceMs) && i.updatedAt < sinceMs) return false;
      return true;
    });
    const counts = new Map(items.map((i) => [i.number, commentCount(i.number)]));
    const key = (i: IssueRecord): number =>
      sort === 'updated' ? i.updatedAt : sort === 'comments' ? (counts.get(i.number) ?? 0) : i.createdAt;
    items = items.sort((a, b) => (key(a) - key(b) || a.number - b.number) * (ascending ? 1 : -1));
    return paginate(
      items.map((i) => issueJson(i, counts.get(i.number))),
      ctx,
    );
  });

  const createIssueDocs = `${DOCS}/issues/issues#create-an-issue`;
  route('POST', '/repos/{owner}/{repo}/issues', createIssueDocs, (ctx) => {
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(createIssueDocs, 'Body should be a JSON object.');
    const rawTitle = body['title'];
    if (rawTitle === undefined || rawTitle === null) return invalidRequest(createIssueDocs, '"title" wasn\'t supplied.');
    if (typeof rawTitle !== 'string' && typeof rawTitle !== 'number') {
      return invalidRequest(createIssueDocs, 'For \'properties/title\', it is not a string or integer.');
    }
    const title = String(rawTitle);
    if (title.trim() === '') {
      return validationFailed(createIssueDocs, [{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    }
    const issueBody = body['body'];
    if (issueBody !== undefined && issueBody !== null && typeof issueBody !== 'string') {
      return invalidRequest(createIssueDocs, 'For \'properties/body\', it is not a string or null.');
    }
    const tooLong =
      checkLength('title', title, 'Issue', createIssueDocs) ??
      (typeof issueBody === 'string' ? checkLength('body', issueBody, 'Issue', createIssueDocs) : null);
    if (tooLong) return tooLong;
    let labels: string[] = [];
    if (body['labels'] !== undefined && body['labels'] !== null) {
      const parsed = parseLabelList(body['labels']);
      if (!parsed) return invalidRequest(createIssueDocs, 'For \'properties/labels\', it is not an array.');
      labels = parsed;
    }
    const assignees = readAssignees(body);
    if (assignees === null) return invalidRequest(createIssueDocs, 'For \'properties/assignees\', it is not an array of strings.');
    const refused = checkAssignees(assignees ?? [], createIssueDocs);
    if (refused) return refused;
    const t = now();
    const id = nextIssueId++;
    const issue: IssueRecord = {
      id,
      nodeId: `I_fake${id}`,
      number: nextIssueNumber++,
      title,
      body: typeof issueBody === 'string' ? issueBody : null,
      state: 'open',
      stateReason: null,
      labels: uniqueLabels(labels),
      assignees: (assignees ?? []).slice(0, MAX_ASSIGNEES),
      user: account(botLogin),
      locked: false,
      createdAt: t,
      updatedAt: t,
      closedAt: null,
      closedBy: null,
      pullRequest: null,
    };
    state.issues.set(issue.number, issue);
    indexIssue(issue, t);
    const out = issueJson(issue);
    return json(201, out, { location: out.url });
  });

  const getIssueDocs = `${DOCS}/issues/issues#get-an-issue`;
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}', getIssueDocs, (ctx) => {
    const issue = findIssue(ctx);
    return issue ? json(200, issueJson(issue)) : notFound(getIssueDocs);
  });

  const updateIssueDocs = `${DOCS}/issues/issues#update-an-issue`;
  route('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', updateIssueDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(updateIssueDocs);
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(updateIssueDocs, 'Body should be a JSON object.');
    // Validate everything before changing anything: GitHub applies an update entirely or not at all.
    let title: string | undefined;
    if (body['title'] !== undefined && body['title'] !== null) {
      if (typeof body['title'] !== 'string' && typeof body['title'] !== 'number') {
        return invalidRequest(updateIssueDocs, 'For \'properties/title\', it is not a string or integer.');
      }
      title = String(body['title']);
      if (title.trim() === '') {
        return validationFailed(updateIssueDocs, [{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
      }
      const tooLong = checkLength('title', title, 'Issue', updateIssueDocs);
      if (tooLong) return tooLong;
    }
    const hasBody = 'body' in body;
    const newBody = body['body'];
    if (hasBody && newBody !== null && typeof newBody !== 'string') {
      return invalidRequest(updateIssueDocs, 'For \'properties/body\', it is not a string or null.');
    }
    if (typeof newBody === 'string') {
      const tooLong = checkLength('body', newBody, 'Issue', updateIssueDocs);
      if (tooLong) return tooLong;
    }
    const newState = body['state'];
    if (newState !== undefined && newState !== 'open' && newState !== 'closed') {
      return validationFailed(updateIssueDocs, [{ value: newState, resource: 'Issue', field: 'state', code: 'invalid' }]);
    }
    const reason = body['state_reason'];
    const reasons: unknown[] = ['completed', 'not_planned', 'duplicate', 'reopened', null, undefined];
    if (!reasons.includes(reason)) {
      return validationFailed(updateIssueDocs, [{ value: reason, resource: 'Issue', field: 'state_reason', code: 'invalid' }]);
    }
    let labels: string[] | undefined;
    if (body['labels'] !== undefined && body['labels'] !== null) {
      const parsed = parseLabelList(body['labels']);
      if (!parsed) return invalidRequest(updateIssueDocs, 'For \'properties/labels\', it is not an array.');
      labels = parsed;
    }
    const assignees = readAssignees(body);
    if (assignees === null) return invalidRequest(updateIssueDocs, 'For \'properties/assignees\', it is not an array of strings.');
    const refused = checkAssignees(assignees ?? [], updateIssueDocs);
    if (refused) return refused;

    const before = JSON.stringify(issue);
    if (title !== undefined) issue.title = title;
    if (hasBody) issue.body = typeof newBody === 'string' ? newBody : null;
    if (labels !== undefined) issue.labels = uniqueLabels(labels);
    if (assignees !== undefined) issue.assignees = assignees.slice(0, MAX_ASSIGNEES);
    if (newState === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.stateReason = (reason as StateReason | null | undefined) ?? 'completed';
      issue.closedAt = now();
      issue.closedBy = account(botLogin);
    } else if (newState === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.stateReason = 'reopened';
      issue.closedAt = null;
      issue.closedBy = null;
    } else if (reason !== undefined && issue.state === 'closed') {
      issue.stateReason = reason as StateReason | null;
    }
    if (JSON.stringify(issue) !== before) touch(issue);
    return json(200, issueJson(issue));
  });

  const listCommentsDocs = `${DOCS}/issues/comments#list-issue-comments`;
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', listCommentsDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(listCommentsDocs);
    const since = ctx.query.get('since');
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    const items = [...state.comments.values()]
      .filter((c) => c.issueNumber === issue.number && (Number.isNaN(sinceMs) || c.updatedAt >= sinceMs))
      .sort((a, b) => a.id - b.id)
      .map(commentJson);
    return paginate(items, ctx);
  });

  function readCommentBody(body: unknown, docs: string): string | Reply {
    if (!isRecord(body)) return invalidRequest(docs, 'Body should be a JSON object.');
    const text = body['body'];
    if (text === undefined || text === null) return invalidRequest(docs, '"body" wasn\'t supplied.');
    if (typeof text !== 'string') return invalidRequest(docs, 'For \'properties/body\', it is not a string.');
    if (text.trim() === '') return validationFailed(docs, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    return checkLength('body', text, 'IssueComment', docs) ?? text;
  }

  const createCommentDocs = `${DOCS}/issues/comments#create-an-issue-comment`;
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', createCommentDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(createCommentDocs);
    const text = readCommentBody(ctx.body, createCommentDocs);
    if (typeof text !== 'string') return text;
    const t = now();
    const id = nextCommentId++;
    const comment: CommentRecord = {
      id,
      nodeId: `IC_fake${id}`,
      issueNumber: issue.number,
      body: text,
      user: account(botLogin),
      createdAt: t,
      updatedAt: t,
    };
    state.comments.set(id, comment);
    touch(issue);
    const out = commentJson(comment);
    return json(201, out, { location: out.url });
  });

  const getCommentDocs = `${DOCS}/issues/comments#get-an-issue-comment`;
  route('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', getCommentDocs, (ctx) => {
    const comment = state.comments.get(Number(ctx.params['comment_id']));
    return comment ? json(200, commentJson(comment)) : notFound(getCommentDocs);
  });

  const updateCommentDocs = `${DOCS}/issues/comments#update-an-issue-comment`;
  route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', updateCommentDocs, (ctx) => {
    const comment = state.comments.get(Number(ctx.params['comment_id']));
    if (!comment) return notFound(updateCommentDocs);
    const text = readCommentBody(ctx.body, updateCommentDocs);
    if (typeof text !== 'string') return text;
    if (text !== comment.body) {
      comment.body = text;
      comment.updatedAt = now();
      const issue = state.issues.get(comment.issueNumber);
      if (issue) indexIssue(issue);
    }
    return json(200, commentJson(comment));
  });

  const deleteCommentDocs = `${DOCS}/issues/comments#delete-an-issue-comment`;
  route('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', deleteCommentDocs, (ctx) => {
    const comment = state.comments.get(Number(ctx.params['comment_id']));
    if (!comment) return notFound(deleteCommentDocs);
    state.comments.delete(comment.id);
    const issue = state.issues.get(comment.issueNumber);
    if (issue) indexIssue(issue);
    return { status: 204 };
  });

  const listLabelsDocs = `${DOCS}/issues/labels#list-labels-for-a-repository`;
  route('GET', '/repos/{owner}/{repo}/labels', listLabelsDocs, (ctx) =>
    paginate(
      [...state.labels.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())).map(labelJson),
      ctx,
    ),
  );

  const getLabelDocs = `${DOCS}/issues/labels#get-a-label`;
  route('GET', '/repos/{owner}/{repo}/labels/{name}', getLabelDocs, (ctx) => {
    const label = state.labels.get((ctx.params['name'] ?? '').toLowerCase());
    return label ? json(200, labelJson(label)) : notFound(getLabelDocs);
  });

  function readLabelFields(body: Record<string, unknown>, docs: string): Reply | { color?: string; description?: string | null } {
    const color = body['color'];
    const description = body['description'];
    const out: { color?: string; description?: string | null } = {};
    if (color !== undefined && color !== null) {
      const hex = typeof color === 'string' ? color.replace(/^#/, '') : '';
      if (!/^[0-9a-fA-F]{6}$/.test(hex)) {
        return validationFailed(docs, [{ resource: 'Label', code: 'invalid', field: 'color' }]);
      }
      out.color = hex;
    }
    if (description !== undefined) {
      if (description !== null && typeof description !== 'string') {
        return invalidRequest(docs, 'For \'properties/description\', it is not a string or null.');
      }
      if (typeof description === 'string' && countChars(description) > 100) {
        return validationFailed(docs, [
          { resource: 'Label', code: 'custom', field: 'description', message: 'description is too long (maximum is 100 characters)' },
        ]);
      }
      out.description = description;
    }
    return out;
  }

  const createLabelDocs = `${DOCS}/issues/labels#create-a-label`;
  route('POST', '/repos/{owner}/{repo}/labels', createLabelDocs, (ctx) => {
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(createLabelDocs, 'Body should be a JSON object.');
    const name = body['name'];
    if (name === undefined || name === null) return invalidRequest(createLabelDocs, '"name" wasn\'t supplied.');
    if (typeof name !== 'string' || name.trim() === '') {
      return validationFailed(createLabelDocs, [{ resource: 'Label', code: 'missing_field', field: 'name' }]);
    }
    const fields = readLabelFields(body, createLabelDocs);
    if ('status' in fields) return fields;
    if (state.labels.has(name.toLowerCase())) {
      return validationFailed(createLabelDocs, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    const label = createLabel({ name, ...fields });
    const out = labelJson(label);
    return json(201, out, { location: out.url });
  });

  const updateLabelDocs = `${DOCS}/issues/labels#update-a-label`;
  route('PATCH', '/repos/{owner}/{repo}/labels/{name}', updateLabelDocs, (ctx) => {
    const label = state.labels.get((ctx.params['name'] ?? '').toLowerCase());
    if (!label) return notFound(updateLabelDocs);
    if (!isRecord(ctx.body)) return invalidRequest(updateLabelDocs, 'Body should be a JSON object.');
    const fields = readLabelFields(ctx.body, updateLabelDocs);
    if ('status' in fields) return fields;
    const newName = ctx.body['new_name'];
    if (typeof newName === 'string' && newName.toLowerCase() !== label.name.toLowerCase()) {
      if (state.labels.has(newName.toLowerCase())) {
        return validationFailed(updateLabelDocs, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      }
      for (const issue of state.issues.values()) {
        issue.labels = issue.labels.map((l) => (l === label.name ? newName : l));
      }
      state.labels.delete(label.name.toLowerCase());
      label.name = newName;
      state.labels.set(newName.toLowerCase(), label);
    } else if (typeof newName === 'string') {
      label.name = newName;
    }
    if (fields.color !== undefined) label.color = fields.color.toLowerCase();
    if (fields.description !== undefined) label.description = fields.description;
    return json(200, labelJson(label));
  });

  const deleteLabelDocs = `${DOCS}/issues/labels#delete-a-label`;
  route('DELETE', '/repos/{owner}/{repo}/labels/{name}', deleteLabelDocs, (ctx) => {
    const label = state.labels.get((ctx.params['name'] ?? '').toLowerCase());
    if (!label) return notFound(deleteLabelDocs);
    state.labels.delete(label.name.toLowerCase());
    for (const issue of state.issues.values()) {
      if (issue.labels.includes(label.name)) {
        issue.labels = issue.labels.filter((l) => l !== label.name);
        indexIssue(issue);
      }
    }
    return { status: 204 };
  });

  const issueLabelsDocs = `${DOCS}/issues/labels#list-labels-for-an-issue`;
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels', issueLabelsDocs, (ctx) => {
    const issue = findIssue(ctx);
    return issue ? paginate(labelsOf(issue), ctx) : notFound(issueLabelsDocs);
  });

  const addLabelsDocs = `${DOCS}/issues/labels#add-labels-to-an-issue`;
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', addLabelsDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(addLabelsDocs);
    const names = parseLabelList(ctx.body);
    if (!names) return invalidRequest(addLabelsDocs, 'For \'properties/labels\', it is not an array.');
    const merged = uniqueLabels([...issue.labels, ...names]);
    if (merged.join('\n') !== issue.labels.join('\n')) {
      issue.labels = merged;
      touch(issue);
    }
    return json(200, labelsOf(issue));
  });

  const setLabelsDocs = `${DOCS}/issues/labels#set-labels-for-an-issue`;
  route('PUT', '/repos/{owner}/{repo}/issues/{issue_number}/labels', setLabelsDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(setLabelsDocs);
    const names = parseLabelList(ctx.body);
    if (!names) return invalidRequest(setLabelsDocs, 'For \'properties/labels\', it is not an array.');
    const next = uniqueLabels(names);
    if (next.join('\n') !== issue.labels.join('\n')) {
      issue.labels = next;
      touch(issue);
    }
    return json(200, labelsOf(issue));
  });

  const removeLabelDocs = `${DOCS}/issues/labels#remove-a-label-from-an-issue`;
  route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', removeLabelDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(removeLabelDocs);
    const key = (ctx.params['name'] ?? '').toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === key)) return notFound(removeLabelDocs, 'Label does not exist');
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== key);
    touch(issue);
    return json(200, labelsOf(issue));
  });

  const removeAllLabelsDocs = `${DOCS}/issues/labels#remove-all-labels-from-an-issue`;
  route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels', removeAllLabelsDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(removeAllLabelsDocs);
    if (issue.labels.length > 0) {
      issue.labels = [];
      touch(issue);
    }
    return { status: 204 };
  });

  const addAssigneesDocs = `${DOCS}/issues/assignees#add-assignees-to-an-issue`;
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', addAssigneesDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(addAssigneesDocs);
    if (!isRecord(ctx.body)) return invalidRequest(addAssigneesDocs, 'Body should be a JSON object.');
    const wanted = readAssignees(ctx.body);
    if (wanted === null) return invalidRequest(addAssigneesDocs, 'For \'properties/assignees\', it is not an array of strings.');
    // Documented: on this endpoint, assignees that cannot be assigned are silently dropped.
    const have = new Set(issue.assignees.map((a) => a.toLowerCase()));
    const added = (wanted ?? []).filter((login) => isCollaborator(login) && !have.has(login.toLowerCase()));
    if (added.length > 0) {
      issue.assignees = [...issue.assignees, ...added].slice(0, MAX_ASSIGNEES);
      touch(issue);
    }
    return json(201, issueJson(issue));
  });

  const removeAssigneesDocs = `${DOCS}/issues/assignees#remove-assignees-from-an-issue`;
  route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', removeAssigneesDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(removeAssigneesDocs);
    const wanted = isRecord(ctx.body) ? readAssignees(ctx.body) : null;
    if (!wanted) return invalidRequest(removeAssigneesDocs, '"assignees" wasn\'t supplied.');
    const drop = new Set(wanted.map((a) => a.toLowerCase()));
    const kept = issue.assignees.filter((a) => !drop.has(a.toLowerCase()));
    if (kept.length !== issue.assignees.length) {
      issue.assignees = kept;
      touch(issue);
    }
    return json(200, issueJson(issue));
  });

  const listAssigneesDocs = `${DOCS}/issues/assignees#list-assignees`;
  route('GET', '/repos/{owner}/{repo}/assignees', listAssigneesDocs, (ctx) =>
    paginate(
      [...state.collaborators].map((login) => userJson(account(login))),
      ctx,
    ),
  );

  const checkAssigneeDocs = `${DOCS}/issues/assignees#check-if-a-user-can-be-assigned`;
  route('GET', '/repos/{owner}/{repo}/assignees/{assignee}', checkAssigneeDocs, (ctx) =>
    isCollaborator(ctx.params['assignee'] ?? '') ? { status: 204 } : notFound(checkAssigneeDocs),
  );

  const getPullDocs = `${DOCS}/pulls/pulls#get-a-pull-request`;
  const getEnvironmentDocs = `${DOCS}/deployments/environments#get-an-environment`;
  route('GET', '/repos/{owner}/{repo}/environments/{environment_name}', getEnvironmentDocs, (ctx) => {
    const name = decodeURIComponent(ctx.params['environment_name'] ?? '');
    const rules = options.environments?.[name];
    if (rules === undefined) return notFound(getEnvironmentDocs);
    return json(200, {
      id: 1,
      node_id: 'EN_fake',
      name,
      url: `${serverUrl}/api/v3/repos/${owner}/${repo}/environments/${encodeURIComponent(name)}`,
      html_url: `${serverUrl}/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      protection_rules: rules.map((type, index) => ({ id: index + 1, node_id: `GA_fake${index}`, type, ...(type === 'wait_timer' ? { wait_timer: 5 } : {}) })),
      deployment_branch_policy: rules.includes('branch_policy') ? { protected_branches: true, custom_branch_policies: false } : null,
    });
  });

  route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', getPullDocs, (ctx) => {
    const issue = state.issues.get(Number(ctx.params['pull_number']));
    return issue?.pullRequest ? json(200, pullJson(issue, issue.pullRequest)) : notFound(getPullDocs);
  });

  const searchDocs = `${DOCS}/search/search#search-issues-and-pull-requests`;
  route('GET', '/search/issues', searchDocs, (ctx) => {
    const q = ctx.query.get('q');
    if (!q || q.trim() === '') return validationFailed(searchDocs, [{ resource: 'Search', field: 'q', code: 'missing' }]);
    const filter = parseSearch(q);
    if (!filter.kind) {
      // Since 2025 GitHub refuses issue searches that do not say whether they want issues or pull requests.
      return json(422, errorBody("Query must include 'is:issue' or 'is:pull-request'", searchDocs, 422));
    }
    if (filter.repos.some((r) => r.toLowerCase() !== `${owner}/${repo}`.toLowerCase())) {
      return validationFailed(searchDocs, [
        {
          message:
            'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
          resource: 'Search',
          field: 'q',
          code: 'invalid',
        },
      ]);
    }
    const horizon = now() - searchLagMs;
    const visible: SearchSnapshot[] = [];
    for (const snapshots of searchIndex.values()) {
      let latest: SearchSnapshot | undefined;
      for (const s of snapshots) if (s.at <= horizon && (!latest || s.at >= latest.at)) latest = s;
      if (latest && matchesSearch(latest, filter)) visible.push(latest);
    }
    const sort = ctx.query.get('sort');
    const ascending = ctx.query.get('order') === 'asc';
    const key = (s: SearchSnapshot): number => (sort === 'updated' ? s.issue.updatedAt : s.issue.createdAt);
    visible.sort((a, b) => (key(a) - key(b) || a.issue.number - b.issue.number) * (ascending ? 1 : -1));
    const page = paginate(
      visible.map((s) => ({ ...issueJson(s.issue), score: 1 })),
      ctx,
    );
    const items = page.body;
    return { ...page, body: { total_count: visible.length, incomplete_results: false, items } };
  });

  interface SearchFilter {
    kind: 'issue' | 'pr' | null;
    repos: string[];
    state: 'open' | 'closed' | null;
    labels: string[][];
    notLabels: string[];
    author: string | null;
    assignee: string | null;
    inFields: Set<'title' | 'body' | 'comments'>;
    terms: string[];
  }

  function parseSearch(q: string): SearchFilter {
    const filter: SearchFilter = {
      kind: null,
      repos: [],
      state: null,
      labels: [],
      notLabels: [],
      author: null,
      assignee: null,
      inFields: new Set(),
      terms: [],
    };
    for (const token of tokenizeSearch(q)) {
      const m = /^(-?)(\w+):(.*)$/.exec(token);
      const negated = m?.[1] === '-';
      const qualifier = m?.[2]?.toLowerCase();
      const value = m?.[3] ?? '';
      const lower = value.toLowerCase();
      if (qualifier === 'is' || qualifier === 'type') {
        if (lower === 'issue') filter.kind = 'issue';
        else if (lower === 'pr' || lower === 'pull-request') filter.kind = 'pr';
        else if (lower === 'open' || lower === 'closed') filter.state = lower;
        else filter.terms.push(token);
      } else if (qualifier === 'state' && (lower === 'open' || lower === 'closed')) {
        filter.state = lower;
      } else if (qualifier === 'repo') {
        filter.repos.push(value);
      } else if (qualifier === 'label') {
        if (negated) filter.notLabels.push(lower);
        else filter.labels.push(lower.split(','));
      } else if (qualifier === 'author') {
        filter.author = lower;
      } else if (qualifier === 'assignee') {
        filter.assignee = lower;
      } else if (qualifier === 'in') {
        for (const f of lower.split(',')) if (f === 'title' || f === 'body' || f === 'comments') filter.inFields.add(f);
      } else {
        filter.terms.push(token.toLowerCase());
      }
    }
    return filter;
  }

  function matchesSearch(s: SearchSnapshot, f: SearchFilter): boolean {
    const issue = s.issue;
    if (f.kind === 'issue' && issue.pullRequest) return false;
    if (f.kind === 'pr' && !issue.pullRequest) return false;
    if (f.state && issue.state !== f.state) return false;
    const have = new Set(issue.labels.map((l) => l.toLowerCase()));
    if (!f.labels.every((anyOf) => anyOf.some((l) => have.has(l)))) return false;
    if (f.notLabels.some((l) => have.has(l))) return false;
    if (f.author && issue.user.login.toLowerCase() !== f.author) return false;
    if (f.assignee && !issue.assignees.some((a) => a.toLowerCase() === f.assignee)) return false;
    // Without in:, GitHub searches title, body and comments.
    const fields = f.inFields.size > 0 ? f.inFields : new Set(['title', 'body', 'comments']);
    const haystack = [
      fields.has('title') ? issue.title : '',
      fields.has('body') ? (issue.body ?? '') : '',
      fields.has('comments') ? s.commentText : '',
    ]
      .join('\n')
      .toLowerCase();
    return f.terms.every((term) => haystack.includes(term));
  }

  // --- request pipeline ----------------------------------------------------

  function rateLimitHeaders(bucket: typeof core, resource: string): Record<string, string> {
    return {
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(bucket.remaining),
      'x-ratelimit-used': String(bucket.limit - bucket.remaining),
      'x-ratelimit-reset': String(bucket.reset),
      'x-ratelimit-resource': resource,
    };
  }

  function takeFault(method: string, path: string, routeName: string | null): PendingFault | undefined {
    const index = faults.findIndex(({ fault }) => {
      if (fault.method && fault.method.toUpperCase() !== method) return false;
      if (fault.route && fault.route !== routeName) return false;
      if (typeof fault.path === 'string' && fault.path !== path) return false;
      if (fault.path instanceof RegExp && !fault.path.test(path)) return false;
      return true;
    });
    if (index < 0) return undefined;
    const pending = faults[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining <= 0) faults.splice(index, 1);
    return pending;
  }

  function secondaryLimitReply(status: 403 | 429, retryAfterSeconds: number): Reply {
    return json(
      status,
      errorBody(SECONDARY_RATE_LIMIT_MESSAGE, `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`, status),
      { 'retry-after': String(retryAfterSeconds) },
    );
  }

  function faultReply(fault: InjectedFault): Reply {
    if (fault.kind === 'secondary-rate-limit') return secondaryLimitReply(fault.status ?? 403, fault.retryAfterSeconds ?? 1);
    const body = fault.body ?? errorBody(`Injected failure ${fault.status}`, DOCS, fault.status);
    return fault.headers ? json(fault.status, body, fault.headers) : json(fault.status, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const method = (req.method ?? 'GET').toUpperCase();
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const record: RecordedRequest = {
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      route: null,
      headers,
      body: undefined,
      status: 0,
      response: undefined,
      unmatched: false,
      injected: null,
      at,
    };
    requests.push(record);

    let reply: Reply;
    try {
      const raw = await readBody(req);
      if (raw.length > 0) {
        try {
          record.body = JSON.parse(raw) as unknown;
        } catch {
          throw new BadJsonError();
        }
      }
      reply = dispatch(method, parsed, record);
    } catch (error) {
      reply =
        error instanceof BadJsonError
          ? json(400, errorBody('Problems parsing JSON', DOCS, 400))
          : json(500, errorBody(`Fake GitHub failed: ${String(error)}`, DOCS, 500));
    }

    record.status = reply.status;
    record.response = reply.body;
    const outHeaders: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${requests.length}`,
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, outHeaders);
      res.end();
      return;
    }
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...outHeaders,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
    });
    res.end(payload);
  }

  function dispatch(method: string, parsed: URL, record: RecordedRequest): Reply {
    if (prefix && !(parsed.pathname === prefix || parsed.pathname.startsWith(`${prefix}/`))) {
      record.unmatched = true;
      return notFound(DOCS);
    }
    const path = parsed.pathname.slice(prefix.length) || '/';
    record.path = path;

    const auth = record.headers['authorization'] ?? '';
    const m = /^(?:token|bearer)\s+(.+)$/i.exec(auth.trim());
    if (!m || m[1] !== token) return json(401, errorBody('Bad credentials', DOCS, 401));

    const isSearch = path.startsWith('/search/');
    const bucket = isSearch ? search : core;
    const nowSeconds = Math.floor(now() / 1000);
    if (nowSeconds >= bucket.reset) {
      bucket.remaining = bucket.limit;
      bucket.reset = nowSeconds + (isSearch ? 60 : 3600);
    }
    if (bucket.remaining <= 0) {
      const message = isSearch
        ? 'API rate limit exceeded for installation. Search requests are limited to 30 per minute.'
        : 'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID FAKE.';
      return json(403, errorBody(message, `${DOCS}/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit`, 403), {
        ...rateLimitHeaders(bucket, isSearch ? 'search' : 'core'),
      });
    }
    bucket.remaining -= 1;
    const limitHeaders = rateLimitHeaders(bucket, isSearch ? 'search' : 'core');
    const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...limitHeaders, ...reply.headers } });

    let matched: { route: Route; params: Record<string, string> } | undefined;
    for (const r of routes) {
      if (r.method !== method) continue;
      const hit = r.pattern.exec(path);
      if (!hit) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(hit[i + 1] ?? '');
      });
      matched = { route: r, params };
      break;
    }
    const sameRepo =
      matched !== undefined &&
      (!matched.route.repoScoped ||
        ((matched.params['owner'] ?? '').toLowerCase() === owner.toLowerCase() &&
          (matched.params['repo'] ?? '').toLowerCase() === repo.toLowerCase()));
    if (!matched || !sameRepo) {
      record.unmatched = true;
      return withLimits(notFound(DOCS));
    }
    const { route: r, params } = matched;
    const routeName = `${r.method} ${r.template}`;
    record.route = routeName;
    const isWrite = method !== 'GET' && method !== 'HEAD';

    const pending = takeFault(method, path, routeName);
    if (pending && !pending.fault.afterApplying) {
      record.injected = `failNext:${pending.fault.kind}`;
      return withLimits(faultReply(pending.fault));
    }
    if (isWrite && readOnly) {
      // A fork PR's GITHUB_TOKEN is read-only whatever the workflow's permissions say.
      record.injected = 'read-only';
      return withLimits(
        json(403, errorBody('Resource not accessible by integration', r.docs, 403), {
          'x-accepted-github-permissions': r.template.includes('/pulls') ? 'pull_requests=write' : 'issues=write; pull_requests=write',
        }),
      );
    }
    if (isWrite && secondary) {
      writeCount += 1;
      if (secondary.everyNthWrite > 0 && writeCount % secondary.everyNthWrite === 0) {
        record.injected = 'secondary-rate-limit';
        return withLimits(secondaryLimitReply(secondary.status ?? 403, secondary.retryAfterSeconds ?? 1));
      }
    }
    const reply = r.handle({ params, query: parsed.searchParams, body: record.body, path });
    if (pending) {
      record.injected = `failNext-after-applying:${pending.fault.kind}`;
      return withLimits(faultReply(pending.fault));
    }
    return withLimits(reply);
  }

  // --- server --------------------------------------------------------------

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: apiUrl(),
    owner,
    repo,
    token,
    botLogin,
    state,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    unmatched: () => requests.filter((r) => r.unmatched),
    clearRequests: () => {
      requests.length = 0;
    },
    addIssue: (seed = {}) => issueJson(seedIssueRecord(seed, null)),
    addIssues: (count, make) => Array.from({ length: count }, (_, i) => issueJson(seedIssueRecord(make ? make(i) : {}, null))),
    addPullRequest: (seed = {}) => {
      const pr: PullRequestRecord = {
        headRef: seed.headRef ?? `feature-${nextIssueNumber}`,
        headSha: seed.headSha ?? `${'a'.repeat(32)}${String(nextIssueNumber).padStart(8, '0')}`,
        headRepoFullName: seed.fork ? `contributor/${repo}` : `${owner}/${repo}`,
        baseRef: seed.baseRef ?? 'main',
        baseSha: seed.baseSha ?? `${'b'.repeat(32)}${String(nextIssueNumber).padStart(8, '0')}`,
        draft: seed.draft ?? false,
        mergedAt: null,
      };
      const issue = seedIssueRecord({ ...seed, state: seed.merged ? 'closed' : seed.state }, pr);
      if (seed.merged) pr.mergedAt = issue.closedAt;
      return issueJson(issue);
    },
    addComment: (issueNumber, seed) => {
      const issue = state.issues.get(issueNumber);
      if (!issue) throw new Error(`fake GitHub has no issue #${issueNumber}`);
      const s = typeof seed === 'string' ? { body: seed } : seed;
      const t = s.createdAt !== undefined ? toMillis(s.createdAt) : Math.max(issue.createdAt, now() - 3_600_000);
      const id = nextCommentId++;
      const comment: CommentRecord = {
        id,
        nodeId: `IC_fake${id}`,
        issueNumber,
        body: s.body,
        user: account(s.user ?? 'octocat'),
        createdAt: t,
        updatedAt: t,
      };
      state.comments.set(id, comment);
      indexIssue(issue, t);
      return commentJson(comment);
    },
    addLabel: (seed) => {
      const s = typeof seed === 'string' ? { name: seed } : seed;
      const existing = state.labels.get(s.name.toLowerCase());
      return labelJson(existing ?? createLabel(s));
    },
    getIssue: (issueNumber) => {
      const issue = state.issues.get(issueNumber);
      return issue ? issueJson(issue) : undefined;
    },
    listIssues: (filter = {}) =>
      [...state.issues.values()]
        .filter((i) => filter.includePullRequests || !i.pullRequest)
        .filter((i) => !filter.label || i.labels.some((l) => l.toLowerCase() === filter.label?.toLowerCase()))
        .filter((i) => !filter.state || filter.state === 'all' || i.state === filter.state)
        .sort((a, b) => a.number - b.number)
        .map((i) => issueJson(i)),
    listComments: (issueNumber) =>
      [...state.comments.values()]
        .filter((c) => c.issueNumber === issueNumber)
        .sort((a, b) => a.id - b.id)
        .map(commentJson),
    setReadOnly: (value) => {
      readOnly = value;
    },
    setSearchLagMs: (value) => {
      searchLagMs = value;
    },
    setSecondaryRateLimit: (value) => {
      secondary = value;
      writeCount = 0;
    },
    failNext: (fault) => {
      faults.push({ fault, remaining: fault.times ?? 1 });
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Octokit's fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
      const unmatched = requests.filter((r) => r.unmatched);
      if (unmatched.length > 0 && options.allowUnmatched !== true) {
        throw new Error(`fake GitHub: ${unmatched.length} request(s) matched no route: ${unmatched.map((r) => `${r.method} ${r.path}`).join(', ')}; add the route the code needs, or pass allowUnmatched to a test about unknown endpoints`);
      }
    },
  };
}
