// Fernet tokens (https://github.com/fernet/spec) on node:crypto, interoperable with Python's `cryptography`.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';

const VERSION = 0x80;
const HEADER_LENGTH = 1 + 8 + 16; // version, timestamp, IV
const HMAC_LENGTH = 32;
const BLOCK_SIZE = 16;
/** Header, one cipher block (PKCS7 always adds at least one byte), HMAC. */
const MIN_TOKEN_LENGTH = HEADER_LENGTH + BLOCK_SIZE + HMAC_LENGTH;
/** The spec's allowance for clocks that run behind the encrypting machine. */
const MAX_CLOCK_SKEW_SECONDS = 60;

/** Why a token or key was refused; stable so callers and tests can branch on it. */
export type FernetErrorReason =
  | 'bad-key'
  | 'bad-base64'
  | 'too-short'
  | 'bad-version'
  | 'bad-length'
  | 'bad-hmac'
  | 'bad-padding'
  | 'expired'
  | 'from-future';

/** A refused key or token. Messages never contain key material or plaintext. */
export class FernetError extends Error {
  override readonly name = 'FernetError';
  constructor(
    readonly reason: FernetErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** A 32-byte Fernet key. Its bytes stay private so logging a key object cannot print them. */
export class FernetKey {
  readonly #raw: Buffer;

  constructor(raw: Uint8Array) {
    if (raw.length !== 32) throw new FernetError('bad-key', `a Fernet key is 32 bytes, got ${raw.length}`);
    this.#raw = Buffer.from(raw);
  }

  /** A copy of the 32 raw bytes (signing key, then encryption key). */
  rawBytes(): Buffer {
    return Buffer.from(this.#raw);
  }

  /** The key as text: base64url with `=` padding, the form Python accepts. */
  encode(): string {
    return encodeBase64Url(this.#raw);
  }

  get signingKey(): Buffer {
    return Buffer.from(this.#raw.subarray(0, 16));
  }

  get encryptionKey(): Buffer {
    return Buffer.from(this.#raw.subarray(16));
  }

  toString(): string {
    return '[FernetKey]';
  }

  toJSON(): string {
    return '[FernetKey]';
  }

  [inspect.custom](): string {
    return '[FernetKey]';
  }
}

/** Returns a new random key as padded base64url text (what `CREDLEDGER_KEY` holds). */
export function generateFernetKey(): string {
  return encodeBase64Url(randomBytes(32));
}

/**
 * Parses a key given as base64url text, with or without `=` padding.
 * @throws FernetError('bad-key') naming what is wrong, never echoing the text.
 */
export function parseFernetKey(text: string): FernetKey {
  const raw = decodeBase64Url(text);
  if (raw === null) throw new FernetError('bad-key', 'a Fernet key must be base64url text (A-Z a-z 0-9 - _, optional = padding)');
  if (raw.length !== 32) throw new FernetError('bad-key', `a Fernet key decodes to 32 bytes, this one to ${raw.length}`);
  return new FernetKey(raw);
}

export interface EncryptOptions {
  /** Fixed IV, for reproducing test vectors only; real use takes a fresh random one. */
  iv?: Buffer;
  /** Unix seconds written into the token; defaults to the current time. */
  now?: number;
}

/**
 * Encrypts into a Fernet token (base64url with `=` padding, which Python requires).
 */
export function encryptFernet(key: FernetKey, plaintext: Buffer | string, options: EncryptOptions = {}): string {
  const iv = options.iv ?? randomBytes(16);
  if (iv.length !== 16) throw new RangeError(`a Fernet IV is 16 bytes, got ${iv.length}`);
  const now = options.now ?? currentUnixSeconds();
  if (!Number.isSafeInteger(now) || now < 0) throw new RangeError(`a Fernet timestamp is a non-negative integer, got ${now}`);

  const header = Buffer.alloc(HEADER_LENGTH);
  header[0] = VERSION;
  header.writeBigUInt64BE(BigInt(now), 1);
  iv.copy(header, 9);
  const cipher = createCipheriv('aes-128-cbc', key.encryptionKey, iv);
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const signed = Buffer.concat([header, cipher.update(data), cipher.final()]);
  const mac = createHmac('sha256', key.signingKey).update(signed).digest();
  return encodeBase64Url(Buffer.concat([signed, mac]));
}

export interface DecryptOptions {
  /** Maximum token age. Without it no age or clock-skew check is made (as in Python). */
  ttlSeconds?: number;
  /** The verifier's clock in Unix seconds; defaults to the current time. Used only with a TTL. */
  now?: number;
}

export interface DecryptedToken {
  plaintext: Buffer;
  /** The token's timestamp, Unix seconds. */
  issuedAt: number;
}

/**
 * Verifies and decrypts a Fernet token, accepted with or without `=` padding.
 * Checks run in the spec's order (version, timestamp, HMAC, decrypt, unpad) with the structural
 * length checks first, so each refusal has its own reason. Decryption only starts after the HMAC
 * matched, which is what keeps the padding check from being an oracle.
 * @throws FernetError with the reason the token was refused.
 */
export function decryptFernet(key: FernetKey, token: string, options: DecryptOptions = {}): DecryptedToken {
  const data = decodeToken(token);
  const issuedAt = Number(data.readBigUInt64BE(1));

  if (options.ttlSeconds !== undefined) {
    const now = options.now ?? currentUnixSeconds();
    if (issuedAt + options.ttlSeconds < now) {
      throw new FernetError('expired', `the token is older than its ${options.ttlSeconds}-second lifetime`);
    }
    if (now + MAX_CLOCK_SKEW_SECONDS < issuedAt) {
      throw new FernetError('from-future', `the token's timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} seconds in the future`);
    }
  }

  const signedEnd = data.length - HMAC_LENGTH;
  const expected = createHmac('sha256', key.signingKey).update(data.subarray(0, signedEnd)).digest();
  if (!timingSafeEqual(expected, data.subarray(signedEnd))) {
    throw new FernetError('bad-hmac', 'the token does not verify under this key (wrong key or altered token)');
  }

  const decipher = createDecipheriv('aes-128-cbc', key.encryptionKey, data.subarray(9, HEADER_LENGTH));
  // OpenSSL's own unpadding fails with one generic message; checking PKCS7 here gives a clear reason.
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(data.subarray(HEADER_LENGTH, signedEnd)), decipher.final()]);
  return { plaintext: removePkcs7Padding(padded), issuedAt };
}

/**
 * Reads a token's timestamp (Unix seconds) without a key. The value is unauthenticated:
 * use it only where a forged timestamp cannot hurt, or after the token was verified.
 * @throws FernetError when the token is not structurally a Fernet token.
 */
export function readFernetTimestamp(token: string): number {
  return Number(decodeToken(token).readBigUInt64BE(1));
}

/** Decodes a token and checks everything that can be checked without a key. */
function decodeToken(token: string): Buffer {
  const data = decodeBase64Url(token);
  if (data === null) throw new FernetError('bad-base64', 'the token is not valid base64url');
  const cipherLength = data.length - HEADER_LENGTH - HMAC_LENGTH;
  // Without a ciphertext the token is too short; 1-15 bytes of ciphertext (a 58-72 byte token) is
  // reported as a partial block, the more precise reason. Either way the minimum of 73 holds.
  if (cipherLength <= 0) {
    throw new FernetError('too-short', `the token decodes to ${data.length} bytes, fewer than the minimum ${MIN_TOKEN_LENGTH}`);
  }
  if (data[0] !== VERSION) throw new FernetError('bad-version', 'the token does not start with Fernet version byte 0x80');
  if (cipherLength % BLOCK_SIZE !== 0) {
    throw new FernetError('bad-length', 'the ciphertext is not a whole number of 16-byte blocks');
  }
  return data;
}

function removePkcs7Padding(padded: Buffer): Buffer {
  const count = padded[padded.length - 1] ?? 0;
  let valid = count >= 1 && count <= BLOCK_SIZE;
  for (let i = padded.length - count; valid && i < padded.length; i++) valid = padded[i] === count;
  if (!valid) throw new FernetError('bad-padding', 'the decrypted data has invalid PKCS7 padding');
  return padded.subarray(0, padded.length - count);
}

/** Canonical base64url with `=` padding. */
function encodeBase64Url(bytes: Buffer): string {
  const text = bytes.toString('base64url');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

/**
 * Strict base64url decoding: Node's decoder silently skips invalid characters, so the alphabet,
 * the padding and the unused trailing bits are checked here. Returns null when the text is not canonical.
 */
function decodeBase64Url(text: string): Buffer | null {
  const match = /^([A-Za-z0-9_-]*)(={0,2})$/.exec(text);
  if (match === null) return null;
  const body = match[1] ?? '';
  const padding = match[2] ?? '';
  if (body.length % 4 === 1) return null;
  if (padding !== '' && (body.length + padding.length) % 4 !== 0) return null;
  const bytes = Buffer.from(body, 'base64url');
  return bytes.toString('base64url') === body ? bytes : null;
}

function currentUnixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
