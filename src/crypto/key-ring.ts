// A MultiFernet-style key ring: the first key encrypts, every key decrypts, tokens move to the first key.
import { createHash } from 'node:crypto';
import {
  FernetError,
  decryptFernet,
  encryptFernet,
  parseFernetKey,
  type DecryptOptions,
  type EncryptOptions,
  type FernetKey,
} from './fernet.js';

export interface RingKey {
  /** First 8 hex characters of sha256(raw key bytes): safe to print, names the key in errors. */
  readonly id: string;
  readonly key: FernetKey;
}

export interface KeyRing {
  /** Where the keys came from (`CREDLEDGER_KEY`, `--key-file PATH`), for error messages. */
  readonly source: string;
  /** Never empty; the first key encrypts. */
  readonly keys: readonly [RingKey, ...RingKey[]];
}

export type KeyRingErrorCode = 'no-keys' | 'bad-key' | 'duplicate-key' | 'no-key-decrypts';

/** A key ring that cannot be built or cannot open a token. Names key ids and positions, never key material. */
export class KeyRingError extends Error {
  override readonly name = 'KeyRingError';
  constructor(
    readonly code: KeyRingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Returns the printable id of a key: the first 8 hex characters of sha256 of its 32 raw bytes. */
export function keyId(key: FernetKey): string {
  return createHash('sha256').update(key.rawBytes()).digest('hex').slice(0, 8);
}

/**
 * Parses keys separated by commas (the `CREDLEDGER_KEY` form) or by lines (a key file, where `#`
 * starts a comment). Surrounding whitespace is ignored; the first key encrypts.
 * @param source names the origin in error messages, e.g. `CREDLEDGER_KEY` or `--key-file keys.txt`.
 * @throws KeyRingError when there is no key, a key is malformed (named by position) or repeated.
 */
export function parseKeyRing(text: string, source = 'CREDLEDGER_KEY'): KeyRing {
  // base64url never contains '#', so everything after one is a comment.
  const entries = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const keys = entries.map((entry, index) => {
    try {
      return parseFernetKey(entry);
    } catch (error) {
      const why = error instanceof FernetError ? error.message : String(error);
      throw new KeyRingError('bad-key', `key ${index + 1} in ${source} is not a Fernet key: ${why}`, { cause: error });
    }
  });
  return createKeyRing(keys, source);
}

/**
 * Builds a ring from parsed keys; the first encrypts.
 * @throws KeyRingError('no-keys') for an empty list, ('duplicate-key') when a key appears twice,
 * which usually means a rotation forgot to put the new key first.
 */
export function createKeyRing(keys: readonly FernetKey[], source: string): KeyRing {
  const ringKeys = keys.map((key) => ({ id: keyId(key), key }));
  const [first, ...rest] = ringKeys;
  if (first === undefined) throw new KeyRingError('no-keys', `${source} holds no key`);
  const seen = new Set<string>();
  for (const { id } of ringKeys) {
    if (seen.has(id)) throw new KeyRingError('duplicate-key', `${source} lists key ${id} more than once`);
    seen.add(id);
  }
  return { source, keys: [first, ...rest] };
}

/** Returns the key that encrypts. */
export function primaryKey(ring: KeyRing): RingKey {
  return ring.keys[0];
}

/** Returns the key with this id, if the ring holds it. */
export function findKey(ring: KeyRing, id: string): RingKey | undefined {
  return ring.keys.find((entry) => entry.id === id);
}

/** Lists the ring's key ids for messages, e.g. `1a2b3c4d, 5e6f7a8b`. */
export function describeKeyIds(ring: KeyRing): string {
  return ring.keys.map((entry) => entry.id).join(', ');
}

/** Encrypts under the ring's first key. */
export function encryptWithRing(ring: KeyRing, plaintext: Buffer | string, options?: EncryptOptions): string {
  return encryptFernet(primaryKey(ring).key, plaintext, options);
}

export interface RingDecryptedToken {
  plaintext: Buffer;
  issuedAt: number;
  /** The id of the key that verified the token. */
  keyId: string;
}

/**
 * Decrypts with the first key of the ring that verifies the token.
 * Only an HMAC mismatch moves on to the next key: every other refusal (malformed, expired) would
 * be the same under any key, so it is reported as it is.
 * @throws FernetError for a token refused regardless of key; KeyRingError('no-key-decrypts') when no key verifies it.
 */
export function decryptWithRing(ring: KeyRing, token: string, options?: DecryptOptions): RingDecryptedToken {
  for (const { id, key } of ring.keys) {
    try {
      return { ...decryptFernet(key, token, options), keyId: id };
    } catch (error) {
      if (!(error instanceof FernetError) || error.reason !== 'bad-hmac') throw error;
    }
  }
  throw new KeyRingError('no-key-decrypts', `no key in ${ring.source} (${describeKeyIds(ring)}) verifies the token`);
}

/**
 * Re-encrypts a token under the ring's first key with a fresh IV. Like Python's `MultiFernet.rotate`,
 * the new token keeps the original timestamp: it records when the value was encrypted, and a
 * re-key must not make an old value look newly set (the plan's rollback guard compares it).
 */
export function rotateToken(ring: KeyRing, token: string, options: Pick<EncryptOptions, 'iv'> = {}): string {
  const { plaintext, issuedAt } = decryptWithRing(ring, token);
  return encryptWithRing(ring, plaintext, { ...options, now: issuedAt });
}
