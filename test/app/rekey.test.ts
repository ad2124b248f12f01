import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { rekeyInventory, type RekeyResult } from '../../src/app/rekey.js';
import { setCredentialValue } from '../../src/app/set-value.js';
import { readInventory } from '../../src/core/inventory-reader.js';
import { listSealedValues } from '../../src/core/inventory.js';
import { generateFernetKey, parseFernetKey, readFernetTimestamp } from '../../src/crypto/fernet.js';
import { keyId, parseKeyRing } from '../../src/crypto/key-ring.js';
import { openSealedValue, parseSealedValue } from '../../src/crypto/sealed-value.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { generateSealingKeyPair } from '../../src/crypto/sealing-key.js';
import { DEMO_KEY, DEMO_KEY_ID, DEMO_PLAINTEXTS, OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample, type ExampleCopy } from '../support/example-copy.js';
import { diffLines } from '../support/line-diff.js';
import { lineOfPath, replaceLineOf } from '../support/value-lines.js';

const newKey = generateFernetKey();
const newId = keyId(parseFernetKey(newKey));
const twoKeys = parseKeyRing(`${newKey},${DEMO_KEY}`, 'CREDLEDGER_KEY');
const watch = new OutputWatch();

afterEach(() => watch.expectNoPlaintext());

async function rekey(copy: ExampleCopy, ring = twoKeys): Promise<RekeyResult> {
  const result = await rekeyInventory({ file: copy.file, ring, today: '2026-11-26' });
  watch.record('result', JSON.stringify(result.kind === 'refused' ? result.diagnostics : result));
  watch.record('file', copy.read());
  return result;
}

function sealedValues(text: string) {
  const inventory = readInventory(text, 'x').inventory;
  if (!inventory) throw new Error('unreadable inventory');
  return listSealedValues(inventory);
}

describe('rekey', () => {
  it('moves every value to the first key: exactly the value lines change, each to a value that opens to the same plaintext with the same timestamp', async () => {
    const copy = copyExample();
    const result = await rekey(copy);
    expect(result).toEqual({ kind: 'rekeyed', file: copy.file, keyId: newId, values: 26, changed: 26, fromKeyIds: { [DEMO_KEY_ID]: 26 } });
    const after = copy.read();
    const before = sealedValues(copy.original);
    const diff = diffLines(copy.original, after);
    const valueLines = before.map((entry) => lineOfPath(copy.original, entry.path));
    expect(diff.removed).toEqual(valueLines);
    expect(diff.added.map(([line]) => line)).toEqual(valueLines.map(([line]) => line));
    const newOnly = parseKeyRing(newKey);
    for (const [index, entry] of sealedValues(after).entries()) {
      const old = before[index]!;
      expect(entry.place).toEqual(old.place);
      expect(entry.sealed.startsWith(`fernet:${newId}:`)).toBe(true);
      const plaintext = DEMO_PLAINTEXTS.find((demo) => demo.credentialId === entry.place.credentialId && demo.deployment === entry.place.deployment)?.plaintext;
      expect(openSealedValue(newOnly, entry.place, entry.sealed).reveal() === plaintext).toBe(true);
      expect(readFernetTimestamp(parseSealedValue(entry.sealed)!.token)).toBe(readFernetTimestamp(parseSealedValue(old.sealed)!.token));
    }
  });

  it('leaves the file alone when every value already is under the first key', async () => {
    const copy = copyExample();
    expect(await rekey(copy, parseKeyRing(DEMO_KEY))).toEqual({ kind: 'rekeyed', file: copy.file, keyId: DEMO_KEY_ID, values: 26, changed: 0, fromKeyIds: { [DEMO_KEY_ID]: 26 } });
    expect(copy.read()).toBe(copy.original);
  });

  it('counts values per old key when the inventory is half moved', async () => {
    const copy = copyExample();
    await setCredentialValue({ file: copy.file, credentialId: 'openai', value: new SecretValue('sk-demo-rotated-0000111122223333'), today: '2026-11-26', now: new Date('2026-11-26T00:00:00Z'), ring: twoKeys });
    const afterSet = copy.read();
    expect(await rekey(copy)).toMatchObject({ kind: 'rekeyed', values: 26, changed: 25, fromKeyIds: { [DEMO_KEY_ID]: 25, [newId]: 1 } });
    expect(diffLines(afterSet, copy.read()).removed).not.toContainEqual(lineOfPath(afterSet, ['credentials', 'openai', 'value']));
  });

  it('changes nothing when a key is missing from the ring, and reports every value it cannot open', async () => {
    const copy = copyExample();
    const result = await rekey(copy, parseKeyRing(newKey, 'CREDLEDGER_KEY'));
    expect(result.kind).toBe('refused');
    if (result.kind !== 'refused') return;
    expect(result.diagnostics).toHaveLength(26);
    expect(new Set(result.diagnostics.map((diagnostic) => diagnostic.code))).toEqual(new Set(['value-unknown-key']));
    expect(result.diagnostics[0]?.message).toBe(
      `the value of openai: it is encrypted under key ${DEMO_KEY_ID}, which CREDLEDGER_KEY does not hold (it holds ${newId}); rekey changes nothing until every value opens`,
    );
    expect(copy.read()).toBe(copy.original);
  });

  it('refuses a swapped value by name and changes nothing', async () => {
    const copy = copyExample();
    const [, openaiLine] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    const swapped = replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], openaiLine);
    writeFileSync(copy.file, swapped);
    const result = await rekey(copy);
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'value-wrong-place', path: 'credentials.azure-ai.value', line: lineOfPath(swapped, ['credentials', 'azure-ai', 'value'])[0], column: 12 }] });
    if (result.kind === 'refused') expect(result.diagnostics[0]?.message).toMatch(/^this value belongs to openai, not azure-ai;/);
    expect(copy.read()).toBe(swapped);
  });

  it('refuses a plaintext value', async () => {
    const copy = copyExample();
    writeFileSync(copy.file, replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], '    value: not-encrypted-at-all'));
    expect(await rekey(copy)).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'plaintext-value', path: 'credentials.azure-ai.value' }] });
  });
});

describe('rekey --to-sealed', () => {
  const withRecipient = (text: string, publicKey: string) => text.replace('version: 1\n', `version: 1\nencryption:\n  recipients:\n    - id: ci\n      public_key: ${publicKey}\n`);
  const toSealed = (copy: ExampleCopy, ring: ReturnType<typeof parseKeyRing>) => rekeyInventory({ file: copy.file, ring, today: '2026-11-26', toSealed: {} });

  it('seals every value for the first recipient, opening each with the master key alone', async () => {
    const ci = generateSealingKeyPair('ci');
    const copy = copyExample();
    writeFileSync(copy.file, withRecipient(copy.original, ci.recipient.publicKey));
    expect(await toSealed(copy, parseKeyRing(DEMO_KEY))).toEqual({ kind: 'rekeyed', file: copy.file, keyId: 'sealed:ci', values: 26, changed: 26, fromKeyIds: { [DEMO_KEY_ID]: 26 } });
    const ciRing = parseKeyRing(ci.privateKey.encode(), 'CREDLEDGER_SEALING_KEY');
    for (const entry of sealedValues(copy.read())) {
      expect(entry.sealed.startsWith('sealed:ci:')).toBe(true);
      const plaintext = DEMO_PLAINTEXTS.find((demo) => demo.credentialId === entry.place.credentialId && demo.deployment === entry.place.deployment)?.plaintext;
      expect(openSealedValue(ciRing, entry.place, entry.sealed).reveal() === plaintext).toBe(true);
    }
  });

  it('refuses a key pair replaced under the same recipient id, which would leave every value under the old pair', async () => {
    const old = generateSealingKeyPair('ci');
    const replacement = generateSealingKeyPair('ci');
    const copy = copyExample();
    writeFileSync(copy.file, withRecipient(copy.original, old.recipient.publicKey));
    expect(await toSealed(copy, parseKeyRing(DEMO_KEY))).toMatchObject({ kind: 'rekeyed', changed: 26 });
    const replaced = copy.read().replace(old.recipient.publicKey, replacement.recipient.publicKey);
    writeFileSync(copy.file, replaced);
    const result = await toSealed(copy, parseKeyRing(old.privateKey.encode(), 'CREDLEDGER_SEALING_KEY'));
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'sealing-key-mismatch', path: 'encryption.recipients[0].public_key', line: 11 }] });
    if (result.kind === 'refused') expect(result.diagnostics[0]?.message).toContain('A new key pair needs a new recipient id');
    expect(copy.read()).toBe(replaced);
  });
});
