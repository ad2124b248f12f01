// Pull requests: GitHub stores every pull request as an issue too, so the issue list answers them (marked by
// `pull_request`) and remind must skip them. The pulls API routes serve rotate, which opens, finds and closes its
// pull request; the merge route serves the tests that press the merge button. The fake holds no git objects: branch
// heads and the merge itself come from the test's repository through the `git` option.
import { type AddRoute, DOCS, errorBody, formatTime, isRecord } from './shared.js';
import type { IssueJson, IssueRecord, PullJson, PullRequestRecord, PullRequestSeed, RepositoryJson } from './types.js';
import type { World } from './world.js';

const REPOSITORY_ID = 700_000_001;

/** Seeds a pull request and returns it in its issue shape (with `pull_request`). */
export function seedPullRequest(w: World, seed: PullRequestSeed): IssueJson {
  const { owner, repo, counters } = w;
  const number = counters.issueNumber;
  const pr: PullRequestRecord = {
    headRef: seed.headRef ?? `feature-${number}`,
    headSha: seed.headSha ?? `${'a'.repeat(32)}${String(number).padStart(8, '0')}`,
    headRepoFullName: seed.fork ? `contributor/${repo}` : `${owner}/${repo}`,
    baseRef: seed.baseRef ?? 'main',
    baseSha: seed.baseSha ?? `${'b'.repeat(32)}${String(number).padStart(8, '0')}`,
    draft: seed.draft ?? false,
    mergedAt: null,
  };
  const issue = w.seedIssueRecord({ ...seed, state: seed.merged ? 'closed' : seed.state }, pr);
  if (seed.merged) pr.mergedAt = issue.closedAt;
  return w.issueJson(issue);
}

function repositoryJson(w: World, fullName: string): RepositoryJson {
  const { owner, repo, serverUrl, apiUrl, account, userJson } = w;
  const [repoOwner = owner, name = repo] = fullName.split('/');
  const isBase = fullName.toLowerCase() === `${owner}/${repo}`.toLowerCase();
  const id = isBase ? REPOSITORY_ID : REPOSITORY_ID + 1;
  return {
    id,
    node_id: `R_fake${id}`,
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

function pullJson(w: World, issue: IssueRecord, pr: PullRequestRecord): PullJson {
  const { owner, repo, repoApi, repoHtml, account, userJson, labelsOf } = w;
  const html = `${repoHtml}/pull/${issue.number}`;
  const assignees = issue.assignees.map((login) => userJson(account(login)));
  const headRepo = repositoryJson(w, pr.headRepoFullName);
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
    base: { label: `${owner}:${pr.baseRef}`, ref: pr.baseRef, sha: pr.baseSha, repo: repositoryJson(w, `${owner}/${repo}`) },
  };
}

export function addPullRoutes(w: World, route: AddRoute): void {
  const { options, owner, repo, botLogin, now, state, counters, account, indexIssue, touch, json, notFound, invalidRequest, validationFailed, checkLength } = w;

  const listPullsDocs = `${DOCS}/pulls/pulls#list-pull-requests`;
  route('GET', '/repos/{owner}/{repo}/pulls', listPullsDocs, (ctx) => {
    const wanted = ctx.query.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(wanted)) return validationFailed(listPullsDocs, [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    const head = ctx.query.get('head');
    const base = ctx.query.get('base');
    const perPage = Math.min(Number(ctx.query.get('per_page') ?? '30') || 30, 100);
    const page = Math.max(Number(ctx.query.get('page') ?? '1') || 1, 1);
    const matches = [...state.issues.values()]
      .filter((issue): issue is IssueRecord & { pullRequest: PullRequestRecord } => issue.pullRequest !== null)
      .filter((issue) => wanted === 'all' || issue.state === wanted)
      // `head` is `user:ref-name` (or `organization:ref-name`); a bare ref matches nothing, as on GitHub.
      .filter((issue) => head === null || `${issue.pullRequest.headRepoFullName.split('/')[0]}:${issue.pullRequest.headRef}` === head)
      .filter((issue) => base === null || issue.pullRequest.baseRef === base)
      .sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
    return json(200, matches.slice((page - 1) * perPage, page * perPage).map((issue) => pullJson(w, issue, issue.pullRequest)));
  });

  const createPullDocs = `${DOCS}/pulls/pulls#create-a-pull-request`;
  route('POST', '/repos/{owner}/{repo}/pulls', createPullDocs, (ctx) => {
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(createPullDocs, 'Body should be a JSON object.');
    const title = body['title'];
    const head = body['head'];
    const base = body['base'];
    if (typeof head !== 'string' || typeof base !== 'string') return invalidRequest(createPullDocs, '"head" and "base" are required.');
    if (typeof title !== 'string' || title.trim() === '') return validationFailed(createPullDocs, [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
    const pullBody = typeof body['body'] === 'string' ? body['body'] : null;
    const tooLong = checkLength('title', title, 'PullRequest', createPullDocs) ?? (pullBody === null ? null : checkLength('body', pullBody, 'PullRequest', createPullDocs));
    if (tooLong) return tooLong;
    const headRef = head.includes(':') ? head.slice(head.indexOf(':') + 1) : head;
    const headSha = options.git?.branchSha(headRef);
    const baseSha = options.git?.branchSha(base);
    if (headSha === undefined) return validationFailed(createPullDocs, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    if (baseSha === undefined) return validationFailed(createPullDocs, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    const open = [...state.issues.values()].find((issue) => issue.state === 'open' && issue.pullRequest?.headRef === headRef && issue.pullRequest.baseRef === base);
    if (open) return validationFailed(createPullDocs, [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${headRef}.` }]);
    const t = now();
    const id = counters.issueId++;
    const pr: PullRequestRecord = { headRef, headSha, headRepoFullName: `${owner}/${repo}`, baseRef: base, baseSha, draft: body['draft'] === true, mergedAt: null };
    const issue: IssueRecord = {
      id,
      nodeId: `PR_fake${id}`,
      number: counters.issueNumber++,
      title,
      body: pullBody,
      state: 'open',
      stateReason: null,
      labels: [],
      assignees: [],
      user: account(botLogin),
      locked: false,
      createdAt: t,
      updatedAt: t,
      closedAt: null,
      closedBy: null,
      pullRequest: pr,
    };
    state.issues.set(issue.number, issue);
    indexIssue(issue, t);
    const out = pullJson(w, issue, pr);
    return json(201, out, { location: out.url });
  });

  const updatePullDocs = `${DOCS}/pulls/pulls#update-a-pull-request`;
  route('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', updatePullDocs, (ctx) => {
    const issue = state.issues.get(Number(ctx.params['pull_number']));
    if (!issue?.pullRequest) return notFound(updatePullDocs);
    const body = isRecord(ctx.body) ? ctx.body : {};
    if (typeof body['title'] === 'string') issue.title = body['title'];
    if (typeof body['body'] === 'string') issue.body = body['body'];
    if (body['state'] === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closedAt = now();
      issue.closedBy = account(botLogin);
    } else if (body['state'] === 'open' && issue.state === 'closed' && issue.pullRequest.mergedAt === null) {
      issue.state = 'open';
      issue.closedAt = null;
      issue.closedBy = null;
    }
    touch(issue);
    return json(200, pullJson(w, issue, issue.pullRequest));
  });

  const mergePullDocs = `${DOCS}/pulls/pulls#merge-a-pull-request`;
  route('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', mergePullDocs, (ctx) => {
    const issue = state.issues.get(Number(ctx.params['pull_number']));
    if (!issue?.pullRequest) return notFound(mergePullDocs);
    const pr = issue.pullRequest;
    if (pr.mergedAt !== null || issue.state === 'closed' || !options.git) {
      return json(405, errorBody('Pull Request is not mergeable', mergePullDocs, 405));
    }
    const sha = options.git.merge(pr.headRef, pr.baseRef, `Merge pull request #${issue.number} from ${owner}/${pr.headRef}`);
    pr.mergedAt = now();
    issue.state = 'closed';
    issue.closedAt = pr.mergedAt;
    issue.closedBy = account(botLogin);
    touch(issue);
    return json(200, { sha, merged: true, message: 'Pull Request successfully merged' });
  });
}
