import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocuElevateClient } from '../../src/adapters/docuelevate-client.js';
import type { DeploymentCredential as DocuElevateAuth } from '../../src/ports/deployment-connection.js';
import { auditCollaborators } from '../../src/wiring/apply.js';
import { auditDeployments } from '../../src/app/audit.js';
import { EMPTY_APPLIED_STATE, recordSettingApplied, recordSettingRemoved, type AppliedState } from '../../src/core/applied-state.js';
import { findChangesOutside, type AuditReport } from '../../src/core/audit.js';
import { renderAuditMarkdown, renderAuditText } from '../../src/core/render-audit.js';
import type { KeyRing } from '../../src/crypto/key-ring.js';
import type { AppliedStateStore } from '../../src/ports/applied-state-store.js';
import { fingerprintValue } from '../../src/crypto/sealed-value.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, environmentCredentials, renderSealedInventory, type Sandbox, type TestCredential } from '../support/apply-sandbox.js';

const ADMIN = { adminUsername: 'prod-admin', adminPassword: 'drift-test-prod-login-password-01' };
const ADMIN_TOKEN = 'drift-test-admin-api-token-000002';
const ENV = { PROD_USER: ADMIN.adminUsername, PROD_PASSWORD: ADMIN.adminPassword };
const APPLIED_AT = '2026-03-01T09:00:00.000Z';
/** DocuElevate's clock during the test: an hour after credledger's last apply. */
const SERVER_TIME = new Date('2026-03-01T10:00:00Z');

/** Every value here is a secret: none may appear in any output, nor its first twelve characters. */
const PLAINTEXT = {
  openai: 'sk-proj-drift-inventory-openai-0003',
  openaiOutside: 'sk-proj-drift-changed-in-the-ui-0004',
  smtp: 'drift-inventory-smtp-password-0005',
  smtpRestored: 'zzzz-an-older-smtp-password-restored-0006',
  nextcloud: 'drift-inventory-nextcloud-pass-0007',
  nextcloudLater: 'drift-nextcloud-set-again-by-admin-08',
  webdav: 'drift-inventory-webdav-password-0009',
  dropbox: 'drift-removed-dropbox-secret-0010',
  aws: 'drift-untracked-aws-secret-000011',
  azureEnv: 'drift-env-azure-key-plaintext-0012',
  ftpDb: 'drift-db-ftp-password-plaintext-13',
};

const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.openai },
  { id: 'smtp', setting: 'email_password', kind: 'password', value: PLAINTEXT.smtp },
  { id: 'nextcloud', setting: 'nextcloud_password', kind: 'password', value: PLAINTEXT.nextcloud },
  { id: 'webdav', setting: 'webdav_password', kind: 'password', value: PLAINTEXT.webdav },
  // The existing kinds: azure pushed but taken from the environment, ftp held in the database unmanaged, imap missing.
  { id: 'azure', setting: 'azure_ai_key', value: 'drift-inventory-azure-key-0014' },
  { id: 'ftp', setting: 'ftp_password', kind: 'password' },
  { id: 'imap', setting: 'imap1_password', kind: 'password', value: 'drift-inventory-imap-pass-0015' },
  { id: 'admin', setting: 'admin_password', kind: 'admin_password' },
  ...environmentCredentials(['production']),
];

const servers: DocuElevateServer[] = [];
const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

function appliedStateFor(ring: KeyRing, settings: readonly (readonly [string, string, string])[]): AppliedState {
  let state = EMPTY_APPLIED_STATE;
  for (const [credential, setting, value] of settings) {
    const { keyId, fingerprint } = fingerprintValue(ring, { credentialId: credential, deployment: 'production' }, value);
    state = recordSettingApplied(state, 'production', setting, { credential, keyId, fingerprint, commit: null, appliedAt: APPLIED_AT });
  }
  return state;
}

async function change(server: DocuElevateServer, auth: DocuElevateAuth, key: string, value: string): Promise<void> {
  const client = new DocuElevateClient({ baseUrl: server.url, auth, retry: { attempts: 1 } });
  try {
    await client.setSetting(key, new SecretValue(value));
  } finally {
    await client.close();
  }
}

/**
 * A deployment where apply last wrote openai, smtp, nextcloud and webdav at 09:00, and then: someone with an admin
 * API token (another user) changed openai in DocuElevate; a restore brought back an older smtp password (no history);
 * the apply user itself set nextcloud again by hand; webdav is untouched; apply deleted the Dropbox secret, which the
 * running process still holds. Plus the kinds audit found before: untracked, not-configured, from-env, db-unmanaged.
 */
async function seedDrift(): Promise<{ server: DocuElevateServer; file: string; ring: KeyRing; state: AppliedState }> {
  const options: DocuElevateServerOptions = {
    ...ADMIN,
    adminApiTokens: [ADMIN_TOKEN],
    clock: () => SERVER_TIME,
    envValues: { azure_ai_key: PLAINTEXT.azureEnv },
    initialDbValues: {
      openai_api_key: PLAINTEXT.openai,
      email_password: PLAINTEXT.smtpRestored,
      nextcloud_password: PLAINTEXT.nextcloud,
      webdav_password: PLAINTEXT.webdav,
      dropbox_app_secret: PLAINTEXT.dropbox,
      aws_secret_access_key: PLAINTEXT.aws,
      ftp_password: PLAINTEXT.ftpDb,
    },
  };
  const server = await startDocuElevateServer(options);
  servers.push(server);
  await change(server, { method: 'bearer', token: new SecretValue(ADMIN_TOKEN), source: 'test' }, 'openai_api_key', PLAINTEXT.openaiOutside);
  const login: DocuElevateAuth = { method: 'login', username: ADMIN.adminUsername, password: new SecretValue(ADMIN.adminPassword), source: 'test' };
  await change(server, login, 'nextcloud_password', PLAINTEXT.nextcloudLater);
  const remover = new DocuElevateClient({ baseUrl: server.url, auth: login, retry: { attempts: 1 } });
  await remover.deleteSetting('dropbox_app_secret');
  await remover.close();

  const { ring } = createTestKey();
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  const file = path.join(sandbox.root, 'credentials.yaml');
  writeFileSync(file, renderSealedInventory(ring, [{ id: 'production', url: server.url, auth: '{ method: login, username_env: PROD_USER, password_env: PROD_PASSWORD }' }], CREDENTIALS));
  let state = appliedStateFor(ring, [
    ['openai', 'openai_api_key', PLAINTEXT.openai],
    ['smtp', 'email_password', PLAINTEXT.smtp],
    ['nextcloud', 'nextcloud_password', PLAINTEXT.nextcloud],
    ['webdav', 'webdav_password', PLAINTEXT.webdav],
  ]);
  state = recordSettingRemoved(state, 'production', 'dropbox_app_secret', { credential: 'dropbox', removedAt: APPLIED_AT });
  return { server, file, ring, state };
}

async function audit(file: string, state: AppliedState, ring: KeyRing | undefined): Promise<AuditReport> {
  const { report, check } = await auditDeployments({
    file,
    today: '2026-03-01',
    env: ENV,
    ...auditCollaborators(ENV, { retry: { attempts: 1 } }),
    // The applied state as apply would have left it, without a repository.
    openStateStore: async () => ({ load: async () => ({ state, revision: null }) }) as unknown as AppliedStateStore,
    ...(ring === undefined ? {} : { ring }),
  });
  if (!report) throw new Error(`invalid inventory: ${JSON.stringify(check.diagnostics)}`);
  return report;
}

function expectNoValue(text: string): void {
  for (const secret of [...Object.values(PLAINTEXT), ADMIN.adminPassword, ADMIN_TOKEN]) {
    expect(text).not.toContain(secret.slice(0, 12));
    // Nor the masked form DocuElevate shows: the first four characters followed by stars.
    expect(text).not.toContain(`${secret.slice(0, 4)}****`);
  }
  expect(text).not.toContain('[REDACTED]');
}

describe('audit: drift behind the inventory', () => {
  it('names each seeded drift by kind and setting, and who and when for history, alongside the existing kinds', async () => {
    const { server, file, ring, state } = await seedDrift();
    const requestsBefore = server.state.requests.length;
    const report = await audit(file, state, ring);
    const [production] = report.deployments;
    expect(production?.findings.map((finding) => [finding.kind, finding.setting, finding.credential])).toEqual([
      ['untracked', 'aws_secret_access_key', null],
      ['not-configured', 'imap1_password', 'imap'],
      ['from-env', 'azure_ai_key', 'azure'],
      ['db-unmanaged', 'ftp_password', 'ftp'],
      ['pending-restart', 'dropbox_app_secret', 'dropbox'],
      ['changed-outside', 'nextcloud_password', 'nextcloud'],
      ['changed-outside', 'openai_api_key', 'openai'],
      ['masked-mismatch', 'email_password', 'smtp'],
      ['masked-mismatch', 'nextcloud_password', 'nextcloud'],
      ['masked-mismatch', 'openai_api_key', 'openai'],
    ]);
    const openai = production?.findings.find((finding) => finding.kind === 'changed-outside' && finding.credential === 'openai');
    expect(openai?.changes).toEqual([{ changedBy: 'api-admin', changedAt: '2026-03-01T10:00:00', action: 'update' }]);
    expect(openai?.message).toBe(
      'openai_api_key on production (credential openai) was changed by api-admin at 2026-03-01T10:00:00, after credledger last applied it (2026-03-01T09:00:00.000Z) as prod-admin',
    );
    const nextcloud = production?.findings.find((finding) => finding.kind === 'changed-outside' && finding.credential === 'nextcloud');
    expect(nextcloud?.changes).toEqual([{ changedBy: 'prod-admin', changedAt: '2026-03-01T10:00:00', action: 'update' }]);
    expect(report.summary).toMatchObject({ 'pending-restart': 1, 'changed-outside': 2, 'masked-mismatch': 3, unreachable: 0 });

    // Read-only: the audit itself wrote nothing.
    const auditRequests = server.state.requests.slice(requestsBefore);
    expect(auditRequests.filter((request) => request.method !== 'GET').map((request) => request.path)).toEqual(['/auth']);
    expect(auditRequests.filter((request) => request.committed)).toEqual([]);

    const text = renderAuditText(report);
    expect(text).toContain('changed-outside');
    expect(text).toContain('masked-mismatch');
    expect(text).toMatch(/changed-outside +openai_api_key +openai .*\n {4}changed by api-admin at 2026-03-01T10:00:00\n/);
    expectNoValue([JSON.stringify(report), text, renderAuditMarkdown(report)].join('\n'));
  });

  it('without a key, finds history drift and says masked values were not compared', async () => {
    const { file, state } = await seedDrift();
    const report = await audit(file, state, undefined);
    const kinds = report.deployments[0]?.findings.map((finding) => finding.kind) ?? [];
    expect(kinds.filter((kind) => kind === 'changed-outside')).toHaveLength(2);
    expect(kinds).not.toContain('masked-mismatch');
    expect(report.notes).toEqual(['masked values were not compared with the applied ones: no key (CREDLEDGER_KEY, CREDLEDGER_SEALING_KEY or --key-file)']);
    expect(renderAuditText(report)).toContain('note: masked values were not compared');
  });
});

describe('findChangesOutside', () => {
  const applied = { credential: 'openai', appliedAt: '2026-03-01T09:00:00.400Z' };
  const entry = (changedBy: string, changedAt: string) => ({ changedBy, changedAt, action: 'update' });

  it.each([
    ['apply’s own write, a second later by a clock that runs ahead', [entry('prod-admin', '2026-03-01T09:00:30')], 'prod-admin', 0],
    ['apply’s user, well after the write', [entry('prod-admin', '2026-03-01T09:05:00')], 'prod-admin', 1],
    ['another user, a second after', [entry('bob', '2026-03-01T09:00:01')], 'prod-admin', 1],
    ['another user, before the write, since overwritten', [entry('prod-admin', '2026-03-01T09:00:00'), entry('bob', '2026-03-01T08:00:00')], 'prod-admin', 0],
    ['another user wrote the value in effect, before a write without history', [entry('bob', '2026-03-01T08:00:00')], 'prod-admin', 1],
    ['apply’s user unknown (bearer): only time counts', [entry('bob', '2026-03-01T08:00:00')], undefined, 0],
  ])('%s', (_name, history, user, count) => {
    expect(findChangesOutside(history, applied, user)).toHaveLength(count);
  });
});
