// The fake GitHub's world: its store, its ids and clock, GitHub's JSON rendering, and the validation and paging
// rules every route shares. Each concern's routes (issues.ts, comments.ts, ...) read and change it.
import {
  DOCS,
  GITHUB_ACTIONS_BOT_ID,
  MAX_ASSIGNEES,
  MAX_BODY_CHARS,
  MAX_TITLE_CHARS,
  countChars,
  errorBody,
  formatTime,
  toMillis,
  type Reply,
  type RequestContext,
  type SearchSnapshot,
} from './shared.js';
import type {
  CommentJson,
  CommentRecord,
  FakeAccount,
  FakeGitHubOptions,
  FakeGitHubState,
  IssueJson,
  IssueRecord,
  IssueSeed,
  LabelJson,
  LabelRecord,
  LabelSeed,
  PullRequestRecord,
  UserJson,
  RecordedRequest,
} from './types.js';

export type World = ReturnType<typeof createWorld>;

export function createWorld(options: FakeGitHubOptions) {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'infra';
  const token = options.token ?? 'ghs_fakeinstallationtoken';
  const botLogin = options.botLogin ?? 'github-actions[bot]';
  const prefix = (options.apiPathPrefix ?? '').replace(/\/+$/, '');
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());
  /** What tests may switch while the fake runs. */
  const settings = {
    readOnly: options.readOnly ?? false,
    searchLagMs: options.searchLagMs ?? 60_000,
    secondary: options.secondaryRateLimit,
  };

  const state: FakeGitHubState = {
    issues: new Map(),
    comments: new Map(),
    labels: new Map(),
    collaborators: new Set(options.collaborators ?? []),
  };
  const requests: RecordedRequest[] = [];
  const searchIndex = new Map<number, SearchSnapshot[]>();
  const userIds = new Map<string, number>([[botLogin.toLowerCase(), GITHUB_ACTIONS_BOT_ID]]);
  const startedAt = now();
  const counters = { issueNumber: 1, issueId: 2_000_000_001, commentId: 3_000_000_001, labelId: 4_000_000_001, seeds: 0 };

  const address = { origin: '' };
  const apiUrl = (): string => `${address.origin}${prefix}`;
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
    const id = counters.labelId++;
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
    counters.seeds += 1;
    const createdAt = seed.createdAt !== undefined ? toMillis(seed.createdAt) : startedAt - 86_400_000 + counters.seeds * 1000;
    const updatedAt = seed.updatedAt !== undefined ? toMillis(seed.updatedAt) : createdAt;
    const number = counters.issueNumber++;
    const id = counters.issueId++;
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


  return {
    options,
    owner,
    repo,
    token,
    botLogin,
    prefix,
    serverUrl,
    now,
    settings,
    state,
    requests,
    searchIndex,
    startedAt,
    counters,
    address,
    apiUrl,
    repoApi,
    repoHtml,
    account,
    userJson,
    labelJson,
    associationOf,
    commentCount,
    labelsOf,
    issueJson,
    commentJson,
    isCollaborator,
    ensureLabel,
    createLabel,
    uniqueLabels,
    indexIssue,
    touch,
    seedIssueRecord,
    json,
    notFound,
    invalidRequest,
    validationFailed,
    paginate,
    checkLength,
    checkAssignees,
    readAssignees,
    findIssue,
  };
}
