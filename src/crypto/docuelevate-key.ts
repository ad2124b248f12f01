// DocuElevate's settings encryption: a Fernet key derived from SESSION_SECRET and `enc:`-prefixed values.
import { createHash } from 'node:crypto';
import { parseFernetKey } from './fernet.js';
import { createKeyRing, decryptWithRing } from './key-ring.js';
import { SecretValue } from './secret-value.js';

/** The prefix DocuElevate puts in front of a Fernet token in its settings table. */
export const DOCUELEVATE_ENCRYPTED_PREFIX = 'enc:';

export interface DocuElevateSecrets {
  /** SESSION_SECRET: encrypts and decrypts. */
  current: string;
  /** SESSION_SECRET_PREVIOUS: decrypts only, during a session-secret rotation. */
  previous?: string;
}

/**
 * Derives DocuElevate's Fernet key from a session secret: padded urlsafe base64 of
 * sha256(utf8(secret)). The secret is used exactly as given (no trimming, no normalisation).
 */
export function docuelevateKey(sessionSecret: string): string {
  return createHash('sha256').update(sessionSecret, 'utf8').digest('base64url') + '=';
}

/**
 * Decrypts a value as DocuElevate stores it. Like DocuElevate, an empty value and a value without
 * the `enc:` prefix (legacy plaintext) are returned unchanged; an `enc:` value is decrypted with
 * MultiFernet([current, previous]) and no TTL.
 * @throws FernetError or KeyRingError when an `enc:` value opens under neither secret.
 */
export function decryptDocuElevateValue(storedValue: string, secrets: DocuElevateSecrets): SecretValue {
  if (!storedValue.startsWith(DOCUELEVATE_ENCRYPTED_PREFIX)) return new SecretValue(storedValue);
  const sessionSecrets = [secrets.current];
  // A previous secret equal to the current one (a rotation not yet started) adds nothing.
  if (secrets.previous !== undefined && secrets.previous !== secrets.current) sessionSecrets.push(secrets.previous);
  const source = sessionSecrets.length > 1 ? 'SESSION_SECRET and SESSION_SECRET_PREVIOUS' : 'SESSION_SECRET';
  const ring = createKeyRing(
    sessionSecrets.map((secret) => parseFernetKey(docuelevateKey(secret))),
    source,
  );
  const { plaintext } = decryptWithRing(ring, storedValue.slice(DOCUELEVATE_ENCRYPTED_PREFIX.length));
  return SecretValue.fromUtf8(plaintext);
}
