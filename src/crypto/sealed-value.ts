// Inventory values `fernet:<keyId>:<token>`, each encrypted under a key derived for its place in the file.
import { createHmac, hkdfSync } from 'node:crypto';
import { FernetError, FernetKey, decryptFernet, encryptFernet, type DecryptedToken } from './fernet.js';
import { describeKeyIds, findKey, primaryKey, type KeyRing, type RingKey } from './key-ring.js';
import { SecretValue } from './secret-value.js';
import type { ValuePlace } from '../core/inventory.js';
import { parseSealedValueText, type SealedValueParts } from '../core/sealed-value-format.js';

/** Where a value sits: a credential's `value`, or its `values.<deployment>`. */
export type Place = ValuePlace;
export type { SealedValueParts };

export type SealedValueErrorCode = 'malformed' | 'unknown-key' | 'wrong-place' | 'not-authentic' | 'bad-place' | 'not-utf8';

/** A value that cannot be opened here. Messages name places and key ids, never values or key material. */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
  constructor(
    readonly code: SealedValueErrorCode,
    message: string,
    readonly place: Place,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const FINGERPRINT_INFO = 'credledger/v1/fingerprint';

/** Tells whether text has the encrypted-value format (it says nothing about whether it opens). */
export function isSealedValue(text: string): boolean {
  return parseSealedValueText(text) !== undefined;
}

/** Splits `fernet:<keyId>:<token>`; null when the text does not have that format. */
export function parseSealedValue(text: string): SealedValueParts | null {
  return parseSealedValueText(text) ?? null;
}

/** Names a place the way messages do: `openai` or `openai in deployment production`. */
export function describePlace(place: Place): string {
  return place.deployment === undefined ? place.credentialId : `${place.credentialId} in deployment ${place.deployment}`;
}

/**
 * Derives the Fernet key for one place: HKDF-SHA256 of the master key, empty salt, info
 * `credledger/v1/value/<credentialId>[/<deployment>]`, 32 bytes. A token made with it opens only
 * in that place, and stays a standard Fernet token (see docs/emergency-decrypt.md).
 * @throws SealedValueError('bad-place') for an empty id or one containing `/`, which would make two places share an info string.
 */
export function derivePlaceKey(masterKey: FernetKey, place: Place): FernetKey {
  return deriveKey(masterKey, placeInfo(place));
}

/**
 * Encrypts a value for its place under the ring's first key.
 * @param now Unix seconds recorded in the token (when the value was sealed).
 */
export function sealValue(ring: KeyRing, place: Place, plaintext: string | SecretValue, now: number): string {
  const master = primaryKey(ring);
  const text = typeof plaintext === 'string' ? plaintext : plaintext.reveal();
  return formatSealed(master.id, encryptFernet(derivePlaceKey(master.key, place), text, { now }));
}

/**
 * Decrypts a value for its place. When it does not verify there, each candidate place (e.g. every
 * credential and deployment of the inventory) is tried, only to name where the value was copied from:
 * a value is never returned for a place it was not sealed for.
 * @throws SealedValueError: 'malformed', 'unknown-key' (lists the ring's ids), 'wrong-place'
 * ("this value belongs to …, not …"), 'not-authentic', 'bad-place', 'not-utf8'.
 */
export function openSealedValue(ring: KeyRing, place: Place, sealed: string, candidates: readonly Place[] = []): SecretValue {
  return openWithKey(ring, place, sealed, candidates).value;
}

export interface ResealResult {
  /** The value under the ring's first key; the input itself when it already was. */
  sealed: string;
  changed: boolean;
  /** The key id the value was encrypted under before. */
  fromKeyId: string;
}

/**
 * Moves a value to the ring's first key (for rekey), after checking it opens in its place. The new
 * token keeps the old timestamp, which records when the value was set, not when it was re-keyed.
 * @throws SealedValueError as {@link openSealedValue}.
 */
export function resealValue(ring: KeyRing, place: Place, sealed: string, candidates: readonly Place[] = []): ResealResult {
  const { value, keyId, issuedAt } = openWithKey(ring, place, sealed, candidates);
  const master = primaryKey(ring);
  if (keyId === master.id) return { sealed, changed: false, fromKeyId: keyId };
  const resealed = encryptFernet(derivePlaceKey(master.key, place), value.reveal(), { now: issuedAt });
  return { sealed: formatSealed(master.id, resealed), changed: true, fromKeyId: keyId };
}

export interface ValueFingerprint {
  keyId: string;
  /** Hex HMAC-SHA256 of the place and value under a key derived for fingerprints. */
  fingerprint: string;
}

/**
 * Fingerprints a value for apply's state: HMAC-SHA256 keyed by HKDF(master, info
 * `credledger/v1/fingerprint`) over the place and the value. Keyed, so a stored fingerprint of a
 * low-entropy password cannot be brute-forced without the key; bound to the place, so equal values
 * in two places do not show as equal.
 * @param withKeyId fingerprint under this ring key (to compare with a stored fingerprint); default: the first key.
 * @throws SealedValueError('unknown-key') when the ring does not hold `withKeyId`.
 */
export function fingerprintValue(ring: KeyRing, place: Place, plaintext: string | SecretValue, withKeyId?: string): ValueFingerprint {
  const master = withKeyId === undefined ? primaryKey(ring) : requireKey(ring, place, withKeyId, 'the fingerprint was made');
  const info = Buffer.from(placeInfo(place), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(info.length);
  // The length prefix keeps (place, value) pairs from running into each other.
  const fingerprint = createHmac('sha256', deriveKey(master.key, FINGERPRINT_INFO).rawBytes())
    .update(length)
    .update(info)
    .update(typeof plaintext === 'string' ? plaintext : plaintext.reveal(), 'utf8')
    .digest('hex');
  return { keyId: master.id, fingerprint };
}

function openWithKey(
  ring: KeyRing,
  place: Place,
  sealed: string,
  candidates: readonly Place[],
): { value: SecretValue; keyId: string; issuedAt: number } {
  const where = describePlace(place);
  const parts = parseSealedValue(sealed);
  if (parts === null) {
    throw new SealedValueError('malformed', `the value of ${where} is not an encrypted value (fernet:<key-id>:<token>)`, place);
  }
  const master = requireKey(ring, place, parts.keyId, 'it is encrypted');
  let decrypted: DecryptedToken;
  try {
    decrypted = decryptFernet(derivePlaceKey(master.key, place), parts.token);
  } catch (error) {
    if (!(error instanceof FernetError)) throw error;
    if (error.reason !== 'bad-hmac') {
      throw new SealedValueError('malformed', `the value of ${where} has a damaged token: ${error.message}`, place, { cause: error });
    }
    const owner = candidates.find((candidate) => !isSamePlace(candidate, place) && opensIn(master, candidate, parts.token));
    if (owner !== undefined) {
      throw new SealedValueError('wrong-place', `this value belongs to ${describePlace(owner)}, not ${where}`, place);
    }
    throw new SealedValueError(
      'not-authentic',
      `the value of ${where} does not verify under key ${master.id}: it was altered, or sealed for another place`,
      place,
      { cause: error },
    );
  }
  try {
    return { value: SecretValue.fromUtf8(decrypted.plaintext), keyId: master.id, issuedAt: decrypted.issuedAt };
  } catch (error) {
    throw new SealedValueError('not-utf8', `the value of ${where} decrypts to bytes that are not UTF-8 text`, place, { cause: error });
  }
}

function requireKey(ring: KeyRing, place: Place, id: string, what: string): RingKey {
  const found = findKey(ring, id);
  if (found !== undefined) return found;
  throw new SealedValueError(
    'unknown-key',
    `the value of ${describePlace(place)}: ${what} under key ${id}, which ${ring.source} does not hold (it holds ${describeKeyIds(ring)})`,
    place,
  );
}

function isSamePlace(a: Place, b: Place): boolean {
  return a.credentialId === b.credentialId && a.deployment === b.deployment;
}

function opensIn(master: RingKey, place: Place, token: string): boolean {
  try {
    decryptFernet(derivePlaceKey(master.key, place), token);
    return true;
  } catch {
    return false;
  }
}

function placeInfo(place: Place): string {
  const parts = place.deployment === undefined ? [place.credentialId] : [place.credentialId, place.deployment];
  if (parts.some((part) => part === '' || part.includes('/'))) {
    throw new SealedValueError('bad-place', `cannot key a value for ${describePlace(place)}: ids must be non-empty and contain no "/"`, place);
  }
  return `credledger/v1/value/${parts.join('/')}`;
}

function deriveKey(masterKey: FernetKey, info: string): FernetKey {
  return new FernetKey(Buffer.from(hkdfSync('sha256', masterKey.rawBytes(), Buffer.alloc(0), info, 32)));
}

function formatSealed(keyId: string, token: string): string {
  return `fernet:${keyId}:${token}`;
}
