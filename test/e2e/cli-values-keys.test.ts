import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFernetKey } from '../../src/crypto/fernet.js';
import { keyId } from '../../src/crypto/key-ring.js';
import { DEMO_KEY, DEMO_KEY_FILE, DEMO_KEY_ID, DEMO_PLAINTEXTS, demoPlaintext, findDemoPlaintexts, OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample } from '../support/example-copy.js';
import { diffLines } from '../support/line-diff.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { runBuiltCli, type CliRun, type CliRunOptions } from '../support/run-built-cli.js';
import { lineOfPath, replaceLineOf } from '../support/value-lines.js';

const watch = new OutputWatch();
afterEach(() => watch.expectNoPlaintext());

/** Runs dist/cli.js; every output goes to the watch, except reveal's stdout, which is the point of reveal. */
async function credledger(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const run = await runBuiltCli(args, options);
  if (args[0] !== 'reveal') watch.record(`${args.join(' ')}: stdout`, run.stdout);
  watch.record(`${args.join(' ')}: stderr`, run.stderr);
  return run;
}

async function newKey(): Promise<{ key: string; id: string }> {
  const run = await credledger(['keygen', '--quiet']);
  const key = run.stdout.trim();
  return { key, id: keyId(parseFernetKey(key)) };
}

describe('the no-plaintext check itself', () => {
  it('finds a demo plaintext, or one line of the PEM key, and names the place only', () => {
    expect(findDemoPlaintexts(`log: ${demoPlaintext('admin-password', 'staging')}`)).toEqual(['admin-password/staging']);
    const pemLine = demoPlaintext('sftp-private-key').split('\n')[2] ?? '';
    expect(findDemoPlaintexts(`... ${pemLine} ...`)).toEqual(['sftp-private-key']);
    expect(findDemoPlaintexts('[redacted]')).toEqual([]);
    expect(DEMO_PLAINTEXTS).toHaveLength(26);
  });
});

describe('credledger keygen (built CLI)', () => {
  it('prints a fresh key alone on stdout, its id on stderr', async () => {
    const run = await credledger(['keygen']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[A-Za-z0-9_-]{43}=\n$/);
    expect(run.stderr).toContain(`key id ${keyId(parseFernetKey(run.stdout.trim()))}`);
    expect((await newKey()).key).not.toBe(run.stdout.trim());
  });
});

describe('credledger set (built CLI)', () => {
  it('rotates a value read from stdin: its value and rotated lines change, nothing else', async () => {
    const copy = copyExample();
    const run = await credledger(['set', 'openai', '--value-stdin', '--file', copy.file, '--key-file', DEMO_KEY_FILE], { input: `${watch.secret('sk-demo-e2e-stdin-5a4b3c2d1e0f')}\n` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${copy.file}: credentials.openai.value: new value, encrypted under key ${DEMO_KEY_ID}`);
    const diff = diffLines(copy.original, copy.read());
    expect(diff.removed).toEqual([lineOfPath(copy.original, ['credentials', 'openai', 'rotated']), lineOfPath(copy.original, ['credentials', 'openai', 'value'])]);
    expect(diff.added.map(([line, text]) => [line, text.replace(/\d{4}-\d{2}-\d{2}$/, 'DATE').replace(/:gAAAA[A-Za-z0-9_-]+=*$/, ':TOKEN')])).toEqual([
      [diff.removed[0]?.[0], '    rotated: DATE'],
      [diff.removed[1]?.[0], `    value: fernet:${DEMO_KEY_ID}:TOKEN`],
    ]);
    const reveal = await credledger(['reveal', 'openai', '--yes', '--file', copy.file], { env: { CREDLEDGER_KEY: DEMO_KEY } });
    expect(reveal.stdout).toBe('sk-demo-e2e-stdin-5a4b3c2d1e0f');
  });

  it('rotates one deployment from an environment variable, keeping the given date', async () => {
    const copy = copyExample();
    const run = await credledger(['set', 'admin-password', '--deployment', 'staging', '--value-env', 'NEW_ADMIN_PASSWORD', '--rotated', '2026-09-30', '--file', copy.file], {
      env: { CREDLEDGER_KEY: DEMO_KEY, NEW_ADMIN_PASSWORD: watch.secret('demo-Admin-staging-e2e-Zq81!x') },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rotated 2026-09-30 (unchanged)');
    expect(diffLines(copy.original, copy.read()).removed).toEqual([lineOfPath(copy.original, ['credentials', 'admin-password', 'values', 'staging'])]);
  });

  it('refuses a swapped value by name', async () => {
    const copy = copyExample();
    writeFileSync(copy.file, replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], lineOfPath(copy.original, ['credentials', 'openai', 'value'])[1]));
    const run = await credledger(['set', 'azure-ai', '--value-env', 'V', '--file', copy.file], { env: { CREDLEDGER_KEY: DEMO_KEY, V: watch.secret('ffeeddccbbaa99887766554433221100') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [value-wrong-place] this value belongs to openai, not azure-ai');
  });
});

describe('credledger rekey (built CLI)', () => {
  it('moves every value to the new first key of a two-key ring, then validates with the new key alone', async () => {
    const copy = copyExample();
    const { key, id } = await newKey();
    const run = await credledger(['rekey', '--file', copy.file], { env: { CREDLEDGER_KEY: `${key},${DEMO_KEY}` } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${copy.file}: 26 of 26 values re-encrypted under key ${id}
  key ${DEMO_KEY_ID}: 26 values re-encrypted
Commit the change; once every copy of the inventory is re-keyed, the old keys can leave the ring.
`);
    const diff = diffLines(copy.original, copy.read());
    expect(diff.removed).toHaveLength(26);
    expect(diff.added.map(([line]) => line)).toEqual(diff.removed.map(([line]) => line));
    expect(diff.added.every(([, text]) => text.includes(`: fernet:${id}:`))).toBe(true);

    const again = await credledger(['rekey', '--file', copy.file], { env: { CREDLEDGER_KEY: `${key},${DEMO_KEY}` } });
    expect(again.stdout).toBe(`${copy.file}: all 26 values already under key ${id}; nothing written\n`);

    const keyFile = path.join(copy.dir, 'new.key');
    writeFileSync(keyFile, `# the new key\n${key}\n`);
    const valid = await credledger(['validate', '--decrypt', '--key-file', keyFile, '--file', copy.file, '--now', '2026-11-26']);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain(`decrypted 26 of 26 values (26 under key ${id})`);
    const oldOnly = await credledger(['validate', '--decrypt', '--key-file', DEMO_KEY_FILE, '--file', copy.file, '--now', '2026-11-26', '--format', 'json']);
    expect(oldOnly.code).toBe(1);
    const report = JSON.parse(oldOnly.stdout) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(new Array(26).fill('value-unknown-key'));
  });

  it('changes nothing when the ring lacks a key the values need', async () => {
    const copy = copyExample();
    const { key } = await newKey();
    const run = await credledger(['rekey', '--file', copy.file], { env: { CREDLEDGER_KEY: key } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('rekey moves every value or none');
    expect(copy.read()).toBe(copy.original);
  });
});

describe('credledger reveal (built CLI)', () => {
  it('prints exactly the plaintext with --yes, the warning on stderr', async () => {
    const run = await credledger(['reveal', 'sftp-private-key', '--yes', '--file', EXAMPLE_INVENTORY, '--key-file', DEMO_KEY_FILE]);
    expect(run.code).toBe(0);
    expect(run.stdout === demoPlaintext('sftp-private-key')).toBe(true);
    expect(run.stderr).toContain('credledger reveal: printing the plaintext of sftp-private-key (key 175365ad');
  });

  it('refuses without --yes when stdin is not a terminal', async () => {
    const run = await credledger(['reveal', 'openai', '--file', EXAMPLE_INVENTORY, '--key-file', DEMO_KEY_FILE]);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
  });
});

describe('credledger validate --decrypt (built CLI)', () => {
  it('opens every value of the bundled example with the demo key', async () => {
    const run = await credledger(['validate', '--decrypt', '--file', EXAMPLE_INVENTORY, '--now', '2026-11-26'], { env: { CREDLEDGER_KEY: DEMO_KEY } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid \(0 errors, 1 warning\)\ndecrypted 26 of 26 values \(26 under key 175365ad\)\n$/);
    expect(run.stdout).toContain('warning [demo-key-value] 26 values are sealed under the public demo key 175365ad');
  });

  it('names the place a swapped value belongs to, at its line and column', async () => {
    const copy = copyExample();
    const swapped = replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], lineOfPath(copy.original, ['credentials', 'openai', 'value'])[1]);
    writeFileSync(copy.file, swapped);
    const run = await credledger(['validate', '--decrypt', '--key-file', DEMO_KEY_FILE, '--file', copy.file, '--now', '2026-11-26', '--format', 'json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { diagnostics: { code: string }[] }).diagnostics.filter((diagnostic) => diagnostic.code !== 'demo-key-value')).toEqual([
      expect.objectContaining({ code: 'value-wrong-place', message: 'this value belongs to openai, not azure-ai', path: 'credentials.azure-ai.value', line: lineOfPath(swapped, ['credentials', 'azure-ai', 'value'])[0], column: 12 }),
    ]);
    const github = await credledger(['validate', '--decrypt', '--key-file', DEMO_KEY_FILE, '--file', copy.file, '--now', '2026-11-26'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(github.stdout).toContain('title=value-wrong-place::this value belongs to openai, not azure-ai');
  });
});
