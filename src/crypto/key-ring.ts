// A MultiFernet-style key ring: the first key encrypts, every key decrypts, tokens move to the first key.
import { rememberRunSecret } from './run-secrets.js';
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
import { SealingKeyError, isSealingKeyText, parseSealingPrivateKey, type SealingPrivateKey } from './sealing-key.js';
import { keyEntriesOf } from './key-text.js';

export interface RingKey {
  /** First 8 hex characters of sha256(raw key bytes): safe to print, names the key in errors. */
  readonly id: string;
  readonly key: FernetKey;
  /**
   * Set for a key derived from a sealing private key: it only fingerprints applied values (when CI
   * holds no master key), never encrypts or opens a `fernet:` value. Such keys come after the master keys.
   */
  readonly fingerprintOnly?: boolean;
}

export interface KeyRing {
  /** Where the keys came from (`CREDLEDGER_KEY`, `--key-file PATH`), for error messages. */
  readonly source: string;
  /** Never empty; the first key encrypts (unless it is `fingerprintOnly`: then the ring holds sealing keys only). */
  readonly keys: readonly [RingKey, ...RingKey[]];
  /** Private keys that open `sealed:` values, one per recipient id; empty when none. */
  readonly sealingKeys: readonly SealingPrivateKey[];
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

/** The keys of one source, by kind, before they become a ring. */
export interface ParsedKeys {
  readonly masterKeys: FernetKey[];
  readonly sealingKeys: SealingPrivateKey[];
}

/**
 * Parses keys separated by commas (the `CREDLEDGER_KEY` form) or by lines (a key file, where `#`
 * starts a comment). Surrounding whitespace is ignored. An entry starting `sealing-key:` is a
 * sealing private key; every other entry is a Fernet master key, the first of which encrypts.
 * @param allow which kinds the source may hold (CREDLEDGER_SEALING_KEY holds sealing keys only).
 * @throws KeyRingError('bad-key') for a malformed entry (named by position), or one of a kind the source may not hold.
 */
export function parseKeys(text: string, source: string, allow: 'any' | 'sealing' = 'any'): ParsedKeys {
  const entries = keyEntriesOf(text);
  const parsed: ParsedKeys = { masterKeys: [], sealingKeys: [] };
  // A key, good or bad, is a secret of the run: no message may show it.
  for (const entry of entries) rememberRunSecret(entry);
  entries.forEach((entry, index) => {
    if (isSealingKeyText(entry)) {
      try {
        parsed.sealingKeys.push(parseSealingPrivateKey(entry));
      } catch (error) {
        const why = error instanceof SealingKeyError ? error.message : String(error);
        throw new KeyRingError('bad-key', `key ${index + 1} in ${source} is not a sealing key: ${why}`, { cause: error });
      }
      return;
    }
    if (allow === 'sealing') {
      throw new KeyRingError('bad-key', `key ${index + 1} in ${source} is not a sealing key (they start with sealing-key:); a Fernet master key belongs in CREDLEDGER_KEY`);
    }
    try {
      parsed.masterKeys.push(parseFernetKey(entry));
    } catch (error) {
      const why = error instanceof FernetError ? error.message : String(error);
      throw new KeyRingError('bad-key', `key ${index + 1} in ${source} is not a Fernet key: ${why}`, { cause: error });
    }
  });
  return parsed;
}

/**
 * Parses keys as {@link parseKeys} does and builds the ring.
 * @param source names the origin in error messages, e.g. `CREDLEDGER_KEY` or `--key-file keys.txt`.
 * @throws KeyRingError when there is no key, a key is malformed (named by position) or repeated.
 */
export function parseKeyRing(text: string, source = 'CREDLEDGER_KEY'): KeyRing {
  const { masterKeys, sealingKeys } = parseKeys(text, source);
  return createKeyRing(masterKeys, source, sealingKeys);
}

/**
 * Builds a ring from parsed keys; the first master key encrypts. Each sealing key adds a
 * fingerprint-only key after the master keys, so apply can fingerprint what it pushed with a
 * sealing key alone.
 * @throws KeyRingError('no-keys') when there is no key of either kind, ('duplicate-key') when a key
 * (or a sealing recipient) appears twice, which usually means a rotation forgot to put the new key first.
 */
export function createKeyRing(keys: readonly FernetKey[], source: string, sealingKeys: readonly SealingPrivateKey[] = []): KeyRing {
  const ringKeys: RingKey[] = [
    ...keys.map((key) => ({ id: keyId(key), key })),
    ...sealingKeys.map((sealing) => {
      const key = sealing.fingerprintMaster();
      return { id: keyId(key), key, fingerprintOnly: true };
    }),
  ];
  const [first, ...rest] = ringKeys;
  if (first === undefined) throw new KeyRingError('no-keys', `${source} holds no key`);
  const seen = new Set<string>();
  for (const { id } of ringKeys) {
    if (seen.has(id)) throw new KeyRingError('duplicate-key', `${source} lists key ${id} more than once`);
    seen.add(id);
  }
  const recipients = new Set<string>();
  for (const { recipientId } of sealingKeys) {
    if (recipients.has(recipientId)) throw new KeyRingError('duplicate-key', `${source} lists a sealing key for recipient ${recipientId} more than once`);
    recipients.add(recipientId);
  }
  return { source, keys: [first, ...rest], sealingKeys: [...sealingKeys] };
}

/** Whether the ring holds a master key (it may hold only sealing keys): `set` and `rekey` to `fernet:` need one. */
export function holdsMasterKey(ring: KeyRing): boolean {
  return ring.keys[0].fingerprintOnly !== true;
}

/** The master keys of the ring (not the fingerprint-only ones). */
export function masterKeys(ring: KeyRing): RingKey[] {
  return ring.keys.filter((entry) => entry.fingerprintOnly !== true);
}

/** Returns the key that encrypts. */
export function primaryKey(ring: KeyRing): RingKey {
  return ring.keys[0];
}

/** Returns the key with this id, if the ring holds it. */
export function findKey(ring: KeyRing, id: string): RingKey | undefined {
  return ring.keys.find((entry) => entry.id === id);
}

/** Lists the ring's master key ids for messages, e.g. `1a2b3c4d, 5e6f7a8b`, or `no master key`. */
export function describeKeyIds(ring: KeyRing): string {
  const ids = masterKeys(ring).map((entry) => entry.id);
  return ids.length === 0 ? 'no master key' : ids.join(', ');
}

/** Lists the recipients the ring's sealing keys open, e.g. `ci, ci-2027`, or `no sealing key`. */
export function describeSealingRecipients(ring: KeyRing): string {
  return ring.sealingKeys.length === 0 ? 'no sealing key' : ring.sealingKeys.map((key) => key.recipientId).join(', ');
}

/** Encrypts under the ring's first key. */
export function encryptWithRing(ring: KeyRing, plaintext: Buffer | string, options?: EncryptOptions): string {
  if (!holdsMasterKey(ring)) throw new KeyRingError('no-keys', `${ring.source} holds no master key to encrypt with`);
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
  for (const { id, key } of masterKeys(ring)) {
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
