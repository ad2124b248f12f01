// X25519 key pairs for sealed values: anyone with a recipient's public key can seal, only its private key opens (node:crypto only).
import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { FernetKey } from './fernet.js';

/** The text that starts a sealing private key, so it is never mistaken for a Fernet master key. */
export const SEALING_KEY_PREFIX = 'sealing-key:';

// DER framing of a raw X25519 key (RFC 8410): node:crypto imports raw keys only through PKCS#8 / SPKI.
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const RECIPIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const FINGERPRINT_MASTER_INFO = 'credledger/v1/sealing/fingerprint-master';

/** A sealing key or public key that cannot be used. Messages never contain private key material. */
export class SealingKeyError extends Error {
  override readonly name = 'SealingKeyError';
}

/** A recipient's public key, as listed in the inventory's `encryption.recipients`. */
export interface RecipientPublicKey {
  /** The recipient id written into every value sealed for it. */
  readonly id: string;
  /** 32 raw bytes as padded base64url (the inventory's `public_key`). */
  readonly publicKey: string;
}

/**
 * A recipient's X25519 private key (`CREDLEDGER_SEALING_KEY`). Its bytes stay private, so logging the
 * object cannot print them; it is named by recipient id and public-key id.
 */
export class SealingPrivateKey {
  readonly #key: KeyObject;
  /** The recipient this key opens values for. */
  readonly recipientId: string;
  /** The matching public key, padded base64url. */
  readonly publicKey: string;
  /** First 8 hex characters of sha256 of the raw public key: safe to print. */
  readonly id: string;

  constructor(recipientId: string, raw: Uint8Array) {
    if (!RECIPIENT_ID_PATTERN.test(recipientId)) throw new SealingKeyError(`a recipient id is letters, digits, '.', '_' or '-' (up to 64), got ${JSON.stringify(recipientId)}`);
    if (raw.length !== 32) throw new SealingKeyError(`a sealing private key is 32 bytes, got ${raw.length}`);
    this.#key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
    this.recipientId = recipientId;
    const publicRaw = rawPublicKey(createPublicKey(this.#key));
    this.publicKey = encodeBase64Url(publicRaw);
    this.id = publicKeyId(publicRaw);
  }

  /** The X25519 shared secret with another party's public key (32 raw bytes). */
  agree(otherPublicKey: KeyObject): Buffer {
    return diffieHellman({ privateKey: this.#key, publicKey: otherPublicKey });
  }

  /**
   * A Fernet key derived from the private key (HKDF-SHA256, info `credledger/v1/sealing/fingerprint-master`),
   * used only to fingerprint applied values when CI holds a sealing key and no master key. It never encrypts a value.
   */
  fingerprintMaster(): FernetKey {
    const raw = this.#key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_X25519_PREFIX.length);
    return new FernetKey(Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), FINGERPRINT_MASTER_INFO, 32)));
  }

  /** The key as text, `sealing-key:<recipient id>:<base64url>`: what CREDLEDGER_SEALING_KEY holds. */
  encode(): string {
    const raw = this.#key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_X25519_PREFIX.length);
    return `${SEALING_KEY_PREFIX}${this.recipientId}:${encodeBase64Url(raw)}`;
  }

  toString(): string {
    return `[SealingPrivateKey ${this.recipientId}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** A new key pair for a recipient: the private key (keep it secret) and the public key (for the inventory). */
export function generateSealingKeyPair(recipientId: string): { privateKey: SealingPrivateKey; recipient: RecipientPublicKey } {
  const { privateKey } = generateKeyPairSync('x25519');
  const raw = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_X25519_PREFIX.length);
  const key = new SealingPrivateKey(recipientId, raw);
  return { privateKey: key, recipient: { id: recipientId, publicKey: key.publicKey } };
}

/** Whether text is a valid recipient id (an inventory identifier: no `:` or `/`, which the value format and HKDF info use). */
export function isRecipientId(text: string): boolean {
  return RECIPIENT_ID_PATTERN.test(text);
}

/** Tells whether a key entry is a sealing private key (by its prefix) rather than a Fernet key. */
export function isSealingKeyText(text: string): boolean {
  return text.startsWith(SEALING_KEY_PREFIX);
}

/**
 * Parses `sealing-key:<recipient id>:<base64url of 32 bytes>`.
 * @throws SealingKeyError naming what is wrong, never echoing the key.
 */
export function parseSealingPrivateKey(text: string): SealingPrivateKey {
  if (!isSealingKeyText(text)) throw new SealingKeyError(`a sealing key starts with ${SEALING_KEY_PREFIX}`);
  const rest = text.slice(SEALING_KEY_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon <= 0) throw new SealingKeyError('a sealing key is sealing-key:<recipient id>:<key>');
  const raw = decodeBase64Url32(rest.slice(colon + 1));
  if (raw === null) throw new SealingKeyError('the key part of a sealing key must be 32 bytes of base64url');
  return new SealingPrivateKey(rest.slice(0, colon), raw);
}

/**
 * Imports a public key given as padded or unpadded base64url of its 32 raw bytes.
 * @throws SealingKeyError when it is not one.
 */
export function importPublicKey(text: string): KeyObject {
  const raw = decodeBase64Url32(text);
  if (raw === null) throw new SealingKeyError('an X25519 public key is 32 bytes of base64url (43 characters, optional =)');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** A fresh one-time key pair for one sealing: its shared secret with the recipient and its public key as text. */
export function agreeEphemeral(recipientPublicKey: KeyObject): { sharedSecret: Buffer; ephemeralPublicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { sharedSecret: diffieHellman({ privateKey, publicKey: recipientPublicKey }), ephemeralPublicKey: encodeBase64Url(rawPublicKey(publicKey)) };
}

/** HKDF-SHA256 of an X25519 shared secret, empty salt, this info, 32 bytes: a Fernet key. */
export function deriveFernetKeyFromSecret(sharedSecret: Buffer, info: string): FernetKey {
  return new FernetKey(Buffer.from(hkdfSync('sha256', sharedSecret, Buffer.alloc(0), info, 32)));
}

/** Names a public key in messages: the first 8 hex characters of sha256 of its raw bytes. */
export function publicKeyId(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 8);
}

/** The canonical (padded) text of a public key, or undefined when the text is not one. */
export function canonicalPublicKey(text: string): string | undefined {
  const raw = decodeBase64Url32(text);
  return raw === null ? undefined : encodeBase64Url(raw);
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519_PREFIX.length);
}

function encodeBase64Url(bytes: Buffer): string {
  const text = bytes.toString('base64url');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

/** Strict: exactly 32 bytes, canonical base64url (Node's decoder would skip stray characters). */
function decodeBase64Url32(text: string): Buffer | null {
  const match = /^([A-Za-z0-9_-]{43})=?$/.exec(text);
  if (match === null) return null;
  const bytes = Buffer.from(match[1] as string, 'base64url');
  return bytes.length === 32 && bytes.toString('base64url') === match[1] ? bytes : null;
}
