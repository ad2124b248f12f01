import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDeployments, type AuditRequest } from '../../src/app/audit.js';
import { auditCollaborators } from '../../src/wiring/apply.js';
import { UsageError } from '../../src/ports/errors.js';
import { assessAuditReport, type AuditReport } from '../../src/core/audit.js';
import { renderAuditMarkdown, renderAuditText } from '../../src/core/render-audit.js';
import type { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../../src/devserver/docuelevate-server.js';
import {
  createSandbox,
  createTestKey,
  environmentCredentials,
  renderSealedInventory,
  type Sandbox,
  type TestCredential,
  type TestDeployment,
} from '../support/apply-sandbox.js';

const PROD_ADMIN = { adminUsername: 'prod-admin', adminPassword: 'audit-test-prod-login-password-01' };
const STAGING_ADMIN = { adminUsername: 'staging-admin', adminPassword: 'audit-test-staging-login-password-02' };
const AUTH_ENV = {
  PROD_USER: PROD_ADMIN.adminUsername,
  PROD_PASSWORD: PROD_ADMIN.adminPassword,
  STAGING_USER: STAGING_ADMIN.adminUsername,
  STAGING_PASSWORD: STAGING_ADMIN.adminPassword,
};
const LOGIN_PROD = '{ method: login, username_env: PROD_USER, password_env: PROD_PASSWORD }';
const LOGIN_STAGING = '{ method: login, username_env: STAGING_USER, password_env: STAGING_PASSWORD }';

/** What the deployments hold, and what the inventory holds: none of it may appear in any output. */
const PLAINTEXT = {
  envOpenai: 'sk-proj-audit-env-openai-plaintext-0003',
  envAzure: 'audit-env-azure-plaintext-000004',
  envDropbox: 'audit-env-dropbox-app-secret-0005',
  dbWebdav: 'audit-db-webdav-password-plaintext-07',
  dbAws: 'audit-db-aws-secret-plaintext-0000008',
  inventoryOpenai: 'sk-proj-audit-inventory-openai-0009',
  inventoryAdmin: 'audit-inventory-admin-password-0010',
  inventorySmtp: 'audit-inventory-smtp-password-0011',
  inventoryCustom: 'audit-inventory-custom-token-0012',
};

/**
 * Production holds: openai and azure and a Dropbox secret from its environment; the admin password, a WebDAV
 * password and an AWS secret in its database. The inventory pushes openai (shadowed by nothing yet: from-env),
 * the admin password (as expected), the SMTP password (missing: not-configured) and a custom token (not
 * listed: unchecked); it tracks azure without a value (as expected) and WebDAV without a value (db-unmanaged).
 * The Dropbox and AWS secrets are untracked.
 */
const PRODUCTION_SERVER: DocuElevateServerOptions = {
  ...PROD_ADMIN,
  envValues: { openai_api_key: PLAINTEXT.envOpenai, azure_ai_key: PLAINTEXT.envAzure, dropbox_app_secret: PLAINTEXT.envDropbox },
  // The admin password in the database (as after an apply) is the one the login form checks.
  initialDbValues: { admin_password: PROD_ADMIN.adminPassword, webdav_password: PLAINTEXT.dbWebdav, aws_secret_access_key: PLAINTEXT.dbAws },
};

const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.inventoryOpenai },
  { id: 'azure', setting: 'azure_ai_key', deployments: ['production'] },
  { id: 'admin', setting: 'admin_password', kind: 'admin_password', values: { production: PLAINTEXT.inventoryAdmin }, deployments: ['production'] },
  { id: 'webdav', setting: 'webdav_password', kind: 'password', deployments: ['production'] },
  { id: 'smtp', setting: 'email_password', kind: 'password', value: PLAINTEXT.inventorySmtp, deployments: ['production'] },
  { id: 'custom', setting: 'my_custom_token', kind: 'token', value: PLAINTEXT.inventoryCustom, custom: true, deployments: ['production'] },
  ...environmentCredentials(['production']),
];

const sandboxes: Sandbox[] = [];
const servers: DocuElevateServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

async function startServer(options: DocuElevateServerOptions): Promise<DocuElevateServer> {
  const server = await startDocuElevateServer(options);
  servers.push(server);
  return server;
}

/** A URL on loopback where nothing listens: a server that was started and closed again. */
async function closedPortUrl(): Promise<string> {
  const server = await startDocuElevateServer();
  const { url } = server;
  await server.close();
  return url;
}

function writeInventory(deployments: readonly TestDeployment[], credentials: readonly TestCredential[] = CREDENTIALS): string {
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  const file = path.join(sandbox.root, 'credentials.yaml');
  writeFileSync(file, renderSealedInventory(createTestKey().ring, deployments, credentials));
  return file;
}

async function audit(file: string, extra: Partial<AuditRequest> = {}): Promise<AuditReport> {
  const { report, check } = await auditDeployments({
    file,
    today: '2026-03-01',
    env: AUTH_ENV,
    ...auditCollaborators(AUTH_ENV, { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2 }, connectTimeoutMs: 2_000, requestTimeoutMs: 5_000 }),
    ...extra,
  });
  if (!report) throw new Error(`inventory invalid: ${JSON.stringify(check.diagnostics)}`);
  return report;
}

/** Every request but the login form (with login auth) is a GET, and nothing changed DocuElevate's database. */
function expectReadOnly(server: DocuElevateServer, dbKeysBefore: readonly string[]): void {
  const requests = server.state.requests;
  expect(requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`)).toEqual(['POST /auth']);
  expect(requests.filter((request) => request.committed)).toEqual([]);
  expect(requests.filter((request) => request.path.startsWith('/api/')).map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/settings/credentials']);
  expect(server.dbKeys()).toEqual(dbKeysBefore);
  expect(server.auditEntries()).toEqual([]);
}

function expectNoPlaintext(text: string): void {
  for (const secret of [...Object.values(PLAINTEXT), PROD_ADMIN.adminPassword, STAGING_ADMIN.adminPassword]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(0, 12));
  }
}

describe('audit against a DocuElevate with login auth and CSRF', () => {
  it('finds each kind on a deployment, reads only, and shows no value anywhere', async () => {
    const production = await startServer(PRODUCTION_SERVER);
    const dbKeysBefore = production.dbKeys();
    const file = writeInventory([{ id: 'production', url: production.url, auth: LOGIN_PROD }]);
    const secrets: string[] = [];
    const report = await audit(file, { onSecret: (secret: SecretValue) => secrets.push(secret.reveal()) });

    expect(secrets).toEqual([PROD_ADMIN.adminPassword]);
    const [deployment] = report.deployments;
    expect(deployment?.outcome).toBe('audited');
    expect(deployment?.findings.map((finding) => [finding.kind, finding.setting, finding.credential, finding.source])).toEqual([
      ['untracked', 'aws_secret_access_key', null, 'db'],
      ['untracked', 'dropbox_app_secret', null, 'env'],
      ['not-configured', 'email_password', 'smtp', null],
      ['from-env', 'openai_api_key', 'openai', 'env'],
      ['db-unmanaged', 'webdav_password', 'webdav', 'db'],
    ]);
    expect(deployment?.unchecked).toEqual([{ setting: 'my_custom_token', credential: 'custom' }]);
    // The whole catalogue is listed; nine settings have a value (three from every deployment's environment);
    // azure, admin and the three environment settings are as the inventory implies.
    expect(deployment?.counts).toEqual({ listed: 60, configured: 9, tracked: 9, matching: 5 });
    expect(report.summary).toEqual({ untracked: 2, 'not-configured': 1, 'from-env': 1, 'db-unmanaged': 1, 'pending-restart': 0, 'changed-outside': 0, 'masked-mismatch': 0, unreachable: 0 });
    expect(assessAuditReport(report, 'never')).toBe('ok');
    expect(assessAuditReport(report, 'untracked')).toBe('findings');

    expectReadOnly(production, dbKeysBefore);
    expect(production.state.successfulLogins).toBe(1);
    expectNoPlaintext([JSON.stringify(report), renderAuditText(report), renderAuditMarkdown(report)].join('\n'));
  });

  it('has a stable JSON shape', async () => {
    const production = await startServer({ ...PROD_ADMIN, initialDbValues: { dropbox_app_secret: PLAINTEXT.envDropbox } });
    const file = writeInventory(
      [{ id: 'production', url: production.url, auth: LOGIN_PROD }],
      [
        { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.inventoryOpenai },
        { id: 'admin', setting: 'admin_password', kind: 'admin_password' },
        ...environmentCredentials(['production']),
      ],
    );
    const report = await audit(file);
    expect(JSON.parse(JSON.stringify(report))).toEqual({
      deployments: [
        {
          deployment: 'production',
          url: production.url,
          outcome: 'audited',
          findings: [
            {
              kind: 'untracked',
              severity: 'error',
              deployment: 'production',
              setting: 'dropbox_app_secret',
              credential: null,
              inventoryValue: null,
              source: 'db',
              message: "dropbox_app_secret has a value in DocuElevate's database on production, and no inventory credential covers it there",
            },
            {
              kind: 'not-configured',
              severity: 'warning',
              deployment: 'production',
              setting: 'openai_api_key',
              credential: 'openai',
              inventoryValue: true,
              source: null,
              message: 'credential openai pushes a value for openai_api_key to production, but DocuElevate has none, neither in its database nor in its environment',
            },
          ],
          unchecked: [],
          counts: { listed: 60, configured: 5, tracked: 5, matching: 4 },
        },
      ],
      summary: { untracked: 1, 'not-configured': 1, 'from-env': 0, 'db-unmanaged': 0, 'pending-restart': 0, 'changed-outside': 0, 'masked-mismatch': 0, unreachable: 0 },
      notes: ['changes outside the inventory and masked values were not checked: the applied state records no write by apply on these deployments'],
    });
  });
});

describe('deployments that cannot be audited', () => {
  it('reports an unreachable deployment, a refused login and a missing variable, and audits the others all the same', async () => {
    const production = await startServer(PRODUCTION_SERVER);
    const staging = await startServer({ ...STAGING_ADMIN, envValues: { openai_api_key: PLAINTEXT.envOpenai } });
    const qa = await startServer({ ...STAGING_ADMIN });
    const down = await closedPortUrl();
    const file = writeInventory([
      { id: 'production', url: production.url, auth: LOGIN_PROD },
      { id: 'down', url: down, auth: LOGIN_PROD },
      { id: 'staging', url: staging.url, auth: '{ method: login, username_env: STAGING_USER, password_env: WRONG_PASSWORD }' },
      { id: 'qa', url: qa.url, auth: '{ method: bearer, token_env: QA_TOKEN }' },
    ]);
    const report = await audit(file, { env: { ...AUTH_ENV, WRONG_PASSWORD: 'not-the-staging-password' } });

    expect(report.deployments.map((deployment) => [deployment.deployment, deployment.outcome])).toEqual([
      ['production', 'audited'],
      ['down', 'unreachable'],
      ['staging', 'unreachable'],
      ['qa', 'unreachable'],
    ]);
    expect(report.deployments[0]?.findings).toHaveLength(5);
    expect(report.deployments[1]?.error?.message).toMatch(/^GET \/login: no answer after 2 attempts: .*ECONNREFUSED/);
    expect(report.deployments[2]?.error?.message).toMatch(/^login as staging-admin refused: Invalid username or password \(credentials from STAGING_USER\/WRONG_PASSWORD\)\. /);
    expect(report.deployments[3]?.error).toEqual({ message: expect.stringMatching(/^QA_TOKEN is not set: the auth of deployment qa .* so qa was not contacted/), missingEnv: ['QA_TOKEN'] });
    expect(report.summary.unreachable).toBe(3);
    // Unset variables are named as the cause, not reported as a network problem.
    const text = renderAuditText(report);
    expect(text).toContain(`qa (${qa.url}): not audited: QA_TOKEN not set`);
    expect(text).toContain(`down (`);
    expect(text).toMatch(/down \(.*\): not audited: unreachable/);
    expect(text).toContain('3 of 4 deployments not audited (2 unreachable, 1 without its login variables)');
    expect(assessAuditReport(report, 'never')).toBe('external');
    expect(qa.state.requests).toEqual([]);
    expect(staging.state.requests.some((request) => request.path.startsWith('/api/'))).toBe(false);
    expectNoPlaintext(JSON.stringify(report));
  });

  it("explains a non-admin bearer token's 403", async () => {
    const production = await startServer({ ...PROD_ADMIN, apiTokens: ['audit-user-token-0001'] });
    const file = writeInventory([{ id: 'production', url: production.url, auth: '{ method: bearer, token_env: PROD_TOKEN }' }]);
    const report = await audit(file, { env: { PROD_TOKEN: 'audit-user-token-0001' } });
    expect(report.deployments[0]).toMatchObject({ outcome: 'unreachable', error: { status: 403, detail: 'Admin access required' } });
    expect(report.deployments[0]?.error?.message).toMatch(/not an admin.*use auth method login/);
    expect(JSON.stringify(report)).not.toContain('audit-user-token-0001');
  });

  it('refuses http:// beyond loopback and unknown deployments before sending anything', async () => {
    const production = await startServer(PRODUCTION_SERVER);
    const file = writeInventory([
      { id: 'production', url: production.url, auth: LOGIN_PROD },
      { id: 'staging', url: 'http://staging.example.com', auth: LOGIN_STAGING },
    ]);
    await expect(audit(file)).rejects.toThrow(/deployment staging: http:\/\/staging\.example\.com uses http:\/\/ to a host that is not loopback/);
    await expect(audit(file, { deployments: ['prod'] })).rejects.toThrow(UsageError);
    expect(production.state.requests).toEqual([]);
    const onlyProduction = await audit(file, { deployments: ['production'] });
    expect(onlyProduction.deployments.map((deployment) => deployment.deployment)).toEqual(['production']);
  });
});
