import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openGitAppliedStateStore } from '../../src/adapters/applied-state-store.js';
import { DocuElevateClient } from '../../src/adapters/docuelevate-client.js';
import { applyInventory, MASKED_READ_BACK_LIMIT, type ApplyRequest } from '../../src/app/apply.js';
import type { RunProgress } from '../../src/core/run-progress.js';
import { applyCollaborators } from '../../src/wiring/apply.js';
import { UsageError } from '../../src/ports/errors.js';
import { parseAppliedState } from '../../src/core/applied-state.js';
import { assessApplyReport, type ApplyReport } from '../../src/core/apply-report.js';
import { renderApplyMarkdown, renderApplyText } from '../../src/core/render-apply.js';
import { DOCUELEVATE_SETTINGS } from '../../src/core/docuelevate-catalogue.js';
import type { KeyRing } from '../../src/crypto/key-ring.js';
import type { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../../src/devserver/docuelevate-server.js';
import {
  commitInventory,
  createSandbox,
  createTestKey,
  renderSealedInventory,
  type Sandbox,
  type TestCredential,
  type TestDeployment,
} from '../support/apply-sandbox.js';

const PROD_ADMIN = { adminUsername: 'prod-admin', adminPassword: 'prod-admin-login-password-77' };
const STAGING_ADMIN = { adminUsername: 'staging-admin', adminPassword: 'staging-admin-login-password-88' };
const AUTH_ENV = {
  PROD_USER: PROD_ADMIN.adminUsername,
  PROD_PASSWORD: PROD_ADMIN.adminPassword,
  STAGING_USER: STAGING_ADMIN.adminUsername,
  STAGING_PASSWORD: STAGING_ADMIN.adminPassword,
};
const LOGIN_PROD = '{ method: login, username_env: PROD_USER, password_env: PROD_PASSWORD }';
const LOGIN_STAGING = '{ method: login, username_env: STAGING_USER, password_env: STAGING_PASSWORD }';

const PLAINTEXT = {
  openai: 'sk-proj-apply-test-openai-plaintext-0001',
  awsId: 'AKIAAPPLYTESTPLAIN0002',
  awsSecret: 'apply-test-aws-secret-plaintext-000000003',
  adminProd: 'apply-test-admin-password-production-04',
  adminStaging: 'apply-test-admin-password-staging-05',
  session: 'apply-test-session-secret-0123456789abcdef-06',
  sessionRotated: 'apply-test-session-secret-rotated-fedcba9876-07',
  webdav: 'apply-test-webdav-password-08',
  openaiRotated: 'sk-proj-apply-test-openai-rotated-0009',
  // Shares the first 4 characters and the length of `openai`: DocuElevate's masks of the two are the same.
  openaiLookalike: 'sk-pXXXX-apply-test-openai-lookalike-010',
};

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

interface World {
  readonly sandbox: Sandbox;
  readonly repo: string;
  readonly file: string;
  readonly ring: KeyRing;
  readonly production: DocuElevateServer;
  readonly staging: DocuElevateServer;
  deployments(overrides?: Partial<Record<'production' | 'staging', Partial<TestDeployment>>>): TestDeployment[];
  commit(credentials: readonly TestCredential[], deployments?: readonly TestDeployment[]): string;
  apply(extra?: Partial<ApplyRequest>): Promise<ApplyReport>;
}

async function createWorld(options: { production?: DocuElevateServerOptions; staging?: DocuElevateServerOptions; ring?: KeyRing } = {}): Promise<World> {
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  const repo = sandbox.initRepo('work');
  const ring = options.ring ?? createTestKey().ring;
  const production = await startServer({ ...PROD_ADMIN, ...options.production });
  const staging = await startServer({ ...STAGING_ADMIN, ...options.staging });
  const world: World = {
    sandbox,
    repo,
    file: path.join(repo, 'credentials.yaml'),
    ring,
    production,
    staging,
    deployments(overrides = {}) {
      return [
        { id: 'production', url: production.url, auth: LOGIN_PROD, ...overrides.production },
        { id: 'staging', url: staging.url, auth: LOGIN_STAGING, ...overrides.staging },
      ];
    },
    commit(credentials, deployments = world.deployments()) {
      return commitInventory(sandbox, repo, renderSealedInventory(ring, deployments, credentials));
    },
    async apply(extra = {}) {
      const { report, check } = await applyInventory({
        file: world.file,
        today: '2026-03-01',
        ring,
        env: { ...sandbox.env, ...AUTH_ENV },
        clock: () => new Date('2026-03-01T12:00:00.000Z'),
        ...applyCollaborators({ ...sandbox.env, ...AUTH_ENV }, { retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 5 }, requestTimeoutMs: 5_000 }),
        ...extra,
      });
      if (!report) throw new Error(`inventory invalid: ${JSON.stringify(check.diagnostics)}`);
      return report;
    },
  };
  return world;
}

const BASE_CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.openai },
  { id: 'aws-id', setting: 'aws_access_key_id', value: PLAINTEXT.awsId, group: 'aws' },
  { id: 'aws-secret', setting: 'aws_secret_access_key', value: PLAINTEXT.awsSecret, group: 'aws' },
  { id: 'admin', setting: 'admin_password', kind: 'admin_password', values: { production: PLAINTEXT.adminProd, staging: PLAINTEXT.adminStaging } },
  { id: 'webdav', setting: 'webdav_password', kind: 'password', value: PLAINTEXT.webdav, deployments: ['production'] },
];

function committedWrites(server: DocuElevateServer): string[] {
  return server.state.requests.filter((request) => request.committed).map((request) => `${request.method} ${request.path}`);
}

function stateFile(world: World): string {
  return world.sandbox.git(world.repo, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']);
}

/** Everything a user or a log could see of a run: text, Markdown, JSON and the state ref. */
function everythingVisible(world: World, reports: readonly ApplyReport[]): string {
  const rendered = reports.flatMap((report) => [renderApplyText(report), renderApplyMarkdown(report), JSON.stringify(report)]);
  return [...rendered, stateFile(world), world.sandbox.git(world.repo, ['log', '--format=%B', 'refs/credledger/applied'])].join('\n');
}

function expectNoPlaintext(text: string): void {
  for (const secret of [...Object.values(PLAINTEXT), PROD_ADMIN.adminPassword, STAGING_ADMIN.adminPassword]) {
    expect(text).not.toContain(secret);
    // The first characters DocuElevate keeps in its masks must not leak as a longer run either.
    expect(text).not.toContain(secret.slice(0, 12));
  }
}

describe('apply with login auth and CSRF (the issue\'s "done when")', () => {
  it('sends every value exactly where it belongs, records it, and a second run sends nothing', async () => {
    const world = await createWorld();
    const commit = world.commit(BASE_CREDENTIALS);
    const secrets: string[] = [];
    const first = await world.apply({ onSecretDecrypted: (secret: SecretValue) => secrets.push(secret.reveal()) });

    expect(assessApplyReport(first)).toBe('ok');
    expect(first.summary).toEqual({ planned: 0, done: 9, failed: 0, skipped: 0 });
    expect(world.production.dbKeys()).toEqual(['admin_password', 'aws_access_key_id', 'aws_secret_access_key', 'openai_api_key', 'webdav_password']);
    expect(world.staging.dbKeys()).toEqual(['admin_password', 'aws_access_key_id', 'aws_secret_access_key', 'openai_api_key']);
    expect(world.production.storedValue('admin_password')).toBe(PLAINTEXT.adminProd);
    expect(world.staging.storedValue('admin_password')).toBe(PLAINTEXT.adminStaging);
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);
    expect(world.staging.storedValue('aws_secret_access_key')).toBe(PLAINTEXT.awsSecret);
    expect(committedWrites(world.production)).toHaveLength(5);
    expect(committedWrites(world.staging)).toHaveLength(4);
    // The AWS pair went back to back.
    const posts = world.production.state.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/')).map((r) => r.path);
    expect(posts.indexOf('/api/settings/aws_secret_access_key') - posts.indexOf('/api/settings/aws_access_key_id')).toBe(1);
    // Every secret the run held was offered for masking: four shared values, two per-deployment ones, two passwords.
    expect(new Set(secrets)).toEqual(
      new Set([PLAINTEXT.openai, PLAINTEXT.awsId, PLAINTEXT.awsSecret, PLAINTEXT.adminProd, PLAINTEXT.adminStaging, PLAINTEXT.webdav, PROD_ADMIN.adminPassword, STAGING_ADMIN.adminPassword]),
    );
    expect(first.deployments.map((d) => d.restartRequired)).toEqual([['admin_password'], ['admin_password']]);
    expect(renderApplyText(first)).toContain('restart api and worker on production: admin_password');

    const state = parseAppliedState(stateFile(world));
    const record = state.deployments.get('production')?.get('openai_api_key');
    expect(record).toMatchObject({ credential: 'openai', keyId: world.ring.keys[0].id, commit, appliedAt: '2026-03-01T12:00:00.000Z' });
    expect(record?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The claim, one commit per operation, and the release of the claim's locks.
    expect(world.sandbox.git(world.repo, ['rev-list', '--count', 'refs/credledger/applied'])).toBe('11');

    const requestsBefore = world.production.state.requests.length + world.staging.state.requests.length;
    const second = await world.apply();
    expect(assessApplyReport(second)).toBe('ok');
    expect(second.deployments.map((d) => d.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(second.state.before).toBe(second.state.after);
    expect(world.production.state.requests.length + world.staging.state.requests.length).toBe(requestsBefore);
    expectNoPlaintext(everythingVisible(world, [first, second]));
  });

  it('pushes only what changed, deletes what left, and leaves a value-less credential alone', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS);
    await world.apply();
    const writesBefore = committedWrites(world.production).length;
    world.commit([
      { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.openaiRotated, deployments: ['production'] },
      ...BASE_CREDENTIALS.slice(1, 4),
      // webdav stays targeted but without a value: tracked for rotation only.
      { id: 'webdav', setting: 'webdav_password', kind: 'password', deployments: ['production'] },
    ]);
    const dryRun = await world.apply({ dryRun: true });
    expect(dryRun.deployments.map((d) => d.operations.map((o) => `${o.outcome} ${o.action} ${o.setting} ${o.reason}`))).toEqual([
      ['planned set openai_api_key changed'],
      ['planned delete openai_api_key removed'],
    ]);
    expect(committedWrites(world.production)).toHaveLength(writesBefore);

    const report = await world.apply();
    expect(assessApplyReport(report)).toBe('ok');
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openaiRotated);
    expect(world.staging.dbKeys()).not.toContain('openai_api_key');
    expect(world.production.storedValue('webdav_password')).toBe(PLAINTEXT.webdav);
    const state = parseAppliedState(stateFile(world));
    expect(state.deployments.get('staging')?.has('openai_api_key')).toBe(false);
    expect(state.deployments.get('production')?.has('webdav_password')).toBe(true);
    expect((await world.apply()).summary.done).toBe(0);
  });

  it('tells its listener each step as it goes: connecting, each operation with its count, each deployment\'s end; never a value', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS);
    const events: RunProgress[] = [];
    const report = await world.apply({ onProgress: (event) => events.push(event) });
    expect(assessApplyReport(report)).toBe('ok');
    const production = events.filter((event) => event.deployment === 'production');
    expect(production.slice(0, 3)).toEqual([
      { kind: 'connecting', deployment: 'production' },
      { kind: 'connected', deployment: 'production', listed: expect.any(Number) },
      { kind: 'writing', deployment: 'production', total: 5 },
    ]);
    const operations = production.filter((event) => event.kind === 'operation');
    expect(operations.map((event) => event.kind === 'operation' && `${event.completed}/${event.total} ${event.outcome}`)).toEqual(['1/5 done', '2/5 done', '3/5 done', '4/5 done', '5/5 done']);
    expect(operations.map((event) => event.kind === 'operation' && event.setting).sort()).toEqual(['admin_password', 'aws_access_key_id', 'aws_secret_access_key', 'openai_api_key', 'webdav_password']);
    expect(production.at(-1)).toEqual({ kind: 'finished', deployment: 'production', done: 5, failed: 0, skipped: 0 });
    expect(events.filter((event) => event.kind === 'finished').map((event) => event.deployment).sort()).toEqual(['production', 'staging']);
    const seen = JSON.stringify(events);
    for (const secret of [...Object.values(PLAINTEXT), PROD_ADMIN.adminPassword, STAGING_ADMIN.adminPassword]) expect(seen).not.toContain(secret);
  });

  it('refuses to roll a deployment back from an older checkout, unless asked, and warns about uncommitted edits', async () => {
    const world = await createWorld();
    const old = world.commit(BASE_CREDENTIALS);
    world.commit([{ ...BASE_CREDENTIALS[0]!, value: PLAINTEXT.openaiRotated }, ...BASE_CREDENTIALS.slice(1)]);
    // The newer commit a minute later, as a merge on the default branch would be.
    execFileSync('git', ['commit', '--amend', '--no-edit', '--quiet'], { cwd: world.repo, env: { ...world.sandbox.env, GIT_COMMITTER_DATE: `${Math.floor(Date.now() / 1000) + 60} +0000` } });
    expect(assessApplyReport(await world.apply())).toBe('ok');
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openaiRotated);

    // A re-run of an old workflow, or a stale clone: checked out at the older commit.
    world.sandbox.git(world.repo, ['checkout', '--quiet', '--detach', old]);
    const writes = committedWrites(world.production).length;
    const stale = await world.apply();
    expect(assessApplyReport(stale)).toBe('failed');
    expect(stale.deployments.map((d) => d.outcome)).toEqual(['failed', 'failed']);
    expect(stale.deployments[0]?.error?.message).toMatch(/production was last applied from [0-9a-f]{12} .*which descends from this checkout .*--allow-rollback/);
    // Reported as the docs say: the deployment failed, refused before anything was sent.
    expect(renderApplyText(stale)).toMatch(/^production \(.*\): failed: refused, nothing sent \(\d+ operations? not attempted\)$/m);
    expect(renderApplyMarkdown(stale)).toMatch(/^#### `production`: failed: refused, nothing sent/m);
    expect(committedWrites(world.production)).toHaveLength(writes);
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openaiRotated);

    const rolledBack = await world.apply({ allowRollback: true });
    expect(assessApplyReport(rolledBack)).toBe('ok');
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);

    writeFileSync(world.file, `${readFileSync(world.file, 'utf8')}# an edit not yet committed\n`);
    const dirty = await world.apply({ allowRollback: true, dryRun: true });
    expect(dirty.warnings.join('\n')).toMatch(/has uncommitted changes/);
  });

  // Issue #12 item 14: the guard compared committer times, so one commit dated in the future let an old checkout roll
  // a value back, and blocked every later apply.
  it('decides rollbacks by ancestry, whatever the committer dates say', async () => {
    const world = await createWorld();
    const future = { ...world.sandbox.env, GIT_COMMITTER_DATE: `${Math.floor(Date.now() / 1000) + 10 * 365 * 86_400} +0000` };
    world.commit(BASE_CREDENTIALS);
    // The old commit carries a committer date ten years ahead.
    execFileSync('git', ['commit', '--amend', '--no-edit', '--quiet'], { cwd: world.repo, env: future });
    const old = world.sandbox.git(world.repo, ['rev-parse', 'HEAD']);
    world.commit([{ ...BASE_CREDENTIALS[0]!, value: PLAINTEXT.openaiRotated }, ...BASE_CREDENTIALS.slice(1)]);
    expect(assessApplyReport(await world.apply())).toBe('ok');

    world.sandbox.git(world.repo, ['checkout', '--quiet', '--detach', old]);
    const stale = await world.apply();
    expect(assessApplyReport(stale)).toBe('failed');
    expect(stale.deployments[0]?.error?.message).toMatch(/which descends from this checkout/);
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openaiRotated);

    // And the other way round: the future-dated commit applied first does not block the commits after it.
    world.sandbox.git(world.repo, ['checkout', '--quiet', 'main']);
    const forward = await createWorld();
    forward.commit(BASE_CREDENTIALS);
    execFileSync('git', ['commit', '--amend', '--no-edit', '--quiet'], { cwd: forward.repo, env: { ...forward.sandbox.env, GIT_COMMITTER_DATE: future.GIT_COMMITTER_DATE } });
    expect(assessApplyReport(await forward.apply())).toBe('ok');
    forward.commit([{ ...BASE_CREDENTIALS[0]!, value: PLAINTEXT.openaiRotated }, ...BASE_CREDENTIALS.slice(1)]);
    expect(assessApplyReport(await forward.apply())).toBe('ok');
    expect(forward.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openaiRotated);
  });

  // Issue #12 item 9: the dry run said "would set" and exited 0 for values the real apply then failed on.
  it('fails a dry run for a value copied from another credential, as the real apply does', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS);
    const text = readFileSync(world.file, 'utf8');
    const sealedOf = (id: string) => new RegExp(`  ${id}:\\n(?:    .*\\n)*?    value: (\\S+)`).exec(text)?.[1] ?? '';
    // The webdav password's line now holds openai's sealed value: it opens only for openai's place.
    writeFileSync(world.file, text.replace(sealedOf('webdav'), sealedOf('openai')));
    world.sandbox.git(world.repo, ['commit', '-qam', 'copy a value']);
    const dry = await world.apply({ dryRun: true });
    const real = await world.apply();
    expect(assessApplyReport(dry)).toBe(assessApplyReport(real));
    expect(assessApplyReport(dry)).toBe('failed');
    const webdav = dry.deployments.find((d) => d.deployment === 'production')?.operations.find((o) => o.setting === 'webdav_password');
    expect(webdav?.outcome).toBe('failed');
    expect(webdav?.error?.message).toMatch(/cannot decrypt/);
    // Issue #12 item 16: what a masked read-back cannot see is said only for a write nothing confirmed. Here every
    // write was confirmed, by a read-back that tells it from the old value or by a new history entry.
    expect(real.deployments.flatMap((d) => d.operations).some((o) => o.action === 'set' && o.outcome === 'done')).toBe(true);
    expect(real.warnings).not.toContain(MASKED_READ_BACK_LIMIT);
    expect(dry.warnings).not.toContain(MASKED_READ_BACK_LIMIT);
  });

  // Issue #12 item 16: a dry run did not mention another run's lock, which would stop the real apply.
  it('says in a dry run that another run holds a deployment', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS);
    const other = await openGitAppliedStateStore({ directory: world.repo, ref: 'refs/credledger/applied', env: world.sandbox.env });
    await other.load();
    await other.claim('another apply', ['production']);
    const dry = await world.apply({ dryRun: true, clock: () => new Date() });
    expect(dry.warnings.join('\n')).toMatch(/production is being applied by another run .*; a real apply now would stop there/);
    expect(dry.warnings.join('\n')).not.toMatch(/staging is being applied/);
  });

  it('pushes everything again with --all, and when the ring no longer holds the recorded key', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS.slice(0, 1));
    await world.apply();
    const all = await world.apply({ all: true });
    expect(all.deployments.flatMap((d) => d.operations.map((o) => `${o.outcome} ${o.reason}`))).toEqual(['done all', 'done all']);

    // The same plaintexts sealed under a new key, applied with a ring that holds only the new key.
    const next = createTestKey().ring;
    commitInventory(world.sandbox, world.repo, renderSealedInventory(next, world.deployments(), BASE_CREDENTIALS.slice(0, 1)));
    const rekeyed = await world.apply({ ring: next });
    expect(rekeyed.deployments.flatMap((d) => d.operations.map((o) => `${o.outcome} ${o.reason}`))).toEqual(['done changed', 'done changed']);
    expect(parseAppliedState(stateFile(world)).deployments.get('production')?.get('openai_api_key')?.keyId).toBe(next.keys[0].id);
  });
});

describe('authentication methods', () => {
  it('applies with an admin bearer token and with an admin session cookie', async () => {
    const world = await createWorld({ production: { adminApiTokens: ['prod-admin-token-0001'] } });
    const cookie = await logInForCookie(world.staging, STAGING_ADMIN);
    const loginsBefore = world.staging.state.successfulLogins;
    world.commit(BASE_CREDENTIALS.slice(0, 1), world.deployments({ production: { auth: '{ method: bearer, token_env: PROD_TOKEN }' }, staging: { auth: '{ method: session, cookie_env: STAGING_COOKIE }' } }));
    const report = await world.apply({ env: { ...world.sandbox.env, PROD_TOKEN: 'prod-admin-token-0001', STAGING_COOKIE: cookie } });
    expect(assessApplyReport(report)).toBe('ok');
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);
    expect(world.staging.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);
    expect(world.production.state.successfulLogins + world.staging.state.successfulLogins).toBe(loginsBefore);
  });

  it('explains a non-admin bearer token and sends nothing to that deployment', async () => {
    const world = await createWorld({ production: { apiTokens: ['prod-user-token-0001'] } });
    world.commit(BASE_CREDENTIALS.slice(0, 1), world.deployments({ production: { auth: '{ method: bearer, token_env: PROD_TOKEN }' } }));
    const report = await world.apply({ env: { ...world.sandbox.env, ...AUTH_ENV, PROD_TOKEN: 'prod-user-token-0001' } });
    expect(assessApplyReport(report)).toBe('external');
    const production = report.deployments[0];
    expect(production?.outcome).toBe('unreachable');
    expect(production?.error?.status).toBe(403);
    expect(production?.error?.detail).toBe('Admin access required');
    expect(production?.error?.message).toMatch(/DocuElevate's API tokens belong to a user who is not an admin.*use auth method login/);
    expect(production?.operations.map((o) => o.outcome)).toEqual(['skipped']);
    expect(committedWrites(world.production)).toEqual([]);
    // The other deployment is applied all the same, and recorded.
    expect(report.deployments[1]?.outcome).toBe('done');
    expect(parseAppliedState(stateFile(world)).deployments.has('production')).toBe(false);
  });

  it('explains that auth method none cannot use the settings API', async () => {
    const world = await createWorld({ production: { authEnabled: false } });
    world.commit(BASE_CREDENTIALS.slice(0, 1), world.deployments({ production: { auth: '{ method: none }' } }));
    const report = await world.apply({ deployments: ['production'] });
    expect(report.deployments.map((d) => d.deployment)).toEqual(['production']);
    expect(report.deployments[0]?.error?.message).toMatch(/the settings API needs an admin session/);
    expect(assessApplyReport(report)).toBe('external');
  });

  it('reports a missing auth variable and a refused login as unreachable', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS.slice(0, 1));
    const report = await world.apply({ env: { ...world.sandbox.env, PROD_USER: 'prod-admin', PROD_PASSWORD: 'not-the-password', STAGING_USER: 'x' } });
    const messages = report.deployments.map((d) => d.error?.message ?? '');
    expect(messages[0]).toMatch(/^login as prod-admin refused: Invalid username or password \(credentials from PROD_USER\/PROD_PASSWORD\)\. .*\[DECRYPTION FAILED\]/);
    expect(messages[1]).toMatch(/^STAGING_PASSWORD is not set: the auth of deployment staging \(method login\) reads it from the environment, so staging was not contacted/);
    expect(report.deployments[1]?.error?.missingEnv).toEqual(['STAGING_PASSWORD']);
    const text = renderApplyText(report);
    expect(text).toContain('staging (' + world.staging.url + '): not attempted: STAGING_PASSWORD not set, nothing sent');
    expect(text).toMatch(/production \(.*\): unreachable, nothing sent/);
    expect(assessApplyReport(report)).toBe('external');
    // Nothing could be sent, so the applied state was not even claimed.
    expect(report.state).toMatchObject({ before: null, after: null });
  });
});

async function logInForCookie(server: DocuElevateServer, admin: { adminUsername: string; adminPassword: string }): Promise<string> {
  const page = await fetch(`${server.url}/login`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = /name="csrf_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const auth = await fetch(`${server.url}/auth`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: admin.adminUsername, password: admin.adminPassword, csrf_token: token }).toString(),
  });
  return (auth.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('failures', () => {
  it('converges under 30% injected faults, and then sends nothing', async () => {
    const faults = { rate: 0.3, retryAfterSeconds: 1, slowMs: 20 };
    const world = await createWorld({ production: { faults: { seed: 20260301, ...faults } }, staging: { faults: { seed: 77, ...faults } } });
    world.commit(BASE_CREDENTIALS);
    const reports: ApplyReport[] = [];
    for (let run = 0; run < 4; run += 1) {
      const report = await world.apply();
      reports.push(report);
      if (assessApplyReport(report) === 'ok') break;
    }
    expect(assessApplyReport(reports.at(-1) as ApplyReport)).toBe('ok');
    // Faults did happen, and DocuElevate's own 500s (never retried) made the first run fail.
    expect(world.production.state.requests.some((r) => r.fault !== null)).toBe(true);
    expect(reports.length).toBeGreaterThan(1);
    for (const credential of BASE_CREDENTIALS) {
      const expectedProd = credential.value ?? credential.values?.production;
      expect(world.production.storedValue(credential.setting)).toBe(expectedProd);
      if (credential.deployments === undefined) expect(world.staging.storedValue(credential.setting)).toBe(credential.value ?? credential.values?.staging);
    }
    const writes = committedWrites(world.production).length + committedWrites(world.staging).length;
    const last = await world.apply();
    expect(last.summary.done).toBe(0);
    expect(committedWrites(world.production).length + committedWrites(world.staging).length).toBe(writes);
    expectNoPlaintext(everythingVisible(world, [...reports, last]));
  });

  it('reports a group whose second member fails as inconsistent, and one whose first fails as skipped', async () => {
    // A staging DocuElevate that does not know email_password answers 404 to it.
    const world = await createWorld({ staging: { catalogue: DOCUELEVATE_SETTINGS.filter((setting) => setting.key !== 'email_password') } });
    world.commit(
      [
        { id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.openai, group: 'pair', deployments: ['production'] },
        // DocuElevate refuses a session secret shorter than 32 characters.
        { id: 'session', setting: 'session_secret', kind: 'session_secret', value: 'too-short-secret', group: 'pair', deployments: ['production'] },
        { id: 'smtp', setting: 'email_password', kind: 'password', value: 'short-one', group: 'mail', deployments: ['staging'] },
        { id: 'imap', setting: 'imap1_password', kind: 'password', value: PLAINTEXT.webdav, group: 'mail', deployments: ['staging'] },
      ],
    );
    const report = await world.apply();
    expect(assessApplyReport(report)).toBe('failed');
    const [production, staging] = report.deployments;
    expect(production?.inconsistentGroups).toEqual(['pair']);
    expect(production?.operations.map((o) => `${o.outcome} ${o.setting}`)).toEqual(['done openai_api_key', 'failed session_secret']);
    expect(production?.operations[1]?.error).toEqual({
      message: 'POST /api/settings/session_secret: HTTP 400: session_secret must be at least 32 characters',
      status: 400,
      detail: 'session_secret must be at least 32 characters',
    });
    expect(staging?.inconsistentGroups).toEqual([]);
    expect(staging?.operations.map((o) => `${o.outcome} ${o.setting}`)).toEqual(['failed email_password', 'skipped imap1_password']);
    expect(staging?.operations[1]?.skipped).toBe('not attempted: group mail stopped after email_password failed');
    expect(renderApplyText(report)).toContain('group pair is inconsistent on production');
    // What succeeded is kept.
    const state = parseAppliedState(stateFile(world));
    expect([...(state.deployments.get('production')?.keys() ?? [])]).toEqual(['openai_api_key']);
    expect(state.deployments.has('staging')).toBe(false);
    expect(renderApplyText(report)).not.toContain('too-short-secret');
  });

  it('refuses http:// to a host that is not loopback unless allowed', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS.slice(0, 1), world.deployments({ staging: { url: 'http://docs.example.com' } }));
    await expect(world.apply()).rejects.toThrow(UsageError);
    await expect(world.apply()).rejects.toThrow(/deployment staging: http:\/\/docs\.example\.com uses http:\/\/ to a host that is not loopback/);
    const planned = await world.apply({ allowInsecureHttp: true, dryRun: true });
    expect(planned.deployments.map((d) => d.outcome)).toEqual(['planned', 'planned']);
    expect(world.production.state.requests).toEqual([]);
  });

  it('refuses an unknown deployment', async () => {
    const world = await createWorld();
    world.commit(BASE_CREDENTIALS.slice(0, 1));
    await expect(world.apply({ deployments: ['prod'] })).rejects.toThrow(/^unknown deployment prod \(the inventory has production, staging\)$/);
    await expect(world.apply({ deployments: ['prodution'] })).rejects.toThrow('unknown deployment prodution (the inventory has production, staging); did you mean `production`?');
  });
});

describe('SESSION_SECRET rotation', () => {
  it('says DocuElevate ignores a pushed session_secret, and --rehydrate re-encrypts every database-held value after the real rotation', async () => {
    const world = await createWorld({ production: { sessionSecret: PLAINTEXT.session, envValues: { azure_ai_key: 'azure-from-the-environment-1' } } });
    const credentials: TestCredential[] = [
      ...BASE_CREDENTIALS,
      { id: 'session', setting: 'session_secret', kind: 'session_secret', values: { production: PLAINTEXT.session }, deployments: ['production'] },
      { id: 'azure', setting: 'azure_ai_key', value: 'azure-from-the-inventory-02', deployments: ['production'] },
    ];
    world.commit(credentials);
    await world.apply();
    world.commit(credentials.map((c) => (c.id === 'session' ? { ...c, values: { production: PLAINTEXT.sessionRotated } } : c)));

    const rotated = await world.apply({ deployments: ['production'] });
    expect(rotated.deployments[0]?.operations.map((o) => o.setting)).toEqual(['session_secret']);
    expect(rotated.deployments[0]?.warnings).toEqual([
      "session_secret was written to production's database, but DocuElevate never uses a session_secret held in its database: sessions and the encryption of its stored settings use SESSION_SECRET from the deployment's environment, read at start-up. To rotate it, set SESSION_SECRET_PREVIOUS to the old secret and SESSION_SECRET to the new one in production's environment, restart api and worker, run `credledger apply --rehydrate production` to re-encrypt the database-held values under the new secret, then drop SESSION_SECRET_PREVIOUS",
      // The first apply pushed the inventory's admin password, which the login form took at once.
      "PROD_PASSWORD is stale: DocuElevate refused its password for production, and the inventory's applied admin_password of production (credential admin) opened instead; update PROD_PASSWORD to that value (credledger reveal)",
    ]);
    // The push changed nothing that matters: the database values still open under the environment's secret.
    world.production.restart();
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);
    // The real rotation, in the environment: the new secret, with the old one as SESSION_SECRET_PREVIOUS.
    world.production.restart({ sessionSecret: PLAINTEXT.sessionRotated, sessionSecretPrevious: PLAINTEXT.session });
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);
    // Nothing changed in the inventory, so a plain apply sends nothing: the state cannot see the restart.
    expect((await world.apply({ deployments: ['production'] })).summary.done).toBe(0);

    const dry = await world.apply({ rehydrate: 'production', dryRun: true });
    expect(dry.deployments.map((d) => d.deployment)).toEqual(['production', 'staging']);
    const rehydrated = await world.apply({ rehydrate: 'production' });
    expect(assessApplyReport(rehydrated)).toBe('ok');
    const operations = rehydrated.deployments[0]?.operations ?? [];
    expect(operations.map((o) => `${o.setting} ${o.reason}`)).toEqual([
      'openai_api_key rehydrate',
      'aws_access_key_id rehydrate',
      'aws_secret_access_key rehydrate',
      'webdav_password rehydrate',
      'session_secret rehydrate',
      'azure_ai_key rehydrate',
      // Last: DocuElevate's login takes it at once.
      'admin_password rehydrate',
    ]);
    expect(dry.deployments[0]?.operations.map((o) => o.setting)).toEqual(operations.map((o) => o.setting));
    // Re-encrypted under the new secret: the values still open once SESSION_SECRET_PREVIOUS is dropped.
    world.production.restart({ sessionSecretPrevious: null });
    for (const credential of credentials) {
      expect(world.production.storedValue(credential.setting)).toBe(credential.id === 'session' ? PLAINTEXT.sessionRotated : (credential.value ?? credential.values?.production));
    }
    expect(rehydrated.deployments[1]?.outcome).toBe('unchanged');
  });
});

describe('concurrent applies', () => {
  it('lets one of two applies sharing an origin win; the other sends nothing', async () => {
    const world = await createWorld();
    const origin = world.sandbox.initRepo('origin.git', { bare: true });
    world.commit(BASE_CREDENTIALS);
    world.sandbox.git(world.repo, ['remote', 'add', 'origin', origin]);
    world.sandbox.git(world.repo, ['push', '-q', 'origin', 'main']);
    world.sandbox.git(world.sandbox.root, ['clone', '-q', origin, 'second']);
    const second = path.join(world.sandbox.root, 'second');

    // Both runs read the (absent) remote state before their pre-flight; holding the pre-flights until both
    // have arrived makes them race for the claim, whatever the machine's load.
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    const connect: ApplyRequest['connect'] = (deployment, auth) => {
      const client = new DocuElevateClient({ baseUrl: deployment.url, auth });
      return {
        authenticate: () => client.authenticate(),
        listCredentialSources: async () => {
          arrived += 1;
          if (arrived === 4) release();
          await bothArrived;
          return client.listCredentialSources();
        },
        setSetting: (key, value) => client.setSetting(key, value),
        deleteSetting: (key) => client.deleteSetting(key),
        close: () => client.close(),
      };
    };
    const [a, b] = await Promise.all([world.apply({ connect }), world.apply({ file: path.join(second, 'credentials.yaml'), connect })]);
    const outcomes = [assessApplyReport(a), assessApplyReport(b)].sort();
    expect(outcomes).toEqual(['failed', 'ok']);
    const loser = assessApplyReport(a) === 'ok' ? b : a;
    const winner = loser === a ? b : a;
    expect(loser.state.conflict).toMatch(/another apply recorded its state first/);
    expect(loser.summary).toEqual({ planned: 0, done: 0, failed: 0, skipped: 9 });
    expect(winner.state.pushed).toBe(true);
    expect(world.sandbox.git(origin, ['rev-parse', 'refs/credledger/applied'])).toBe(winner.state.after);
    // Each setting was written once, by the winner.
    expect(committedWrites(world.production)).toHaveLength(5);
    expect(renderApplyText(loser)).toContain('stopped: refs/credledger/applied on origin moved');
  });

  it('stops an apply started while another is still writing the same deployment, before it sends anything', async () => {
    const world = await createWorld();
    const origin = world.sandbox.initRepo('origin.git', { bare: true });
    world.commit(BASE_CREDENTIALS);
    world.sandbox.git(world.repo, ['remote', 'add', 'origin', origin]);
    world.sandbox.git(world.repo, ['push', '-q', 'origin', 'main']);
    world.sandbox.git(world.sandbox.root, ['clone', '-q', origin, 'later']);
    const later = path.join(world.sandbox.root, 'later');

    // The first run is held at its first write, after its claim has reached origin.
    let firstWrite: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (firstWrite = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const connect: ApplyRequest['connect'] = (deployment, auth) => {
      const client = new DocuElevateClient({ baseUrl: deployment.url, auth });
      return {
        authenticate: () => client.authenticate(),
        listCredentialSources: () => client.listCredentialSources(),
        setSetting: async (key, value) => {
          firstWrite();
          await released;
          return client.setSetting(key, value);
        },
        deleteSetting: (key) => client.deleteSetting(key),
        close: () => client.close(),
      };
    };
    const first = world.apply({ connect, deployments: ['production'] });
    await writing;
    const second = await world.apply({ file: path.join(later, 'credentials.yaml'), deployments: ['production'] });
    expect(assessApplyReport(second)).toBe('failed');
    expect(second.state.conflict).toMatch(/production is being applied by another run .*apply again once it has finished/);
    expect(second.summary.done).toBe(0);
    expect(committedWrites(world.production)).toHaveLength(0);
    release();
    expect(assessApplyReport(await first)).toBe('ok');
    // Finished, the first run released its lock: the next run proceeds (and finds nothing to do).
    const third = await world.apply({ file: path.join(later, 'credentials.yaml'), deployments: ['production'] });
    expect(assessApplyReport(third)).toBe('ok');
    expect(third.summary.done).toBe(0);
  });
});

// Issue #12 item 16: a masked read-back cannot see a dropped write when the old and new values share their first 4
// characters and length; DocuElevate's history can.
describe('a write the masked read-back cannot tell from the value it replaces', () => {
  const lookalike = (): TestCredential[] => [{ id: 'openai', setting: 'openai_api_key', value: PLAINTEXT.openaiLookalike, deployments: ['production'] }];
  const heldBefore = { initialDbValues: { openai_api_key: PLAINTEXT.openai } };
  const openaiOperation = (report: ApplyReport) => report.deployments.find((d) => d.deployment === 'production')?.operations.find((o) => o.setting === 'openai_api_key');

  it('uses values whose masks are the same', () => {
    expect(PLAINTEXT.openaiLookalike).toHaveLength(PLAINTEXT.openai.length);
    expect(PLAINTEXT.openaiLookalike.slice(0, 4)).toBe(PLAINTEXT.openai.slice(0, 4));
    expect(PLAINTEXT.openaiLookalike).not.toBe(PLAINTEXT.openai);
  });

  it('reports a write DocuElevate dropped silently as failed, from its history, and records nothing', async () => {
    const world = await createWorld({ production: { ...heldBefore, lostWrites: { keys: ['openai_api_key'] } } });
    world.commit(lookalike());
    const report = await world.apply();
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openai);
    expect(assessApplyReport(report)).toBe('failed');
    const operation = openaiOperation(report);
    expect(operation?.outcome).toBe('failed');
    expect(operation?.error?.message).toMatch(/^not verified: .*history .*shows no update by prod-admin since the write/);
    expect(parseAppliedState(stateFile(world)).deployments.get('production')?.get('openai_api_key')).toBeUndefined();
    expect(world.production.state.requests.some((r) => r.method === 'GET' && r.path === '/api/settings/openai_api_key/history')).toBe(true);
    expectNoPlaintext(everythingVisible(world, [report]));
  });

  it('confirms a kept write by the new history entry apply made', async () => {
    const world = await createWorld({ production: heldBefore });
    world.commit(lookalike());
    const report = await world.apply();
    expect(assessApplyReport(report)).toBe('ok');
    expect(openaiOperation(report)?.outcome).toBe('done');
    expect(world.production.storedValue('openai_api_key')).toBe(PLAINTEXT.openaiLookalike);
    expect(world.production.state.requests.filter((r) => r.path === '/api/settings/openai_api_key/history')).toHaveLength(2);
    expectNoPlaintext(everythingVisible(world, [report]));
  });

  it('does not read the history when the read-back can tell the values apart', async () => {
    const world = await createWorld({ production: { initialDbValues: { openai_api_key: PLAINTEXT.openaiRotated }, lostWrites: { keys: ['openai_api_key'] } } });
    world.commit(lookalike());
    const report = await world.apply();
    expect(openaiOperation(report)?.error?.message).toMatch(/read-back does not match/);
    expect(world.production.state.requests.some((r) => r.path.endsWith('/history'))).toBe(false);
  });

  it('keeps the warning when DocuElevate offers no history to confirm by', async () => {
    const world = await createWorld({ production: { ...heldBefore, lostWrites: { keys: ['openai_api_key'] } } });
    world.commit(lookalike());
    const http = { retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 5 }, requestTimeoutMs: 5_000 };
    const collaborators = applyCollaborators({ ...world.sandbox.env, ...AUTH_ENV }, http);
    // A connection without the history read, as a reader that cannot offer it.
    const withoutHistory: ApplyRequest['connect'] = (deployment, credential) => {
      const inner = collaborators.connect(deployment, credential);
      return {
        authenticate: () => inner.authenticate(),
        listCredentialSources: () => inner.listCredentialSources(),
        showsValue: (key, value) => (inner.showsValue as NonNullable<typeof inner.showsValue>)(key, value),
        setSetting: (key, value) => inner.setSetting(key, value),
        deleteSetting: (key) => inner.deleteSetting(key),
        close: () => inner.close(),
        get staleLoginPassword() {
          return inner.staleLoginPassword;
        },
      };
    };
    const report = await world.apply({ connect: withoutHistory });
    expect(openaiOperation(report)?.outcome).toBe('done');
    expect(report.warnings).toContain(MASKED_READ_BACK_LIMIT);
    expectNoPlaintext(everythingVisible(world, [report]));
  });
});
