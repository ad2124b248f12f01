import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubIssues } from '../../src/adapters/github-issues.js';
import { ExternalError } from '../../src/ports/errors.js';
import { remindRotations, type RemindResult } from '../../src/app/remind.js';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { readIssueMarker } from '../../src/core/rotation-issues.js';
import { NOW, SEALED_SAMPLE, TEAM_INVENTORY, withoutCredential, withRotated } from '../core/rotation-fixtures.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type IssueJson } from '../support/fake-github.js';

/** Due on 2026-11-20 in TEAM_INVENTORY, with the owner's login (dave has none). */
const DUE: Readonly<Record<string, string | undefined>> = {
  'aws-access-key-id': undefined,
  'aws-secret-access-key': undefined,
  'google-drive-refresh-token': 'carol',
  openai: 'alice',
  paperless: 'carol',
  'session-secret': 'alice',
};

let dir: string;
let fake: FakeGitHub;
let notices: string[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'credledger-remind-'));
  notices = [];
});

afterEach(async () => {
  // A request the fake has no route for is a client bug, whatever the test looked at.
  expect(fake?.unmatched() ?? []).toEqual([]);
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', token: 'ghs_remind', collaborators: ['alice', 'carol'], ...options });
  return fake;
}

async function inventoryFile(text: string): Promise<string> {
  const file = path.join(dir, 'credentials.yaml');
  await writeFile(file, text);
  return file;
}

async function remind(text: string, options: { now?: string; dryRun?: boolean; label?: string; github?: boolean } = {}): Promise<RemindResult> {
  const github =
    options.github === false
      ? undefined
      : createGitHubIssues({ token: fake.token, repository: 'acme/infra', baseUrl: fake.url, writeIntervalMs: 0, retryAfterUnitMs: 1, log: (m) => notices.push(m) });
  return remindRotations({ inventoryFile: await inventoryFile(text), now: options.now ?? NOW, repo: 'acme/infra', label: options.label, dryRun: options.dryRun ?? false, github });
}

/** The credledger issues in the fake, by credential id (pull requests excluded). */
function markedIssues(): Map<string, IssueJson[]> {
  const byId = new Map<string, IssueJson[]>();
  for (const issue of fake.listIssues()) {
    const id = readIssueMarker(issue.body);
    if (id) byId.set(id, [...(byId.get(id) ?? []), issue]);
  }
  return byId;
}

function only(id: string): IssueJson {
  const issues = markedIssues().get(id) ?? [];
  expect(issues, `issues for ${id}`).toHaveLength(1);
  return issues[0]!;
}

function labelsOf(issue: IssueJson): string[] {
  return issue.labels.map((label) => label.name);
}

function everythingWritten(): string {
  const issues = fake.listIssues({ includePullRequests: true });
  return JSON.stringify([issues, issues.map((issue) => fake.listComments(issue.number)), fake.requests.map((request) => request.body)]);
}

describe('remind against a fake GitHub', () => {
  it('first run opens one issue per due credential, assigned and labelled', async () => {
    await start();
    const result = await remind(TEAM_INVENTORY);

    expect(result.counts).toEqual({ created: 6, updated: 0, closed: 0, reopened: 0, unchanged: 0 });
    expect([...markedIssues().keys()].sort()).toEqual(Object.keys(DUE));
    for (const [id, login] of Object.entries(DUE)) {
      const issue = only(id);
      expect(issue.state).toBe('open');
      expect(issue.assignees.map((user) => user.login)).toEqual(login ? [login] : []);
      expect(issue.body).not.toContain('could not assign');
    }
    expect(only('openai').title).toBe('Rotate openai (openai_api_key) — due 2026-11-30');
    expect(labelsOf(only('openai'))).toEqual(['credential-rotation', 'due-soon']);
    expect(only('paperless').title).toBe('Rotate paperless (paperless_ngx_api_token) — overdue since 2026-10-31');
    expect(labelsOf(only('paperless'))).toEqual(['credential-rotation', 'overdue']);
    expect(labelsOf(only('session-secret'))).toEqual(['credential-rotation', 'overdue', 'compromised']);
    expect(result.labelsCreated).toEqual(['credential-rotation', 'overdue', 'due-soon', 'compromised']);
    expect(fake.state.labels.get('compromised')?.color).toBe('000000');
    expect(result.actions.filter((action) => action.kind === 'create').every((action) => action.number !== undefined && action.url?.startsWith('https://github.com/acme/infra/issues/'))).toBe(true);
    expect(fake.unmatched()).toEqual([]);
  });

  it('suggests `credledger rotate` for a credential with a driver, and the exact `set` command for one without', async () => {
    await start();
    const driven = TEAM_INVENTORY.replace(
      '    group: aws-s3\n    rotated: 2026-08-01\n    value: ',
      '    group: aws-s3\n    rotated: 2026-08-01\n    rotation: { driver: aws-iam-access-key, user: docuelevate-s3, secret: aws-secret-access-key }\n    value: ',
    );
    expect(driven).toContain('rotation: { driver: aws-iam-access-key');
    await remind(driven);
    for (const id of ['aws-access-key-id', 'aws-secret-access-key']) {
      const body = only(id).body ?? '';
      expect(body).toContain('To start now, run `credledger rotate aws-access-key-id`');
      expect(body).toContain("the scheduled rotate workflow (the Action's `command: rotate`) opens the pull request on its next run");
      expect(body).not.toContain('credledger set');
    }
    expect(only('openai').body).toContain('`credledger set openai --value-stdin`');
    expect(only('openai').body).not.toContain('credledger rotate');
  });

  it('a second run makes no write at all', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    fake.clearRequests();

    const second = await remind(TEAM_INVENTORY);

    expect(fake.writes()).toEqual([]);
    expect(second.counts).toEqual({ created: 0, updated: 0, closed: 0, reopened: 0, unchanged: 6 });
    expect(fake.requests.map((request) => `${request.method} ${request.route}`)).toEqual(['GET GET /repos/{owner}/{repo}/issues']);
  });

  it('a later day in the same states still writes nothing', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    fake.clearRequests();
    await remind(TEAM_INVENTORY, { now: '2026-11-24' });
    expect(fake.writes()).toEqual([]);
  });

  it('rotating one credential closes exactly its issue, with a comment', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    const openai = only('openai');
    fake.clearRequests();

    const result = await remind(withRotated(TEAM_INVENTORY, 'openai', '2026-11-19'));

    expect(result.counts).toEqual({ created: 0, updated: 0, closed: 1, reopened: 0, unchanged: 5 });
    const closed = fake.getIssue(openai.number)!;
    expect(closed.state).toBe('closed');
    expect(closed.state_reason).toBe('completed');
    expect(fake.listComments(openai.number).map((comment) => comment.body)).toEqual([
      '`openai` is no longer due (last rotation 2026-11-19, next due 2027-02-17), so credledger is closing this issue.',
    ]);
    const touched = new Set(fake.writes().map((request) => request.path));
    expect(touched).toEqual(new Set([`/repos/acme/infra/issues/${openai.number}`, `/repos/acme/infra/issues/${openai.number}/comments`]));
    for (const id of Object.keys(DUE).filter((id) => id !== 'openai')) expect(only(id).state).toBe('open');
  });

  it('closes the issue of a credential removed from the inventory as not planned', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    const result = await remind(withoutCredential(TEAM_INVENTORY, 'google-drive-refresh-token'));
    expect(result.actions.filter((action) => action.kind === 'close')).toEqual([
      expect.objectContaining({ id: 'google-drive-refresh-token', reason: 'removed' }),
    ]);
    expect(only('google-drive-refresh-token')).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
  });

  it('a credential due again reopens its issue instead of opening another', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    const rotated = withRotated(TEAM_INVENTORY, 'openai', '2026-11-19');
    await remind(rotated);
    const number = only('openai').number;

    const result = await remind(rotated, { now: '2027-02-10' });

    expect(result.actions.find((action) => action.id === 'openai')).toMatchObject({ kind: 'reopen', number, fields: ['title', 'body'] });
    const reopened = only('openai');
    expect(reopened).toMatchObject({ number, state: 'open', state_reason: 'reopened', title: 'Rotate openai (openai_api_key) — due 2027-02-17' });
    expect(labelsOf(reopened)).toEqual(['credential-rotation', 'due-soon']);
    expect(fake.listComments(number).at(-1)?.body).toBe('`openai` is due again on 2027-02-17, so credledger is reopening this issue.');
    fake.clearRequests();
    await remind(rotated, { now: '2027-02-10' });
    expect(fake.writes()).toEqual([]);
  });

  it('updates title, body and labels when a credential turns overdue, keeping labels people added', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    const openai = only('openai');
    fake.state.issues.get(openai.number)!.labels.push('team-ai');
    fake.addLabel('team-ai');
    fake.clearRequests();

    const result = await remind(TEAM_INVENTORY, { now: '2026-12-01' });

    expect(result.actions.find((action) => action.id === 'openai')).toMatchObject({ kind: 'update', fields: ['title', 'body', 'labels'] });
    const updated = only('openai');
    expect(updated.title).toBe('Rotate openai (openai_api_key) — overdue since 2026-11-30');
    expect(labelsOf(updated)).toEqual(['team-ai', 'credential-rotation', 'overdue']);
    const patch = fake.writes().find((request) => request.path === `/repos/acme/infra/issues/${openai.number}`);
    expect(Object.keys(patch?.body as object).sort()).toEqual(['body', 'labels', 'title']);
  });

  it('leaves 40 unrelated issues and pull requests untouched', async () => {
    await start();
    fake.addIssues(40, (i) => ({
      title: `unrelated ${i}`,
      labels: i % 2 === 0 ? ['credential-rotation'] : ['bug'],
      body: i % 5 === 0 ? 'We should rotate the openai key soon <!-- not a credledger marker -->' : `issue ${i}`,
      state: i % 3 === 0 ? 'closed' : 'open',
    }));
    fake.addPullRequest({ title: 'Rotate openai', labels: ['credential-rotation'], body: '<!-- credledger:id=openai -->\nA PR, not an issue' });
    fake.addPullRequest({ title: 'Rotate paperless', labels: ['credential-rotation'], body: '<!-- credledger:id=paperless -->', state: 'closed' });
    const before = JSON.stringify(fake.listIssues({ includePullRequests: true }));

    await remind(TEAM_INVENTORY);
    await remind(TEAM_INVENTORY);

    const seeded = new Set(JSON.parse(before).map((issue: IssueJson) => issue.number));
    const writtenTo = fake.writes().map((request) => Number(/\/issues\/(\d+)/.exec(request.path)?.[1] ?? Number.NaN));
    expect(writtenTo.filter((number) => seeded.has(number))).toEqual([]);
    expect(JSON.stringify(fake.listIssues({ includePullRequests: true }).filter((issue) => seeded.has(issue.number)))).toBe(before);
    expect(markedIssues().size).toBe(6);
  });

  it('finds its closed issue on a later page and reopens it', async () => {
    await start();
    fake.addIssue({ title: 'Rotate openai (openai_api_key) — due 2026-06-01', labels: ['credential-rotation', 'due-soon'], body: '<!-- credledger:id=openai -->\nold', state: 'closed' });
    fake.addIssues(130, (i) => ({ title: `note ${i}`, labels: ['credential-rotation'], body: 'written by a person' }));

    const result = await remind(TEAM_INVENTORY);

    expect(result.actions.find((action) => action.id === 'openai')).toMatchObject({ kind: 'reopen', number: 1 });
    expect(only('openai')).toMatchObject({ number: 1, state: 'open' });
    expect(fake.requests.filter((request) => request.route === 'GET /repos/{owner}/{repo}/issues').map((request) => request.query['page'] ?? '1')).toEqual(['1', '2']);
  });

  it('does not depend on the search index, which lags', async () => {
    await start({ searchLagMs: 10 * 60_000 });
    await remind(TEAM_INVENTORY);
    await remind(TEAM_INVENTORY);

    expect(fake.requests.some((request) => request.path.startsWith('/search/'))).toBe(false);
    for (const id of Object.keys(DUE)) only(id);

    // The issues exist, but search cannot see them yet: a search-based lookup would have created them again.
    const search = async () => {
      const response = await fetch(`${fake.url}/search/issues?q=${encodeURIComponent('repo:acme/infra is:issue "credledger:id=openai" in:body')}`, {
        headers: { authorization: `token ${fake.token}` },
      });
      return ((await response.json()) as { total_count: number }).total_count;
    };
    expect(await search()).toBe(0);
    fake.setSearchLagMs(0);
    expect(await search()).toBe(1);
  });

  it('creates the issue unassigned, mentioning the owner, when GitHub refuses the assignee', async () => {
    await start({ collaborators: ['alice'] });
    const result = await remind(TEAM_INVENTORY);

    const paperless = only('paperless');
    expect(paperless.assignees).toEqual([]);
    expect(paperless.body).toContain('@carol: you own this credential; credledger could not assign this issue to you.');
    expect(result.actions.find((action) => action.id === 'paperless')).toMatchObject({ kind: 'create', assignee: 'carol', assigned: false });
    expect(result.actions.find((action) => action.id === 'openai')).toMatchObject({ assigned: true });
    expect(fake.writes().filter((request) => request.status === 422)).toHaveLength(2);
    fake.clearRequests();
    await remind(TEAM_INVENTORY);
    expect(fake.writes()).toEqual([]);
  });

  it.each([403, 429] as const)('waits out secondary rate limits (%i) and still creates each issue once', async (status) => {
    await start({ secondaryRateLimit: { everyNthWrite: 3, status, retryAfterSeconds: 2 } });
    const result = await remind(TEAM_INVENTORY);

    expect(result.counts.created).toBe(6);
    for (const id of Object.keys(DUE)) only(id);
    const limited = fake.writes().filter((request) => request.injected === 'secondary-rate-limit');
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(limited.every((request) => request.status === status)).toBe(true);
    expect(notices.filter((notice) => notice.startsWith('GitHub secondary rate limit')).length).toBe(limited.length);
  });

  it('assigns a new owner to the open issue, and then writes nothing', async () => {
    await start({ collaborators: ['alice', 'carol', 'erin'] });
    await remind(TEAM_INVENTORY);
    const handedOver = TEAM_INVENTORY.replace('  carol: { github: carol }', '  carol: { github: carol }\n  erin: { github: erin }').replace(
      '    owner: alice\n    issuer: platform.openai.com',
      '    owner: erin\n    issuer: platform.openai.com',
    );
    fake.clearRequests();
    const result = await remind(handedOver);
    expect(result.actions.find((action) => action.id === 'openai')).toMatchObject({ kind: 'update', assignee: 'erin', assigned: true });
    const issue = only('openai');
    expect(issue.assignees.map((user) => user.login)).toEqual(['alice', 'erin']);
    expect(issue.body).not.toContain('@erin');
    fake.clearRequests();
    await remind(handedOver);
    expect(fake.writes()).toEqual([]);
  });

  it('mentions a new owner GitHub will not assign, and then writes nothing', async () => {
    await start({ collaborators: ['alice', 'carol'] });
    await remind(TEAM_INVENTORY);
    const handedOver = TEAM_INVENTORY.replace('  carol: { github: carol }', '  carol: { github: carol }\n  erin: { github: erin }').replace(
      '    owner: alice\n    issuer: platform.openai.com',
      '    owner: erin\n    issuer: platform.openai.com',
    );
    const result = await remind(handedOver);
    expect(result.actions.find((action) => action.id === 'openai')).toMatchObject({ kind: 'update', assignee: 'erin', assigned: false });
    const issue = only('openai');
    expect(issue.assignees.map((user) => user.login)).toEqual(['alice']);
    expect(issue.body).toContain('@erin');
    fake.clearRequests();
    await remind(handedOver);
    expect(fake.writes()).toEqual([]);
  });

  it('an offboarding opens an issue for every credential the person could read', async () => {
    await start();
    const text = TEAM_INVENTORY.replace('carol: { github: carol }', 'carol: { github: carol }\n  erin: { github: erin, left: 2026-11-18 }')
      .replace('owner: alice\n    issuer: platform.openai.com', 'owner: alice\n    access: [erin]\n    issuer: platform.openai.com')
      .replace('owner: carol\n    rotated: 2026-10-20', 'owner: carol\n    access: [erin]\n    rotated: 2026-10-20')
      .replace('owner: alice\n    deployments: [production]', 'owner: alice\n    access: [erin]\n    deployments: [production]');
    await remind(text);

    for (const id of ['openai', 'azure-ai', 'webdav']) {
      const issue = only(id);
      expect(issue.title).toMatch(/— overdue since 2026-11-18$/);
      expect(issue.body).toContain('- erin left 2026-11-18');
      expect(issue.body).toContain("`erin` could read this value (erin left 2026-11-18)");
      expect(labelsOf(issue)).toContain('overdue');
    }
    expect(only('webdav').assignees.map((user) => user.login)).toEqual(['alice']);
    expect(only('paperless').body).toContain('- bob left 2026-10-31');
  });

  it('in a dry run plans from the existing issues and writes nothing', async () => {
    await start();
    await remind(TEAM_INVENTORY);
    fake.clearRequests();

    const result = await remind(withRotated(TEAM_INVENTORY, 'openai', '2026-11-19'), { dryRun: true });

    expect(fake.writes()).toEqual([]);
    expect(result.existingIssuesRead).toBe(true);
    expect(result.counts).toEqual({ created: 0, updated: 0, closed: 1, reopened: 0, unchanged: 5 });
    expect(only('openai').state).toBe('open');
  });

  it('in a dry run without GitHub assumes no issue exists yet', async () => {
    await start();
    const result = await remind(TEAM_INVENTORY, { dryRun: true, github: false });
    expect(result.existingIssuesRead).toBe(false);
    expect(result.counts.created).toBe(6);
    expect(result.actions.every((action) => action.number === undefined)).toBe(true);
    expect(fake.requests).toEqual([]);
  });

  it('writes nothing and reports the errors when the inventory is invalid', async () => {
    await start();
    const result = await remind(TEAM_INVENTORY.replace('owner: alice\n    issuer', 'owner: nobody\n    issuer'));
    expect(result.valid).toBe(false);
    expect(result.check.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-person')).toBe(true);
    expect(fake.requests).toEqual([]);
  });

  it('stops at a GitHub failure and says what was done before it', async () => {
    await start();
    fake.failNext({ route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', kind: 'status', status: 403, body: { message: 'Resource not accessible by integration' } });
    await remind(TEAM_INVENTORY);
    const error = await remind(withRotated(TEAM_INVENTORY, 'openai', '2026-11-19')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details.status).toBe(403);
    expect((error as ExternalError).message).toMatch(/updating issue #\d+ in acme\/infra failed \(403: Resource not accessible by integration\) \(the token needs the `issues: write` permission\); before it: created 0, updated 0, closed 0, reopened 0/);
  });

  it('fails clearly with a read-only token', async () => {
    await start({ readOnly: true });
    await expect(remind(TEAM_INVENTORY)).rejects.toThrow(/issues: write/);
    expect(markedIssues().size).toBe(0);
  });

  it('never writes a value, encrypted or not, anywhere', async () => {
    await start({ collaborators: ['alice'] });
    await remind(TEAM_INVENTORY);
    await remind(withRotated(TEAM_INVENTORY, 'openai', '2026-11-19'));
    await remind(withRotated(TEAM_INVENTORY, 'openai', '2026-11-19'), { now: '2027-02-10' });
    const written = everythingWritten();
    expect(written).toContain('credledger:id=openai');
    expect(written).not.toContain(SEALED_SAMPLE);
    expect(written).not.toContain('SEALEDTOKEN');
    expect(written).not.toContain('fernet:');
  });
});

describe('credledger remind (CLI, in-process)', () => {
  const SMALL = `version: 1
people:
  alice: { github: alice }
deployments:
  production: { url: https://docs.example.com, auth: { method: none } }
credentials:
  openai: { setting: openai_api_key, kind: api_key, owner: alice, rotated: 2026-08-01, value: ${SEALED_SAMPLE} }
  smtp: { setting: email_password, kind: password, owner: alice, rotated: 2026-11-01, value: ${SEALED_SAMPLE} }
`;

  function io(env: Record<string, string | undefined>): CliIo & { out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      stdin: process.stdin,
      env,
      now: () => new Date('2026-11-20T08:00:00Z'),
      out: () => out,
      err: () => err,
    };
  }

  it('creates, then reports unchanged, in JSON, with the token and API URL from the environment', async () => {
    await start();
    // Existing labels keep this run to one write, so the default one-second spacing costs nothing.
    for (const name of ['credential-rotation', 'overdue']) fake.addLabel(name);
    const file = await inventoryFile(SMALL);
    const env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'acme/infra' };

    const first = io(env);
    expect(await runCli(['remind', '--file', file, '--format', 'json'], first)).toBe(0);
    const report = JSON.parse(first.out());
    expect(report).toMatchObject({ repo: 'acme/infra', label: 'credential-rotation', now: '2026-11-20', dryRun: false, existingIssuesRead: true });
    expect(report.counts).toEqual({ created: 1, updated: 0, closed: 0, reopened: 0, unchanged: 0 });
    expect(report.actions).toEqual([
      { kind: 'create', id: 'openai', number: 1, url: 'https://github.com/acme/infra/issues/1', title: 'Rotate openai (openai_api_key) — overdue since 2026-10-30', labels: ['credential-rotation', 'overdue'], assignee: 'alice', assigned: true },
    ]);
    expect(first.out() + first.err()).not.toContain('SEALEDTOKEN');
    expect(first.out() + first.err()).not.toContain(fake.token);

    const second = io(env);
    expect(await runCli(['remind', '--file', file, '--repo', 'acme/infra'], second)).toBe(0);
    expect(second.out()).toContain('acme/infra: created 0, updated 0, closed 0, reopened 0, unchanged 1');
    expect(fake.listIssues()).toHaveLength(1);
  });

  it('prints the intended actions in a dry run', async () => {
    await start();
    const file = await inventoryFile(SMALL);
    const run = io({ GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url });
    expect(await runCli(['remind', '--file', file, '--repo', 'acme/infra', '--dry-run'], run)).toBe(0);
    expect(run.out()).toContain('Dry run: nothing written to acme/infra.');
    expect(run.out()).toMatch(/create\s+openai\s+Rotate openai \(openai_api_key\) — overdue since 2026-10-30 \[credential-rotation, overdue\] assignee alice/);
    expect(run.out()).toContain('would create 1, update 0, close 0, reopen 0; 0 unchanged');
    expect(fake.writes()).toEqual([]);
  });

  it('in a dry run without a token, says it assumed no issue exists', async () => {
    await start();
    const file = await inventoryFile(SMALL);
    const run = io({});
    expect(await runCli(['remind', '--file', file, '--repo', 'acme/infra', '--dry-run'], run)).toBe(0);
    expect(run.out()).toContain('GITHUB_TOKEN is not set: existing issues were not read; this assumes there are none.');
    expect(fake.requests).toEqual([]);
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['no token', [], { GITHUB_REPOSITORY: 'acme/infra' }, /GITHUB_TOKEN is not set/],
    ['no repository', [], { GITHUB_TOKEN: 't' }, /no repository: pass --repo owner\/name or set GITHUB_REPOSITORY/],
    ['a malformed repository', ['--repo', 'acme'], { GITHUB_TOKEN: 't' }, /--repo must be owner\/name \(got acme\)/],
    ['a label with a comma', ['--label', 'a,b', '--repo', 'acme/infra'], { GITHUB_TOKEN: 't' }, /--label must be one label name/],
  ])('exits 64 on %s', async (_name, args, env, message) => {
    await start();
    const file = await inventoryFile(SMALL);
    const run = io(env);
    expect(await runCli(['remind', '--file', file, ...args], run)).toBe(64);
    expect(run.err()).toMatch(message);
  });

  it('exits 3 when GitHub refuses the token', async () => {
    await start();
    const file = await inventoryFile(SMALL);
    const run = io({ GITHUB_TOKEN: 'ghs_wrong', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'acme/infra' });
    expect(await runCli(['remind', '--file', file], run)).toBe(3);
    expect(run.err()).toMatch(/credledger remind: GitHub: listing issues .* failed \(401: Bad credentials\)/);
    expect(run.err()).not.toContain('ghs_wrong');
  });

  it('exits 1 on an invalid inventory, writing nothing', async () => {
    await start();
    const file = await inventoryFile(SMALL.replace('owner: alice, rotated: 2026-08-01', 'owner: zed, rotated: 2026-08-01'));
    const run = io({ GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'acme/infra' });
    expect(await runCli(['remind', '--file', file], run)).toBe(1);
    expect(run.err()).toContain('[unknown-person]');
    expect(fake.requests).toEqual([]);
  });
});
