// The built CLI: apply, then drift seeded in a loopback DocuElevate, then `credledger audit` names each drift, never a value.
import { afterEach, describe, expect, it } from 'vitest';
import { DocuElevateClient } from '../../src/adapters/docuelevate-client.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { commitInventory, createSandbox, createTestKey, environmentCredentials, renderSealedInventory, type Sandbox, type TestCredential } from '../support/apply-sandbox.js';
import { runBuiltCli } from '../support/run-built-cli.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'e2e-drift-admin-login-password-01' };
const ADMIN_TOKEN = 'e2e-drift-admin-api-token-000002';
const LOGIN = '{ method: login, username_env: DE_USER, password_env: DE_PASSWORD }';
const PLAINTEXT = {
  openai: 'sk-proj-e2e-drift-openai-plaintext-03',
  openaiOutside: 'sk-xx-e2e-drift-set-in-the-ui-0000004',
  smtp: 'e2e-drift-smtp-password-plaintext-05',
  ftp: 'e2e-drift-ftp-password-plaintext-006',
  mistral: 'e2e-drift-untracked-mistral-key-0007',
};
const BASE: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.openai },
  { id: 'smtp', setting: 'email_password', kind: 'password', value: PLAINTEXT.smtp },
  { id: 'admin', setting: 'admin_password', kind: 'admin_password' },
  ...environmentCredentials(['production']),
];

const sandboxes: Sandbox[] = [];
let server: DocuElevateServer | undefined;
afterEach(async () => {
  await server?.close();
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

describe('credledger audit after apply, with drift seeded (built CLI)', () => {
  it('names a change by another user (who, when), a masked mismatch and a deletion pending restart, besides untracked', async () => {
    server = await startDocuElevateServer({ ...ADMIN, adminApiTokens: [ADMIN_TOKEN], envValues: { mistral_api_key: PLAINTEXT.mistral } });
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    const { key, ring } = createTestKey();
    const repo = sandbox.initRepo('work');
    const env = { ...sandbox.env, CREDLEDGER_KEY: key, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
    const deployments = [{ id: 'production', url: server.url, auth: LOGIN }];

    commitInventory(sandbox, repo, renderSealedInventory(ring, deployments, [...BASE, { id: 'ftp', setting: 'ftp_password', kind: 'password', value: PLAINTEXT.ftp }]));
    expect((await runBuiltCli(['apply'], { cwd: repo, env })).code).toBe(0);
    // ftp leaves the inventory: apply deletes it, and the running DocuElevate keeps it until a restart.
    commitInventory(sandbox, repo, renderSealedInventory(ring, deployments, BASE), 'drop ftp');
    const removal = await runBuiltCli(['apply'], { cwd: repo, env });
    expect(removal.code).toBe(0);

    // Someone with an admin API token changes openai in DocuElevate, a few seconds after apply.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const outsider = new DocuElevateClient({ baseUrl: server.url, auth: { method: 'bearer', token: new SecretValue(ADMIN_TOKEN), source: 'test' } });
    await outsider.setSetting('openai_api_key', new SecretValue(PLAINTEXT.openaiOutside));
    await outsider.close();

    const audit = await runBuiltCli(['audit', '--format', 'json'], { cwd: repo, env });
    expect(audit.stderr).toBe('');
    const report = JSON.parse(audit.stdout) as { deployments: { findings: { kind: string; setting: string; changes?: { changedBy: string; changedAt: string }[] }[] }[] };
    const findings = report.deployments[0]?.findings ?? [];
    expect(findings.map((finding) => `${finding.kind} ${finding.setting}`)).toEqual([
      'untracked mistral_api_key',
      'pending-restart ftp_password',
      'changed-outside openai_api_key',
      'masked-mismatch openai_api_key',
    ]);
    expect(findings.find((finding) => finding.kind === 'changed-outside')?.changes).toEqual([{ changedBy: 'api-admin', changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), action: 'update' }]);

    const text = await runBuiltCli(['audit'], { cwd: repo, env });
    expect(text.stdout).toMatch(/changed-outside +openai_api_key +openai .*\n {4}changed by api-admin at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\n/);
    const markdown = await runBuiltCli(['audit', '--format', 'markdown'], { cwd: repo, env });
    for (const output of [audit.stdout, text.stdout, markdown.stdout, text.stderr]) {
      for (const secret of [...Object.values(PLAINTEXT), ADMIN.adminPassword, ADMIN_TOKEN]) {
        expect(output).not.toContain(secret.slice(0, 12));
        expect(output).not.toContain(`${secret.slice(0, 4)}****`);
      }
    }

    // Without the key, the masked comparison is skipped and said to be.
    const keyless = await runBuiltCli(['audit'], { cwd: repo, env: { ...env, CREDLEDGER_KEY: '' } });
    expect(keyless.stdout).not.toMatch(/^ +error +masked-mismatch/m);
    expect(keyless.stdout).toMatch(/^ +error +changed-outside +openai_api_key/m);
    expect(keyless.stdout).toContain('note: masked values were not compared');
  });
});
