// The bundled action's audit mode on a schedule: one drift issue, opened, kept without duplicates, closed when clean, reopened.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readIssueMarker } from '../../src/core/rotation-issues.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { startFakeGitHub, type FakeGitHub, type IssueJson } from '../support/fake-github.js';
import { createGitFixture, type GitFixture } from '../support/git-fixture.js';
import { runAction, type ActionRun } from '../support/run-action.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'drift-issue-admin-password-01' };
const OPENAI_ENV = 'sk-proj-drift-issue-env-openai-0002';
const MISTRAL_ENV = 'drift-issue-env-mistral-key-0003';
const ANTHROPIC_ENV = 'sk-ant-drift-issue-env-key-0004';

function inventory(url: string): string {
  // Everything the deployment reports from its environment is tracked without a value: a clean audit.
  return `version: 1
people:
  alice: { github: alice }
deployments:
  production:
    url: ${url}
    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }
credentials:
  openai: { setting: openai_api_key, kind: api_key, owner: alice, created: 2026-11-01 }
  database-url: { setting: database_url, kind: password, owner: alice, created: 2026-11-01 }
  redis-url: { setting: redis_url, kind: password, owner: alice, created: 2026-11-01 }
  session-secret: { setting: session_secret, kind: session_secret, owner: alice, created: 2026-11-01 }
  admin-password: { setting: admin_password, kind: admin_password, owner: alice, created: 2026-11-01 }
`;
}

let fake: FakeGitHub | undefined;
let server: DocuElevateServer | undefined;
const fixtures: GitFixture[] = [];
afterEach(async () => {
  expect(fake?.unmatched() ?? []).toEqual([]);
  await fake?.close();
  await server?.close();
});
afterAll(() => {
  for (const fixture of fixtures) fixture.dispose();
});

function driftIssues(): IssueJson[] {
  return (fake as FakeGitHub).listIssues({ state: 'all' }).filter((issue) => readIssueMarker(issue.body) === 'audit-drift');
}

describe('the action, command audit on a schedule', () => {
  it('keeps one drift issue: opened once, unchanged on a rerun, edited in place, closed when clean, reopened on new drift', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    server = await startDocuElevateServer({ ...ADMIN, envValues: { openai_api_key: OPENAI_ENV, mistral_api_key: MISTRAL_ENV } });
    const repo = createGitFixture();
    fixtures.push(repo);
    repo.write('credentials.yaml', inventory(server.url));
    const sha = repo.commit('inventory');
    const audit = async (extra: Record<string, string> = {}): Promise<ActionRun> => {
      const run = await runAction({
        eventName: 'schedule',
        eventPayload: { schedule: '0 6 * * *', repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' } },
        workspace: repo.dir,
        repository: 'acme/infra',
        sha,
        ref: 'refs/heads/main',
        apiUrl: (fake as FakeGitHub).url,
        inputs: { command: 'audit', 'github-token': (fake as FakeGitHub).token, ...extra },
        env: { ...repo.env, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword },
      });
      expect(run.stderr).toBe('');
      // The runner's ::add-mask:: command carries the password on purpose: that is how it gets masked.
      const printed = `${run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')}${run.summary}`;
      for (const secret of [OPENAI_ENV, MISTRAL_ENV, ANTHROPIC_ENV, ADMIN.adminPassword]) expect(printed).not.toContain(secret);
      return run;
    };

    const opened = await audit();
    expect(opened.code).toBe(0);
    expect(driftIssues()).toHaveLength(1);
    const issue = driftIssues()[0] as IssueJson;
    expect(issue.state).toBe('open');
    expect(issue.title).toBe('Credential drift: 1 finding on production');
    expect(issue.labels.map((label) => (typeof label === 'string' ? label : label.name))).toEqual(['credential-drift']);
    expect(issue.body).toContain('mistral_api_key');
    expect(opened.summary).toContain('### Drift issue\n\ncreate #');

    const rerun = await audit();
    expect(rerun.summary).toContain(`unchanged #${issue.number}`);
    expect(driftIssues()).toHaveLength(1);
    expect(fake.getIssue(issue.number)?.updated_at).toBe(issue.updated_at);

    server.restart({ envValues: { openai_api_key: OPENAI_ENV, mistral_api_key: MISTRAL_ENV, anthropic_api_key: ANTHROPIC_ENV } });
    const more = await audit();
    expect(more.summary).toContain(`update #${issue.number}`);
    expect(driftIssues()).toHaveLength(1);
    expect(fake.getIssue(issue.number)?.title).toBe('Credential drift: 2 findings on production');
    expect(fake.getIssue(issue.number)?.body).toContain('anthropic_api_key');

    server.restart({ envValues: { openai_api_key: OPENAI_ENV } });
    const clean = await audit();
    expect(clean.summary).toContain(`close #${issue.number}`);
    expect(fake.getIssue(issue.number)?.state).toBe('closed');
    expect(fake.listComments(issue.number).at(-1)?.body).toMatch(/audit is clean/);

    server.restart({ envValues: { openai_api_key: OPENAI_ENV, mistral_api_key: MISTRAL_ENV } });
    const again = await audit();
    expect(again.summary).toContain(`reopen #${issue.number}`);
    expect(driftIssues()).toHaveLength(1);
    expect(fake.getIssue(issue.number)?.state).toBe('open');
    expect(fake.listComments(issue.number).at(-1)?.body).toMatch(/found drift again/);

    // One matrix job per deployment must not keep the issue: another job's clean deployment would close it.
    server.restart({ envValues: { openai_api_key: OPENAI_ENV } });
    const filtered = await audit({ deployment: 'production' });
    expect(filtered.summary).toContain('not kept: this run audits only some deployments');
    expect(fake.getIssue(issue.number)?.state).toBe('open');
  });
});
