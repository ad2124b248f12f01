import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/ports/errors.js';
import { revealValue, type RevealRequest, type RevealResult } from '../../src/app/reveal.js';
import { parseKeyRing } from '../../src/crypto/key-ring.js';
import { DEMO_KEY, DEMO_KEY_ID, demoPlaintext, OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample, type ExampleCopy } from '../support/example-copy.js';
import { lineOfPath, replaceLineOf } from '../support/value-lines.js';

const ring = parseKeyRing(DEMO_KEY, 'the demo key');
const watch = new OutputWatch();

afterEach(() => watch.expectNoPlaintext());

async function reveal(copy: ExampleCopy, overrides: Partial<RevealRequest>): Promise<RevealResult> {
  const result = await revealValue({ file: copy.file, credentialId: 'openai', ring, today: '2026-11-26', ...overrides });
  // What a careless caller would print: the wrapped value must come out redacted.
  watch.record('result', `${JSON.stringify(result.kind === 'refused' ? result.diagnostics : result)} ${String(result.kind === 'revealed' ? result.value : '')}`);
  return result;
}

describe('reveal', () => {
  it.each<[string, string | undefined, { credentialId: string; deployment?: string }, string]>([
    ['openai', undefined, { credentialId: 'openai' }, 'credentials.openai.value'],
    ['openai', 'production', { credentialId: 'openai' }, 'credentials.openai.value'],
    ['admin-password', 'staging', { credentialId: 'admin-password', deployment: 'staging' }, 'credentials.admin-password.values.staging'],
    ['session-secret', 'production', { credentialId: 'session-secret', deployment: 'production' }, 'credentials.session-secret.values.production'],
  ])('opens %s for deployment %s', async (credentialId, deployment, place, path) => {
    const result = await reveal(copyExample(), { credentialId, deployment });
    expect(result).toMatchObject({ kind: 'revealed', place, path, keyId: DEMO_KEY_ID });
    if (result.kind !== 'revealed') return;
    expect(result.value.reveal() === demoPlaintext(place.credentialId, place.deployment)).toBe(true);
    expect(result.sealedAt.getTime()).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it("refuses a swapped value by name (openai's value copied into azure-ai)", async () => {
    const copy = copyExample();
    const [, openaiLine] = lineOfPath(copy.original, ['credentials', 'openai', 'value']);
    writeFileSync(copy.file, replaceLineOf(copy.original, ['credentials', 'azure-ai', 'value'], openaiLine));
    expect(await reveal(copy, { credentialId: 'azure-ai' })).toMatchObject({
      kind: 'refused',
      diagnostics: [{ code: 'value-wrong-place', message: 'this value belongs to openai, not azure-ai', path: 'credentials.azure-ai.value' }],
    });
  });

  it('says when a credential has no value', async () => {
    const copy = copyExample();
    writeFileSync(copy.file, replaceLineOf(copy.original, ['credentials', 'openai', 'value']));
    expect(await reveal(copy, {})).toMatchObject({ kind: 'refused', diagnostics: [{ code: 'value-missing', message: '`openai` has no value in the inventory' }] });
  });

  it.each([
    ['per-deployment values and no deployment', { credentialId: 'session-secret' }, /pass --deployment \(one of production, staging\)/],
    ['an unknown credential', { credentialId: 'nope' }, /no credential `nope`/],
    ['a deployment the credential does not go to', { credentialId: 'ftp', deployment: 'staging' }, /`ftp` is not pushed to `staging`/],
  ])('is a usage error: %s', async (_name, overrides, message) => {
    const request: RevealRequest = { file: copyExample().file, ring, today: '2026-11-26', ...overrides };
    await expect(revealValue(request)).rejects.toThrow(UsageError);
    await expect(revealValue(request)).rejects.toThrow(message);
  });
});
