import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { commitInventory, createSandbox, createTestKey, renderSealedInventory, type Sandbox, type TestCredential } from '../support/apply-sandbox.js';
import { diffLines } from '../support/line-diff.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'e2e-sealed-admin-password-0000' };
const LOGIN = '{ method: login, username_env: DE_USER, password_env: DE_PASSWORD }';
const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: 'sk-proj-e2e-sealed-plaintext-000001' },
  { id: 'azure', setting: 'azure_ai_key', value: 'e2e-sealed-azure-plaintext-000002' },
  { id: 'smtp', setting: 'email_password', kind: 'password', value: 'e2e-sealed-smtp-plaintext-0003' },
];
const ROTATED = 'sk-proj-e2e-sealed-rotated-by-a-contributor-000004';
const SECRETS = [...CREDENTIALS.map((credential) => credential.value as string), ROTATED, ADMIN.adminPassword];

const sandboxes: Sandbox[] = [];
const servers: DocuElevateServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

function expectNoSecret(runs: readonly CliRun[], extra: readonly string[] = []): void {
  for (const run of runs) {
    for (const secret of [...SECRETS, ...extra]) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  }
}

/** The public key `keygen --sealing` prints on stderr, in the inventory entry it suggests. */
function publicKeyOf(keygen: CliRun): string {
  const match = /public_key: (\S+)/.exec(keygen.stderr);
  if (match === null) throw new Error(`no public key in: ${keygen.stderr}`);
  return match[1] as string;
}

function withRecipients(text: string, recipients: readonly { id: string; publicKey: string }[]): string {
  const entries = recipients.map((recipient) => `    - id: ${recipient.id}\n      public_key: ${recipient.publicKey}`).join('\n');
  return text.replace('version: 1\n', `version: 1\nencryption:\n  recipients:\n${entries}\n`);
}


/** What apply wrote to stderr besides its progress lines (plain `apply: …` lines when not a terminal): nothing, when it went well. */
function besidesProgress(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('apply: '));
}
describe('sealed values, end to end (built CLI, git, loopback DocuElevate)', () => {
  it('a contributor with no secret rotates with seal; the PR plan shows it; apply with the sealing key pushes it', async () => {
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    const server = await startDocuElevateServer(ADMIN);
    servers.push(server);
    const repo = sandbox.initRepo('work');
    const cli = (args: readonly string[], env: Record<string, string> = {}, input?: string) => runBuiltCli(args, { cwd: repo, env: { ...sandbox.env, ...env }, input });
    const deEnv = { DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };

    // The maintainers: a sealing key pair, its public key in the inventory, every value sealed for it.
    const keygen = await cli(['keygen', '--sealing', '--recipient', 'ci']);
    expect(keygen.code).toBe(0);
    const sealingKey = keygen.stdout.trim();
    expect(sealingKey).toMatch(/^sealing-key:ci:[A-Za-z0-9_-]{43}=$/);
    const privatePart = sealingKey.split(':')[2] as string;
    const { key, ring } = createTestKey();
    const inventory = withRecipients(renderSealedInventory(ring, [{ id: 'production', url: server.url, auth: LOGIN }], CREDENTIALS), [{ id: 'ci', publicKey: publicKeyOf(keygen) }]);
    writeFileSync(path.join(repo, 'credentials.yaml'), inventory);
    const toSealed = await cli(['rekey', '--to-sealed'], { CREDLEDGER_KEY: key, CREDLEDGER_SEALING_KEY: sealingKey });
    expect(toSealed.code).toBe(0);
    expect(toSealed.stdout).toContain('3 of 3 values sealed for recipient ci');
    expect(readFileSync(path.join(repo, 'credentials.yaml'), 'utf8')).not.toContain('fernet:');
    commitInventory(sandbox, repo, readFileSync(path.join(repo, 'credentials.yaml'), 'utf8'), 'seal every value for ci');
    // CI holds only the sealing key: no master key exists any more.
    const first = await cli(['apply'], { CREDLEDGER_SEALING_KEY: sealingKey, ...deEnv });
    expect(besidesProgress(first.stderr)).toEqual([]);
    expect(first.code).toBe(0);
    for (const credential of CREDENTIALS) expect(server.storedValue(credential.setting)).toBe(credential.value);
    const writesBefore = server.state.requests.filter((request) => request.committed).length;

    // The contributor: the repository and nothing else.
    sandbox.git(repo, ['checkout', '-q', '-b', 'rotate-openai']);
    const before = readFileSync(path.join(repo, 'credentials.yaml'), 'utf8');
    const seal = await cli(['seal', 'openai', '--value-stdin'], {}, `${ROTATED}\n`);
    expect(seal.stderr).toBe('');
    expect(seal.code).toBe(0);
    expect(seal.stdout).toContain('credentials.openai.value: new value, sealed for recipient ci, replacing a value under recipient ci (not opened to compare');
    const after = readFileSync(path.join(repo, 'credentials.yaml'), 'utf8');
    const diff = diffLines(before, after);
    // Byte for byte the same file but the value line and the new `rotated` line (the inventory had only `created`).
    expect(diff.removed.map(([, line]) => line.trim().split(':')[0])).toEqual(['value']);
    expect(diff.added.map(([, line]) => line.trim().split(':')[0])).toEqual(['rotated', 'value']);
    expect(after).toMatch(/ {4}rotated: \d{4}-\d{2}-\d{2}\n/);
    sandbox.git(repo, ['commit', '-q', '-am', 'Rotate openai']);

    // The PR: plan between the two revisions, as a fork's run does (no key) and as CI would (sealing key).
    const keyless = await cli(['plan', '--base', 'main', '--head', 'rotate-openai', '--format', 'markdown']);
    expect(keyless.code).toBe(0);
    expect(keyless.stdout).toMatch(/\| `openai` \| 🔄 rotated \| `rotated`, `value` \| `production` \|/);
    expect(keyless.stdout).toContain('1 change to 1 credential');
    const keyed = await cli(['plan', '--base', 'main', '--head', 'rotate-openai', '--format', 'json'], { CREDLEDGER_SEALING_KEY: sealingKey });
    expect(keyed.code).toBe(0);
    const plan = JSON.parse(keyed.stdout) as { changes: { credentialId?: string; id?: string }[]; diagnostics: unknown[] };
    expect(plan.diagnostics).toEqual([]);
    expect(plan.changes).toHaveLength(1);
    expect(JSON.stringify(plan.changes[0])).toContain('openai');

    // The merge, then apply in CI with the sealing private key: only the rotated value is pushed.
    sandbox.git(repo, ['checkout', '-q', 'main']);
    sandbox.git(repo, ['merge', '-q', '--ff-only', 'rotate-openai']);
    const applied = await cli(['apply'], { CREDLEDGER_SEALING_KEY: sealingKey, ...deEnv });
    expect(besidesProgress(applied.stderr)).toEqual([]);
    expect(applied.code).toBe(0);
    expect(server.storedValue('openai_api_key')).toBe(ROTATED);
    expect(server.storedValue('azure_ai_key')).toBe(CREDENTIALS[1]?.value);
    expect(server.state.requests.filter((request) => request.committed).length).toBe(writesBefore + 1);
    expectNoSecret([toSealed, first, seal, keyless, keyed, applied], [privatePart, key]);
  });

  it('recipients rotate: the old private key re-seals every value for the new recipient, whose key alone then opens and applies them', async () => {
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    const server = await startDocuElevateServer(ADMIN);
    servers.push(server);
    const repo = sandbox.initRepo('work');
    const cli = (args: readonly string[], env: Record<string, string> = {}) => runBuiltCli(args, { cwd: repo, env: { ...sandbox.env, ...env } });
    const deEnv = { DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
    const file = path.join(repo, 'credentials.yaml');
    const committedWrites = () => server.state.requests.filter((request) => request.committed).length;

    // Values sealed for recipient ci (sealing needs only its public key), applied with ci's private key.
    const oldKeygen = await cli(['keygen', '--sealing', '--recipient', 'ci']);
    const oldKey = oldKeygen.stdout.trim();
    const { key, ring } = createTestKey();
    writeFileSync(file, withRecipients(renderSealedInventory(ring, [{ id: 'production', url: server.url, auth: LOGIN }], CREDENTIALS), [{ id: 'ci', publicKey: publicKeyOf(oldKeygen) }]));
    expect((await cli(['rekey', '--to-sealed'], { CREDLEDGER_KEY: key })).code).toBe(0);
    commitInventory(sandbox, repo, readFileSync(file, 'utf8'), 'seal every value for ci');
    const first = await cli(['apply'], { CREDLEDGER_SEALING_KEY: oldKey, ...deEnv });
    expect(first.code).toBe(0);
    const writesBefore = committedWrites();

    // The new recipient is listed first; the old private key opens each value to re-seal it.
    const newKeygen = await cli(['keygen', '--sealing', '--recipient', 'ci-2027']);
    const newKey = newKeygen.stdout.trim();
    const sealedForCi = readFileSync(file, 'utf8');
    writeFileSync(file, sealedForCi.replace('  recipients:\n', `  recipients:\n    - id: ci-2027\n      public_key: ${publicKeyOf(newKeygen)}\n`));
    const withoutOldKey = await cli(['rekey', '--to-sealed'], { CREDLEDGER_SEALING_KEY: newKey });
    expect(withoutOldKey.code).toBe(1);
    expect(withoutOldKey.stderr).toContain('it is sealed for recipient ci, whose private key CREDLEDGER_SEALING_KEY does not hold (it holds ci-2027)');
    const rotated = await cli(['rekey', '--to-sealed'], { CREDLEDGER_SEALING_KEY: oldKey });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('3 of 3 values sealed for recipient ci-2027');
    expect(rotated.stdout).toContain('recipient ci: 3 values re-encrypted');
    // Only the value lines changed, every one of them.
    const diff = diffLines(sealedForCi, readFileSync(file, 'utf8'));
    expect(diff.removed.map(([, line]) => line.trim().split(':')[0])).toEqual(['value', 'value', 'value']);
    expect(diff.added.map(([, line]) => line.trim().split(': ')[0])).toEqual(['- id', 'public_key', 'value', 'value', 'value']);
    expect(diff.added.filter(([, line]) => line.includes('value: ')).every(([, line]) => line.includes('value: sealed:ci-2027:'))).toBe(true);

    // The old recipient leaves the inventory; its private key opens nothing any more, the new one everything.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/    - id: ci\n      public_key: \S+\n/, ''));
    const opened = await cli(['validate', '--decrypt'], { CREDLEDGER_SEALING_KEY: newKey });
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('decrypted 3 of 3 values (3 under recipient ci-2027)');
    const oldOnly = await cli(['validate', '--decrypt'], { CREDLEDGER_SEALING_KEY: oldKey });
    expect(oldOnly.code).toBe(1);
    expect(oldOnly.stdout).toContain('value-unknown-key');
    commitInventory(sandbox, repo, readFileSync(file, 'utf8'), 'rotate the sealing recipient to ci-2027');

    // CI holds new,old for one apply, which moves the fingerprints and pushes nothing; then the new key alone.
    const moved = await cli(['apply'], { CREDLEDGER_SEALING_KEY: `${newKey},${oldKey}`, ...deEnv });
    expect(besidesProgress(moved.stderr)).toEqual([]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('3 values re-encrypted');
    const settled = await cli(['apply'], { CREDLEDGER_SEALING_KEY: newKey, ...deEnv });
    expect(besidesProgress(settled.stderr)).toEqual([]);
    expect(settled.code).toBe(0);
    expect(settled.stdout).not.toContain('pushed again');
    expect(committedWrites()).toBe(writesBefore);
    for (const credential of CREDENTIALS) expect(server.storedValue(credential.setting)).toBe(credential.value);
    expectNoSecret([first, withoutOldKey, rotated, opened, oldOnly, moved, settled], [key, oldKey.split(':')[2] as string, newKey.split(':')[2] as string]);
  });

  it('moving from the master key to sealed values: the plan says which secret CI needs; one apply with both keys moves the fingerprints, and the sealing key alone then pushes nothing', async () => {
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    const server = await startDocuElevateServer(ADMIN);
    servers.push(server);
    const repo = sandbox.initRepo('work');
    const cli = (args: readonly string[], env: Record<string, string> = {}) => runBuiltCli(args, { cwd: repo, env: { ...sandbox.env, ...env } });
    const deEnv = { DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
    const file = path.join(repo, 'credentials.yaml');
    const committedWrites = () => server.state.requests.filter((request) => request.committed).length;

    // Applied under the master key, with a recipient already listed.
    const keygen = await cli(['keygen', '--sealing', '--recipient', 'ci']);
    const sealingKey = keygen.stdout.trim();
    const { key, ring } = createTestKey();
    commitInventory(sandbox, repo, withRecipients(renderSealedInventory(ring, [{ id: 'production', url: server.url, auth: LOGIN }], CREDENTIALS), [{ id: 'ci', publicKey: publicKeyOf(keygen) }]));
    const first = await cli(['apply'], { CREDLEDGER_KEY: key, ...deEnv });
    expect(first.code).toBe(0);
    const writesBefore = committedWrites();

    // Every value sealed for ci: the maintainer's plan (with keys) shows no operation and names the secret to set.
    const toSealed = await cli(['rekey', '--to-sealed'], { CREDLEDGER_KEY: key });
    expect(toSealed.code).toBe(0);
    commitInventory(sandbox, repo, readFileSync(file, 'utf8'), 'seal every value for ci');
    const plan = await cli(['plan', '--base', 'HEAD~1', '--head', 'HEAD'], { CREDLEDGER_KEY: key, CREDLEDGER_SEALING_KEY: sealingKey });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(
      "3 values sealed for recipient ci, plaintexts unchanged, nothing will be pushed. Before merging, make every apply environment's CREDLEDGER_SEALING_KEY hold recipient ci's private key",
    );
    expect(plan.stdout).not.toContain('hold key sealed:ci');
    expect(plan.stdout).toContain('No operations');

    // CI holds both for one apply: the fingerprints move to the sealing key; then the master key can leave.
    const both = await cli(['apply'], { CREDLEDGER_KEY: key, CREDLEDGER_SEALING_KEY: sealingKey, ...deEnv });
    expect(besidesProgress(both.stderr)).toEqual([]);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('3 values re-encrypted under recipient ci (production): plaintexts unchanged, nothing pushed; moved their applied-state fingerprints to the sealing key of recipient ci');
    const sealedOnly = await cli(['apply'], { CREDLEDGER_SEALING_KEY: sealingKey, ...deEnv });
    expect(besidesProgress(sealedOnly.stderr)).toEqual([]);
    expect(sealedOnly.code).toBe(0);
    expect(sealedOnly.stdout).toContain('nothing to apply');
    expect(sealedOnly.stdout).not.toContain('pushed again');
    expect(committedWrites()).toBe(writesBefore);
    for (const credential of CREDENTIALS) expect(server.storedValue(credential.setting)).toBe(credential.value);
    expectNoSecret([first, toSealed, plan, both, sealedOnly], [key, sealingKey.split(':')[2] as string]);
  });
});
