// The break-glass scripts of docs/emergency-decrypt.md, run as written with Python's `cryptography`, open what credledger wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFernetKey, parseFernetKey } from '../../src/crypto/fernet.js';
import { keyId, parseKeyRing } from '../../src/crypto/key-ring.js';
import { sealValue, sealValueForRecipient, type Place } from '../../src/crypto/sealed-value.js';
import { generateSealingKeyPair } from '../../src/crypto/sealing-key.js';
import { REPO_ROOT } from '../support/paths.js';

// Python 3 with `cryptography` (pip install cryptography); PYTHON names another interpreter.
const PYTHON = process.env.PYTHON ?? 'python3';
const DOC = readFileSync(path.join(REPO_ROOT, 'docs/emergency-decrypt.md'), 'utf8');
const NOW = 1_780_000_000;
const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VuBCIEIEhsbG8gd29ybGQ=\n-----END PRIVATE KEY-----\n';
const PLACES: readonly [Place, string][] = [
  [{ credentialId: 'openai' }, 'sk-proj-hand-decrypt-0001'],
  [{ credentialId: 'openai', deployment: 'production' }, 'ünïcødé 🔑 value\twith a tab'],
  [{ credentialId: 'sftp-private-key' }, PEM],
];

/** The fenced python block of the doc that reads this environment variable. */
function scriptReading(variable: string): string {
  const blocks = [...DOC.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1] as string);
  const block = blocks.find((text) => text.includes(`os.environ["${variable}"]`));
  if (block === undefined) throw new Error(`docs/emergency-decrypt.md has no python script reading ${variable}`);
  return block;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'credledger-emergency-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runScript(name: string, script: string, env: Record<string, string>, sealed: string, place: Place): { code: number | null; stdout: string; stderr: string } {
  const file = path.join(scratch, name);
  writeFileSync(file, script);
  const args = [file, sealed, place.credentialId, ...(place.deployment === undefined ? [] : [place.deployment])];
  const run = spawnSync(PYTHON, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8' });
  if (run.error !== undefined) throw new Error(`cannot run ${PYTHON} (Python 3 with \`pip install cryptography\`; set PYTHON to another interpreter): ${run.error.message}`);
  if (/No module named .?cryptography/.test(run.stderr)) throw new Error(`${PYTHON} lacks the cryptography package: pip install cryptography`);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('docs/emergency-decrypt.md, run with Python cryptography', () => {
  it('the fernet: script opens values of a two-key ring in their places, picking the key by its id', () => {
    const script = scriptReading('CREDLEDGER_KEY');
    const [current, previous] = [generateFernetKey(), generateFernetKey()];
    const oldRing = parseKeyRing(previous);
    for (const [place, plaintext] of PLACES) {
      const sealed = sealValue(oldRing, place, plaintext, NOW);
      expect(sealed.startsWith(`fernet:${keyId(parseFernetKey(previous))}:`)).toBe(true);
      const run = runScript('emergency_decrypt.py', script, { CREDLEDGER_KEY: `${current},${previous}` }, sealed, place);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(plaintext);
    }
  });

  it('the sealed: script opens values sealed with the public key alone, with only the private key', () => {
    const script = scriptReading('CREDLEDGER_SEALING_KEY');
    const ci = generateSealingKeyPair('ci');
    const next = generateSealingKeyPair('ci-2027');
    const env = { CREDLEDGER_SEALING_KEY: `${next.privateKey.encode()}, ${ci.privateKey.encode()}` };
    for (const [place, plaintext] of PLACES) {
      for (const recipient of [ci.recipient, next.recipient]) {
        const sealed = sealValueForRecipient(recipient, place, plaintext, NOW);
        const run = runScript('emergency_unseal.py', script, env, sealed, place);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(plaintext);
      }
    }
  });

  it('the sealed: script refuses a value moved to another place, and a private key that is not the recipient’s', () => {
    const script = scriptReading('CREDLEDGER_SEALING_KEY');
    const ci = generateSealingKeyPair('ci');
    const impostor = generateSealingKeyPair('ci'); // the same recipient id, other key bytes
    const plaintext = 'sk-proj-must-not-open-elsewhere-0002';
    const sealed = sealValueForRecipient(ci.recipient, { credentialId: 'openai', deployment: 'production' }, plaintext, NOW);
    const attempts: [Record<string, string>, Place][] = [
      [{ CREDLEDGER_SEALING_KEY: ci.privateKey.encode() }, { credentialId: 'azure-ai', deployment: 'production' }],
      [{ CREDLEDGER_SEALING_KEY: ci.privateKey.encode() }, { credentialId: 'openai', deployment: 'staging' }],
      [{ CREDLEDGER_SEALING_KEY: ci.privateKey.encode() }, { credentialId: 'openai' }],
      [{ CREDLEDGER_SEALING_KEY: impostor.privateKey.encode() }, { credentialId: 'openai', deployment: 'production' }],
    ];
    for (const [env, place] of attempts) {
      const run = runScript('emergency_unseal.py', script, env, sealed, place);
      expect(run.code).not.toBe(0);
      // Said in words, with which way to try, rather than as a Python traceback.
      expect(run.stderr).toContain(`this value does not open as ${place.credentialId}${place.deployment === undefined ? '' : `/${place.deployment}`} for recipient ci`);
      expect(run.stderr).not.toContain('Traceback');
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toContain(plaintext);
    }
    const missing = runScript('emergency_unseal.py', script, { CREDLEDGER_SEALING_KEY: generateSealingKeyPair('other').privateKey.encode() }, sealed, { credentialId: 'openai', deployment: 'production' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('CREDLEDGER_SEALING_KEY holds no key for recipient ci\n');
  });
});
