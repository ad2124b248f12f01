// Proves the fake GitHub answers the way @actions/github's Octokit expects, so remind and action tests can trust it.
import { afterEach, describe, expect, it } from 'vitest';
import { getOctokit } from '@actions/github';
import { throttling } from '@octokit/plugin-throttling';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './fake-github.js';

const running: FakeGitHub[] = [];

async function start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', token: 'ghs_test', ...options });
  running.push(fake);
  return fake;
}

function octokitFor(fake: FakeGitHub, token = fake.token): ReturnType<typeof getOctokit> {
  // @actions/github reads GITHUB_API_URL when imported, so the base URL is always passed explicitly.
  return getOctokit(token, { baseUrl: fake.url });
}

interface HttpFailure {
  status: number;
  message: string;
  data: unknown;
  headers: Record<string, string | undefined>;
}

/** Awaits a request that must fail and returns what Octokit's RequestError carries. */
async function failureOf(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: unknown; message?: unknown; response?: { data?: unknown; headers?: Record<string, string> } };
    if (typeof e.status !== 'number') throw error;
    return { status: e.status, message: String(e.message), data: e.response?.data, headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

describe('fake GitHub: listing issues', () => {
  it('paginates 30 per page across three pages with absolute Link headers, newest first', async () => {
    const fake = await start();
    fake.addIssues(70, (i) => ({ title: `unrelated ${i}` }));
    const octokit = octokitFor(fake);

    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'acme', repo: 'infra', state: 'all' });

    expect(all).toHaveLength(70);
    expect(all[0]?.title).toBe('unrelated 69');
    expect(all.at(-1)?.title).toBe('unrelated 0');
    expect(new Set(all.map((i) => i.number)).size).toBe(70);
    const pages = fake.requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/issues');
    expect(pages.map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '3']);
    expect(pages.map((r) => (r.response as unknown[]).length)).toEqual([30, 30, 10]);
    expect(fake.unmatched()).toEqual([]);
  });

  it('sends prev, next, last and first links on a middle page and none when one page holds everything', async () => {
    const fake = await start();
    fake.addIssues(5);
    const octokit = octokitFor(fake);

    const middle = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'infra', per_page: 2, page: 2 });
    const single = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'infra' });

    const link = middle.headers.link ?? '';
    const base = `${fake.url}/repos/acme/infra/issues?per_page=2&page=`;
    expect(link).toBe(
      `<${base}1>; rel="prev", <${base}3>; rel="next", <${base}3>; rel="last", <${base}1>; rel="first"`,
    );
    expect(single.headers.link).toBeUndefined();
    expect(single.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('lists pull requests among issues, marked by a pull_request key, and filters by label and state', async () => {
    const fake = await start();
    fake.addIssue({ title: 'bug', labels: ['bug'] });
    fake.addPullRequest({ title: 'feature', labels: ['bug'] });
    fake.addIssue({ title: 'old bug', labels: ['bug'], state: 'closed' });
    fake.addIssue({ title: 'question' });
    const octokit = octokitFor(fake);

    const open = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'acme', repo: 'infra', labels: 'BUG' });
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'infra',
      labels: 'bug',
      state: 'all',
    });

    expect(open.map((i) => [i.title, i.pull_request !== undefined])).toEqual([
      ['feature', true],
      ['bug', false],
    ]);
    expect(all.map((i) => i.title)).toEqual(['old bug', 'feature', 'bug']);
    const closed = all.find((i) => i.title === 'old bug');
    expect(closed?.state_reason).toBe('completed');
    expect(closed?.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['bug']);
  });

  it('serves a pull request on the pulls endpoint and 404 for a plain issue', async () => {
    const fake = await start();
    const issue = fake.addIssue();
    const pr = fake.addPullRequest({ headRef: 'rotate-openai', fork: true });
    const octokit = octokitFor(fake);

    const got = await octokit.rest.pulls.get({ owner: 'acme', repo: 'infra', pull_number: pr.number });
    const missing = await failureOf(octokit.rest.pulls.get({ owner: 'acme', repo: 'infra', pull_number: issue.number }));

    expect(got.data.head.ref).toBe('rotate-openai');
    expect(got.data.head.repo?.fork).toBe(true);
    expect(got.data.base.repo.full_name).toBe('acme/infra');
    expect(missing.status).toBe(404);
  });
});

describe('fake GitHub: writing issues', () => {
  it('creates an issue as the bot, creating missing labels and assigning a collaborator', async () => {
    const fake = await start({ collaborators: ['alice'] });
    const octokit = octokitFor(fake);

    const created = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'infra',
      title: 'Rotate openai',
      body: '<!-- credledger:id=openai -->',
      labels: ['credential-rotation', 'overdue'],
      assignees: ['Alice'],
    });

    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.user?.type).toBe('Bot');
    expect(created.data.assignees?.map((a) => a.login)).toEqual(['Alice']);
    expect(created.data.html_url).toBe(`https://github.com/acme/infra/issues/${created.data.number}`);
    const label = await octokit.rest.issues.getLabel({ owner: 'acme', repo: 'infra', name: 'credential-rotation' });
    expect(label.data.color).toMatch(/^[0-9a-f]{6}$/);
    expect([...fake.state.labels.keys()].sort()).toEqual(['credential-rotation', 'overdue']);
  });

  it('refuses an unknown assignee with 422 Validation Failed and creates nothing', async () => {
    const fake = await start({ collaborators: ['alice'] });
    const octokit = octokitFor(fake);

    const failure = await failureOf(
      octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'Rotate aws', assignees: ['bob'] }),
    );

    expect(failure.status).toBe(422);
    expect(failure.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ value: 'bob', resource: 'Issue', field: 'assignees', code: 'invalid' }],
    });
    expect(fake.state.issues.size).toBe(0);
  });

  it('requires a title on create', async () => {
    const fake = await start();
    const octokit = octokitFor(fake);

    const missing = await failureOf(octokit.request('POST /repos/acme/infra/issues', { body: 'no title' }));
    const blank = await failureOf(octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: ' ' }));

    expect(missing.status).toBe(422);
    expect(blank.status).toBe(422);
    expect(blank.data).toMatchObject({ errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
  });

  it('silently drops assignees that cannot be assigned on the add-assignees endpoint', async () => {
    const fake = await start({ collaborators: ['alice'] });
    const issue = fake.addIssue();
    const octokit = octokitFor(fake);

    const res = await octokit.rest.issues.addAssignees({
      owner: 'acme',
      repo: 'infra',
      issue_number: issue.number,
      assignees: ['bob', 'alice'],
    });

    expect(res.status).toBe(201);
    expect(res.data.assignees?.map((a) => a.login)).toEqual(['alice']);
  });

  it('closes with a state reason, reopens, and replaces labels and assignees on PATCH', async () => {
    const fake = await start({ collaborators: ['alice', 'carol'] });
    const issue = fake.addIssue({ labels: ['credential-rotation', 'due-soon'], assignees: ['alice'] });
    const octokit = octokitFor(fake);
    const target = { owner: 'acme', repo: 'infra', issue_number: issue.number };

    const closed = await octokit.rest.issues.update({ ...target, state: 'closed', state_reason: 'completed' });
    const reopened = await octokit.rest.issues.update({
      ...target,
      state: 'open',
      labels: ['credential-rotation', 'overdue'],
      assignees: ['carol'],
    });
    const refused = await failureOf(octokit.rest.issues.update({ ...target, assignees: ['mallory'] }));

    expect(closed.data.state).toBe('closed');
    expect(closed.data.state_reason).toBe('completed');
    expect(closed.data.closed_at).not.toBeNull();
    expect(reopened.data.state).toBe('open');
    expect(reopened.data.state_reason).toBe('reopened');
    expect(reopened.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['credential-rotation', 'overdue']);
    expect(refused.status).toBe(422);
    expect(fake.getIssue(issue.number)?.assignees.map((a) => a.login)).toEqual(['carol']);
  });

  it('adds and removes issue labels, answering 404 for a label the issue does not carry', async () => {
    const fake = await start();
    const issue = fake.addIssue({ labels: ['a'] });
    const octokit = octokitFor(fake);
    const target = { owner: 'acme', repo: 'infra', issue_number: issue.number };

    const added = await octokit.rest.issues.addLabels({ ...target, labels: ['b', 'A'] });
    const removed = await octokit.rest.issues.removeLabel({ ...target, name: 'a' });
    const absent = await failureOf(octokit.rest.issues.removeLabel({ ...target, name: 'zzz' }));

    expect(added.data.map((l) => l.name)).toEqual(['a', 'b']);
    expect(removed.data.map((l) => l.name)).toEqual(['b']);
    expect(absent.status).toBe(404);
    expect(absent.message).toContain('Label does not exist');
  });
});

describe('fake GitHub: comments and labels', () => {
  it('pages comments oldest first, edits and deletes them, and refuses bodies over 65536 characters', async () => {
    const fake = await start();
    const pr = fake.addPullRequest();
    for (let i = 0; i < 35; i += 1) fake.addComment(pr.number, `comment ${i}`);
    const octokit = octokitFor(fake);
    const target = { owner: 'acme', repo: 'infra', issue_number: pr.number };

    const created = await octokit.rest.issues.createComment({ ...target, body: '<!-- credledger:plan -->\nplan' });
    const comments = await octokit.paginate(octokit.rest.issues.listComments, target);
    const edited = await octokit.rest.issues.updateComment({ owner: 'acme', repo: 'infra', comment_id: created.data.id, body: 'v2' });
    const tooLong = await failureOf(octokit.rest.issues.createComment({ ...target, body: 'x'.repeat(65537) }));
    await octokit.rest.issues.deleteComment({ owner: 'acme', repo: 'infra', comment_id: comments[0]?.id ?? 0 });

    expect(comments).toHaveLength(36);
    expect(comments[0]?.body).toBe('comment 0');
    expect(comments.at(-1)?.user?.login).toBe('github-actions[bot]');
    expect(edited.data.body).toBe('v2');
    expect(tooLong.status).toBe(422);
    expect(tooLong.data).toMatchObject({
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
    });
    expect(fake.listComments(pr.number)).toHaveLength(35);
    expect(fake.getIssue(pr.number)?.comments).toBe(35);
  });

  it('answers 404 for a missing label, creates it once, and refuses a duplicate as already_exists', async () => {
    const fake = await start();
    const octokit = octokitFor(fake);

    const missing = await failureOf(octokit.rest.issues.getLabel({ owner: 'acme', repo: 'infra', name: 'due soon' }));
    const created = await octokit.rest.issues.createLabel({ owner: 'acme', repo: 'infra', name: 'due soon', color: 'FBCA04' });
    const duplicate = await failureOf(octokit.rest.issues.createLabel({ owner: 'acme', repo: 'infra', name: 'Due Soon' }));
    const found = await octokit.rest.issues.getLabel({ owner: 'acme', repo: 'infra', name: 'DUE SOON' });

    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ message: 'Not Found' });
    expect(created.status).toBe(201);
    expect(created.data.color).toBe('fbca04');
    expect(duplicate.status).toBe(422);
    expect(duplicate.data).toMatchObject({ errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
    expect(found.data.name).toBe('due soon');
    // A legitimate 404 on a known route is not a client bug.
    expect(fake.unmatched()).toEqual([]);
  });
});

describe('fake GitHub: search index lag', () => {
  it('sees seeded issues at once but a just-created issue only after the lag', async () => {
    let clock = Date.parse('2026-11-02T09:00:00Z');
    const fake = await start({ now: () => clock, searchLagMs: 60_000 });
    fake.addIssue({ title: 'old rotation', labels: ['credential-rotation'], body: 'credledger:id=aws' });
    const octokit = octokitFor(fake);
    const created = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'infra',
      title: 'new rotation',
      labels: ['credential-rotation'],
      body: 'credledger:id=openai',
    });
    const q = 'repo:acme/infra is:issue label:credential-rotation in:body credledger';

    const early = await octokit.rest.search.issuesAndPullRequests({ q });
    clock += 60_000;
    const later = await octokit.rest.search.issuesAndPullRequests({ q });

    expect(early.data.incomplete_results).toBe(false);
    expect(early.data.items.map((i) => i.title)).toEqual(['old rotation']);
    expect(later.data.total_count).toBe(2);
    expect(later.data.items.map((i) => i.number)).toContain(created.data.number);
  });

  it('keeps answering with the stale state of an issue until the lag has passed', async () => {
    let clock = Date.parse('2026-11-02T09:00:00Z');
    const fake = await start({ now: () => clock, searchLagMs: 30_000 });
    const issue = fake.addIssue({ title: 'rotate stripe' });
    const octokit = octokitFor(fake);
    await octokit.rest.issues.update({ owner: 'acme', repo: 'infra', issue_number: issue.number, state: 'closed' });

    const stale = await octokit.rest.search.issuesAndPullRequests({ q: 'repo:acme/infra is:issue is:open stripe' });
    clock += 30_000;
    const fresh = await octokit.rest.search.issuesAndPullRequests({ q: 'repo:acme/infra is:issue is:open stripe' });

    expect(stale.data.items.map((i) => i.state)).toEqual(['open']);
    expect(fresh.data.items).toEqual([]);
  });

  it('refuses a query without is:issue or is:pull-request, and another repository', async () => {
    const fake = await start();
    const octokit = octokitFor(fake);

    const untyped = await failureOf(octokit.rest.search.issuesAndPullRequests({ q: 'repo:acme/infra rotation' }));
    const elsewhere = await failureOf(octokit.rest.search.issuesAndPullRequests({ q: 'repo:other/repo is:issue' }));

    expect(untyped.status).toBe(422);
    expect(untyped.message).toContain("Query must include 'is:issue' or 'is:pull-request'");
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.data).toMatchObject({ errors: [{ resource: 'Search', field: 'q', code: 'invalid' }] });
  });
});

describe('fake GitHub: refusals', () => {
  it('answers every Nth write with a secondary rate limit (403 or 429) and does not perform it', async () => {
    const fake = await start({ secondaryRateLimit: { everyNthWrite: 2 } });
    const octokit = octokitFor(fake);

    await octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'one' });
    const limited = await failureOf(octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'two' }));
    fake.setSecondaryRateLimit({ everyNthWrite: 1, status: 429, retryAfterSeconds: 7 });
    const tooMany = await failureOf(octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'three' }));

    expect(limited.status).toBe(403);
    expect(limited.message).toMatch(/secondary rate limit/);
    expect(limited.headers['retry-after']).toBe('1');
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers['retry-after']).toBe('7');
    expect(fake.listIssues().map((i) => i.title)).toEqual(['one']);
    expect(fake.writes().map((r) => r.injected)).toEqual([null, 'secondary-rate-limit', 'secondary-rate-limit']);
  });

  it('is retried by @octokit/plugin-throttling after retry-after, so the write lands exactly once', async () => {
    const fake = await start({ secondaryRateLimit: { everyNthWrite: 1 } });
    const octokit = getOctokit(
      fake.token,
      {
        baseUrl: fake.url,
        throttle: {
          onRateLimit: () => false,
          // Only the first refusal is retried; after that the fake stops limiting.
          onSecondaryRateLimit: (_after: number, _options: unknown, _octokit: unknown, retryCount: number) => {
            fake.setSecondaryRateLimit(undefined);
            return retryCount === 0;
          },
        },
      },
      throttling,
    );

    const created = await octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'after a pause' });

    expect(created.status).toBe(201);
    expect(fake.writes().map((r) => r.status)).toEqual([403, 201]);
    expect(fake.listIssues()).toHaveLength(1);
  });

  it('refuses writes with a read-only token but still answers reads', async () => {
    const fake = await start({ readOnly: true });
    const pr = fake.addPullRequest();
    const octokit = octokitFor(fake);

    const refused = await failureOf(
      octokit.rest.issues.createComment({ owner: 'acme', repo: 'infra', issue_number: pr.number, body: 'plan' }),
    );
    const comments = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'infra', issue_number: pr.number });

    expect(refused.status).toBe(403);
    expect(refused.message).toContain('Resource not accessible by integration');
    expect(comments.data).toEqual([]);
    expect(fake.listComments(pr.number)).toEqual([]);
  });

  it('answers 401 Bad credentials to a wrong or missing token and accepts Bearer', async () => {
    const fake = await start();
    const wrong = await failureOf(octokitFor(fake, 'ghs_wrong').rest.issues.listForRepo({ owner: 'acme', repo: 'infra' }));
    // Octokit always sets its own authorization header, so the raw cases go through fetch.
    const missing = await fetch(`${fake.url}/repos/acme/infra/issues`);
    const ok = await fetch(`${fake.url}/repos/acme/infra/issues`, { headers: { authorization: `Bearer ${fake.token}` } });

    expect(wrong.status).toBe(401);
    expect(wrong.data).toMatchObject({ message: 'Bad credentials' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ message: 'Bad credentials' });
    expect(ok.status).toBe(200);
    expect(fake.requests.map((r) => r.headers['authorization'])).toEqual(['token ghs_wrong', undefined, `Bearer ${fake.token}`]);
  });

  it('refuses GET /user for an installation token', async () => {
    const fake = await start();
    const failure = await failureOf(octokitFor(fake).rest.users.getAuthenticated());

    expect(failure.status).toBe(403);
    expect(failure.message).toContain('Resource not accessible by integration');
  });

  it('records unknown endpoints and other repositories as unmatched 404s', async () => {
    const fake = await start({ allowUnmatched: true });
    const octokit = octokitFor(fake);

    const unknown = await failureOf(octokit.request('GET /repos/{owner}/{repo}/milestones', { owner: 'acme', repo: 'infra' }));
    const otherRepo = await failureOf(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'elsewhere' }));

    expect(unknown.status).toBe(404);
    expect(unknown.data).toMatchObject({ message: 'Not Found' });
    expect(otherRepo.status).toBe(404);
    expect(fake.unmatched().map((r) => r.path)).toEqual(['/repos/acme/infra/milestones', '/repos/acme/elsewhere/issues']);
  });

  it('fails its close() when a request matched no route, so the test that made it fails', async () => {
    const fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', token: 'ghs_test' });
    await failureOf(octokitFor(fake).request('GET /repos/{owner}/{repo}/milestones', { owner: 'acme', repo: 'infra' }));
    await expect(fake.close()).rejects.toThrow('fake GitHub: 1 request(s) matched no route: GET /repos/acme/infra/milestones; add the route the code needs');
  });

  it('fails the next matching write after performing it, as a lost answer does', async () => {
    const fake = await start();
    const octokit = octokitFor(fake);
    fake.failNext({ kind: 'status', status: 502, route: 'POST /repos/{owner}/{repo}/issues', afterApplying: true });

    const lost = await failureOf(octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'created anyway' }));

    expect(lost.status).toBe(502);
    expect(fake.listIssues().map((i) => i.title)).toEqual(['created anyway']);
  });
});

describe('fake GitHub: headers, limits and Enterprise paths', () => {
  it('reports x-ratelimit-* and answers 403 with remaining 0 once the primary limit is spent', async () => {
    const fake = await start({ rateLimit: { limit: 1000, remaining: 2 } });
    const octokit = octokitFor(fake);

    const first = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'infra' });
    await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'infra' });
    const spent = await failureOf(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'infra' }));

    expect(first.headers['x-ratelimit-limit']).toBe('1000');
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    expect(first.headers['x-ratelimit-resource']).toBe('core');
    expect(spent.status).toBe(403);
    expect(spent.headers['x-ratelimit-remaining']).toBe('0');
    expect(spent.message).toMatch(/API rate limit exceeded/);
  });

  it('serves the API under /api/v3 like GitHub Enterprise Server and counts only writes as writes', async () => {
    const fake = await start({ apiPathPrefix: '/api/v3', collaborators: ['alice'] });
    fake.addIssues(3);
    const octokit = octokitFor(fake);

    const listed = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'acme', repo: 'infra', per_page: 2 });
    const before = fake.writes().length;
    await octokit.rest.issues.create({ owner: 'acme', repo: 'infra', title: 'on GHES' });

    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect(listed).toHaveLength(3);
    expect(before).toBe(0);
    expect(fake.writes().map((r) => r.path)).toEqual(['/repos/acme/infra/issues']);
    expect(fake.unmatched()).toEqual([]);
  });
});
