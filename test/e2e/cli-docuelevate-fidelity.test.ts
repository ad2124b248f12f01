// Issue 10's "done when", end to end: the built CLI against the loopback devserver configured as DocuElevate 0.188.6
// really runs (list read-back in Python's form, admin_password taking effect at once, a DELETE kept in memory until
// a restart, database_url, redis_url, session_secret and admin_password reported from the environment).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyReport } from '../../src/core/apply-report.js';
import type { AuditReport } from '../../src/core/audit.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import {
  commitInventory,
  createSandbox,
  createTestKey,
  environmentCredentials,
  renderSealedInventory,
  type Sandbox,
  type TestCredential,
} from '../support/apply-sandbox.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';
import { exampleAtUrls } from '../support/example-urls.js';

const USER_VARIABLE = 'DOCUELEVATE_PROD_USER';
const PASSWORD_VARIABLE = 'DOCUELEVATE_PROD_PASSWORD';
const LOGIN = `{ method: login, username_env: ${USER_VARIABLE}, password_env: ${PASSWORD_VARIABLE} }`;
const PLAINTEXT = {
  /** ADMIN_PASSWORD in the deployment's environment. */
  environmentAdmin: 'fidelity-environment-admin-password-01',
  /** The inventory's admin_password, then its rotation. */
  inventoryAdmin: 'fidelity-inventory-admin-password-0002',
  rotatedAdmin: 'fidelity-rotated-admin-password-000003',
  // Spaces after the comma: DocuElevate trims the items, and its read-back shows ['json://…', 'json://…'].
  notifications: 'json://hooks.example.com/fidelity-0004, json://hooks.example.com/fidelity-0005',
  awsId: 'AKIAFIDELITYPLAIN0006',
  awsSecret: 'fidelity-aws-secret-access-key-plain-0007',
};

const sandboxes: Sandbox[] = [];
const servers: DocuElevateServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

function credentialsWith(admin: string, notifications = true): TestCredential[] {
  return [
    ...(notifications ? [{ id: 'notifications', setting: 'notification_urls', kind: 'token', value: PLAINTEXT.notifications }] : []),
    { id: 'aws-id', setting: 'aws_access_key_id', value: PLAINTEXT.awsId, group: 'aws' },
    { id: 'aws-secret', setting: 'aws_secret_access_key', value: PLAINTEXT.awsSecret, group: 'aws' },
    { id: 'admin', setting: 'admin_password', kind: 'admin_password', value: admin },
    // What every deployment reports from its environment, tracked without a value.
    ...environmentCredentials(['production']),
  ];
}

function committedWrites(server: DocuElevateServer): number {
  return server.state.requests.filter((request) => request.committed).length;
}

function expectNoPlaintext(...runs: CliRun[]): void {
  for (const run of runs) for (const secret of Object.values(PLAINTEXT)) expect(`${run.stdout}\n${run.stderr}`).not.toContain(secret);
}

describe('against a server that behaves like DocuElevate 0.188.6 (built CLI)', () => {
  it('applies list, group and admin_password cleanly, survives the rotation of its own login, and audits a removal as pending a restart', async () => {
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    // Configured like a real deployment: ADMIN_USERNAME/ADMIN_PASSWORD, SESSION_SECRET, DATABASE_URL, and redis_url's default.
    const server = await startDocuElevateServer({ adminUsername: 'admin', adminPassword: PLAINTEXT.environmentAdmin });
    servers.push(server);
    const { key, ring } = createTestKey();
    const repo = sandbox.initRepo('inventory');
    const deployments = [{ id: 'production', url: server.url, auth: LOGIN }];
    commitInventory(sandbox, repo, renderSealedInventory(ring, deployments, credentialsWith(PLAINTEXT.inventoryAdmin)));
    const base = { ...sandbox.env, CREDLEDGER_KEY: key, [USER_VARIABLE]: 'admin' };
    const run = (args: readonly string[], password: string, env: Record<string, string> = {}): Promise<CliRun> =>
      runBuiltCli(args, { cwd: repo, env: { ...base, [PASSWORD_VARIABLE]: password, ...env } });
    const runs: CliRun[] = [];
    const apply = async (password: string): Promise<{ run: CliRun; report: ApplyReport }> => {
      const result = await run(['apply', '--format', 'json'], password);
      runs.push(result);
      return { run: result, report: JSON.parse(result.stdout) as ApplyReport };
    };

    // A fresh deployment: the inventory tracks everything it reports from its environment.
    const fresh = await run(['audit', '--fail-on', 'untracked'], PLAINTEXT.environmentAdmin);
    runs.push(fresh);
    expect(fresh.code, fresh.stdout).toBe(0);
    expect(fresh.stdout).toMatch(/^0 untracked, /m);

    // 1. The first apply: exit 0, and the server holds exactly the inventory's plaintexts.
    const first = await apply(PLAINTEXT.environmentAdmin);
    expect(first.run.code, first.run.stdout + first.run.stderr).toBe(0);
    const production = first.report.deployments[0];
    expect(production?.outcome).toBe('done');
    // admin_password last, after the AWS pair written back to back.
    expect(production?.operations.map((operation) => `${operation.outcome} ${operation.setting}`)).toEqual([
      'done notification_urls',
      'done aws_access_key_id',
      'done aws_secret_access_key',
      'done admin_password',
    ]);
    expect(production?.warnings).toContain(
      `update ${PASSWORD_VARIABLE}: production's admin password is now the inventory's \`admin\` (DocuElevate's login takes it at once; the next run falls back to it until ${PASSWORD_VARIABLE} is updated)`,
    );
    expect(server.dbKeys()).toEqual(['admin_password', 'aws_access_key_id', 'aws_secret_access_key', 'notification_urls']);
    expect(server.storedValue('notification_urls')).toBe(PLAINTEXT.notifications);
    expect(server.storedValue('aws_access_key_id')).toBe(PLAINTEXT.awsId);
    expect(server.storedValue('aws_secret_access_key')).toBe(PLAINTEXT.awsSecret);
    expect(server.storedValue('admin_password')).toBe(PLAINTEXT.inventoryAdmin);

    // 2. The second run (the team updated the variable): nothing is written.
    const writesBefore = committedWrites(server);
    const second = await apply(PLAINTEXT.inventoryAdmin);
    expect(second.run.code, second.run.stdout + second.run.stderr).toBe(0);
    expect(second.report.summary).toMatchObject({ done: 0, failed: 0 });
    expect(second.report.deployments[0]?.outcome).toBe('unchanged');
    expect(committedWrites(server)).toBe(writesBefore);

    // 3. A rotation of admin_password, merged and applied while the variable still holds the previous password.
    const rotation = await runBuiltCli(['set', 'admin', '--value-stdin'], { cwd: repo, env: base, input: `${PLAINTEXT.rotatedAdmin}\n` });
    runs.push(rotation);
    expect(rotation.code, rotation.stderr).toBe(0);
    sandbox.git(repo, ['commit', '-q', '-am', 'rotate admin']);
    const rotated = await apply(PLAINTEXT.inventoryAdmin);
    expect(rotated.run.code, rotated.run.stdout + rotated.run.stderr).toBe(0);
    expect(rotated.report.deployments[0]?.operations.map((operation) => `${operation.outcome} ${operation.setting}`)).toEqual(['done admin_password']);
    expect(server.storedValue('admin_password')).toBe(PLAINTEXT.rotatedAdmin);

    // 4. The run after the rotation, with the old variable: exit 0, nothing written, the stale variable named (found
    // without a login, as there is nothing to write).
    const writesAfterRotation = committedWrites(server);
    const after = await apply(PLAINTEXT.inventoryAdmin);
    expect(after.run.code, after.run.stdout + after.run.stderr).toBe(0);
    expect(committedWrites(server)).toBe(writesAfterRotation);
    expect(after.report.deployments[0]?.warnings).toEqual([
      `${PASSWORD_VARIABLE} is stale: it is not the inventory's applied admin_password of production (credential admin), which production's login takes since apply wrote it; update ${PASSWORD_VARIABLE} to that value (credledger reveal)`,
    ]);

    // Audit logs in: given the key, the refused variable falls back to the inventory's applied admin_password.
    const refused = `${PASSWORD_VARIABLE} is stale: DocuElevate refused its password for production, and the inventory's applied admin_password of production (credential admin) opened instead; update ${PASSWORD_VARIABLE} to that value (credledger reveal)`;
    const auditWithKey = await run(['audit', '--fail-on', 'untracked', '--format', 'json'], PLAINTEXT.inventoryAdmin);
    runs.push(auditWithKey);
    expect(auditWithKey.code, auditWithKey.stdout + auditWithKey.stderr).toBe(0);
    expect((JSON.parse(auditWithKey.stdout) as AuditReport).deployments[0]?.warnings).toEqual([refused]);
    const auditText = await run(['audit'], PLAINTEXT.inventoryAdmin);
    runs.push(auditText);
    expect(auditText.code).toBe(0);
    expect(auditText.stdout).toContain(`  warning: ${refused}`);
    // Without a key it cannot know the inventory's password: the refusal, with its exit code.
    const auditWithoutKey = await run(['audit', '--fail-on', 'untracked'], PLAINTEXT.inventoryAdmin, { CREDLEDGER_KEY: '' });
    runs.push(auditWithoutKey);
    expect(auditWithoutKey.code).toBe(3);
    expect(auditWithoutKey.stdout).toContain(`login as admin refused: Invalid username or password (credentials from ${USER_VARIABLE}/${PASSWORD_VARIABLE})`);

    // 5. A removal, still with the old variable: apply logs in with the fallback, deletes, and says both.
    // DocuElevate drops the row but keeps the value in memory, and reports it from the environment.
    commitInventory(sandbox, repo, renderSealedInventory(ring, deployments, credentialsWith(PLAINTEXT.rotatedAdmin, false)), 'drop notifications');
    const removal = await run(['apply'], PLAINTEXT.inventoryAdmin);
    runs.push(removal);
    expect(removal.code, removal.stdout + removal.stderr).toBe(0);
    expect(removal.stdout).toContain('restart api and worker on production: removed notification_urls (DocuElevate keeps a deleted value in effect until it restarts)');
    expect(removal.stdout).toContain(`  warning: ${refused}`);
    expect(server.dbKeys()).not.toContain('notification_urls');
    expect(server.runningValue('notification_urls')).toBe(PLAINTEXT.notifications);

    // Right after the removal: the setting is pending a restart, not untracked.
    const pending = await run(['audit', '--fail-on', 'untracked', '--format', 'json'], PLAINTEXT.rotatedAdmin);
    runs.push(pending);
    expect(pending.code, pending.stdout + pending.stderr).toBe(0);
    const pendingReport = JSON.parse(pending.stdout) as AuditReport;
    expect(pendingReport.summary).toMatchObject({ untracked: 0, 'pending-restart': 1 });
    expect(pendingReport.deployments[0]?.findings.map((finding) => `${finding.kind} ${finding.setting}`)).toEqual(['pending-restart notification_urls']);
    expect(pendingReport.deployments[0]?.warnings).toBeUndefined();

    // Once DocuElevate restarts it stops reporting the value, and the audit is clean.
    server.restart();
    const restarted = await run(['audit', '--fail-on', 'any'], PLAINTEXT.rotatedAdmin);
    runs.push(restarted);
    expect(restarted.code, restarted.stdout).toBe(0);
    expect(restarted.stdout).toMatch(/no findings/);

    expectNoPlaintext(...runs);
  });

  it('audits the bundled example against fresh deployments with no untracked finding', async () => {
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    const production = await startDocuElevateServer({ adminUsername: 'admin', adminPassword: PLAINTEXT.environmentAdmin });
    const staging = await startDocuElevateServer({ adminUsername: 'admin', adminPassword: PLAINTEXT.inventoryAdmin });
    servers.push(production, staging);
    const example = exampleAtUrls(readFileSync(EXAMPLE_INVENTORY, 'utf8'), { production: production.url, staging: staging.url });
    writeFileSync(path.join(sandbox.root, 'credentials.yaml'), example);
    const env = {
      ...sandbox.env,
      [USER_VARIABLE]: 'admin',
      [PASSWORD_VARIABLE]: PLAINTEXT.environmentAdmin,
      DOCUELEVATE_STAGING_USER: 'admin',
      DOCUELEVATE_STAGING_PASSWORD: PLAINTEXT.inventoryAdmin,
    };
    const audit = await runBuiltCli(['audit', '--fail-on', 'untracked', '--format', 'json'], { cwd: sandbox.root, env });
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    const report = JSON.parse(audit.stdout) as AuditReport;
    expect(report.summary.untracked).toBe(0);
    // database_url, redis_url, session_secret and admin_password are all reported, and all tracked: the first three
    // without a value, as expected; admin_password, which the example pushes, from-env until it is applied.
    for (const deployment of report.deployments) {
      expect(deployment.findings.filter((finding) => ['database_url', 'redis_url', 'session_secret', 'admin_password'].includes(finding.setting)).map((finding) => `${finding.kind} ${finding.setting}`)).toEqual(['from-env admin_password']);
    }
    expectNoPlaintext(audit);
  });
});
