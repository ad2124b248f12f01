import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  findSwapOverrides,
  findSwapsToMint,
  hasSwapCredentials,
  withSwapValues
} from "./chunk-HDYKRRQ4.js";
import {
  rotationBranchFor,
  withRecord
} from "./chunk-FNVTWHAF.js";
import {
  findAppliedSetting
} from "./chunk-45NTUV52.js";
import {
  SealedValueError,
  fingerprintValue,
  openSealedValue,
  sealValue,
  sealValueForRecipient
} from "./chunk-YI3OOGKA.js";
import {
  findKey
} from "./chunk-RDSJMO77.js";
import {
  listSealedValues
} from "./chunk-X75H72PA.js";
import {
  ADMIN_PASSWORD_SETTING
} from "./chunk-PNS7CLM4.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

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

// src/app/swap-rotation.ts
var unchanged = (inventory) => ({ inventory, overrides: [], minted: [], wouldMint: [] });
async function openSwapState(file, inventory, rotations) {
  if (rotations === void 0 || !hasSwapCredentials(inventory)) return void 0;
  let git;
  try {
    git = await rotations.openRepository(file);
  } catch (error) {
    const requested = inventory.credentials.some((credential) => credential.rotation?.swap !== void 0);
    if (error instanceof UsageError && !requested) return void 0;
    throw error;
  }
  return { git, state: await git.loadState() };
}
async function prepareSwaps(request) {
  const opened = await openSwapState(request.file, request.inventory, request.rotations);
  if (opened === void 0 || request.rotations === void 0) return unchanged(request.inventory);
  const { git } = opened;
  let { state } = opened;
  const toMint = findSwapsToMint(request.inventory, state);
  const minted = [];
  if (!request.dryRun) {
    for (const credential of toMint) {
      const outcome = await mintOne(request, request.rotations, git, state, credential);
      state = outcome.state;
      if (outcome.mine) minted.push(credential.id);
      await request.checkpoint?.("after-swap-record", credential.id);
    }
  }
  const overrides = findSwapOverrides(request.inventory, state);
  return { inventory: withSwapValues(request.inventory, overrides), overrides, minted, wouldMint: request.dryRun ? toMint.map((credential) => credential.id) : [] };
}
async function mintOne(request, rotations, git, state, credential) {
  const spec = credential.rotation;
  const rotationId = spec?.swap;
  if (spec === void 0 || rotationId === void 0) return { state, mine: false };
  const driver = await rotations.drivers(spec);
  const made = await driver.create({ inventory: request.inventory, credential, spec, credentials: [credential] }, rotationId);
  const value = made.values.get(credential.id);
  if (value === void 0) throw new ExternalError(`the ${driver.name} driver made no value for ${credential.id}: nothing was pushed`);
  const place = { credentialId: credential.id };
  const now = request.clock();
  let sealed;
  try {
    const recipient = request.inventory.recipients?.[0];
    sealed = recipient === void 0 ? sealValue(request.ring, place, value, Math.floor(now.getTime() / 1e3)) : sealValueForRecipient(recipient, place, value, Math.floor(now.getTime() / 1e3));
    openSealedValue(request.ring, place, sealed, listSealedValues(request.inventory).map((entry) => entry.place));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExternalError(`credentials.${credential.id}.rotation.swap ${rotationId}: the new password could not be sealed so that this run opens it (${reason}); nothing was recorded or pushed`, { cause: error });
  }
  const existing = state.rotations[credential.id];
  const base = existing !== void 0 && existing.id === rotationId ? existing : { id: rotationId, credential: credential.id, driver: driver.name, phase: "pending", branch: rotationBranchFor(credential.id), createdAt: now.toISOString() };
  const record = { ...base, strategy: "swap", sealedValue: sealed, sealedPrefix: sealed.slice(0, 72), mintedAt: now.toISOString() };
  const next = withRecord(state, record);
  try {
    await git.saveState(next, `credledger apply: ${credential.id} swap ${rotationId}: new password minted and sealed, recorded before it is pushed`);
  } catch (error) {
    const reloaded = await git.loadState().catch(() => void 0);
    const winner = reloaded?.rotations[credential.id];
    if (reloaded !== void 0 && winner?.id === rotationId && winner.sealedValue !== void 0) return { state: reloaded, mine: false };
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExternalError(`credentials.${credential.id}.rotation.swap ${rotationId}: the sealed new password could not be recorded on ${git.remote}, so nothing was pushed and it was dropped (${reason})`, { cause: error });
  }
  return { state: next, mine: true };
}
async function readSwapOverrides(file, inventory, rotations) {
  try {
    const opened = await openSwapState(file, inventory, rotations);
    if (opened === void 0) return { inventory, overrides: [] };
    const overrides = findSwapOverrides(inventory, opened.state);
    return { inventory: withSwapValues(inventory, overrides), overrides };
  } catch (error) {
    if (error instanceof ExternalError || error instanceof UsageError) return { inventory, overrides: [] };
    throw error;
  }
}
function swapLoginFallbacks(ring, inventory, overrides, deployment) {
  const fallbacks = [];
  for (const override of overrides) {
    const credential = inventory.credentials.find((candidate) => candidate.id === override.credential);
    if (credential?.setting !== ADMIN_PASSWORD_SETTING || !credential.deployments.includes(deployment)) continue;
    let password;
    try {
      password = openSealedValue(ring, { credentialId: credential.id }, override.sealedValue, listSealedValues(inventory).map((entry) => entry.place));
    } catch (error) {
      if (error instanceof SealedValueError) continue;
      throw error;
    }
    fallbacks.push({ password, source: `the ${ADMIN_PASSWORD_SETTING} minted by swap ${override.record.id} (recorded on refs/credledger/rotation) for ${credential.id}` });
  }
  return fallbacks;
}

export {
  fingerprintPlace,
  appliedAdminPasswordFallback,
  passwordVariableOf,
  describeStaleLogin,
  describeStaleVariable,
  prepareSwaps,
  readSwapOverrides,
  swapLoginFallbacks
};
