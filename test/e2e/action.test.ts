// The bundled action (dist/index.js), started as the Actions runner starts it, against a loopback fake GitHub,
// under Node 20 (this machine) and Node 24 (the runner's runtime for `using: node24`).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_KEY, demoPlaintext, findDemoPlaintexts } from '../support/demo-plaintexts.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_COMMENT_MARKER } from '../../src/app/plan-comment.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createGitFixture, type GitFixture } from '../support/git-fixture.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { exampleAtUrls } from '../support/example-urls.js';
import { resolveNode24 } from '../support/node24.js';

const INVENTORY = `version: 1
people:
  alice: { github: alice }
  carol: { github: carol }
  bob: { github: bob, left: 2026-10-31 }
deployments:
  production: { url: 'https://docs.example.com' }
  staging: { url: 'https://staging.example.com' }
credentials:
  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    created: 2026-01-10
    rotated: 2026-09-01
  smtp:
    setting: email_password
    kind: password
    owner: carol
    access: [bob]
    rotated: 2026-10-01
  azure-ai:
    setting: azure_ai_key
    kind: api_key
    owner: carol
    rotated: 2026-11-20
`;

const fixtures: GitFixture[] = [];
let fake: FakeGitHub;

afterEach(async () => {
  expect(fake?.unmatched() ?? []).toEqual([]);
  await fake?.close();
});

afterAll(() => {
  for (const fixture of fixtures) fixture.dispose();
});

function workspace(): GitFixture {
  const fixture = createGitFixture();
  fixtures.push(fixture);
  return fixture;
}

function expectNoDemoSecret(run: ActionRun): void {
  expect(findDemoPlaintexts(`${run.stdout}\n${run.stderr}\n${run.summary}`)).toEqual([]);
}

const RUNTIMES: [string, () => string[]][] = [
  ['Node 20', () => [process.execPath]],
  ['Node 24', () => [node24]],
];
let node24 = '';
beforeAll(() => {
  node24 = resolveNode24();
  expect(execFileSync(node24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
}, 180_000);

describe.each(RUNTIMES)('the action under %s', (_runtime, nodeCommand) => {
  function pullRequestPayload(repo: GitFixture, number: number, baseSha: string, headSha: string, fork = false) {
    const full = 'acme/infra';
    return {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { sha: headSha, ref: 'rotate-openai', repo: { full_name: fork ? 'mallory/infra' : full, fork } },
        base: { sha: baseSha, ref: 'main', repo: { full_name: full } },
      },
      repository: { full_name: full, name: 'infra', owner: { login: 'acme' }, default_branch: 'main' },
    };
  }

  let pullNumber = 0;

  async function pullRequestRun(repo: GitFixture, baseSha: string, headSha: string, fork = false): Promise<ActionRun> {
    pullNumber ||= fake.addPullRequest({ title: 'Rotate openai', baseSha, headSha, fork }).number;
    return runAction({
      eventName: 'pull_request',
      eventPayload: pullRequestPayload(repo, pullNumber, baseSha, headSha, fork),
      workspace: repo.dir,
      repository: 'acme/infra',
      sha: headSha,
      ref: `refs/pull/${pullNumber}/merge`,
      apiUrl: fake.url,
      inputs: { 'github-token': fake.token },
      env: repo.env,
      node: nodeCommand(),
    });
  }

  it('pull_request: plans, comments once and edits that comment on the next run', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', collaborators: ['alice', 'carol'] });
    pullNumber = 0;
    const repo = workspace();
    repo.write('credentials.yaml', INVENTORY);
    const base = repo.commit('inventory');
    repo.write('credentials.yaml', INVENTORY.replace('    owner: alice\n    created: 2026-01-10', '    owner: carol\n    created: 2026-01-10'));
    const head = repo.commit('hand openai to carol');

    const first = await pullRequestRun(repo, base, head);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.changed).toBe('true');
    expect(JSON.parse(first.outputs.deployments ?? '')).toEqual(['production', 'staging']);
    const plan = JSON.parse(readFileSync(first.outputs.plan ?? '', 'utf8'));
    expect(plan.base).toBe(base);
    expect(plan.changes).toEqual([expect.objectContaining({ id: 'openai', change: 'metadata', fields: ['owner'] })]);
    expect(first.summary).toContain('openai');
    const comments = fake.listComments(pullNumber);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(PLAN_COMMENT_MARKER);
    expect(comments[0]?.user.login).toBe('github-actions[bot]');

    // The same plan again: the comment is not written a second time.
    fake.clearRequests();
    const again = await pullRequestRun(repo, base, head);
    expect(again.code).toBe(0);
    expect(fake.writes()).toEqual([]);

    // A new push to the branch: the same comment is edited in place.
    repo.write('credentials.yaml', INVENTORY.replace('    owner: alice\n    created: 2026-01-10', '    owner: carol\n    created: 2026-01-10').replace('  azure-ai:', '  azure-ai:\n    issuer: portal.azure.com'));
    const head2 = repo.commit('record the issuer');
    const second = await pullRequestRun(repo, base, head2);
    expect(second.code).toBe(0);
    const after = fake.listComments(pullNumber);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(comments[0]?.id);
    expect(after[0]?.body).toContain('issuer');
    expect(fake.writes().map((request) => request.method)).toEqual(['PATCH']);
  });

  it('pull_request on a shallow checkout: fetches the base commit from origin', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    pullNumber = 0;
    const upstream = workspace();
    upstream.write('credentials.yaml', INVENTORY);
    const base = upstream.commit('inventory');
    upstream.write('credentials.yaml', INVENTORY.replace('rotated: 2026-11-20', 'rotated: 2026-11-21'));
    const head = upstream.commit('rotate azure');
    // actions/checkout's default: one commit, `origin` pointing at the repository.
    const checkout = workspace();
    checkout.git('remote', 'add', 'origin', `file://${upstream.dir}`);
    checkout.git('fetch', '--quiet', '--depth=1', 'origin', head);
    checkout.git('checkout', '--quiet', '--detach', 'FETCH_HEAD');
    expect(checkout.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const run = await pullRequestRun(checkout, base, head);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(run.outputs.plan ?? '', 'utf8')).changes).toEqual([expect.objectContaining({ id: 'azure-ai' })]);
  });

  it('pull_request_target from a fork: plans the head commit (fetched, read as data) and comments', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    pullNumber = 0;
    const upstream = workspace();
    upstream.write('credentials.yaml', INVENTORY);
    const base = upstream.commit('inventory');
    upstream.git('switch', '--quiet', '-c', 'pull/1/head');
    upstream.write('credentials.yaml', INVENTORY.replace('rotated: 2026-11-20', 'rotated: 2026-11-22'));
    const head = upstream.commit('fork: rotate azure');
    upstream.git('switch', '--quiet', 'main');
    // pull_request_target checks out the base branch, never the pull request's code.
    const checkout = workspace();
    checkout.git('remote', 'add', 'origin', `file://${upstream.dir}`);
    checkout.git('fetch', '--quiet', '--depth=1', 'origin', base);
    checkout.git('checkout', '--quiet', '--detach', 'FETCH_HEAD');
    pullNumber = fake.addPullRequest({ title: 'fork change', baseSha: base, headSha: head, fork: true }).number;
    const run = await runAction({
      eventName: 'pull_request_target',
      eventPayload: pullRequestPayload(checkout, pullNumber, base, head, true),
      workspace: checkout.dir,
      repository: 'acme/infra',
      sha: base,
      ref: 'refs/heads/main',
      apiUrl: fake.url,
      inputs: { 'github-token': fake.token, key: 'never-used' },
      env: checkout.env,
      node: nodeCommand(),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(run.outputs.plan ?? '', 'utf8'))).toMatchObject({ base, head, changes: [expect.objectContaining({ id: 'azure-ai' })] });
    expect(fake.listComments(pullNumber)).toHaveLength(1);
    expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.message)).toEqual(['never-used']);
  });

  it('pull_request: diagnostics become annotations at file:line and the step fails', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    pullNumber = 0;
    const repo = workspace();
    repo.write('credentials.yaml', INVENTORY);
    const base = repo.commit('inventory');
    repo.write('credentials.yaml', INVENTORY.replace('    owner: carol\n    access: [bob]', '    owner: zed\n    access: [bob]'));
    const head = repo.commit('typo');
    const run = await pullRequestRun(repo, base, head);
    expect(run.code).toBe(1);
    const errors = run.commands.filter((command) => command.name === 'error' && command.properties.title === 'unknown-person');
    expect(errors).toEqual([expect.objectContaining({ properties: expect.objectContaining({ file: 'credentials.yaml', line: '19', col: '12' }) })]);
    expect(fake.listComments(pullNumber)[0]?.body).toContain('unknown-person');
  });

  it('pull_request from a fork: read-only token, no comment, the plan in the summary, no failure', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', readOnly: true });
    pullNumber = 0;
    const repo = workspace();
    repo.write('credentials.yaml', INVENTORY);
    const base = repo.commit('inventory');
    repo.write('credentials.yaml', INVENTORY.replace('rotated: 2026-11-20', 'rotated: 2026-11-21'));
    const head = repo.commit('fork change');
    const run = await pullRequestRun(repo, base, head, true);
    expect(run.code).toBe(0);
    expect(fake.writes()).toEqual([]);
    expect(run.summary).toContain('azure-ai');
    expect(run.commands.some((command) => command.name === 'notice' && /fork/.test(command.message))).toBe(true);
  });

  it('schedule: status and reminders, and a second run writes nothing', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', collaborators: ['alice', 'carol'] });
    fake.addIssues(40);
    const repo = workspace();
    repo.write('credentials.yaml', INVENTORY);
    const sha = repo.commit('inventory');
    const schedule = () =>
      runAction({
        eventName: 'schedule',
        eventPayload: { schedule: '0 6 * * *' },
        workspace: repo.dir,
        repository: 'acme/infra',
        sha,
        ref: 'refs/heads/main',
        apiUrl: fake.url,
        inputs: { 'github-token': fake.token, now: '2026-11-26' },
        env: repo.env,
        node: nodeCommand(),
      });
    const first = await schedule();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.overdue).toBe('2');
    expect(first.outputs['due-soon']).toBe('2');
    const marked = fake.listIssues({ label: 'credential-rotation' });
    expect(marked.map((issue) => [issue.title, issue.assignees.map((a) => a.login)]).sort()).toEqual([
      ['Rotate openai (openai_api_key) — due 2026-11-30', ['alice']],
      ['Rotate smtp (email_password) — overdue since 2026-10-31', ['carol']],
    ]);
    expect(first.summary).toContain('Credential rotation status');
    fake.clearRequests();
    const second = await schedule();
    expect(second.code).toBe(0);
    expect(fake.writes()).toEqual([]);
    expect(fake.listIssues({}).length).toBe(42);
  });

  it('push to the default branch: applies, masking every value first, and a rerun sends nothing', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    const production = await startDocuElevateServer({ adminUsername: 'prod-admin', adminPassword: 'action-e2e-prod-password' });
    const staging = await startDocuElevateServer({ adminUsername: 'staging-admin', adminPassword: 'action-e2e-staging-password' });
    try {
      const repo = workspace();
      repo.write(
        'credentials.yaml',
        exampleAtUrls(readFileSync(EXAMPLE_INVENTORY, 'utf8'), { production: production.url, staging: staging.url }),
      );
      const sha = repo.commit('inventory');
      const originDir = path.join(path.dirname(repo.dir), 'origin.git');
      execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', originDir], { env: repo.env });
      repo.git('remote', 'add', 'origin', originDir);
      repo.git('push', '--quiet', 'origin', 'main');
      const push = () =>
        runAction({
          eventName: 'push',
          eventPayload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: sha, repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' } },
          workspace: repo.dir,
          repository: 'acme/infra',
          sha,
          ref: 'refs/heads/main',
          apiUrl: fake.url,
          inputs: { key: DEMO_KEY },
          env: {
            ...repo.env,
            DOCUELEVATE_PROD_USER: 'prod-admin',
            DOCUELEVATE_PROD_PASSWORD: 'action-e2e-prod-password',
            DOCUELEVATE_STAGING_USER: 'staging-admin',
            DOCUELEVATE_STAGING_PASSWORD: 'action-e2e-staging-password',
          },
          node: nodeCommand(),
        });
      const first = await push();
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('push → apply');
      // Progress in the log as it happens: per deployment, per setting, with counts.
      expect(first.stdout).toContain('apply: production: logging in and reading its credential list\n');
      expect(first.stdout).toMatch(/^apply: staging: \[1\/\d+\] set \S+ done$/m);
      expect(first.stdout).toMatch(/^apply: production: finished: \d+ done, 0 failed, 0 skipped$/m);
      expect(first.outputs.changed).toBe('true');
      expect(production.storedValue('openai_api_key')).toBe(demoPlaintext('openai'));
      expect(staging.storedValue('admin_password')).toBe(demoPlaintext('admin-password', 'staging'));
      // The runner masks what `::add-mask::` names: every value is registered, and appears nowhere else.
      const masks = first.commands.filter((command) => command.name === 'add-mask').map((command) => command.message);
      expect(masks).toContain(demoPlaintext('openai'));
      expect(masks).toContain('action-e2e-prod-password');
      const unmasked = first.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      expect(findDemoPlaintexts(`${unmasked}\n${first.summary}`)).toEqual([]);
      const writesAfterFirst = production.state.requests.filter((request) => request.committed).length;
      const second = await push();
      expect(second.code).toBe(0);
      expect(second.outputs.changed).toBe('false');
      expect(production.state.requests.filter((request) => request.committed).length).toBe(writesAfterFirst);
      expect(execFileSync('git', ['for-each-ref', 'refs/credledger/applied'], { cwd: originDir, env: repo.env, encoding: 'utf8' })).toContain('refs/credledger/applied');
    } finally {
      await Promise.all([production.close(), staging.close()]);
    }
  });

  it('audit: compares a deployment with the inventory and fails on an untracked credential when asked', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    const production = await startDocuElevateServer({ adminUsername: 'admin', adminPassword: 'action-audit-password', envValues: { mistral_api_key: 'env-held-mistral-key-0001' } });
    try {
      const repo = workspace();
      repo.write(
        'credentials.yaml',
        INVENTORY.replace(
          "  production: { url: 'https://docs.example.com' }\n  staging: { url: 'https://staging.example.com' }",
          `  production:\n    url: ${production.url}\n    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }`,
        ),
      );
      const sha = repo.commit('inventory');
      const run = await runAction({
        eventName: 'workflow_dispatch',
        eventPayload: { repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' } },
        workspace: repo.dir,
        repository: 'acme/infra',
        sha,
        ref: 'refs/heads/main',
        apiUrl: fake.url,
        inputs: { command: 'audit', 'fail-on': 'untracked' },
        env: { ...repo.env, DE_USER: 'admin', DE_PASSWORD: 'action-audit-password' },
        node: nodeCommand(),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(run.summary).toContain('mistral_api_key');
      expect(run.commands.find((command) => command.name === 'error')?.message).toMatch(/untracked/);
      expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.message)).toContain('action-audit-password');
      expect(production.state.requests.filter((request) => request.committed)).toEqual([]);
    } finally {
      await production.close();
    }
  });

  it('push to another branch: validates only', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    const repo = workspace();
    repo.write('credentials.yaml', INVENTORY);
    const sha = repo.commit('inventory');
    const run = await runAction({
      eventName: 'push',
      eventPayload: { ref: 'refs/heads/feature', before: '0'.repeat(40), after: sha, repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' } },
      workspace: repo.dir,
      repository: 'acme/infra',
      sha,
      ref: 'refs/heads/feature',
      apiUrl: fake.url,
      env: repo.env,
      node: nodeCommand(),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('push → validate');
    expect(fake.requests).toEqual([]);
    expectNoDemoSecret(run);
  });

  it('refuses apply on a pull request, whatever the command input says', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    const repo = workspace();
    repo.write('credentials.yaml', INVENTORY);
    const sha = repo.commit('inventory');
    const run = await runAction({
      eventName: 'pull_request',
      eventPayload: pullRequestPayload(repo, 9, sha, sha),
      workspace: repo.dir,
      repository: 'acme/infra',
      sha,
      ref: 'refs/pull/9/merge',
      apiUrl: fake.url,
      inputs: { command: 'apply', key: 'not-used' },
      env: repo.env,
      node: nodeCommand(),
    });
    expect(run.code).toBe(1);
    expect(run.commands.find((command) => command.name === 'error')?.message).toMatch(/apply is refused on pull_request/);
    expect(existsSync(repo.dir)).toBe(true);
  });
});
