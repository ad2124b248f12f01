import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/ports/errors.js';
import { setCredentialValue, type SetValueRequest, type SetValueResult } from '../../src/app/set-value.js';
import { generateFernetKey, parseFernetKey, readFernetTimestamp } from '../../src/crypto/fernet.js';
import { keyId, parseKeyRing } from '../../src/crypto/key-ring.js';
import { openSealedValue, parseSealedValue } from '../../src/crypto/sealed-value.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { DEMO_KEY, DEMO_KEY_ID, demoPlaintext, OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample, type ExampleCopy } from '../support/example-copy.js';
import { diffLines } from '../support/line-diff.js';
import { lineOfPath, positionOf, replaceLineOf } from '../support/value-lines.js';

const demoRing = parseKeyRing(DEMO_KEY, 'the demo key');
const NOW = new Date('2026-11-26T12:00:00Z');
const NEW_OPENAI = 'sk-demo-rotated-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const watch = new OutputWatch();

afterEach(() => watch.expectNoPlaintext());

/** A made-up value, registered with the watch. */
function secretValue(plaintext: string): SecretValue {
  return new SecretValue(watch.secret(plaintext));
}

function request(copy: ExampleCopy, overrides: Partial<SetValueRequest>): SetValueRequest {
  return { file: copy.file, credentialId: 'openai', value: secretValue(NEW_OPENAI), today: '2026-11-26', now: NOW, ring: demoRing, ...overrides };
}

/** The result, recorded (as JSON, the way a careless caller might print it) so the watch sees it. */
async function set(copy: ExampleCopy, overrides: Partial<SetValueRequest>): Promise<SetValueResult> {
  const result = await setCredentialValue(request(copy, overrides));
  watch.record('result', JSON.stringify(result.kind === 'refused' ? result.diagnostics : result));
  watch.record('file', copy.read());
  return result;
}

function openAt(text: string, path: (string | number)[], place: { credentialId: string; deployment?: string }, ring = demoRing): string {
  const [, line] = lineOfPath(text, path);
  const sealed = line.replace(/^\s*[\w-]+: /, '');
  return openSealedValue(ring, place, sealed).reveal();
}

describe('set: a rotation', () => {
  it("rotates openai: exactly its value line and its rotated line change", async () => {
    const copy = copyExample();
    const result = await set(copy, {});
    expect(result).toEqual({
      kind: 'set',
      file: copy.file,
      place: { credentialId: 'openai' },
      path: 'credentials.openai.value',
      keyId: DEMO_KEY_ID,
      replaced: { kind: 'sealed', keyId: DEMO_KEY_ID },
      compared: true,
      rotated: { previous: '2026-09-01', current: '2026-11-26' },
    });
    const after = copy.read();
    const [valueLine, oldValue] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    const [rotatedLine] = lineOfPath(copy.original, ['credentials', 'openai', 'rotated']);
    const diff = diffLines(copy.original, after);
    expect(diff.removed).toEqual([
      [rotatedLine, '    rotated: 2026-09-01'],
      [valueLine, oldValue],
    ]);
    expect(diff.added.map(([line]) => line)).toEqual([rotatedLine, valueLine]);
    expect(diff.added[0]?.[1]).toBe('    rotated: 2026-11-26');
    expect(diff.added[1]?.[1]).toMatch(new RegExp(`^    value: fernet:${DEMO_KEY_ID}:[A-Za-z0-9_-]+=*$`));
    expect(openAt(after, ['credentials', 'openai', 'value'], { credentialId: 'openai' })).toBe(NEW_OPENAI);
    const token = parseSealedValue(diff.added[1]![1].replace('    value: ', ''))!.token;
    expect(readFernetTimestamp(token)).toBe(NOW.getTime() / 1000);
  });

  it('records a given rotation date, and changes only the value line when the date is the same', async () => {
    const copy = copyExample();
    const result = await set(copy, { credentialId: 'admin-password', deployment: 'staging', value: secretValue('demo-Admin-staging-rotated-Qx7#pL2!'), rotated: '2026-09-30' });
    expect(result).toMatchObject({ kind: 'set', place: { credentialId: 'admin-password', deployment: 'staging' }, path: 'credentials.admin-password.values.staging', rotated: { previous: '2026-09-30', current: '2026-09-30' } });
    const diff = diffLines(copy.original, copy.read());
    const [line, old] = lineOfPath(copy.original, ['credentials', 'admin-password', 'values', 'staging']);
    expect(diff.removed).toEqual([[line, old]]);
    expect(diff.added.map(([at, text]) => [at, text.replace(/:[A-Za-z0-9_-]+=*$/, ':…')])).toEqual([[line, `      staging: fernet:${DEMO_KEY_ID}:…`]]);
    // The other deployment's value is untouched and still opens.
    expect(openAt(copy.read(), ['credentials', 'admin-password', 'values', 'production'], { credentialId: 'admin-password', deployment: 'production' })).toBe(demoPlaintext('admin-password', 'production'));
  });

  it('adds `rotated` after `created` when the credential has none', async () => {
    const copy = copyExample();
    const original = replaceLineOf(copy.original, ['credentials', 'session-secret', 'rotated']);
    writeFileSync(copy.file, original);
    await set(copy, { credentialId: 'session-secret', deployment: 'production', value: secretValue('f'.repeat(64)) });
    const diff = diffLines(original, copy.read());
    const [createdLine] = lineOfPath(original, ['credentials', 'session-secret', 'created']);
    const [valueLine, oldValue] = lineOfPath(original, ['credentials', 'session-secret', 'values', 'production']);
    expect(diff.removed).toEqual([[valueLine, oldValue]]);
    expect(diff.added.map(([line, text]) => [line, text.slice(0, 40)])).toEqual([
      [createdLine + 1, '    rotated: 2026-11-26'],
      [valueLine + 1, `      production: fernet:${DEMO_KEY_ID}:gAAAAA`],
    ]);
  });

  it('starts `values:` for a credential without a value, at the end of its fields', async () => {
    const copy = copyExample();
    const original = replaceLineOf(copy.original, ['credentials', 'openai', 'value']);
    writeFileSync(copy.file, original);
    const result = await set(copy, { deployment: 'production', rotated: '2026-09-01' });
    expect(result).toMatchObject({ kind: 'set', replaced: { kind: 'none' }, path: 'credentials.openai.values.production' });
    const [rotatedLine] = lineOfPath(original, ['credentials', 'openai', 'rotated']);
    const diff = diffLines(original, copy.read());
    expect(diff.removed).toEqual([]);
    expect(diff.added.map(([line, text]) => [line, text.slice(0, 40)])).toEqual([
      [rotatedLine + 1, '    values:'],
      [rotatedLine + 2, `      production: fernet:${DEMO_KEY_ID}:gAAAAA`],
    ]);
    expect(openAt(copy.read(), ['credentials', 'openai', 'values', 'production'], { credentialId: 'openai', deployment: 'production' })).toBe(NEW_OPENAI);
  });

  it('encrypts under the first key of the ring and says which key the old value was under', async () => {
    const copy = copyExample();
    const newKey = generateFernetKey();
    const ring = parseKeyRing(`${newKey},${DEMO_KEY}`, 'two keys');
    const result = await set(copy, { ring });
    expect(result).toMatchObject({ kind: 'set', keyId: keyId(parseFernetKey(newKey)), replaced: { kind: 'sealed', keyId: DEMO_KEY_ID } });
    expect(openAt(copy.read(), ['credentials', 'openai', 'value'], { credentialId: 'openai' }, parseKeyRing(newKey))).toBe(NEW_OPENAI);
  });

  it('replaces a plaintext in the file, which is the fix validate asks for', async () => {
    const copy = copyExample();
    const original = replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], '    value: 0123456789abcdef0123456789abcdef');
    writeFileSync(copy.file, original);
    expect(await set(copy, { credentialId: 'azure-ai', value: new SecretValue('0123456789abcdef0123456789abcdef') })).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'not-a-rotation' }] });
    expect(await set(copy, { credentialId: 'azure-ai', value: secretValue('fedcba9876543210fedcba9876543210') })).toMatchObject({ kind: 'set', replaced: { kind: 'plaintext' } });
    expect(copy.read()).not.toContain('0123456789abcdef0123456789abcdef');
  });
});

describe('set: refusals leave the file as it was', () => {
  it('refuses the current value: that is not a rotation', async () => {
    const copy = copyExample();
    const result = await set(copy, { value: new SecretValue(demoPlaintext('openai')) });
    expect(result.kind).toBe('refused');
    if (result.kind !== 'refused') return;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'not-a-rotation',
        severity: 'error',
        path: 'credentials.openai.value',
        ...positionOf(copy.original, ['credentials', 'openai', 'value']),
        message: 'the new value of openai equals the current one: this is not a rotation (get a new one from platform.openai.com)',
      }),
    ]);
    expect(copy.read()).toBe(copy.original);
  });

  it("names the credential a swapped value belongs to (openai's value copied into azure-ai)", async () => {
    const copy = copyExample();
    const [, openaiLine] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    const swapped = replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], openaiLine);
    writeFileSync(copy.file, swapped);
    const result = await set(copy, { credentialId: 'azure-ai', value: secretValue('00112233445566778899aabbccddeeff') });
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'value-wrong-place', path: 'credentials.azure-ai.value' }] });
    if (result.kind !== 'refused') return;
    expect(result.diagnostics[0]?.message).toMatch(/^this value belongs to openai, not azure-ai; the current value was copied from there: delete that line and run `credledger set azure-ai` again$/);
    expect(copy.read()).toBe(swapped);
  });

  it('refuses when the current value is under a key the ring does not hold', async () => {
    const copy = copyExample();
    const result = await set(copy, { ring: parseKeyRing(generateFernetKey(), 'CREDLEDGER_KEY') });
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'value-unknown-key' }] });
    if (result.kind !== 'refused') return;
    expect(result.diagnostics[0]?.message).toContain(`under key ${DEMO_KEY_ID}, which CREDLEDGER_KEY does not hold`);
    expect(result.diagnostics[0]?.message).toContain('add that key to the ring');
    expect(copy.read()).toBe(copy.original);
  });

  it('refuses an empty value like an unchanged one, writing nothing', async () => {
    const copy = copyExample();
    const result = await set(copy, { value: new SecretValue('') });
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'empty-value', path: 'credentials.openai.value' }] });
    if (result.kind === 'refused') expect(result.diagnostics[0]?.message).toBe('the new value of openai is empty: credledger stores values, not their absence');
    expect(copy.read()).toBe(copy.original);
  });

  it('reports YAML errors instead of editing', async () => {
    const copy = copyExample();
    writeFileSync(copy.file, `${copy.original}\n  broken: [\n`);
    const result = await set(copy, {});
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'yaml-syntax' }] });
  });

  it.each([
    ['an unknown credential', { credentialId: 'openia' }, /no credential `openia` in the inventory \(it has: openai, azure-ai,.*\); did you mean `openai`\?$/],
    ['an unknown deployment', { credentialId: 'admin-password', deployment: 'prod' }, /no deployment `prod` in the inventory \(it has: production, staging\)/],
    ['a deployment the credential is not pushed to', { credentialId: 'ftp', deployment: 'staging' }, /`ftp` is not pushed to `staging` \(its deployments: production\)/],
    ['a deployment for a credential with one shared value', { deployment: 'staging' }, /`openai` has one `value` for every deployment: leave out --deployment/],
    ['no deployment for per-deployment values', { credentialId: 'admin-password' }, /`admin-password` has a value per deployment: pass --deployment \(one of production, staging\)/],
    ['a rotation date after today', { rotated: '2026-11-27' }, /--rotated 2026-11-27 is after today \(2026-11-26\)/],
    ['a rotation date before the credential was created', { rotated: '2025-01-01' }, /--rotated 2025-01-01 is before `openai` was created \(2025-06-02\)/],
    ['a rotation date that is no date', { rotated: '2026-02-30' }, /--rotated must be a real date written YYYY-MM-DD/],
    ['a rotation date before the last rotation', { rotated: '2026-08-01' }, /--rotated 2026-08-01 is before `openai`'s last rotation \(2026-09-01\): a rotation moves the date forward/],
  ] as const)('is a usage error: %s', async (_name, overrides, message) => {
    const copy = copyExample();
    const attempt = setCredentialValue(request(copy, overrides));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(message);
    expect(copy.read()).toBe(copy.original);
  });
});

describe('set: ids that cannot be keyed', () => {
  it('refuses a credential id with a slash (the schema rejects it too) instead of failing', async () => {
    const copy = copyExample();
    // Without a current value, so it is the sealing that refuses.
    writeFileSync(copy.file, replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value']).replace('\n  azure-ai:\n', '\n  azure/ai:\n'));
    const result = await set(copy, { credentialId: 'azure/ai', value: secretValue('0f1e2d3c4b5a69788796a5b4c3d2e1f0') });
    expect(result).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'value-bad-place' }] });
  });
});
