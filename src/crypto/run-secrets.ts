// The secrets this run holds (every decrypted value, auth secret, key and URL password), for the outward redaction.
import { SecretRedactor } from '../core/redaction.js';

/**
 * One registry per process: a CLI run or an Action run. Every {@link SecretValue} adds itself on creation; keys and
 * URL passwords are added where they are read. Everything the run prints or posts passes {@link redactRunSecrets}.
 */
const RUN_SECRETS = new SecretRedactor();

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
