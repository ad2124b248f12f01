import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/core/audit.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, renderSealedInventory, type Sandbox, type TestCredential, type TestDeployment } from '../support/apply-sandbox.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'e2e-audit-admin-login-password-01' };
const LOGIN = '{ method: login, username_env: DE_USER, password_env: DE_PASSWORD }';
const HELD = { envOpenai: 'sk-proj-e2e-audit-env-openai-000002', dbDropbox: 'e2e-audit-db-dropbox-secret-000003', dbWebdav: 'e2e-audit-db-webdav-password-04' };
const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: 'sk-proj-e2e-audit-inventory-00005' },
  { id: 'webdav', setting: 'webdav_password', kind: 'password' },
  { id: 'smtp', setting: 'email_password', kind: 'password', value: 'e2e-audit-inventory-smtp-0006' },
];
const PLAINTEXTS = [...Object.values(HELD), ...CREDENTIALS.flatMap((c) => (c.value === undefined ? [] : [c.value])), ADMIN.adminPassword];

const sandboxes: Sandbox[] = [];
const servers: DocuElevateServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

interface Setup {
  readonly server: DocuElevateServer;
  cli(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
}

async function setUp(extraDeployments: (server: DocuElevateServer) => TestDeployment[] = () => []): Promise<Setup> {
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  const server = await startDocuElevateServer({
    ...ADMIN,
    envValues: { openai_api_key: HELD.envOpenai },
    initialDbValues: { dropbox_app_secret: HELD.dbDropbox, webdav_password: HELD.dbWebdav },
  });
  servers.push(server);
  const deployments = [{ id: 'production', url: server.url, auth: LOGIN }, ...extraDeployments(server)];
  writeFileSync(path.join(sandbox.root, 'credentials.yaml'), renderSealedInventory(createTestKey().ring, deployments, CREDENTIALS));
  // No CREDLEDGER_KEY: audit never decrypts.
  const env = { ...sandbox.env, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
  return { server, cli: (args, extra = {}) => runBuiltCli(['audit', ...args], { cwd: sandbox.root, env: { ...env, ...extra } }) };
}

function expectNoPlaintext(...runs: CliRun[]): void {
  for (const run of runs) for (const secret of PLAINTEXTS) expect(`${run.stdout}\n${run.stderr}`).not.toContain(secret);
}

describe('credledger audit (built CLI)', () => {
  it('reports in text, JSON and Markdown without a key, exits 1 only when --fail-on matches, and writes nothing', async () => {
    const setup = await setUp();
    const text = await setup.cli([]);
    expect(text.stderr).toMatch(/^audit: production: logging in and reading its credential list\naudit: production: \d+ credential settings listed\n$/);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^production \(http:\/\/127\.0\.0\.1:\d+\): 8 findings/);
    expect(text.stdout).toMatch(/^ {2}error +untracked +dropbox_app_secret +- +database +not covered$/m);
    expect(text.stdout).toMatch(/^ {2}warning +from-env +openai_api_key +openai +environment +value$/m);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('5 untracked, 1 not-configured, 1 from-env, 1 db-unmanaged, 0 pending-restart, 0 changed-outside, 0 masked-mismatch; 1 deployment audited');

    const json = await setup.cli(['--format', 'json', '--fail-on', 'untracked']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as AuditReport;
    // Every real DocuElevate deployment reports database_url, redis_url, session_secret and admin_password from its environment.
    expect(report.summary).toEqual({ untracked: 5, 'not-configured': 1, 'from-env': 1, 'db-unmanaged': 1, 'pending-restart': 0, 'changed-outside': 0, 'masked-mismatch': 0, unreachable: 0 });
    expect(report.deployments[0]?.findings.map((finding) => `${finding.severity} ${finding.kind} ${finding.setting}`)).toEqual([
      'error untracked admin_password',
      'error untracked database_url',
      'error untracked dropbox_app_secret',
      'error untracked redis_url',
      'error untracked session_secret',
      'warning not-configured email_password',
      'warning from-env openai_api_key',
      'warning db-unmanaged webdav_password',
    ]);

    const markdown = await setup.cli(['--format', 'markdown', '--fail-on', 'any']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout.startsWith('### credledger audit\n')).toBe(true);
    expect(markdown.stdout).toContain('| 🔴 error | untracked | `dropbox_app_secret` |');

    const nonGet = setup.server.state.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`);
    expect(nonGet).toEqual(['POST /auth', 'POST /auth', 'POST /auth']);
    expect(setup.server.state.requests.filter((request) => request.committed)).toEqual([]);
    expect(setup.server.dbKeys()).toEqual(['dropbox_app_secret', 'webdav_password']);
    expectNoPlaintext(text, json, markdown);
  });

  it('exits 3 when a deployment cannot be audited, still reporting the others; 64 on a usage error', async () => {
    const setup = await setUp((server) => [{ id: 'staging', url: server.url, auth: '{ method: login, username_env: DE_USER, password_env: STAGING_PASSWORD }' }]);
    const refused = await setup.cli(['--format', 'json'], { STAGING_PASSWORD: 'not-the-password' });
    expect(refused.code).toBe(3);
    const report = JSON.parse(refused.stdout) as AuditReport;
    expect(report.deployments.map((deployment) => [deployment.deployment, deployment.outcome])).toEqual([
      ['production', 'audited'],
      ['staging', 'unreachable'],
    ]);
    expect(report.deployments[1]?.error?.message).toMatch(/^login as admin refused: Invalid username or password \(credentials from DE_USER\/STAGING_PASSWORD\)/);

    const only = await setup.cli(['--deployment', 'production']);
    expect(only.code).toBe(0);
    expect(only.stdout).not.toContain('staging');

    const usage = await setup.cli(['--fail-on', 'warnings']);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toBe('credledger audit: --fail-on must be one of: untracked, any, never (got warnings)\n');
    const unknown = await setup.cli(['-d', 'prod']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('unknown deployment prod (the inventory has production, staging)');
    expectNoPlaintext(refused, only, usage, unknown);
  });
});
