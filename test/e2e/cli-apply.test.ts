import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAppliedState } from '../../src/core/applied-state.js';
import { listDesiredState } from '../../src/core/apply-plan.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../../src/devserver/docuelevate-server.js';
import { commitInventory, createSandbox, createTestKey, renderSealedInventory, type Sandbox, type TestCredential } from '../support/apply-sandbox.js';
import { DEMO_KEY_FILE, demoPlaintext, findDemoPlaintexts } from '../support/demo-plaintexts.js';
import { inventoryFrom } from '../support/inventory-text.js';
import { BUILT_CLI, EXAMPLE_INVENTORY } from '../support/paths.js';
import { cleanEnv, runBuiltCli, type CliRun } from '../support/run-built-cli.js';
import { exampleAtUrls } from '../support/example-urls.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'e2e-admin-login-password-0000' };
const LOGIN = '{ method: login, username_env: DE_USER, password_env: DE_PASSWORD }';
const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: 'sk-proj-e2e-apply-plaintext-000001' },
  { id: 'azure', setting: 'azure_ai_key', value: 'e2e-apply-azure-plaintext-000002' },
  { id: 'aws-id', setting: 'aws_access_key_id', value: 'AKIAE2EAPPLYPLAIN0003', group: 'aws' },
  { id: 'aws-secret', setting: 'aws_secret_access_key', value: 'e2e-apply-aws-secret-plaintext-0004', group: 'aws' },
  { id: 'smtp', setting: 'email_password', kind: 'password', value: 'e2e-apply-smtp-plaintext-0005' },
  { id: 'admin', setting: 'admin_password', kind: 'admin_password', value: 'e2e-apply-admin-plaintext-0006' },
];
const PLAINTEXTS = [...CREDENTIALS.map((c) => c.value as string), ADMIN.adminPassword];

const sandboxes: Sandbox[] = [];
const servers: DocuElevateServer[] = [];

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

interface Setup {
  readonly sandbox: Sandbox;
  readonly repo: string;
  readonly server: DocuElevateServer;
  readonly env: Record<string, string>;
  cli(args: readonly string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<CliRun>;
}

async function setUp(serverOptions: DocuElevateServerOptions = {}, auth = LOGIN, urlOf: (server: DocuElevateServer) => Promise<string> = async (server) => server.url): Promise<Setup> {
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  const server = await startDocuElevateServer({ ...ADMIN, ...serverOptions });
  servers.push(server);
  const { key, ring } = createTestKey();
  const repo = sandbox.initRepo('work');
  commitInventory(sandbox, repo, renderSealedInventory(ring, [{ id: 'production', url: await urlOf(server), auth }], CREDENTIALS));
  const env = { ...sandbox.env, CREDLEDGER_KEY: key, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
  return {
    sandbox,
    repo,
    server,
    env,
    cli: (args, options = {}) => runBuiltCli(['apply', ...args], { cwd: options.cwd ?? repo, env: { ...env, ...options.env } }),
  };
}

function committedWrites(server: DocuElevateServer): number {
  return server.state.requests.filter((request) => request.committed).length;
}

function expectNoPlaintext(...texts: string[]): void {
  for (const text of texts) for (const secret of PLAINTEXTS) expect(text).not.toContain(secret);
}

function expectConverged(server: DocuElevateServer): void {
  for (const credential of CREDENTIALS) expect(server.storedValue(credential.setting)).toBe(credential.value);
}

function stateFile(setup: Setup, repo = setup.repo): string {
  return setup.sandbox.git(repo, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']);
}

/**
 * A pass-through proxy that holds `GET /api/settings/credentials` (apply's pre-flight, which comes after it
 * has read the applied state) until `count` of them have arrived: the runs then race for the claim
 * whatever the machine's load.
 */
async function startPreflightBarrier(target: string, count: number): Promise<string> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const allArrived = new Promise<void>((resolve) => (release = resolve));
  const proxy = createServer((request, response) => {
    const forward = (): void => {
      const headers = { ...request.headers };
      delete headers.host;
      const upstream = httpRequest(new URL(request.url ?? '/', target), { method: request.method, headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    };
    if (request.method === 'GET' && request.url === '/api/settings/credentials') {
      arrived += 1;
      if (arrived === count) release();
      void allArrived.then(forward);
    } else {
      forward();
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** The bundled example in a fresh repository, its two deployments on DocuElevate-compatible servers with login auth. */
async function exampleDeployments() {
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  const production = await startDocuElevateServer({ adminUsername: 'prod-admin', adminPassword: 'e2e-example-prod-password' });
  const staging = await startDocuElevateServer({ adminUsername: 'staging-admin', adminPassword: 'e2e-example-staging-password' });
  servers.push(production, staging);
  const text = exampleAtUrls(readFileSync(EXAMPLE_INVENTORY, 'utf8'), { production: production.url, staging: staging.url });
  const repo = sandbox.initRepo('work');
  commitInventory(sandbox, repo, text);
  const env = {
    ...sandbox.env,
    DOCUELEVATE_PROD_USER: 'prod-admin',
    DOCUELEVATE_PROD_PASSWORD: 'e2e-example-prod-password',
    DOCUELEVATE_STAGING_USER: 'staging-admin',
    DOCUELEVATE_STAGING_PASSWORD: 'e2e-example-staging-password',
  };
  return { sandbox, production, staging, text, repo, env };
}

describe('credledger apply (built CLI)', () => {
  it('applies with login and CSRF, reports in text and JSON, and a second run sends nothing', async () => {
    const setup = await setUp();
    const dry = await setup.cli(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('production (http://127.0.0.1:');
    expect(dry.stdout).toMatch(/would\s+set\s+openai_api_key\s+openai\s+new/);
    expect(dry.stdout).toContain('restart api and worker on production after applying: admin_password');
    expect(setup.server.state.requests).toEqual([]);

    const first = await setup.cli([]);
    // Not a terminal: progress is plain lines on stderr, per deployment and setting, with counts and no value.
    expect(first.stderr.split('\n').slice(0, 3)).toEqual([
      'apply: production: logging in and reading its credential list',
      expect.stringMatching(/^apply: production: \d+ credential settings listed$/),
      'apply: production: 6 operations to apply',
    ]);
    expect(first.stderr).toMatch(/^apply: production: \[1\/6\] set \S+ done$/m);
    expect(first.stderr).toContain('apply: production: [6/6] set admin_password done\n');
    expect(first.stderr.endsWith('apply: production: finished: 6 done, 0 failed, 0 skipped\n')).toBe(true);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/production \(http:\/\/127\.0\.0\.1:\d+\): 6 done, 0 failed, 0 skipped/);
    expect(first.stdout).toContain('restart api and worker on production: admin_password');
    expectConverged(setup.server);
    expect(committedWrites(setup.server)).toBe(6);

    const second = await setup.cli(['--format', 'json']);
    expect(second.code).toBe(0);
    // --format json: the report alone, and no progress at all.
    expect(second.stderr).toBe('');
    const report = JSON.parse(second.stdout) as ApplyReport;
    expect(report.deployments[0]?.outcome).toBe('unchanged');
    expect(report.summary).toEqual({ planned: 0, done: 0, failed: 0, skipped: 0 });
    expect(committedWrites(setup.server)).toBe(6);
    expectNoPlaintext(dry.stdout, dry.stderr, first.stdout, first.stderr, second.stdout, second.stderr, stateFile(setup));
  });

  it('converges after being killed with SIGKILL in the middle of an apply', async () => {
    const setup = await setUp({ faults: { seed: 1, rate: 1, kinds: ['slow'], slowMs: 250 } });
    const child = spawn(process.execPath, [BUILT_CLI, 'apply', '--concurrency', '2'], { cwd: setup.repo, env: cleanEnv(setup.env), stdio: 'pipe' });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    await waitUntil(() => committedWrites(setup.server) >= 1, 'the first write is committed');
    child.kill('SIGKILL');
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');
    // It really was interrupted: not every setting had been written.
    expect(setup.server.dbKeys().length).toBeLessThan(CREDENTIALS.length);

    setup.server.setFaults(undefined);
    const again = await setup.cli([]);
    expect(again.code).toBe(0);
    expectConverged(setup.server);
    // The state ref is whole and records everything.
    const state = parseAppliedState(stateFile(setup));
    expect([...(state.deployments.get('production')?.keys() ?? [])].sort()).toEqual(CREDENTIALS.map((c) => c.setting).sort());
    const writes = committedWrites(setup.server);
    const third = await setup.cli([]);
    expect(third.code).toBe(0);
    expect(committedWrites(setup.server)).toBe(writes);
    expectNoPlaintext(output, again.stdout, again.stderr, stateFile(setup));
  });

  it('lets one of two simultaneous applies sharing an origin win; the other stops cleanly', async () => {
    const setup = await setUp({}, LOGIN, (server) => startPreflightBarrier(server.url, 2));
    const origin = setup.sandbox.initRepo('origin.git', { bare: true });
    setup.sandbox.git(setup.repo, ['remote', 'add', 'origin', origin]);
    setup.sandbox.git(setup.repo, ['push', '-q', 'origin', 'main']);
    setup.sandbox.git(setup.sandbox.root, ['clone', '-q', origin, 'other']);
    const other = path.join(setup.sandbox.root, 'other');

    const runs = Promise.all([setup.cli([]), setup.cli([], { cwd: other })]);
    const [a, b] = await runs;

    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(loser.stdout).toMatch(/stopped: refs\/credledger\/applied on origin moved from nothing to [0-9a-f]{12}: another apply recorded its state first/);
    expect(loser.stdout).toContain('production (http://127.0.0.1:');
    expect(loser.stdout).toContain('not attempted');
    expect(loser.stderr).not.toMatch(/error/i);
    // Every setting was written once, by the winner; the origin holds the winner's state.
    expect(committedWrites(setup.server)).toBe(CREDENTIALS.length);
    expectConverged(setup.server);
    const onOrigin = parseAppliedState(setup.sandbox.git(origin, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']));
    expect(onOrigin.deployments.get('production')?.size).toBe(CREDENTIALS.length);
    expectNoPlaintext(a.stdout, a.stderr, b.stdout, b.stderr);
  });

  it('applies the bundled example to two DocuElevate-compatible servers, and a second run sends nothing', async () => {
    const { sandbox, production, staging, text, repo, env } = await exampleDeployments();
    const first = await runBuiltCli(['apply', '--key-file', DEMO_KEY_FILE, '--format', 'json'], { cwd: repo, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const inventory = inventoryFrom(text);
    const { desired } = listDesiredState(inventory, ['production', 'staging']);
    const serverOf = { production, staging } as Record<string, DocuElevateServer>;
    for (const setting of desired) {
      const expected = demoPlaintext(setting.sealed.place.credentialId, setting.sealed.place.deployment);
      expect(serverOf[setting.deployment]?.storedValue(setting.setting), `${setting.setting} on ${setting.deployment}`).toBe(expected);
    }
    for (const deployment of ['production', 'staging']) {
      const wanted = desired.filter((d) => d.deployment === deployment).map((d) => d.setting).sort();
      expect(serverOf[deployment]?.dbKeys()).toEqual(wanted);
      expect(committedWrites(serverOf[deployment] as DocuElevateServer)).toBe(wanted.length);
    }

    const second = await runBuiltCli(['apply', '--key-file', DEMO_KEY_FILE], { cwd: repo, env });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('production (http://127.0.0.1:');
    expect(second.stdout).toMatch(/nothing to apply[\s\S]*nothing to apply/);
    expect(committedWrites(production) + committedWrites(staging)).toBe(desired.length);
    const state = sandbox.git(repo, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']);
    expect(findDemoPlaintexts([first.stdout, second.stdout, state].join('\n'))).toEqual([]);
  });

  it('applies two deployments in parallel jobs sharing an origin (a matrix), both recorded', async () => {
    const { sandbox, production, staging, text, repo, env } = await exampleDeployments();
    const origin = sandbox.initRepo('origin.git', { bare: true });
    sandbox.git(repo, ['remote', 'add', 'origin', origin]);
    sandbox.git(repo, ['push', '-q', 'origin', 'main']);
    sandbox.git(sandbox.root, ['clone', '-q', origin, 'staging-job']);
    // Each job has its own checkout, as runners do, and applies only its own deployment.
    const [productionJob, stagingJob] = await Promise.all([
      runBuiltCli(['apply', '--key-file', DEMO_KEY_FILE, '--deployment', 'production'], { cwd: repo, env }),
      runBuiltCli(['apply', '--key-file', DEMO_KEY_FILE, '--deployment', 'staging'], { cwd: path.join(sandbox.root, 'staging-job'), env }),
    ]);
    expect([productionJob.code, stagingJob.code]).toEqual([0, 0]);
    const onOrigin = parseAppliedState(sandbox.git(origin, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']));
    const { desired } = listDesiredState(inventoryFrom(text), ['production', 'staging']);
    for (const deployment of ['production', 'staging']) {
      expect(onOrigin.deployments.get(deployment)?.size, deployment).toBe(desired.filter((d) => d.deployment === deployment).length);
    }
    // A later run of everything finds nothing to do.
    const again = await runBuiltCli(['apply', '--key-file', DEMO_KEY_FILE], { cwd: repo, env });
    expect(again.code).toBe(0);
    expect(committedWrites(production) + committedWrites(staging)).toBe(desired.length);
    expect(findDemoPlaintexts([productionJob.stdout, stagingJob.stdout, again.stdout].join('\n'))).toEqual([]);
  });

  it('exits 3 with an explanation when a bearer token is not an admin', async () => {
    const setup = await setUp({ apiTokens: ['e2e-user-token-0001'] }, '{ method: bearer, token_env: DE_TOKEN }');
    const run = await setup.cli([], { env: { DE_TOKEN: 'e2e-user-token-0001' } });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('HTTP 403: Admin access required');
    expect(run.stdout).toContain("DocuElevate's API tokens belong to a user who is not an admin");
    expect(run.stdout).not.toContain('e2e-user-token-0001');
    expect(committedWrites(setup.server)).toBe(0);
  });

  it.each([
    [['--concurrency', '0'], /--concurrency must be a whole number of at least 1/],
    [['--deployment', 'nowhere'], /unknown deployment nowhere/],
    [['--format', 'yaml'], /--format must be one of: text, json/],
    [['--state-ref', 'applied'], /--state-ref must be a full ref name/],
  ])('exits 64 on %j', async (args, message) => {
    const setup = await setUp();
    const run = await setup.cli(args);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 without a key, and refuses http:// to another host', async () => {
    const setup = await setUp();
    const noKey = await setup.cli([], { env: { CREDLEDGER_KEY: '' } });
    expect(noKey.code).toBe(64);
    expect(noKey.stderr).toMatch(/no key: set CREDLEDGER_KEY/);

    const { key, ring } = createTestKey();
    commitInventory(setup.sandbox, setup.repo, renderSealedInventory(ring, [{ id: 'production', url: 'http://docs.example.com', auth: LOGIN }], CREDENTIALS));
    const refused = await setup.cli([], { env: { CREDLEDGER_KEY: key } });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('deployment production: http://docs.example.com uses http:// to a host that is not loopback');
    expect(refused.stderr).toContain('--allow-insecure-http');
  });
});
