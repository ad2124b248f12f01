// The secrets this run holds (every decrypted value, auth secret, key and URL password), for the outward redaction.
import { SecretRedactor } from '../core/redaction.js';
import { isDeclaredIdentifier } from '../core/rotation-identifiers.js';

/**
 * One registry per process: a CLI run or an Action run. Every {@link SecretValue} adds itself on creation; keys and
 * URL passwords are added where they are read. Everything the run prints or posts passes {@link redactRunSecrets}.
 */
const RUN_SECRETS = new SecretRedactor();

/**
 * The credentials this run's inventories declare identifiers (see core/rotation-identifiers.ts), with their shapes:
 * a value decrypted for one of them, of that shape, is not added to the redaction.
 */
const RUN_IDENTIFIERS = new Map<string, RegExp>();

/** Records the identifier credentials of an inventory the run loaded (before any of its values is decrypted). */
export function declareRunIdentifiers(declared: ReadonlyMap<string, RegExp>): void {
  for (const [credentialId, shape] of declared) RUN_IDENTIFIERS.set(credentialId, shape);
}

/** Whether a value decrypted for `credentialId` is an issuer-side identifier (shown), not a secret (redacted). */
export function isRunIdentifier(credentialId: string, plaintext: string): boolean {
  return isDeclaredIdentifier(RUN_IDENTIFIERS, credentialId, plaintext);
}

/** Adds a secret the run holds, before anything can print it. */
export function rememberRunSecret(secret: string): void {
  RUN_SECRETS.remember(secret);
}

/** The text without any secret of this run (whole, in pieces of 8+ characters, or encoded). */
export function redactRunSecrets(text: string): string {
  return RUN_SECRETS.redact(text);
}

/** The registry itself, for code that takes a redactor. */
export function runSecretRedactor(): Pick<SecretRedactor, 'redact'> {
  return RUN_SECRETS;
}
