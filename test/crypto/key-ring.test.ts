import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FernetError, decryptFernet, encryptFernet, generateFernetKey, parseFernetKey, readFernetTimestamp } from '../../src/crypto/fernet.js';
import {
  KeyRingError,
  decryptWithRing,
  encryptWithRing,
  findKey,
  keyId,
  parseKeyRing,
  primaryKey,
  rotateToken,
} from '../../src/crypto/key-ring.js';

function catchError<T extends Error>(type: new (...args: never[]) => T, action: () => unknown): T {
  try {
    action();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, nothing was thrown`);
}

const [newText, oldText, otherText] = [generateFernetKey(), generateFernetKey(), generateFernetKey()];
const newKey = parseFernetKey(newText);
const oldKey = parseFernetKey(oldText);

describe('keyId', () => {
  it('is the first 8 hex characters of sha256 of the raw key', () => {
    const expected = createHash('sha256').update(Buffer.from(newText, 'base64url')).digest('hex').slice(0, 8);
    expect(keyId(newKey)).toBe(expected);
    expect(keyId(newKey)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('parseKeyRing', () => {
  it('reads comma-separated keys, first one primary, spaces and missing padding tolerated', () => {
    const ring = parseKeyRing(` ${newText} , ${oldText.replace(/=$/, '')} `);
    expect(ring.keys.map((entry) => entry.id)).toEqual([keyId(newKey), keyId(oldKey)]);
    expect(primaryKey(ring).id).toBe(keyId(newKey));
    expect(ring.source).toBe('CREDLEDGER_KEY');
  });

  it('reads a key file: one key per line, # comments, blank lines, CRLF', () => {
    const ring = parseKeyRing(`# rotated 2026-11-01\r\n${newText}  # new\r\n\r\n${oldText}\r\n`, '--key-file keys.txt');
    expect(ring.keys.map((entry) => entry.id)).toEqual([keyId(newKey), keyId(oldKey)]);
    expect(ring.source).toBe('--key-file keys.txt');
  });

  it('refuses an empty ring', () => {
    const error = catchError(KeyRingError, () => parseKeyRing(' # nothing here\n'));
    expect(error.code).toBe('no-keys');
    expect(error.message).toBe('CREDLEDGER_KEY holds no key');
  });

  it('names a malformed key by position, never by content', () => {
    const broken = newText.slice(0, 30);
    const error = catchError(KeyRingError, () => parseKeyRing(`${oldText},${broken}`));
    expect(error.code).toBe('bad-key');
    expect(error.message).toMatch(/^key 2 in CREDLEDGER_KEY is not a Fernet key: /);
    expect(error.message).not.toContain(broken.slice(0, 8));
    expect(error.message).not.toContain(oldText.slice(0, 8));
  });

  it('refuses a key listed twice', () => {
    const error = catchError(KeyRingError, () => parseKeyRing(`${newText},${oldText},${newText.replace(/=$/, '')}`));
    expect(error.code).toBe('duplicate-key');
    expect(error.message).toBe(`CREDLEDGER_KEY lists key ${keyId(newKey)} more than once`);
  });
});

describe('encrypting and decrypting with a ring', () => {
  const ring = parseKeyRing(`${newText},${oldText}`);

  it('encrypts with the first key', () => {
    const token = encryptWithRing(ring, 'value');
    expect(decryptFernet(newKey, token).plaintext.toString()).toBe('value');
    expect(findKey(ring, keyId(oldKey))?.key).toBe(ring.keys[1]?.key);
  });

  it('decrypts with any key and says which', () => {
    const result = decryptWithRing(ring, encryptFernet(oldKey, 'old value', { now: 5 }));
    expect(result).toMatchObject({ keyId: keyId(oldKey), issuedAt: 5 });
    expect(result.plaintext.toString()).toBe('old value');
  });

  it('names the ring key ids when no key verifies', () => {
    const token = encryptFernet(parseFernetKey(otherText), 'stranger');
    const error = catchError(KeyRingError, () => decryptWithRing(ring, token));
    expect(error.code).toBe('no-key-decrypts');
    expect(error.message).toBe(`no key in CREDLEDGER_KEY (${keyId(newKey)}, ${keyId(oldKey)}) verifies the token`);
  });

  it('reports a refusal that no key could fix as it is', () => {
    const token = encryptFernet(oldKey, 'x', { now: 100 });
    expect(catchError(FernetError, () => decryptWithRing(ring, token, { ttlSeconds: 10, now: 1000 })).reason).toBe('expired');
    expect(catchError(FernetError, () => decryptWithRing(ring, 'not a token')).reason).toBe('bad-base64');
  });

  it('rotates a token to the first key, keeping its timestamp', () => {
    const token = encryptFernet(oldKey, 'rotate me', { now: 1_234_567 });
    const rotated = rotateToken(ring, token);
    expect(decryptFernet(newKey, rotated).plaintext.toString()).toBe('rotate me');
    expect(readFernetTimestamp(rotated)).toBe(1_234_567);
    expect(catchError(FernetError, () => decryptFernet(oldKey, rotated)).reason).toBe('bad-hmac');
  });
});
