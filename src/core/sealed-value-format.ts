// The text forms of an encrypted inventory value, recognised without any key: `fernet:<key id>:<token>` and `sealed:<recipient id>:<ephemeral public key>:<token>`.

const FERNET_PREFIX = 'fernet:';
const FERNET_KEY_ID_LENGTH = 8;
const FERNET_VALUE_PATTERN = /^fernet:[0-9a-f]{8}:[A-Za-z0-9_-]{20,}={0,2}$/;
// A recipient id is an inventory identifier; the ephemeral key is 32 bytes of base64url (43 characters, with its `=`).
const SEALED_VALUE_PATTERN = /^sealed:([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=):([A-Za-z0-9_-]{20,}={0,2})$/;

/** A value encrypted under a master key of the ring (`credledger set`). */
export interface FernetValueParts {
  readonly kind: 'fernet';
  /** The id of the master key it was encrypted under. */
  readonly keyId: string;
  readonly token: string;
}

/** A value sealed for a recipient's public key (`credledger seal`): only that recipient's private key opens it. */
export interface RecipientSealedParts {
  readonly kind: 'sealed';
  /** The recipient (an `encryption.recipients[].id`) whose private key opens it. */
  readonly recipientId: string;
  /**
   * `sealed:<recipient id>`: what the value is under, in the same field as a Fernet value's key id,
   * so code that counts or compares values per key treats both forms alike (a hex key id never contains `:`).
   */
  readonly keyId: string;
  /** The sender's one-time X25519 public key, 32 bytes as base64url. */
  readonly ephemeralPublicKey: string;
  readonly token: string;
}

/** The parts of an encrypted value, of either form. */
export type SealedValueParts = FernetValueParts | RecipientSealedParts;

/** Splits either encrypted form; undefined when the text is in neither. */
export function parseSealedValueText(text: string): SealedValueParts | undefined {
  // Several rules, status and plan each ask about every value of a large inventory: each text is split once.
  const known = SPLIT_VALUES.get(text);
  if (known !== undefined) return known ?? undefined;
  const parts = splitSealedValueText(text);
  if (SPLIT_VALUES.size >= 200_000) SPLIT_VALUES.clear();
  SPLIT_VALUES.set(text, parts ?? null);
  return parts;
}

const SPLIT_VALUES = new Map<string, SealedValueParts | null>();

/**
 * Splits either encrypted form without remembering the answer: for a caller that keeps it (the inventory's list of
 * its values), where the cache above would only add a lookup per value.
 */
export function splitSealedValueText(text: string): SealedValueParts | undefined {
  // test, not exec: the pattern fixes where the parts are (the prefix, the key id, a colon, the token), so no match
  // array is made for each of an inventory's values.
  if (FERNET_VALUE_PATTERN.test(text)) {
    const keyIdEnd = FERNET_PREFIX.length + FERNET_KEY_ID_LENGTH;
    return { kind: 'fernet', keyId: text.slice(FERNET_PREFIX.length, keyIdEnd), token: text.slice(keyIdEnd + 1) };
  }
  const sealed = SEALED_VALUE_PATTERN.exec(text);
  if (sealed) {
    const recipientId = sealed[1] as string;
    return { kind: 'sealed', recipientId, keyId: `sealed:${recipientId}`, ephemeralPublicKey: sealed[2] as string, token: sealed[3] as string };
  }
  return undefined;
}

/** Writes a sealed value's text form. */
export function formatRecipientSealed(recipientId: string, ephemeralPublicKey: string, token: string): string {
  return `sealed:${recipientId}:${ephemeralPublicKey}:${token}`;
}

/** How messages name what a value is under, from its `keyId`: `key 1a2b3c4d`, or `recipient ci` for `sealed:ci`. */
export function describeValueKey(keyId: string): string {
  return keyId.startsWith('sealed:') ? `recipient ${keyId.slice('sealed:'.length)}` : `key ${keyId}`;
}

const PLAINTEXT_HINTS: readonly [RegExp, string][] = [
  [/^sealed:/, 'a damaged sealed value: the form is sealed:<recipient-id>:<ephemeral-public-key>:<token>'],
  [/^fernet:/, 'a damaged encrypted value: the form is fernet:<key-id>:<token>'],
  [/^sk-/, 'an OpenAI-style API key'],
  [/^(AKIA|ASIA)[A-Z0-9]{12,}/, 'an AWS access key id'],
  [/^gh[pousr]_/, 'a GitHub token'],
  [/^xox[abposr]-/, 'a Slack token'],
  [/^-----BEGIN /, 'a PEM key or certificate'],
  [/^enc:/, "a DocuElevate database value (enc:…), encrypted under the deployment's SESSION_SECRET, not credledger's key"],
  [/^\s*\{/, 'a JSON document'],
];

/** A short description of what a plaintext value looks like, never the value itself. */
export function describePlaintext(text: string): string | undefined {
  return PLAINTEXT_HINTS.find(([pattern]) => pattern.test(text))?.[1];
}
