// The README's "Starting your own inventory, and the people in it" commands, run with the built CLI as a new user would.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { findDemoPlaintexts } from '../support/demo-plaintexts.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'readme-people-admin-password-01' };
let server: DocuElevateServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function directory(): string {
  return mkdtempSync(path.join(tmpdir(), 'credledger-readme-people-'));
}

function expectNoSecret(run: CliRun, secrets: readonly string[] = []): void {
  const printed = `${run.stdout}\n${run.stderr}`;
  expect(findDemoPlaintexts(printed)).toEqual([]);
  for (const secret of secrets) expect(printed).not.toContain(secret);
}

describe('the README people commands, with the built CLI', () => {
  it('init, onboard, fill in the owners, validate', async () => {
    const cwd = directory();
    expect((await runBuiltCli(['init'], { cwd })).code).toBe(0);
    expect((await runBuiltCli(['onboard', 'alice', '--github', 'alice', '--email', 'alice@example.com', '--name', 'Alice Martin'], { cwd })).code).toBe(0);
    const file = path.join(cwd, 'credentials.yaml');
    // Uncomment the OpenAI entry, as the README says, and name its owner.
    const text = readFileSync(file, 'utf8').replace(/ {2}# openai-api-key:\n(?: {2}# {3}.*\n)+/, (block) => block.replace(/^ {2}# /gm, '  ').replace('TODO-owner', 'alice'));
    writeFileSync(file, text);
    const validate = await runBuiltCli(['validate'], { cwd });
    expect(validate.stdout).toContain('valid (0 errors');
    expect(validate.code).toBe(0);
  });

  it('offboard, hand over, revoke, status on a copy of the example', async () => {
    const cwd = directory();
    copyFileSync(EXAMPLE_INVENTORY, path.join(cwd, 'credentials.yaml'));
    const env = { TZ: 'UTC' };
    const offboard = await runBuiltCli(['offboard', 'carol'], { cwd, env });
    expect(offboard.code).toBe(1);
    expect(offboard.stdout).toMatch(/Reassign the owner \(carol still owns these\):\n {2}- azure-ai/);
    const handOver = await runBuiltCli(['offboard', 'carol', '--reassign-to', 'alice'], { cwd, env });
    expect(handOver.code).toBe(0);
    const revoke = await runBuiltCli(['revoke', 'openai', '--reason', 'key pasted in a public gist'], { cwd, env });
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain('1. Revoke at the issuer now: Revoke or disable the leaked value at `platform.openai.com`');
    const status = await runBuiltCli(['status'], { cwd, env });
    expect(status.stdout).toMatch(/^openai +openai_api_key +production .* overdue \(critical\) +.*suspected compromise on \d{4}-\d\d-\d\d: key pasted in a public gist$/m);
    for (const run of [offboard, handOver, revoke, status]) expectNoSecret(run);
  });

  it('init --from-url and onboard --live against a loopback DocuElevate, then audit it', async () => {
    server = await startDocuElevateServer({ ...ADMIN, envValues: { openai_api_key: 'sk-proj-readme-env-openai-000002' }, initialDbValues: { webdav_password: 'readme-db-webdav-password-03' } });
    const cwd = directory();
    const env = { DOCUELEVATE_USER: ADMIN.adminUsername, DOCUELEVATE_PASSWORD: ADMIN.adminPassword };
    const secrets = [ADMIN.adminPassword, 'sk-proj-readme', 'readme-db-webdav'];
    const init = await runBuiltCli(['init', '--from-url', server.url, '--auth-method', 'login', '--username-env', 'DOCUELEVATE_USER', '--password-env', 'DOCUELEVATE_PASSWORD'], { cwd, env });
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('written with the 6 credentials');
    expect(init.stdout).toContain('openai_api_key');
    const onboard = await runBuiltCli(['onboard', 'alice', '--github', 'alice', '--live'], { cwd, env });
    expect(onboard.code).toBe(0);
    expect(onboard.stdout).toMatch(/live: DocuElevate reports 6 configured: .*openai_api_key \(env\).*webdav_password \(db\)/);
    const file = path.join(cwd, 'credentials.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('owner: TODO-owner', 'owner: alice'));
    expect((await runBuiltCli(['validate'], { cwd })).code).toBe(0);
    // Tracked without values: webdav is in DocuElevate's database, unmanaged; the rest are as expected.
    const audit = await runBuiltCli(['audit'], { cwd, env });
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/warning +db-unmanaged +webdav_password +webdav-password/);
    expect(audit.stdout).toContain('note: changes outside the inventory and masked values were not checked');
    for (const run of [init, onboard, audit]) expectNoSecret(run, secrets);
  });
});
