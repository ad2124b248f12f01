// The fake GitHub's public types: what tests seed, read back and configure, and GitHub's JSON shapes the code reads.
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
  /**
   * The routes (Octokit notation, e.g. `POST /repos/{owner}/{repo}/issues`) this test means to exercise. close() fails
   * when one of them was never requested, or is not a route the fake serves, so a test whose code stopped calling an
   * endpoint fails instead of passing on checks that no longer run (renovate's HTTP mocks fail on unused scopes alike).
   */
  expectRoutes?: readonly string[];
  /**
   * The git side of pull requests, which the fake does not hold: the head commit of a branch (undefined when the
   * branch does not exist, so creating a pull request from it fails as on GitHub), and the merge itself.
   */
  git?: FakeGitHubGit;
}

/** What the fake asks of the test's git repository (the bare remote) for pull requests. */
export interface FakeGitHubGit {
  branchSha(ref: string): string | undefined;
  /** Merges `head` into `base` as the merge button does and returns the merge commit's sha. */
  merge(head: string, base: string, message: string): string;
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
  /** Every route the fake serves, in Octokit's notation. */
  readonly routes: readonly string[];
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
