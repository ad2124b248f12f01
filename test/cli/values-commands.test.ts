import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseFernetKey } from '../../src/crypto/fernet.js';
import { keyId, parseKeyRing } from '../../src/crypto/key-ring.js';
import { openSealedValue } from '../../src/crypto/sealed-value.js';
import { generateSealingKeyPair } from '../../src/crypto/sealing-key.js';
import { DEMO_KEY, DEMO_KEY_FILE, demoPlaintext, OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample, type ExampleCopy } from '../support/example-copy.js';
import { diffLines } from '../support/line-diff.js';
import { memoryIo, type MemoryIo, type MemoryIoOptions } from '../support/memory-io.js';
import { lineOfPath } from '../support/value-lines.js';

const watch = new OutputWatch();
afterEach(() => watch.expectNoPlaintext());

/** Runs the CLI in-process; stdout is watched unless the test deliberately reveals. */
async function run(args: string[], options: MemoryIoOptions = {}, during?: (io: MemoryIo) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  const memory = memoryIo(options);
  const pending = runCli(args, memory.io);
  during?.(memory);
  const code = await pending;
  if (args[0] !== 'reveal') watch.record(`${args[0]} stdout`, memory.stdout());
  watch.record(`${args[0]} stderr`, memory.stderr());
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

function currentValue(copy: ExampleCopy, credentialId: string, deployment?: string): string {
  const path = deployment === undefined ? ['credentials', credentialId, 'value'] : ['credentials', credentialId, 'values', deployment];
  const sealed = lineOfPath(copy.read(), path)[1].replace(/^\s*[\w-]+: /, '');
  return openSealedValue(parseKeyRing(DEMO_KEY), { credentialId, deployment }, sealed).reveal();
}

const keyArgs = (copy: ExampleCopy) => ['--file', copy.file, '--key-file', DEMO_KEY_FILE];

describe('credledger keygen', () => {
  it('prints the key alone on stdout and its id on stderr; --quiet prints only the key', async () => {
    const loud = await run(['keygen']);
    expect(loud.code).toBe(0);
    expect(loud.stdout).toMatch(/^[A-Za-z0-9_-]{43}=\n$/);
    const id = keyId(parseFernetKey(loud.stdout.trim()));
    expect(loud.stderr).toContain(`key id ${id}`);
    expect(loud.stderr).not.toContain(loud.stdout.trim());
    const quiet = await run(['keygen', '--quiet']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).not.toBe(loud.stdout);
  });
});

describe('a key file pasted whole into CREDLEDGER_KEY', () => {
  it('opens the values, and redacts the key but not the words of its comments', async () => {
    const copy = copyExample();
    const keyFileText = readFileSync(DEMO_KEY_FILE, 'utf8');
    expect(keyFileText).toMatch(/#.*inventory/);
    const result = await run(['validate', '--file', copy.file, '--decrypt'], { env: { CREDLEDGER_KEY: keyFileText } });
    expect(result.code).toBe(0);
    // Before, every piece of the comments was a secret of the run: "credledger set" came out as "[redacted]set".
    expect(result.stdout).toContain('store real values under your own key with `credledger set <id> --value-stdin`');
    expect(result.stdout).toMatch(/decrypted \d+ of \d+ values/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(DEMO_KEY);
  });
});

describe('credledger set: reading the value', () => {
  it.each([
    ['one trailing line break is dropped', 'sk-demo-piped-value-0001\n', 'sk-demo-piped-value-0001'],
    ['a CRLF counts as one line break', 'sk-demo-piped-value-0002\r\n', 'sk-demo-piped-value-0002'],
    ['only one of two line breaks is dropped', 'line one\nline two\n\n', 'line one\nline two\n'],
    ['no line break, nothing dropped', 'sk-demo-piped-value-0003', 'sk-demo-piped-value-0003'],
  ])('from a pipe: %s', async (_name, input, stored) => {
    watch.secret(stored.trim());
    const copy = copyExample();
    const result = await run(['set', 'openai', '--value-stdin', ...keyArgs(copy)], { stdin: input });
    expect(result.code).toBe(0);
    expect(currentValue(copy, 'openai') === stored).toBe(true);
  });

  it('from an environment variable, exactly as it is', async () => {
    watch.secret('demo-Admin-new-value');
    const copy = copyExample();
    const result = await run(['set', 'admin-password', '-d', 'production', '--value-env', 'NEW_ADMIN', ...keyArgs(copy)], { env: { NEW_ADMIN: ' demo-Admin-new-value\n' } });
    expect(result.code).toBe(0);
    expect(currentValue(copy, 'admin-password', 'production') === ' demo-Admin-new-value\n').toBe(true);
  });

  it('from a terminal: one hidden line, raw mode on and off again, Backspace erases', async () => {
    watch.secret('sk-demo-typed-valu');
    const copy = copyExample();
    const result = await run(['set', 'openai', '--value-stdin', ...keyArgs(copy)], { terminal: true }, (memory) => {
      setImmediate(() => memory.typeIn('sk-demo-typed-valuX\u007fe\r'));
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('New value for openai (typing is hidden');
    expect(currentValue(copy, 'openai') === 'sk-demo-typed-value').toBe(true);
  });

  it('from a terminal: Ctrl-C cancels and changes nothing', async () => {
    const copy = copyExample();
    const memory = memoryIo({ terminal: true });
    const pending = runCli(['set', 'openai', '--value-stdin', ...keyArgs(copy)], memory.io);
    setImmediate(() => memory.typeIn('sk-demo-\u0003'));
    expect(await pending).toBe(64);
    expect(memory.rawModes).toEqual([true, false]);
    expect(memory.stderr()).toContain('cancelled; nothing was changed');
    expect(copy.read()).toBe(copy.original);
  });

  it('prints what changed, never the value', async () => {
    const copy = copyExample();
    const result = await run(['set', 'openai', '--value-stdin', ...keyArgs(copy)], { stdin: `${watch.secret('sk-demo-printed-never-0004')}\n` });
    expect(result.stdout).toBe(`${copy.file}: credentials.openai.value: new value, encrypted under key 175365ad, replacing a value under key 175365ad
${copy.file}: rotated 2026-09-01 -> 2026-11-26
Review with \`git diff\` and commit; the value reaches DocuElevate when the change is applied.
`);
    expect(result.stdout + result.stderr).not.toContain('sk-demo-printed-never-0004');
  });

  it('refuses the current value with exit 1, pointing at it', async () => {
    const copy = copyExample();
    const result = await run(['set', 'openai', '--value-env', 'SAME', ...keyArgs(copy)], { env: { SAME: demoPlaintext('openai') } });
    expect(result.code).toBe(1);
    const [line] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    expect(result.stderr).toContain(`${copy.file}:${line}:12: error [not-a-rotation] the new value of openai equals the current one: this is not a rotation`);
    expect(result.stderr).toContain(`${copy.file} was not changed.`);
    expect(diffLines(copy.original, copy.read())).toEqual({ removed: [], added: [] });
  });

  it('refuses an empty value with exit 1, as its help says refusals exit', async () => {
    const copy = copyExample();
    const result = await run(['set', 'openai', '--value-env', 'EMPTY', ...keyArgs(copy)], { env: { EMPTY: '' } });
    expect(result.code).toBe(1);
    const [line] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    expect(result.stderr).toContain(`${copy.file}:${line}:12: error [empty-value] the new value of openai is empty`);
    expect(result.stderr).toContain(`${copy.file} was not changed.`);
    expect(copy.read()).toBe(copy.original);
  });

  it.each([
    [['set', 'openai'], /exactly one of --value-stdin or --value-env VAR/],
    [['set', 'openai', '--value-stdin', '--value-env', 'X'], /exactly one of --value-stdin or --value-env VAR/],
    [['set', 'openai', '--value-env', 'UNSET_VARIABLE'], /the environment variable that --value-env names is not set/],
    [['set', 'openai', '--value-env', 'HUGE'], /the new value is 70000 bytes; credledger stores values up to 65536 bytes/],
    [['set', '--value-stdin'], /credledger set needs the id of the credential/],
  ])('exits 64 on a usage error: %j', async (args, message) => {
    const copy = copyExample();
    const result = await run([...args, ...keyArgs(copy)], { env: { EMPTY: '', HUGE: 'x'.repeat(70_000) } });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(64);
    expect(copy.read()).toBe(copy.original);
  });

  // Issue #12 item 4: wrong inputs were echoed, and they are often the secret itself.
  it.each([
    ['a value typed as an argument', ['set', 'openai', 'sk-typed-as-argument-SECRET-0001', '--value-stdin'], 'sk-typed-as-argument-SECRET-0001'],
    ['a value passed as the variable name', ['set', 'openai', '--value-env', 'sk-passed-as-name-SECRET-0002'], 'sk-passed-as-name-SECRET-0002'],
  ])('never echoes %s', async (_, args, secret) => {
    const copy = copyExample();
    const result = await run([...args, ...keyArgs(copy)], { stdin: 'x' });
    expect(result.code).toBe(64);
    expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    expect(`${result.stdout}${result.stderr}`).not.toContain(secret.slice(3, 15));
  });

  // Issue #12 item 8: a deployment named like an Object.prototype property once crashed set with a stack trace.
  it.each(['constructor', 'toString', 'hasOwnProperty'])('refuses --deployment %s as an unknown deployment, without a crash', async (name) => {
    const copy = copyExample();
    const result = await run(['set', 'admin-password', '-d', name, '--value-env', 'NEW_ADMIN', ...keyArgs(copy)], { env: { NEW_ADMIN: 'demo-Admin-new-value-0009' } });
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain(name);
    expect(result.code).toBe(64);
    expect(copy.read()).toBe(copy.original);
  });

  it('never echoes a key passed where the key file path belongs', async () => {
    const copy = copyExample();
    const key = DEMO_KEY.trim();
    const result = await run(['set', 'openai', '--value-stdin', '--file', copy.file, '--key-file', key], { stdin: 'x' });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('cannot read key file');
    expect(`${result.stdout}${result.stderr}`).not.toContain(key.slice(0, 12));
  });

  it('exits 64 without a key, saying how to get one', async () => {
    const copy = copyExample();
    const result = await run(['set', 'openai', '--value-stdin', '--file', copy.file], { stdin: 'x' });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('no key: set CREDLEDGER_KEY');
  });
});

describe('credledger set: session_secret', () => {
  it('says DocuElevate ignores the database value, and gives the rotation in the environment', async () => {
    const secret = watch.secret('demo-new-session-secret-0123456789abcdef');
    const copy = copyExample();
    const result = await run(['set', 'session-secret', '--deployment', 'production', '--value-stdin', ...keyArgs(copy)], { stdin: `${secret}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[2]).toBe(
      "Review with `git diff` and commit. DocuElevate never uses a session_secret held in its database: sessions and the encryption of its stored settings use SESSION_SECRET from the deployment's environment, read at start-up, so applying this value changes nothing. To rotate it, set SESSION_SECRET_PREVIOUS to the old secret and SESSION_SECRET to the new one in production's environment, restart api and worker, run `credledger apply --rehydrate production` to re-encrypt the database-held values under the new secret, then drop SESSION_SECRET_PREVIOUS.",
    );
    const other = await run(['set', 'openai', '--value-stdin', ...keyArgs(copy)], { stdin: `${watch.secret('sk-demo-not-a-session-secret-0004')}\n` });
    expect(other.stdout).toContain('the value reaches DocuElevate when the change is applied');
  });
});

describe('credledger reveal', () => {
  it('refuses without --yes when stdin is not a terminal: exit 64, nothing printed', async () => {
    const copy = copyExample();
    const result = await run(['reveal', 'openai', ...keyArgs(copy)]);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('stdin is not a terminal to confirm at: pass --yes');
  });

  it('prints exactly the value to a pipe with --yes, and a warning to stderr', async () => {
    const copy = copyExample();
    const result = await run(['reveal', 'admin-password', '--deployment', 'production', '--yes', ...keyArgs(copy)]);
    expect(result.code).toBe(0);
    expect(result.stdout === demoPlaintext('admin-password', 'production')).toBe(true);
    expect(result.stderr).toMatch(/^credledger reveal: printing the plaintext of admin-password in deployment production \(key 175365ad, encrypted \d{4}-\d{2}-\d{2}\)\. Break-glass/);
  });

  it('opens a sealed value with CREDLEDGER_SEALING_KEY, and refuses another recipient’s key by name', async () => {
    const copy = copyExample();
    const ci = generateSealingKeyPair('ci');
    writeFileSync(copy.file, copy.original.replace('version: 1\n', `version: 1\nencryption:\n  recipients:\n    - id: ci\n      public_key: ${ci.recipient.publicKey}\n`));
    expect((await run(['rekey', '--to-sealed', ...keyArgs(copy)])).code).toBe(0);
    expect(lineOfPath(copy.read(), ['credentials', 'admin-password', 'values', 'staging'])[1]).toContain('staging: sealed:ci:');
    const sealing = { CREDLEDGER_SEALING_KEY: ci.privateKey.encode() };
    const result = await run(['reveal', 'admin-password', '--deployment', 'staging', '--yes', '--file', copy.file], { env: sealing });
    expect(result.code).toBe(0);
    expect(result.stdout === demoPlaintext('admin-password', 'staging')).toBe(true);
    expect(result.stderr).toContain('credledger reveal: printing the plaintext of admin-password in deployment staging');
    const other = await run(['reveal', 'openai', '--yes', '--file', copy.file], { env: { CREDLEDGER_SEALING_KEY: generateSealingKeyPair('ci-2027').privateKey.encode() } });
    expect(other.code).toBe(1);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain('it is sealed for recipient ci, whose private key CREDLEDGER_SEALING_KEY does not hold (it holds ci-2027)');
  });

  it('adds a line break on a terminal', async () => {
    const copy = copyExample();
    const result = await run(['reveal', 'openai', '-y', ...keyArgs(copy)], { stdoutIsTTY: true });
    expect(result.stdout === `${demoPlaintext('openai')}\n`).toBe(true);
  });

  it('on a terminal, prints only after the credential id is typed', async () => {
    const copy = copyExample();
    const confirmed = await run(['reveal', 'openai', ...keyArgs(copy)], { terminal: true }, (memory) => setImmediate(() => memory.typeIn('openai\n')));
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr).toContain('Type `openai` to go on: ');
    expect(confirmed.stdout === demoPlaintext('openai')).toBe(true);
    const declined = await run(['reveal', 'openai', ...keyArgs(copy)], { terminal: true }, (memory) => setImmediate(() => memory.typeIn('yes\n')));
    expect(declined.code).toBe(1);
    expect(declined.stdout).toBe('');
    expect(declined.stderr).toContain('Not confirmed; nothing was printed.');
  });
});

describe('credledger validate --decrypt', () => {
  it('reads the keys only with --decrypt', async () => {
    const copy = copyExample();
    const result = await run(['validate', ...keyArgs(copy), '--now', '2026-11-26']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--key-file is only read with --decrypt');
  });

  it('needs a key', async () => {
    const result = await run(['validate', '--decrypt', '--file', copyExample().file, '--now', '2026-11-26']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('no key');
  });

  it('adds what it decrypted to the text and JSON reports', async () => {
    const copy = copyExample();
    const text = await run(['validate', '--decrypt', ...keyArgs(copy), '--now', '2026-11-26']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/warning \[demo-key-value\] 24 values are sealed under the public demo key/);
    expect(text.stdout.endsWith(`${copy.file}: valid (0 errors, 1 warning)\ndecrypted 24 of 24 values (24 under key 175365ad)\n`)).toBe(true);
    const json = await run(['validate', '--decrypt', '--format', 'json', '--file', copy.file, '--now', '2026-11-26'], { env: { CREDLEDGER_KEY: DEMO_KEY } });
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, decrypt: { values: 24, openedByKeyId: { '175365ad': 24 } } });
  });
});

describe('credledger validate: people who can only seal', () => {
  it('notes that seal-only people never read values, in every format', async () => {
    const copy = copyExample();
    const marked = copy.original
      .replace('carol: { github: carol,', 'carol: { seal_only: true, github: carol,')
      .replace('dave:  { github: dave,', 'dave:  { seal_only: true, github: dave,');
    writeFileSync(copy.file, marked);
    const note = 'note: `carol`, `dave` can each only seal (seal_only): they never read values, so leaving makes due only the credentials whose access lists them';
    const text = await run(['validate', '--file', copy.file, '--now', '2026-11-26']);
    expect(text.code).toBe(0);
    // The example's one warning is that its values are under the public demo key.
    expect(text.stdout.endsWith(`${copy.file}: valid (0 errors, 1 warning)\n${note}\n`)).toBe(true);
    const github = await run(['validate', '--format', 'github', '--file', copy.file, '--now', '2026-11-26']);
    expect(github.stdout.split('\n')).toContain(note);
    const json = await run(['validate', '--format', 'json', '--file', copy.file, '--now', '2026-11-26']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, sealOnly: ['carol', 'dave'] });
    writeFileSync(copy.file, copy.original.replace('carol: { github: carol,', 'carol: { seal_only: true, github: carol,'));
    const one = await run(['validate', '--file', copy.file, '--now', '2026-11-26']);
    expect(one.stdout).toContain('note: `carol` can only seal (seal_only)');
  });
});
