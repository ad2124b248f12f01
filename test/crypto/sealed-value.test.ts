import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptFernet, generateFernetKey, parseFernetKey, readFernetTimestamp } from '../../src/crypto/fernet.js';
import { keyId, parseKeyRing } from '../../src/crypto/key-ring.js';
import {
  SealedValueError,
  derivePlaceKey,
  describePlace,
  fingerprintValue,
  isSealedValue,
  openSealedValue,
  parseSealedValue,
  resealValue,
  sealValue,
  type Place,
  type SealedValueErrorCode,
} from '../../src/crypto/sealed-value.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { fixturePlaintexts, pythonCases } from './fernet-fixtures.js';

function catchSealedValueError(action: () => unknown): SealedValueError {
  try {
    action();
  } catch (error) {
    if (error instanceof SealedValueError) return error;
    throw error;
  }
  throw new Error('expected a SealedValueError, nothing was thrown');
}

const now = 1_780_000_000;
const [newText, oldText, strangerText] = [generateFernetKey(), generateFernetKey(), generateFernetKey()];
const newId = keyId(parseFernetKey(newText));
const oldId = keyId(parseFernetKey(oldText));
const ring = parseKeyRing(`${newText},${oldText}`);
const oldRing = parseKeyRing(oldText);

const openai: Place = { credentialId: 'openai' };
const openaiProduction: Place = { credentialId: 'openai', deployment: 'production' };
const openaiStaging: Place = { credentialId: 'openai', deployment: 'staging' };
const smtp: Place = { credentialId: 'smtp' };
const inventoryPlaces = [openai, openaiProduction, openaiStaging, smtp];

const plaintexts = pythonCases.map((vector) => vector.plaintext);

describe('format', () => {
  it('recognises fernet:<keyId>:<token> and nothing else', () => {
    const sealed = sealValue(ring, openai, 'x', now);
    expect(isSealedValue(sealed)).toBe(true);
    expect(parseSealedValue(sealed)).toEqual({ kind: 'fernet', keyId: newId, token: sealed.slice(`fernet:${newId}:`.length) });
    for (const text of ['sk-live-abc', '', 'fernet:', `fernet:${newId}:`, `fernet:XYZ:${sealed.slice(16)}`, ` ${sealed}`, `enc:${sealed.slice(16)}`]) {
      expect(isSealedValue(text)).toBe(false);
      expect(parseSealedValue(text)).toBeNull();
    }
  });

  it('describes places', () => {
    expect(describePlace(openai)).toBe('openai');
    expect(describePlace(openaiProduction)).toBe('openai in deployment production');
  });
});

describe('sealing and opening', () => {
  it.each(plaintexts.map((text, index) => [pythonCases[index]?.id ?? '', text] as const))('round-trips %s', (_, plaintext) => {
    for (const place of [openai, openaiProduction]) {
      const sealed = sealValue(ring, place, plaintext, now);
      const opened = openSealedValue(ring, place, sealed, inventoryPlaces);
      expect(opened).toBeInstanceOf(SecretValue);
      expect(opened.reveal()).toBe(plaintext);
    }
  });

  it('writes a padded standard Fernet token under the place key derived by HKDF-SHA256', () => {
    const sealed = sealValue(ring, openaiProduction, new SecretValue('derived'), now);
    const token = parseSealedValue(sealed)?.token ?? '';
    expect(token.length % 4).toBe(0);
    expect(readFernetTimestamp(token)).toBe(now);
    const master = Buffer.from(newText, 'base64url');
    const placeKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'credledger/v1/value/openai/production', 32));
    expect(derivePlaceKey(parseFernetKey(newText), openaiProduction).rawBytes().equals(placeKey)).toBe(true);
    expect(decryptFernet(parseFernetKey(placeKey.toString('base64url')), token).plaintext.toString()).toBe('derived');
  });

  it('opens values sealed under an older key of the ring', () => {
    const sealed = sealValue(oldRing, smtp, 'old password', now);
    expect(sealed.startsWith(`fernet:${oldId}:`)).toBe(true);
    expect(openSealedValue(ring, smtp, sealed).reveal()).toBe('old password');
  });
});

describe('refusals', () => {
  const secretText = 'sk-proj-swapped-value-do-not-print';

  it.each([
    [openai, openaiProduction, 'this value belongs to openai, not openai in deployment production'],
    [openaiStaging, openaiProduction, 'this value belongs to openai in deployment staging, not openai in deployment production'],
    [openaiProduction, smtp, 'this value belongs to openai in deployment production, not smtp'],
  ])('refuses a value copied from %j to %j by name', (from, to, message) => {
    const sealed = sealValue(ring, from, secretText, now);
    const error = catchSealedValueError(() => openSealedValue(ring, to, sealed, inventoryPlaces));
    expect(error.code).toBe('wrong-place');
    expect(error.message).toBe(message);
    expect(error.place).toEqual(to);
  });

  it('refuses a copied value even when the original place is not among the candidates', () => {
    const sealed = sealValue(ring, { credentialId: 'deleted' }, secretText, now);
    const error = catchSealedValueError(() => openSealedValue(ring, smtp, sealed, inventoryPlaces));
    expect(error.code).toBe('not-authentic');
    expect(error.message).toBe(`the value of smtp does not verify under key ${newId}: it was altered, or sealed for another place`);
  });

  it('names the unknown key and the keys the ring holds', () => {
    const sealed = sealValue(parseKeyRing(strangerText), openai, secretText, now);
    const strangerId = keyId(parseFernetKey(strangerText));
    const error = catchSealedValueError(() => openSealedValue(ring, openai, sealed));
    expect(error.code).toBe('unknown-key');
    expect(error.message).toBe(
      `the value of openai: it is encrypted under key ${strangerId}, which CREDLEDGER_KEY does not hold (it holds ${newId}, ${oldId})`,
    );
  });

  it.each<[string, string, SealedValueErrorCode]>([
    ['a plaintext', secretText, 'malformed'],
    ['a damaged token', `fernet:${newId}:gAAAAAB`, 'malformed'],
    ['a token with a flipped byte', '', 'not-authentic'],
  ])('refuses %s without echoing it', (_, given, code) => {
    const sealed = given !== '' ? given : flipLastTokenCharacter(sealValue(ring, openai, secretText, now));
    const error = catchSealedValueError(() => openSealedValue(ring, openai, sealed, inventoryPlaces));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain(secretText);
    expect(error.message).not.toContain(sealed);
  });

  it('refuses place ids that would share a key-derivation string', () => {
    for (const place of [{ credentialId: 'a/b' }, { credentialId: '' }, { credentialId: 'a', deployment: '' }]) {
      expect(catchSealedValueError(() => sealValue(ring, place, 'x', now)).code).toBe('bad-place');
    }
  });

  it('no refusal message contains a fixture plaintext', () => {
    const messages: string[] = [];
    for (const plaintext of fixturePlaintexts) {
      const sealed = sealValue(ring, openaiStaging, plaintext, now);
      messages.push(catchSealedValueError(() => openSealedValue(ring, smtp, sealed, inventoryPlaces)).message);
      messages.push(catchSealedValueError(() => openSealedValue(ring, smtp, sealed)).message);
      messages.push(catchSealedValueError(() => openSealedValue(oldRing, smtp, sealed)).message);
      messages.push(catchSealedValueError(() => openSealedValue(ring, smtp, plaintext)).message);
    }
    for (const message of messages) for (const plaintext of fixturePlaintexts) expect(message).not.toContain(plaintext);
  });
});

describe('resealValue', () => {
  it('moves a value to the first key, keeping its timestamp, and counts it as changed', () => {
    const sealed = sealValue(oldRing, openaiProduction, 'to re-key', now - 1000);
    const result = resealValue(ring, openaiProduction, sealed, inventoryPlaces);
    expect(result).toMatchObject({ changed: true, fromKeyId: oldId });
    expect(result.sealed.startsWith(`fernet:${newId}:`)).toBe(true);
    expect(readFernetTimestamp(parseSealedValue(result.sealed)?.token ?? '')).toBe(now - 1000);
    expect(openSealedValue(parseKeyRing(newText), openaiProduction, result.sealed).reveal()).toBe('to re-key');
  });

  it('leaves a value already under the first key byte for byte', () => {
    const sealed = sealValue(ring, openai, 'current', now);
    expect(resealValue(ring, openai, sealed)).toEqual({ sealed, changed: false, fromKeyId: newId });
  });

  it('refuses a value in the wrong place rather than re-keying it', () => {
    const sealed = sealValue(oldRing, openai, 'swapped', now);
    expect(catchSealedValueError(() => resealValue(ring, smtp, sealed, inventoryPlaces)).code).toBe('wrong-place');
  });
});

describe('fingerprintValue', () => {
  it('is a keyed HMAC-SHA256, bound to key and place', () => {
    const result = fingerprintValue(ring, openai, 'hunter2');
    const fingerprintKey = Buffer.from(hkdfSync('sha256', Buffer.from(newText, 'base64url'), Buffer.alloc(0), 'credledger/v1/fingerprint', 32));
    const info = Buffer.from('credledger/v1/value/openai');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(info.length);
    const expected = createHmac('sha256', fingerprintKey).update(Buffer.concat([length, info, Buffer.from('hunter2')])).digest('hex');
    expect(result).toEqual({ keyId: newId, fingerprint: expected });

    expect(fingerprintValue(ring, openai, new SecretValue('hunter2'))).toEqual(result);
    expect(fingerprintValue(ring, openaiProduction, 'hunter2').fingerprint).not.toBe(result.fingerprint);
    expect(fingerprintValue(ring, openai, 'hunter3').fingerprint).not.toBe(result.fingerprint);
    expect(fingerprintValue(ring, openai, 'hunter2', oldId)).toMatchObject({ keyId: oldId });
    expect(fingerprintValue(ring, openai, 'hunter2', oldId).fingerprint).not.toBe(result.fingerprint);
  });

  it('names a key id the ring does not hold', () => {
    const error = catchSealedValueError(() => fingerprintValue(oldRing, openai, 'hunter2', newId));
    expect(error.code).toBe('unknown-key');
    expect(error.message).toContain(`the fingerprint was made under key ${newId}, which CREDLEDGER_KEY does not hold (it holds ${oldId})`);
  });
});

function flipLastTokenCharacter(sealed: string): string {
  const body = sealed.replace(/=+$/, '');
  const padding = sealed.slice(body.length);
  // Flip a character inside the HMAC, keeping the base64 canonical.
  const index = body.length - 5;
  const replacement = body[index] === 'A' ? 'B' : 'A';
  return `${body.slice(0, index)}${replacement}${body.slice(index + 1)}${padding}`;
}
