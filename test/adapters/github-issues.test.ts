import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubIssues, WritePacer, type GitHubIssuesOptions } from '../../src/adapters/github-issues.js';
import { ExternalError } from '../../src/ports/errors.js';
import { issueMarker, labelDefinitions } from '../../src/core/rotation-issues.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../support/fake-github.js';

const running: FakeGitHub[] = [];

async function start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', token: 'ghs_adapter', collaborators: ['alice'], ...options });
  running.push(fake);
  return fake;
}

function clientFor(fake: FakeGitHub, options: Partial<GitHubIssuesOptions> = {}) {
  return createGitHubIssues({ token: fake.token, repository: `${fake.owner}/${fake.repo}`, baseUrl: fake.url, writeIntervalMs: 0, retryAfterUnitMs: 1, ...options });
}

const NEW_ISSUE = {
  id: 'openai',
  label: 'credential-rotation',
  title: 'Rotate openai (openai_api_key) — due 2026-11-30',
  body: `${issueMarker('openai')}\nplain body\n`,
  unassignedBody: `${issueMarker('openai')}\n@alice: you own this credential\n`,
  labels: ['credential-rotation', 'due-soon'],
  assignee: 'alice',
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

describe('listMarkedIssues', () => {
  it('reads every page of the label, open and closed, skipping pull requests and unmarked issues', async () => {
    const fake = await start();
    fake.addIssues(120, (i) => ({ title: `old ${i}`, labels: ['credential-rotation'], state: 'closed', body: issueMarker(`old-${i}`) }));
    fake.addIssues(15, (i) => ({ title: `note ${i}`, labels: ['credential-rotation'], body: 'a person wrote this' }));
    fake.addPullRequest({ title: 'rotate openai', labels: ['credential-rotation'], body: issueMarker('openai') });
    fake.addIssue({ title: 'elsewhere', labels: ['bug'], body: issueMarker('bug-marker') });
    const target = fake.addIssue({ title: 'mine', labels: ['credential-rotation', 'team-a'], assignees: ['alice'], body: issueMarker('openai') });

    const issues = await clientFor(fake).listMarkedIssues('credential-rotation');

    expect(issues).toHaveLength(121);
    expect(issues.find((issue) => issue.id === 'openai')).toEqual({
      number: target.number,
      id: 'openai',
      title: 'mine',
      body: issueMarker('openai'),
      state: 'open',
      labels: ['credential-rotation', 'team-a'],
      assignees: ['alice'],
      url: target.html_url,
    });
    const lists = fake.requests.filter((request) => request.route === 'GET /repos/{owner}/{repo}/issues');
    expect(lists.map((request) => request.query)).toEqual([
      { labels: 'credential-rotation', state: 'all', per_page: '100' },
      { labels: 'credential-rotation', state: 'all', per_page: '100', page: '2' },
    ]);
    expect(fake.requests.some((request) => request.path.startsWith('/search/'))).toBe(false);
    expect(fake.requests.every((request) => request.headers['authorization'] === 'token ghs_adapter')).toBe(true);
  });

  it('turns a refused token into an ExternalError with its status and a hint', async () => {
    const fake = await start();
    const error = await clientFor(fake, { token: 'ghs_wrong' })
      .listMarkedIssues('credential-rotation')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details.status).toBe(401);
    expect((error as ExternalError).message).toMatch(/GitHub: listing issues labelled credential-rotation in acme\/infra failed \(401: Bad credentials\) \(is GITHUB_TOKEN valid\?\)/);
    expect((error as ExternalError).message).not.toContain('ghs_wrong');
  });
});

it('reports an API that does not answer as such, not as a server error', async () => {
  const fake = await start();
  const url = fake.url;
  await fake.close();
  running.splice(running.indexOf(fake), 1);
  const error = await clientFor(fake, { baseUrl: url })
    .listMarkedIssues('credential-rotation')
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ExternalError);
  expect((error as ExternalError).details.status).toBeUndefined();
  expect((error as ExternalError).message).toMatch(/^GitHub: listing issues labelled credential-rotation in acme\/infra failed \(no answer: /);
});

describe('ensureLabels', () => {
  it('creates only the missing labels, whatever their case, with colour and description', async () => {
    const fake = await start();
    fake.addLabel({ name: 'Overdue', color: 'ff0000' });
    const created = await clientFor(fake).ensureLabels(labelDefinitions('credential-rotation'));
    expect(created).toEqual(['credential-rotation', 'due-soon', 'compromised']);
    expect(fake.state.labels.get('overdue')?.color).toBe('ff0000');
    expect(fake.state.labels.get('credential-rotation')).toMatchObject({ color: '5319e7', description: 'Credential rotation reminders kept by credledger' });
    fake.clearRequests();
    expect(await clientFor(fake).ensureLabels(labelDefinitions('credential-rotation'))).toEqual([]);
    expect(fake.writes()).toEqual([]);
  });

  it('accepts a label another run created in the meantime (422 already_exists)', async () => {
    const fake = await start();
    fake.failNext({ route: 'POST /repos/{owner}/{repo}/labels', kind: 'status', status: 422, afterApplying: true, body: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } });
    await expect(clientFor(fake).ensureLabels(labelDefinitions('rotation').slice(0, 1))).resolves.toEqual([]);
    expect(fake.state.labels.has('rotation')).toBe(true);
  });
});

describe('createIssue', () => {
  it('creates the issue assigned to the owner', async () => {
    const fake = await start();
    const created = await clientFor(fake).createIssue(NEW_ISSUE);
    expect(created).toEqual({ number: 1, url: 'https://github.com/acme/infra/issues/1', assigned: true });
    expect(fake.getIssue(1)).toMatchObject({ title: NEW_ISSUE.title, body: NEW_ISSUE.body, assignees: [expect.objectContaining({ login: 'alice' })] });
  });

  it('creates it unassigned, with the @-mention body, when GitHub refuses the assignee (422)', async () => {
    const fake = await start({ collaborators: [] });
    const created = await clientFor(fake).createIssue(NEW_ISSUE);
    expect(created.assigned).toBe(false);
    expect(fake.listIssues()).toHaveLength(1);
    expect(fake.getIssue(created.number)).toMatchObject({ body: NEW_ISSUE.unassignedBody, assignees: [] });
    expect(fake.writes().map((request) => [request.method, request.status])).toEqual([
      ['POST', 422],
      ['POST', 201],
    ]);
  });

  it('does not repeat a create whose answer was lost but which GitHub performed', async () => {
    const fake = await start();
    fake.failNext({ route: 'POST /repos/{owner}/{repo}/issues', kind: 'status', status: 502, afterApplying: true });
    const created = await clientFor(fake).createIssue(NEW_ISSUE);
    expect(fake.listIssues()).toHaveLength(1);
    expect(created).toMatchObject({ number: 1, assigned: true });
    expect(fake.writes().map((request) => request.status)).toEqual([502]);
  });

  it('creates again, once, after a failure GitHub did not perform', async () => {
    const fake = await start();
    fake.failNext({ route: 'POST /repos/{owner}/{repo}/issues', kind: 'status', status: 500 });
    await clientFor(fake).createIssue(NEW_ISSUE);
    expect(fake.listIssues()).toHaveLength(1);
    expect(fake.writes().map((request) => request.status)).toEqual([500, 201]);
  });

  it('gives up on a create that keeps failing, without a third POST', async () => {
    const fake = await start();
    fake.failNext({ route: 'POST /repos/{owner}/{repo}/issues', kind: 'status', status: 503, times: 5 });
    await expect(clientFor(fake).createIssue(NEW_ISSUE)).rejects.toThrow(/creating the issue for openai in acme\/infra failed \(503/);
    expect(fake.writes()).toHaveLength(2);
  });

  it('waits out a secondary rate limit on a create and performs it once', async () => {
    const fake = await start();
    const notices: string[] = [];
    fake.failNext({ route: 'POST /repos/{owner}/{repo}/issues', kind: 'secondary-rate-limit', retryAfterSeconds: 7 });
    await clientFor(fake, { log: (message) => notices.push(message) }).createIssue(NEW_ISSUE);
    expect(fake.listIssues()).toHaveLength(1);
    expect(fake.writes().map((request) => request.status)).toEqual([403, 201]);
    expect(notices).toEqual([expect.stringMatching(/^GitHub secondary rate limit on POST .*\/issues: waiting 7s, then retry 1 of 3$/)]);
  });

  it('stops after a bounded number of rate-limit retries', async () => {
    const fake = await start();
    fake.failNext({ route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', kind: 'secondary-rate-limit', status: 429, times: 10 });
    fake.addIssue({ title: 'x', body: issueMarker('x') });
    const error = await clientFor(fake, { maxRateLimitRetries: 2 })
      .updateIssue(1, { title: 'y' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details.status).toBe(429);
    expect(fake.writes()).toHaveLength(3);
  });

  it('does not wait for an hourly quota that resets far away', async () => {
    const fake = await start({ rateLimit: { remaining: 0, resetEpochSeconds: Math.floor(Date.now() / 1000) + 3600 } });
    const notices: string[] = [];
    await expect(clientFor(fake, { log: (message) => notices.push(message) }).listMarkedIssues('credential-rotation')).rejects.toThrow(/API rate limit exceeded/);
    expect(notices).toEqual([expect.stringMatching(/^GitHub rate limit on GET .*: giving up$/)]);
  });
});

describe('write pacing', () => {
  it('spaces writes by the interval through the throttling plugin, and leaves reads alone', async () => {
    const fake = await start();
    let clock = 1_000_000;
    const waits: number[] = [];
    const client = clientFor(fake, {
      writeIntervalMs: 1500,
      clock: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await client.listMarkedIssues('credential-rotation');
    await client.createIssue(NEW_ISSUE);
    await client.updateIssue(1, { title: 'changed' });
    await client.commentOnIssue(1, 'hello');
    await client.listMarkedIssues('credential-rotation');
    // The create goes first; the update and the comment each wait the interval after the write before them.
    // (Notifying writes also pass the notifications queue, whose last write was long enough ago.)
    expect(waits).toEqual([1500, 1500]);
    expect(fake.writes().map((request) => request.method)).toEqual(['POST', 'PATCH', 'POST']);
  });

  it('WritePacer runs jobs one at a time, at least the interval apart', async () => {
    let clock = 0;
    const starts: number[] = [];
    const pacer = new WritePacer(100, async (ms) => void (clock += ms), () => clock);
    const job = (name: string) => () => {
      starts.push(clock);
      return name;
    };
    const results = await Promise.all([pacer.key('a').schedule({}, job('one')), pacer.key('b').schedule(job('two')), pacer.schedule({ priority: 0 }, job('three'))]);
    expect(results).toEqual(['one', 'two', 'three']);
    expect(starts).toEqual([0, 100, 200]);
  });
});
