// Which credential values are issuer-side identifiers rather than secrets: what a rotation driver declares so. The run's
// redaction leaves those values readable (old → new key ids in a rotation's pull request and output), and only those.

import type { Inventory } from './inventory.js';

/**
 * An AWS access key id: `AKIA` (long-term) or `ASIA` (temporary) and 16 upper-case letters and digits. AWS documents
 * access key ids as identifiers, not secrets (they appear in CloudTrail, in signed request headers, in the console);
 * the secret access key (40 characters of mixed case, digits, `/` and `+`) can never have this shape.
 */
export const AWS_ACCESS_KEY_ID_SHAPE = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;

/**
 * The credentials whose value is an identifier, each with the only shape such a value may have: the credential that
 * carries an `aws-iam-access-key` rotation (its value is the access key id; the partner named by `secret` holds the
 * secret access key and is never one). A value of another shape stays a secret, so a mislabelled credential is still
 * redacted. Other drivers declare none: a generated secret and the admin password are secrets through and through.
 */
export function declaredIdentifiers(inventory: Inventory): ReadonlyMap<string, RegExp> {
  const declared = new Map<string, RegExp>();
  for (const credential of inventory.credentials) {
    if (credential.rotation?.driver === 'aws-iam-access-key' && credential.rotation.secret !== credential.id) declared.set(credential.id, AWS_ACCESS_KEY_ID_SHAPE);
  }
  return declared;
}

/** Whether `plaintext`, the value of `credentialId`, is an identifier under `declared`. */
export function isDeclaredIdentifier(declared: ReadonlyMap<string, RegExp>, credentialId: string, plaintext: string): boolean {
  return declared.get(credentialId)?.test(plaintext) === true;
}
