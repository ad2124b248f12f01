import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { validateInventory, type ValidateResult } from '../../src/app/validate.js';
import { generateFernetKey, parseFernetKey } from '../../src/crypto/fernet.js';
import { keyId, parseKeyRing } from '../../src/crypto/key-ring.js';
import { DEMO_KEY, DEMO_KEY_ID, OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample } from '../support/example-copy.js';
import { lineOfPath, positionOf, replaceLineOf } from '../support/value-lines.js';

const ring = parseKeyRing(DEMO_KEY, 'CREDLEDGER_KEY');
const watch = new OutputWatch();

afterEach(() => watch.expectNoPlaintext());

async function validate(file: string, withRing = ring): Promise<ValidateResult> {
  const result = await validateInventory({ file, today: '2026-11-26', ring: withRing });
  watch.record('result', JSON.stringify({ diagnostics: result.check.diagnostics, decrypt: result.decrypt }));
  // The example is sealed under the public demo key: one warning says so (tested on its own below); these tests are about decrypting.
  return { ...result, check: { ...result.check, diagnostics: result.check.diagnostics.filter((diagnostic) => diagnostic.code !== 'demo-key-value') } };
}

describe('validate --decrypt', () => {
  it('opens every value of the example in its place', async () => {
    const result = await validate(copyExample().file);
    expect(result.check.diagnostics).toEqual([]);
    expect(result).toMatchObject({ valid: true, decrypt: { values: 26, openedByKeyId: { [DEMO_KEY_ID]: 26 } } });
  });

  it('warns once, at the first value, that the example is sealed under the public demo key', async () => {
    const copy = copyExample();
    const result = await validateInventory({ file: copy.file, today: '2026-11-26' });
    expect(result.valid).toBe(true);
    expect(result.check.diagnostics.map(({ code, severity, path }) => ({ code, severity, path }))).toEqual([{ code: 'demo-key-value', severity: 'warning', path: 'credentials.openai.value' }]);
    expect(result.check.diagnostics[0]?.message).toMatch(/^26 values are sealed under the public demo key 175365ad \(examples\/demo\.key\), which anyone can read: openai, azure-ai, .* and 20 more; they are examples, not secrets/);
  });

  it('names the values:-blocks left under the demo key when the example is started from without its value: lines', async () => {
    const copy = copyExample();
    writeFileSync(copy.file, copy.original.split('\n').filter((line) => !/^ {4}value: fernet:/.test(line)).join('\n'));
    const result = await validateInventory({ file: copy.file, today: '2026-11-26' });
    const warnings = result.check.diagnostics.filter((diagnostic) => diagnostic.code === 'demo-key-value');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/^4 values are sealed under the public demo key 175365ad \(examples\/demo\.key\), which anyone can read: admin-password\/production, admin-password\/staging, \S+\/production, \S+\/staging;/);
    expect(warnings[0]?.path).toBe('credentials.admin-password.values.production');
  });

  it('without a ring, checks the format only (as before)', async () => {
    const result = await validateInventory({ file: copyExample().file, today: '2026-11-26' });
    expect(result.valid).toBe(true);
    expect(result.decrypt).toBeUndefined();
  });

  it('reports each value that does not open, with its code, at its line and column', async () => {
    const copy = copyExample();
    const [, openaiLine] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    const [, paperlessLine] = lineOfPath(copy.original, ['credentials', 'paperless', 'value']);
    const stranger = parseKeyRing(generateFernetKey());
    const strangerId = keyId(stranger.keys[0].key);
    let text = replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], openaiLine);
    text = replaceLineOf(text, ['credentials', 'webdav', 'value'], paperlessLine.replace(/.{6}$/, (tail) => (tail.startsWith('A') ? 'B' : 'A') + tail.slice(1)));
    text = replaceLineOf(text, ['credentials', 'smtp', 'value'], paperlessLine.replace(DEMO_KEY_ID, strangerId));
    writeFileSync(copy.file, text);
    const result = await validate(copy.file);
    expect(result.valid).toBe(false);
    const at = (credential: string) => positionOf(text, ['credentials', credential, 'value']);
    expect(result.check.diagnostics.map(({ code, path, line, column, message }) => ({ code, path, line, column, message }))).toEqual([
      { code: 'value-wrong-place', path: 'credentials.azure-ai.value', ...at('azure-ai'), message: 'this value belongs to openai, not azure-ai' },
      { code: 'value-not-authentic', path: 'credentials.webdav.value', ...at('webdav'), message: `the value of webdav does not verify under key ${DEMO_KEY_ID}: it was altered, or sealed for another place` },
      { code: 'value-unknown-key', path: 'credentials.smtp.value', ...at('smtp'), message: `the value of smtp: it is encrypted under key ${strangerId}, which CREDLEDGER_KEY does not hold (it holds ${DEMO_KEY_ID})` },
    ]);
    expect(at('azure-ai').column).toBe(12);
    expect(result.decrypt).toEqual({ values: 26, openedByKeyId: { [DEMO_KEY_ID]: 23 } });
    // Without --decrypt the file still passes: only the format is checked.
    expect((await validateInventory({ file: copy.file, today: '2026-11-26' })).valid).toBe(true);
  });

  it('leaves plaintexts to the format rule, reported once', async () => {
    const copy = copyExample();
    writeFileSync(copy.file, replaceLineOf(copy.original, ['credentials', 'openai', 'value'], '    value: sk-live-000000000000000000000000'));
    const result = await validate(copy.file);
    expect(result.check.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['plaintext-value']);
    expect(result.decrypt).toEqual({ values: 25, openedByKeyId: { [DEMO_KEY_ID]: 25 } });
  });

  it('checks a key ring with an unrelated key id against the example: every value has an unknown key', async () => {
    const other = generateFernetKey();
    const result = await validate(copyExample().file, parseKeyRing(other, '--key-file other.key'));
    expect(result.check.diagnostics).toHaveLength(26);
    expect(result.check.diagnostics[0]?.message).toContain(`which --key-file other.key does not hold (it holds ${keyId(parseFernetKey(other))})`);
  });
});
