import { describe, expect, it } from 'vitest';
import { docuelevateKey, decryptDocuElevateValue } from '../../src/crypto/docuelevate-key.js';
import { decryptFernet, parseFernetKey } from '../../src/crypto/fernet.js';
import { KeyRingError } from '../../src/crypto/key-ring.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { docuelevate, fixturePlaintexts } from './fernet-fixtures.js';

function catchKeyRingError(action: () => unknown): KeyRingError {
  try {
    action();
  } catch (error) {
    if (error instanceof KeyRingError) return error;
    throw error;
  }
  throw new Error('expected a KeyRingError, nothing was thrown');
}

describe('DocuElevate settings encryption', () => {
  it('has 10 cases, 3 rotation cases and 2 pass-through cases', () => {
    expect([docuelevate.cases.length, docuelevate.multifernet_cases.length, docuelevate.passthrough_cases.length]).toEqual([10, 3, 2]);
  });

  it.each(docuelevate.cases)('$id: derives the key and decrypts the enc: value', (vector) => {
    expect(docuelevateKey(vector.session_secret)).toBe(vector.derived_key);
    const value = decryptDocuElevateValue(vector.stored_value, { current: vector.session_secret });
    expect(value).toBeInstanceOf(SecretValue);
    expect(value.reveal()).toBe(vector.plaintext);
    const token = vector.stored_value.slice('enc:'.length);
    expect(decryptFernet(parseFernetKey(vector.derived_key), token).issuedAt).toBe(vector.iat);
  });

  it.each(docuelevate.multifernet_cases)('$id: decrypts only when the previous secret is in the ring', (vector) => {
    expect(docuelevateKey(vector.session_secret_previous)).toBe(vector.derived_key_previous);
    const secrets = { current: vector.session_secret, previous: vector.session_secret_previous };
    expect(decryptDocuElevateValue(vector.stored_value, secrets).reveal()).toBe(vector.plaintext);

    expect(vector.decrypts_with_current_key_alone).toBe(false);
    const error = catchKeyRingError(() => decryptDocuElevateValue(vector.stored_value, { current: vector.session_secret }));
    expect(error.code).toBe('no-key-decrypts');
    expect(error.message).toMatch(/^no key in SESSION_SECRET \([0-9a-f]{8}\) verifies the token$/);
    for (const plaintext of fixturePlaintexts) expect(error.message).not.toContain(plaintext);
    expect(error.message).not.toContain(vector.session_secret);
  });

  it.each(docuelevate.passthrough_cases)('$id: returned unchanged', (vector) => {
    expect(decryptDocuElevateValue(vector.stored_value, { current: 'unused-session-secret-0000000000000000' }).reveal()).toBe(
      vector.plaintext,
    );
  });

  it('accepts a previous secret equal to the current one', () => {
    const [vector] = docuelevate.cases;
    if (vector === undefined) throw new Error('no DocuElevate case');
    const secrets = { current: vector.session_secret, previous: vector.session_secret };
    expect(decryptDocuElevateValue(vector.stored_value, secrets).reveal()).toBe(vector.plaintext);
  });
});
