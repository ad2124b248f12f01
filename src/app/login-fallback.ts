// The inventory's applied admin_password as a login fallback, shared by apply and audit: DocuElevate's login takes a
// written admin_password at once, so after a rotation the deployment's password variable is stale until someone updates it.
import type { LoginPassword, StaleLogin } from '../ports/deployment-connection.js';
import { findAppliedSetting, type AppliedSetting, type AppliedState } from '../core/applied-state.js';
import { ADMIN_PASSWORD_SETTING } from '../core/docuelevate-catalogue.js';
import type { DesiredSetting } from '../core/apply-plan.js';
import type { Deployment, ValuePlace } from '../core/inventory.js';
import { findKey, type KeyRing } from '../crypto/key-ring.js';
import { fingerprintValue } from '../crypto/sealed-value.js';
import type { SecretValue } from '../crypto/secret-value.js';

/** The place a fingerprint is bound to: the credential on the deployment it was pushed to. */
export function fingerprintPlace(credentialId: string, deployment: string): ValuePlace {
  return { credentialId, deployment };
}

/**
 * Whether the recorded fingerprint is the inventory's value now. It is recomputed with the key the
 * record names; when the ring no longer holds that key the value counts as changed (pushed again).
 */
export function isAppliedValue(ring: KeyRing, desired: DesiredSetting, value: SecretValue, record: AppliedSetting): boolean {
  if (findKey(ring, record.keyId) === undefined) return false;
  const { fingerprint } = fingerprintValue(ring, fingerprintPlace(desired.credentialId, desired.deployment), value, record.keyId);
  return fingerprint === record.fingerprint;
}

/**
 * The inventory's admin_password for a deployment, when the applied state says it is the value DocuElevate
 * holds: the password to log in with when the deployment's password variable was not updated after a rotation.
 * @param desired the deployment's desired admin_password, if the inventory has one
 * @param value its decrypted value
 */
export function appliedAdminPasswordFallback(
  ring: KeyRing,
  state: AppliedState,
  desired: DesiredSetting | undefined,
  value: SecretValue | undefined,
): LoginPassword[] {
  if (desired === undefined || value === undefined || desired.setting !== ADMIN_PASSWORD_SETTING) return [];
  const record = findAppliedSetting(state, desired.deployment, ADMIN_PASSWORD_SETTING);
  if (record === undefined || !isAppliedValue(ring, desired, value, record)) return [];
  return [{ password: value, source: `the inventory's applied ${ADMIN_PASSWORD_SETTING} of ${desired.deployment} (credential ${desired.credentialId})` }];
}

/** The deployment's password variable, for messages that tell the team which CI secret to update. */
export function passwordVariableOf(deployment: Deployment): string | undefined {
  return deployment.auth.method === 'login' ? deployment.auth.passwordEnv : undefined;
}

/** "DOCUELEVATE_PROD_PASSWORD is stale: ...": which variable no longer opens the deployment, and what to do. */
export function describeStaleLogin(deployment: Deployment, stale: StaleLogin): string | undefined {
  const variable = passwordVariableOf(deployment);
  if (variable === undefined) return undefined;
  return `${variable} is stale: DocuElevate refused its password for ${deployment.id}, and ${stale.usedInstead} opened instead; update ${variable} to that value (credledger reveal)`;
}

/**
 * The same, found without logging in (a run with nothing to write): the variable's password is not the inventory's
 * applied admin_password, which the deployment's login takes since apply wrote it.
 * @param fallback what {@link appliedAdminPasswordFallback} found for the deployment
 */
export function describeStaleVariable(deployment: Deployment, variablePassword: SecretValue, fallback: LoginPassword): string | undefined {
  const variable = passwordVariableOf(deployment);
  if (variable === undefined || fallback.password.equals(variablePassword)) return undefined;
  return `${variable} is stale: it is not ${fallback.source}, which ${deployment.id}'s login takes since apply wrote it; update ${variable} to that value (credledger reveal)`;
}
