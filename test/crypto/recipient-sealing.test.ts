import { describe, expect, it } from 'vitest';
import { decryptFernet, generateFernetKey, readFernetTimestamp } from '../../src/crypto/fernet.js';
import { createKeyRing, holdsMasterKey, parseKeyRing } from '../../src/crypto/key-ring.js';
import {
  SealedValueError,
  chooseFingerprintKey,
  fingerprintValue,
  openSealedValue,
  parseSealedValue,
  resealValue,
  sealValue,
  sealValueForRecipient,
  sealedPlaceInfo,
  type Place,
} from '../../src/crypto/sealed-value.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { deriveFernetKeyFromSecret, generateSealingKeyPair, importPublicKey, parseSealingPrivateKey, SealingKeyError } from '../../src/crypto/sealing-key.js';

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
const ci = generateSealingKeyPair('ci');
const ci2027 = generateSealingKeyPair('ci-2027');
const impostor = generateSealingKeyPair('ci'); // same recipient id, other key
const ciRing = parseKeyRing(ci.privateKey.encode(), 'CREDLEDGER_SEALING_KEY');
const openai: Place = { credentialId: 'openai' };
const openaiProduction: Place = { credentialId: 'openai', deployment: 'production' };
const azure: Place = { credentialId: 'azure-ai' };
const places = [openai, openaiProduction, azure, { credentialId: 'azure-ai', deployment: 'production' }];

describe('keys', () => {
  it('a private key round-trips through its text, which names the recipient and never prints the key', () => {
    const text = ci.privateKey.encode();
    expect(text).toMatch(/^sealing-key:ci:[A-Za-z0-9_-]{43}=$/);
    const parsed = parseSealingPrivateKey(text);
    expect(parsed.publicKey).toBe(ci.recipient.publicKey);
    expect(parsed.recipientId).toBe('ci');
    expect(String(parsed)).toBe('[SealingPrivateKey ci]');
    expect(JSON.stringify({ parsed })).not.toContain(text.split(':')[2]);
  });

  it('refuses malformed private and public keys by what is wrong', () => {
    expect(() => parseSealingPrivateKey('sealing-key:ci:short')).toThrow(/32 bytes of base64url/);
    expect(() => parseSealingPrivateKey('sealing-key:AAAA')).toThrow(/sealing-key:<recipient id>:<key>/);
    expect(() => parseSealingPrivateKey(`sealing-key:c/i:${ci.privateKey.encode().split(':')[2]}`)).toThrow(SealingKeyError);
    expect(() => importPublicKey('not a key')).toThrow(/32 bytes of base64url/);
  });

  it('a ring of sealing keys alone holds no master key but can fingerprint', () => {
    expect(holdsMasterKey(ciRing)).toBe(false);
    expect(() => sealValue(ciRing, openai, 'x', now)).toThrow(/no master key/);
    const first = fingerprintValue(ciRing, openaiProduction, 'sk-value');
    expect(first.keyId).toMatch(/^[0-9a-f]{8}$/);
    // The same private key always gives the same fingerprint key, so apply's records stay valid across runs.
    expect(fingerprintValue(parseKeyRing(ci.privateKey.encode()), openaiProduction, 'sk-value')).toEqual(first);
  });

  it('refuses a ring with two keys for one recipient', () => {
    expect(() => createKeyRing([], 'test', [ci.privateKey, impostor.privateKey])).toThrow(/recipient ci more than once/);
  });

  it('CREDLEDGER_SEALING_KEY-style parsing reports a Fernet key in the wrong place', async () => {
    const { parseKeys } = await import('../../src/crypto/key-ring.js');
    expect(() => parseKeys(generateFernetKey(), 'CREDLEDGER_SEALING_KEY', 'sealing')).toThrow(/belongs in CREDLEDGER_KEY/);
  });
});

describe('sealing with the public key only', () => {
  it('round-trips: sealed with the public key, opened with the private key, a standard Fernet token', () => {
    const sealed = sealValueForRecipient(ci.recipient, openaiProduction, 'sk-live-1234567890', now);
    const parts = parseSealedValue(sealed);
    expect(parts).toMatchObject({ kind: 'sealed', recipientId: 'ci', keyId: 'sealed:ci' });
    expect(readFernetTimestamp(parts!.token)).toBe(now);
    expect(openSealedValue(ciRing, openaiProduction, sealed).reveal()).toBe('sk-live-1234567890');
    // Two sealings of one value differ (fresh ephemeral key and IV).
    expect(sealValueForRecipient(ci.recipient, openaiProduction, 'sk-live-1234567890', now)).not.toBe(sealed);
  });

  it('documents its key derivation: HKDF over the shared secret with the stated info string', () => {
    const sealed = sealValueForRecipient(ci.recipient, openaiProduction, 'v', now);
    const parts = parseSealedValue(sealed);
    if (parts?.kind !== 'sealed') throw new Error('not sealed');
    const info = sealedPlaceInfo('ci', ci.recipient.publicKey, parts.ephemeralPublicKey, openaiProduction);
    expect(info).toBe(`credledger/v1/sealed/ci/${ci.recipient.publicKey}/${parts.ephemeralPublicKey}/openai/production`);
    const key = deriveFernetKeyFromSecret(ci.privateKey.agree(importPublicKey(parts.ephemeralPublicKey)), info);
    expect(decryptFernet(key, parts.token).plaintext.toString()).toBe('v');
  });

  it('binding: a sealed value moved to another credential or deployment fails, naming where it belongs', () => {
    const sealed = sealValueForRecipient(ci.recipient, openai, 'v', now);
    const moved = catchSealedValueError(() => openSealedValue(ciRing, azure, sealed, places));
    expect(moved.code).toBe('wrong-place');
    expect(moved.message).toBe('this value belongs to openai, not azure-ai');
    const toDeployment = catchSealedValueError(() => openSealedValue(ciRing, openaiProduction, sealed, places));
    expect(toDeployment.message).toBe('this value belongs to openai, not openai in deployment production');
    expect(catchSealedValueError(() => openSealedValue(ciRing, azure, sealed)).code).toBe('not-authentic');
  });

  it('refuses the wrong private key: another recipient by name, the same id with other key bytes as not authentic', () => {
    const sealed = sealValueForRecipient(ci.recipient, openai, 'v', now);
    const other = catchSealedValueError(() => openSealedValue(parseKeyRing(ci2027.privateKey.encode(), 'CREDLEDGER_SEALING_KEY'), openai, sealed));
    expect(other.code).toBe('unknown-key');
    expect(other.message).toBe('the value of openai: it is sealed for recipient ci, whose private key CREDLEDGER_SEALING_KEY does not hold (it holds ci-2027)');
    const wrong = catchSealedValueError(() => openSealedValue(parseKeyRing(impostor.privateKey.encode()), openai, sealed, places));
    expect(wrong.code).toBe('not-authentic');
    expect(wrong.message).toMatch(/does not verify under the sealing key of recipient ci \(public key [0-9a-f]{8}\).*not the recipient's/);
    const fernetOnly = catchSealedValueError(() => openSealedValue(parseKeyRing(generateFernetKey()), openai, sealed));
    expect(fernetOnly.message).toMatch(/CREDLEDGER_KEY does not hold \(it holds no sealing key\)/);
  });

  it('malformed parts: each damaged part is refused, never opened', () => {
    const sealed = sealValueForRecipient(ci.recipient, openai, 'value-text', now);
    const [, recipient, ephemeral, token] = sealed.split(':') as [string, string, string, string];
    const swapEphemeral = `sealed:${recipient}:${ci2027.recipient.publicKey}:${token}`;
    expect(catchSealedValueError(() => openSealedValue(ciRing, openai, swapEphemeral)).code).toBe('not-authentic');
    // A low-order ephemeral point (all zeros) gives no shared secret.
    const zeroPoint = `sealed:${recipient}:${Buffer.alloc(32).toString('base64url')}=:${token}`;
    expect(catchSealedValueError(() => openSealedValue(ciRing, openai, zeroPoint))).toMatchObject({ code: 'malformed', message: 'the value of openai has an unusable ephemeral public key' });
    const cut = `sealed:${recipient}:${ephemeral}:${token.slice(0, 60)}`;
    expect(catchSealedValueError(() => openSealedValue(ciRing, openai, cut)).code).toBe('malformed');
    for (const broken of [`sealed:${recipient}:${ephemeral.slice(0, -1)}:${token}`, `sealed::${ephemeral}:${token}`, `sealed:${recipient}:${token}`, `sealed:${recipient}:${ephemeral}:`]) {
      expect(parseSealedValue(broken)).toBeNull();
      expect(catchSealedValueError(() => openSealedValue(ciRing, openai, broken)).code).toBe('malformed');
    }
    const flipped = `sealed:${recipient}:${ephemeral}:${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    expect(catchSealedValueError(() => openSealedValue(ciRing, openai, flipped)).code).toBe('not-authentic');
  });

  it('refuses a bad public key or recipient id when sealing', () => {
    expect(() => sealValueForRecipient({ id: 'ci', publicKey: 'AAAA' }, openai, 'v', now)).toThrow(SealingKeyError);
    expect(() => sealValueForRecipient({ id: 'c:i', publicKey: ci.recipient.publicKey }, openai, 'v', now)).toThrow(SealingKeyError);
  });
});

describe('resealing', () => {
  const master = generateFernetKey();
  const both = createKeyRing(parseKeyRing(master).keys.map((entry) => entry.key), 'keys', [ci.privateKey]);

  it('moves a fernet value to a recipient, keeping its timestamp', () => {
    const fernet = sealValue(both, openai, 'v1', now - 500);
    const result = resealValue(both, openai, fernet, places, ci.recipient);
    expect(result.changed).toBe(true);
    expect(result.sealed.startsWith('sealed:ci:')).toBe(true);
    expect(readFernetTimestamp(parseSealedValue(result.sealed)!.token)).toBe(now - 500);
    expect(openSealedValue(ciRing, openai, result.sealed).reveal()).toBe('v1');
  });

  it('recipient rotation: the old private key re-seals for the new recipient, whose key alone then opens it', () => {
    const old = sealValueForRecipient(ci.recipient, openaiProduction, 'v2', now);
    const result = resealValue(ciRing, openaiProduction, old, places, ci2027.recipient);
    expect(result).toMatchObject({ changed: true, fromKeyId: 'sealed:ci' });
    const newRing = parseKeyRing(ci2027.privateKey.encode());
    expect(openSealedValue(newRing, openaiProduction, result.sealed).reveal()).toBe('v2');
    expect(catchSealedValueError(() => openSealedValue(ciRing, openaiProduction, result.sealed)).code).toBe('unknown-key');
    // Already sealed for the target: left alone, even without its private key.
    expect(resealValue(ciRing, openaiProduction, result.sealed, places, ci2027.recipient)).toEqual({ sealed: result.sealed, changed: false, fromKeyId: 'sealed:ci-2027' });
  });

  it('moves a sealed value back to the master key', () => {
    const sealed = sealValueForRecipient(ci.recipient, openai, new SecretValue('v3'), now);
    const result = resealValue(both, openai, sealed, places);
    expect(result.sealed.startsWith('fernet:')).toBe(true);
    expect(openSealedValue(both, openai, result.sealed).reveal()).toBe('v3');
  });
});

describe('the key a value is fingerprinted under once applied', () => {
  const master = generateFernetKey();
  const both = createKeyRing(parseKeyRing(master).keys.map((entry) => entry.key), 'keys', [ci.privateKey, ci2027.privateKey]);
  const masterId = both.keys[0].id;

  it('is the recipient’s sealing key for a sealed value, which the CI that opens it always keeps; the first key otherwise', () => {
    const forCi = chooseFingerprintKey(both, sealValueForRecipient(ci.recipient, openai, 'v', now));
    const forNext = chooseFingerprintKey(both, sealValueForRecipient(ci2027.recipient, openai, 'v', now));
    expect(forCi.name).toBe('recipient ci');
    expect(forNext.name).toBe('recipient ci-2027');
    expect(new Set([forCi.keyId, forNext.keyId, masterId]).size).toBe(3);
    // The same with the master key gone: fingerprints made while both were held stay checkable.
    expect(chooseFingerprintKey(ciRing, sealValueForRecipient(ci.recipient, openai, 'v', now))).toEqual(forCi);
    expect(fingerprintValue(ciRing, openai, 'v', forCi.keyId)).toEqual(fingerprintValue(both, openai, 'v', forCi.keyId));
    expect(chooseFingerprintKey(both, sealValue(both, openai, 'v', now))).toEqual({ keyId: masterId, name: `key ${masterId}` });
    // A recipient the ring holds no key for (the value does not open here anyway): the first key.
    expect(chooseFingerprintKey(ciRing, sealValueForRecipient(generateSealingKeyPair('other').recipient, openai, 'v', now)).keyId).toBe(ciRing.keys[0].id);
  });
});
