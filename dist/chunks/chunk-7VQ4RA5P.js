import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  findAppliedSetting
} from "./chunk-45NTUV52.js";
import {
  fingerprintValue
} from "./chunk-56YDMF47.js";
import {
  findKey
} from "./chunk-XJZ662F7.js";
import {
  ADMIN_PASSWORD_SETTING
} from "./chunk-PNS7CLM4.js";

// src/app/login-fallback.ts
function fingerprintPlace(credentialId, deployment) {
  return { credentialId, deployment };
}
function isAppliedValue(ring, desired, value, record) {
  if (findKey(ring, record.keyId) === void 0) return false;
  const { fingerprint } = fingerprintValue(ring, fingerprintPlace(desired.credentialId, desired.deployment), value, record.keyId);
  return fingerprint === record.fingerprint;
}
function appliedAdminPasswordFallback(ring, state, desired, value) {
  if (desired === void 0 || value === void 0 || desired.setting !== ADMIN_PASSWORD_SETTING) return [];
  const record = findAppliedSetting(state, desired.deployment, ADMIN_PASSWORD_SETTING);
  if (record === void 0 || !isAppliedValue(ring, desired, value, record)) return [];
  return [{ password: value, source: `the inventory's applied ${ADMIN_PASSWORD_SETTING} of ${desired.deployment} (credential ${desired.credentialId})` }];
}
function passwordVariableOf(deployment) {
  return deployment.auth.method === "login" ? deployment.auth.passwordEnv : void 0;
}
function describeStaleLogin(deployment, stale) {
  const variable = passwordVariableOf(deployment);
  if (variable === void 0) return void 0;
  return `${variable} is stale: DocuElevate refused its password for ${deployment.id}, and ${stale.usedInstead} opened instead; update ${variable} to that value (credledger reveal)`;
}
function describeStaleVariable(deployment, variablePassword, fallback) {
  const variable = passwordVariableOf(deployment);
  if (variable === void 0 || fallback.password.equals(variablePassword)) return void 0;
  return `${variable} is stale: it is not ${fallback.source}, which ${deployment.id}'s login takes since apply wrote it; update ${variable} to that value (credledger reveal)`;
}

export {
  fingerprintPlace,
  appliedAdminPasswordFallback,
  passwordVariableOf,
  describeStaleLogin,
  describeStaleVariable
};
