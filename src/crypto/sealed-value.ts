// Inventory values `fernet:<keyId>:<token>` and `sealed:<recipient>:<ephemeral key>:<token>`, each encrypted under a key derived for its place in the file.
import { createHmac, hkdfSync } from 'node:crypto';
import { FernetError, FernetKey, decryptFernet, encryptFernet, type DecryptedToken } from './fernet.js';
import { describeKeyIds, describeSealingRecipients, holdsMasterKey, keyId, masterKeys, primaryKey, type KeyRing, type RingKey } from './key-ring.js';
import { isRunIdentifier } from './run-secrets.js';
import { SecretValue } from './secret-value.js';
import { SealingKeyError, agreeEphemeral, canonicalPublicKey, isRecipientId, deriveFernetKeyFromSecret, importPublicKey, type RecipientPublicKey, type SealingPrivateKey } from './sealing-key.js';
import type { ValuePlace } from '../core/inventory.js';
import {
  formatRecipientSealed,
  parseSealedValueText,
  type FernetValueParts,
  type RecipientSealedParts,
  type SealedValueParts,
} from '../core/sealed-value-format.js';

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

/** Splits `fernet:<keyId>:<token>` or `sealed:<recipient>:<ephemeral key>:<token>`; null when the text has neither format. */
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
  if (!holdsMasterKey(ring)) throw new RangeError(`${ring.source} holds no master key: seal the value for a recipient instead`);
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
  /** The value under the new key or recipient; the input itself when it already was. */
  sealed: string;
  changed: boolean;
  /** What the value was under before: a key id, or `sealed:<recipient>`. */
  fromKeyId: string;
}

/**
 * Moves a value to the ring's first master key (for rekey), after checking it opens in its place.
 * With `toRecipient`, seals it for that recipient instead (rekey --to-sealed, recipient rotation);
 * a value already sealed for that recipient is left as it is, unopened: the ring need not hold its
 * private key. The new token keeps the old timestamp, which records when the value was set, not
 * when it was re-keyed.
 * @throws SealedValueError as {@link openSealedValue}.
 */
export function resealValue(ring: KeyRing, place: Place, sealed: string, candidates: readonly Place[] = [], toRecipient?: RecipientPublicKey): ResealResult {
  const parts = parseSealedValue(sealed);
  if (toRecipient !== undefined && parts?.kind === 'sealed' && parts.recipientId === toRecipient.id) {
    return { sealed, changed: false, fromKeyId: parts.keyId };
  }
  const { value, keyId, issuedAt } = openWithKey(ring, place, sealed, candidates);
  if (toRecipient !== undefined) {
    return { sealed: sealValueForRecipient(toRecipient, place, value, issuedAt), changed: true, fromKeyId: keyId };
  }
  const master = primaryKey(ring);
  if (keyId === master.id) return { sealed, changed: false, fromKeyId: keyId };
  if (!holdsMasterKey(ring)) throw new RangeError(`${ring.source} holds no master key to re-encrypt under`);
  const resealed = encryptFernet(derivePlaceKey(master.key, place), value.reveal(), { now: issuedAt });
  return { sealed: formatSealed(master.id, resealed), changed: true, fromKeyId: keyId };
}

/**
 * Seals a value for a recipient with only its public key: a one-time X25519 key pair is agreed with
 * the recipient's key, and HKDF-SHA256 of the shared secret (empty salt, 32 bytes, the info string
 * of {@link sealedPlaceInfo}: recipient, both public keys and the place) gives the Fernet key of a
 * standard Fernet token. The result is `sealed:<recipient id>:<ephemeral public key>:<token>`; it
 * opens only with the recipient's private key, and only in this place. No master key is involved.
 * @param now Unix seconds recorded in the token (when the value was sealed).
 * @throws SealingKeyError for a public key that is not an X25519 key; SealedValueError('bad-place').
 */
export function sealValueForRecipient(recipient: RecipientPublicKey, place: Place, plaintext: string | SecretValue, now: number): string {
  if (!isRecipientId(recipient.id)) throw new SealingKeyError(`a recipient id is letters, digits, '.', '_' or '-' (up to 64), got ${JSON.stringify(recipient.id)}`);
  const recipientKey = importPublicKey(recipient.publicKey);
  const { sharedSecret, ephemeralPublicKey } = agreeEphemeral(recipientKey);
  const publicKey = canonicalPublicKey(recipient.publicKey) as string; // imported above, so it is one
  const key = deriveFernetKeyFromSecret(sharedSecret, sealedPlaceInfo(recipient.id, publicKey, ephemeralPublicKey, place));
  const text = typeof plaintext === 'string' ? plaintext : plaintext.reveal();
  return formatRecipientSealed(recipient.id, ephemeralPublicKey, encryptFernet(key, text, { now }));
}

/**
 * The HKDF info string of a sealed value: `credledger/v1/sealed/<recipient id>/<recipient public
 * key>/<ephemeral public key>/<credential id>[/<deployment>]`, public keys as padded base64url.
 * Binding both public keys follows the usual ECIES practice; binding the place means a value moved
 * to another credential or deployment does not open there (see docs/emergency-decrypt.md).
 * @throws SealedValueError('bad-place') for an id that is empty or contains `/`.
 */
export function sealedPlaceInfo(recipientId: string, recipientPublicKey: string, ephemeralPublicKey: string, place: Place): string {
  return `credledger/v1/sealed/${recipientId}/${recipientPublicKey}/${ephemeralPublicKey}/${placeInfo(place).slice(VALUE_INFO_PREFIX.length)}`;
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
  const master = withKeyId === undefined ? primaryKey(ring) : requireKey(ring, place, withKeyId, 'the fingerprint was made', true);
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

/** The ring key apply fingerprints one value under, and how messages name it. */
export interface FingerprintKeyChoice {
  /** A ring key id, to pass to {@link fingerprintValue} as `withKeyId`. */
  readonly keyId: string;
  /** E.g. `key 1a2b3c4d`, or `recipient ci` for the fingerprint key of recipient ci's sealing key. */
  readonly name: string;
}

/**
 * Which ring key fingerprints a value once applied: for a `sealed:` value whose recipient's private
 * key the ring holds, the fingerprint-only key derived from that private key; otherwise the ring's
 * first key. A CI that applies sealed values keeps their private key, whether or not it still
 * holds a master key, so fingerprints under it stay checkable after the master key leaves (and
 * after a recipient rotation, once the old private key has left).
 */
export function chooseFingerprintKey(ring: KeyRing, sealed: string): FingerprintKeyChoice {
  const parts = parseSealedValue(sealed);
  if (parts?.kind === 'sealed') {
    const sealing = ring.sealingKeys.find((candidate) => candidate.recipientId === parts.recipientId);
    if (sealing !== undefined) return { keyId: keyId(sealing.fingerprintMaster()), name: `recipient ${parts.recipientId}` };
  }
  const first = primaryKey(ring);
  return { keyId: first.id, name: `key ${first.id}` };
}

/** What opens one value: the Fernet key for a place, and how messages name it. */
interface ValueOpener {
  /** The value's `keyId` (a key id, or `sealed:<recipient>`). */
  readonly keyId: string;
  /** E.g. `key 1a2b3c4d` or `the sealing key of recipient ci (public key 3f2a9c1e)`. */
  readonly under: string;
  keyFor(place: Place): FernetKey;
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
    throw new SealedValueError(
      'malformed',
      `the value of ${where} is not an encrypted value (fernet:<key-id>:<token> or sealed:<recipient-id>:<ephemeral-public-key>:<token>)`,
      place,
    );
  }
  const opener = parts.kind === 'fernet' ? fernetOpener(ring, place, parts) : sealedOpener(ring, place, parts);
  let decrypted: DecryptedToken;
  try {
    decrypted = decryptFernet(opener.keyFor(place), parts.token);
  } catch (error) {
    if (!(error instanceof FernetError)) throw error;
    if (error.reason !== 'bad-hmac') {
      throw new SealedValueError('malformed', `the value of ${where} has a damaged token: ${error.message}`, place, { cause: error });
    }
    const owner = candidates.find((candidate) => !isSamePlace(candidate, place) && opensIn(opener, candidate, parts.token));
    if (owner !== undefined) {
      throw new SealedValueError('wrong-place', `this value belongs to ${describePlace(owner)}, not ${where}`, place);
    }
    const why = parts.kind === 'fernet' ? 'it was altered, or sealed for another place' : "it was altered, sealed for another place, or that key is not the recipient's";
    throw new SealedValueError('not-authentic', `the value of ${where} does not verify under ${opener.under}: ${why}`, place, { cause: error });
  }
  try {
    const value = SecretValue.fromUtf8(decrypted.plaintext, (text) => isRunIdentifier(place.credentialId, text));
    return { value, keyId: opener.keyId, issuedAt: decrypted.issuedAt };
  } catch (error) {
    throw new SealedValueError('not-utf8', `the value of ${where} decrypts to bytes that are not UTF-8 text`, place, { cause: error });
  }
}

function fernetOpener(ring: KeyRing, place: Place, parts: FernetValueParts): ValueOpener {
  const master = requireKey(ring, place, parts.keyId, 'it is encrypted');
  return { keyId: master.id, under: `key ${master.id}`, keyFor: (candidate) => derivePlaceKey(master.key, candidate) };
}

function sealedOpener(ring: KeyRing, place: Place, parts: RecipientSealedParts): ValueOpener {
  const where = describePlace(place);
  const key = ring.sealingKeys.find((candidate) => candidate.recipientId === parts.recipientId);
  if (key === undefined) {
    throw new SealedValueError(
      'unknown-key',
      `the value of ${where}: it is sealed for recipient ${parts.recipientId}, whose private key ${ring.source} does not hold (it holds ${describeSealingRecipients(ring)})`,
      place,
    );
  }
  const sharedSecret = agreeWith(key, parts, place);
  return {
    keyId: parts.keyId,
    under: `the sealing key of recipient ${key.recipientId} (public key ${key.id})`,
    keyFor: (candidate) => deriveFernetKeyFromSecret(sharedSecret, sealedPlaceInfo(key.recipientId, key.publicKey, parts.ephemeralPublicKey, candidate)),
  };
}

function agreeWith(key: SealingPrivateKey, parts: RecipientSealedParts, place: Place): Buffer {
  try {
    return key.agree(importPublicKey(parts.ephemeralPublicKey));
  } catch (error) {
    // A low-order point gives an all-zero secret, which OpenSSL refuses: no honest sealer makes one.
    if (error instanceof SealingKeyError || (error as { code?: string }).code === 'ERR_OSSL_FAILED_DURING_DERIVATION') {
      throw new SealedValueError('malformed', `the value of ${describePlace(place)} has an unusable ephemeral public key`, place, { cause: error });
    }
    throw error;
  }
}

function requireKey(ring: KeyRing, place: Place, id: string, what: string, forFingerprint = false): RingKey {
  // Fingerprint-only keys may check a fingerprint, never open a value.
  const usable = forFingerprint ? ring.keys : masterKeys(ring);
  const found = usable.find((entry) => entry.id === id);
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

function opensIn(opener: ValueOpener, place: Place, token: string): boolean {
  try {
    decryptFernet(opener.keyFor(place), token);
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
  return `${VALUE_INFO_PREFIX}${parts.join('/')}`;
}

const VALUE_INFO_PREFIX = 'credledger/v1/value/';


function deriveKey(masterKey: FernetKey, info: string): FernetKey {
  return new FernetKey(Buffer.from(hkdfSync('sha256', masterKey.rawBytes(), Buffer.alloc(0), info, 32)));
}

function formatSealed(keyId: string, token: string): string {
  return `fernet:${keyId}:${token}`;
}
