import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  FernetError,
  FernetKey,
  decryptFernet,
  encryptFernet,
  generateFernetKey,
  parseFernetKey,
  readFernetTimestamp,
  type FernetErrorReason,
} from '../../src/crypto/fernet.js';
import { fixturePlaintexts, pythonCases, specGenerate, specInvalid, specVerify, toUnixSeconds } from './fernet-fixtures.js';

function catchFernetError(action: () => unknown): FernetError {
  try {
    action();
  } catch (error) {
    if (error instanceof FernetError) return error;
    throw error;
  }
  throw new Error('expected a FernetError, nothing was thrown');
}

function withoutPadding(token: string): string {
  return token.replace(/=+$/, '');
}

const specKey = parseFernetKey(specGenerate[0]?.secret ?? '');

describe('spec vectors', () => {
  it.each(specGenerate)('generate.json: builds $token byte for byte', (vector) => {
    const token = encryptFernet(parseFernetKey(vector.secret), vector.src, {
      iv: Buffer.from(vector.iv),
      now: toUnixSeconds(vector.now),
    });
    expect(token).toBe(vector.token);
  });

  it.each(specVerify)('verify.json: decrypts $token', (vector) => {
    const result = decryptFernet(parseFernetKey(vector.secret), vector.token, {
      ttlSeconds: vector.ttl_sec,
      now: toUnixSeconds(vector.now),
    });
    expect(result.plaintext.toString('utf8')).toBe(vector.src);
    expect(result.issuedAt).toBe(499162800);
  });

  const expectedReasons: Record<string, FernetErrorReason> = {
    'incorrect mac': 'bad-hmac',
    'too short': 'too-short',
    'invalid base64': 'bad-base64',
    'payload size not multiple of block size': 'bad-length',
    'payload padding error': 'bad-padding',
    'far-future TS (unacceptable clock skew)': 'from-future',
    'expired TTL': 'expired',
    'incorrect IV (causes padding error)': 'bad-padding',
  };

  it('invalid.json holds the 8 cases this test expects', () => {
    expect(specInvalid.map((vector) => vector.desc).sort()).toEqual(Object.keys(expectedReasons).sort());
  });

  it.each(specInvalid)('invalid.json: refuses "$desc"', (vector) => {
    const error = catchFernetError(() =>
      decryptFernet(parseFernetKey(vector.secret), vector.token, { ttlSeconds: vector.ttl_sec, now: toUnixSeconds(vector.now) }),
    );
    expect(error.reason).toBe(expectedReasons[vector.desc]);
  });
});

describe('tokens made by Python cryptography', () => {
  it('has all 22 cases', () => {
    expect(pythonCases).toHaveLength(22);
  });

  it.each(pythonCases)('$id: decrypts exactly and reports iat $iat', (vector) => {
    const key = parseFernetKey(vector.key);
    const { plaintext, issuedAt } = decryptFernet(key, vector.token);
    expect(plaintext.equals(Buffer.from(vector.plaintext, 'utf8'))).toBe(true);
    expect(issuedAt).toBe(vector.iat);
    expect(readFernetTimestamp(vector.token)).toBe(vector.iat);
    expect(decryptFernet(key, withoutPadding(vector.token)).plaintext.equals(plaintext)).toBe(true);
  });

  it.each(pythonCases)('$id: re-encrypts to the same token with its IV and time', (vector) => {
    const token = encryptFernet(parseFernetKey(vector.key), vector.plaintext, {
      iv: Buffer.from(vector.iv_hex, 'hex'),
      now: vector.iat,
    });
    expect(token).toBe(vector.token);
  });
});

describe('encryptFernet', () => {
  it('always produces padded base64url, which Python requires', () => {
    for (let length = 0; length < 40; length++) {
      const token = encryptFernet(specKey, 'x'.repeat(length));
      expect(token).toMatch(/^[A-Za-z0-9_-]+={0,2}$/);
      expect(token.length % 4).toBe(0);
    }
  });

  it('writes the timestamp as 64 bits big-endian', () => {
    const token = encryptFernet(specKey, 'x', { now: 2 ** 40 + 5 });
    const bytes = Buffer.from(token, 'base64url');
    expect(bytes.subarray(1, 9).toString('hex')).toBe('0000010000000005');
    expect(readFernetTimestamp(token)).toBe(2 ** 40 + 5);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptFernet(specKey, 'same', { now: 1 })).not.toBe(encryptFernet(specKey, 'same', { now: 1 }));
  });

  it('round-trips bytes', () => {
    const bytes = Buffer.from([0, 255, 128, 10]);
    expect(decryptFernet(specKey, encryptFernet(specKey, bytes)).plaintext.equals(bytes)).toBe(true);
  });

  it('refuses an IV that is not 16 bytes and a negative or fractional time', () => {
    expect(() => encryptFernet(specKey, 'x', { iv: Buffer.alloc(8) })).toThrow(RangeError);
    expect(() => encryptFernet(specKey, 'x', { now: -1 })).toThrow(RangeError);
    expect(() => encryptFernet(specKey, 'x', { now: 1.5 })).toThrow(RangeError);
  });
});

describe('decryptFernet', () => {
  const issuedAt = 1_700_000_000;
  const token = encryptFernet(specKey, 'secret', { now: issuedAt });

  it('applies no age or skew check without a TTL', () => {
    expect(decryptFernet(specKey, token, { now: issuedAt + 10 ** 9 }).issuedAt).toBe(issuedAt);
    expect(decryptFernet(specKey, token, { now: 0 }).issuedAt).toBe(issuedAt);
  });

  it('allows 60 seconds of clock skew with a TTL, not 61', () => {
    expect(() => decryptFernet(specKey, token, { ttlSeconds: 100, now: issuedAt - 60 })).not.toThrow();
    expect(catchFernetError(() => decryptFernet(specKey, token, { ttlSeconds: 100, now: issuedAt - 61 })).reason).toBe('from-future');
  });

  it('accepts a token exactly TTL seconds old, not one second more', () => {
    expect(() => decryptFernet(specKey, token, { ttlSeconds: 100, now: issuedAt + 100 })).not.toThrow();
    expect(catchFernetError(() => decryptFernet(specKey, token, { ttlSeconds: 100, now: issuedAt + 101 })).reason).toBe('expired');
  });

  it('refuses a wrong version byte', () => {
    const bytes = Buffer.from(token, 'base64url');
    bytes[0] = 0x81;
    expect(catchFernetError(() => decryptFernet(specKey, bytes.toString('base64url'))).reason).toBe('bad-version');
  });

  it('refuses a token under another key', () => {
    expect(catchFernetError(() => decryptFernet(parseFernetKey(generateFernetKey()), token)).reason).toBe('bad-hmac');
  });

  // `token` decodes to 73 bytes: 98 base64 characters and `==`.
  it.each([
    ['a standard-base64 character', `${token.slice(0, 10)}+${token.slice(11)}`],
    ['surrounding whitespace', ` ${token}`],
    ['an embedded newline', `${token.slice(0, 20)}\n${token.slice(20)}`],
    ['too much padding', `${token}=`],
    ['too little padding', `${withoutPadding(token)}=`],
    ['non-zero unused bits', `${withoutPadding(token).slice(0, -1)}B==`],
  ])('refuses base64 with %s', (_, text) => {
    expect(catchFernetError(() => decryptFernet(specKey, text)).reason).toBe('bad-base64');
  });

  it('names no plaintext in any refusal', () => {
    const messages = specInvalid.map(
      (vector) => catchFernetError(() => decryptFernet(specKey, vector.token, { ttlSeconds: vector.ttl_sec, now: toUnixSeconds(vector.now) })).message,
    );
    for (const message of messages) for (const plaintext of fixturePlaintexts) expect(message).not.toContain(plaintext);
  });
});

describe('keys', () => {
  it('generates 32 random bytes as padded base64url', () => {
    const text = generateFernetKey();
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(parseFernetKey(text).rawBytes()).toHaveLength(32);
    expect(generateFernetKey()).not.toBe(text);
  });

  it('parses the fixture keys (with - and _, all-0xff, all-zero) with or without padding', () => {
    const texts = new Set(pythonCases.map((vector) => vector.key));
    expect(texts).toContain(`${'_'.repeat(42)}8=`);
    for (const text of texts) {
      expect(parseFernetKey(text).encode()).toBe(text);
      expect(parseFernetKey(withoutPadding(text)).encode()).toBe(text);
    }
  });

  it.each([
    ['31 bytes', Buffer.alloc(31).toString('base64url')],
    ['33 bytes', Buffer.alloc(33).toString('base64url')],
    ['standard base64', Buffer.alloc(32, 0xff).toString('base64')],
    ['empty text', ''],
  ])('refuses %s with a reason that does not echo the key', (_, text) => {
    const error = catchFernetError(() => parseFernetKey(text));
    expect(error.reason).toBe('bad-key');
    if (text.length > 8) expect(error.message).not.toContain(text.slice(0, 8));
  });

  it('never prints its bytes', () => {
    const key = parseFernetKey(specGenerate[0]?.secret ?? '');
    const printed = [String(key), JSON.stringify({ key }), inspect(key), `${key}`];
    for (const text of printed) {
      expect(text).toContain('[FernetKey]');
      expect(text).not.toContain('cw_0x');
    }
    expect(() => new FernetKey(Buffer.alloc(16))).toThrow(FernetError);
  });
});
