import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  auditInventory
} from "./chunk-FFKGOIZX.js";
import {
  appliedAdminPasswordFallback,
  describeStaleLogin,
  readSwapOverrides,
  swapLoginFallbacks
} from "./chunk-CZZLUCIX.js";
import {
  describeConnectionFailure,
  describeUnresolvedAuth,
  readCredentialSources,
  resolveDeploymentAuth,
  selectDeployments
} from "./chunk-LKPYZ5YL.js";
import {
  listDesiredState
} from "./chunk-SRZ2AMBU.js";
import {
  DEFAULT_STATE_REF,
  EMPTY_APPLIED_STATE,
  findPendingRemovals
} from "./chunk-45NTUV52.js";
import {
  SealedValueError,
  fingerprintValue,
  openSealedValue
} from "./chunk-YI3OOGKA.js";
import {
  findKey
} from "./chunk-RDSJMO77.js";
import {
  loadInventoryFile
} from "./chunk-2DIQPP6S.js";
import {
  listSealedValues,
  listValuePlaces,
  sealedValueFor
} from "./chunk-X75H72PA.js";
import {
  ADMIN_PASSWORD_SETTING
} from "./chunk-PNS7CLM4.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/audit.ts
import path from "node:path";
async function auditDeployments(request) {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) return { check, report: void 0 };
  const swaps = await readSwapOverrides(request.file, check.inventory, request.rotations);
  const inventory = swaps.inventory;
  const selected = selectDeployments(inventory, {
    ...request.deployments === void 0 ? {} : { deployments: request.deployments },
    allowInsecureHttp: request.allowInsecureHttp === true
  });
  const applied = await readAppliedStateOf(request.file, request.openStateStore);
  const read = await Promise.all(
    selected.map(async (id) => {
      const deployment = inventory.deployments.get(id);
      const swapFallbacks = request.ring === void 0 ? [] : swapLoginFallbacks(request.ring, inventory, swaps.overrides, id);
      for (const fallback of swapFallbacks) request.onSecret?.(fallback.password);
      return [id, await readListing(inventory, deployment, applied, request, [...loginFallbacks(request, inventory, applied, id), ...swapFallbacks])];
    })
  );
  const listings = new Map(read.map(([id, result]) => [id, result.listing]));
  const drift = new Map(read.flatMap(([id, result]) => result.drift === void 0 ? [] : [[id, result.drift]]));
  const report = auditInventory(inventory, selected, listings, (id) => findPendingRemovals(applied, id), (id) => drift.get(id));
  const notes = describeDriftCoverage(inventory, selected, applied, request.ring);
  return { check, report: notes.length === 0 ? report : { ...report, notes } };
}
function describeDriftCoverage(inventory, deployments, applied, ring) {
  const recorded = deployments.some((id) => (applied.deployments.get(id)?.size ?? 0) > 0);
  if (!recorded) return ["changes outside the inventory and masked values were not checked: the applied state records no write by apply on these deployments"];
  const pushesValues = inventory.credentials.some((credential) => deployments.some((id) => sealedValueFor(credential, id) !== void 0));
  return ring === void 0 && pushesValues ? ["masked values were not compared with the applied ones: no key (CREDLEDGER_KEY, CREDLEDGER_SEALING_KEY or --key-file)"] : [];
}
function loginFallbacks(request, inventory, applied, deploymentId) {
  const ring = request.ring;
  if (ring === void 0) return [];
  const desired = listDesiredState(inventory, [deploymentId]).desired.find((setting) => setting.setting === ADMIN_PASSWORD_SETTING);
  if (desired === void 0) return [];
  let value;
  try {
    const candidates = listSealedValues(inventory).map((entry) => entry.place);
    value = openSealedValue(ring, desired.sealed.place, desired.sealed.sealed, candidates);
  } catch (error) {
    if (error instanceof SealedValueError) return [];
    throw error;
  }
  const fallbacks = appliedAdminPasswordFallback(ring, applied, desired, value);
  for (const fallback of fallbacks) request.onSecret?.(fallback.password);
  return fallbacks;
}
async function readAppliedStateOf(file, openStateStore) {
  try {
    const store = await openStateStore({ directory: path.dirname(path.resolve(file)), ref: DEFAULT_STATE_REF });
    return (await store.load()).state;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExternalError) return EMPTY_APPLIED_STATE;
    throw error;
  }
}
async function readListing(inventory, deployment, applied, request, fallbacks) {
  const resolved = resolveDeploymentAuth(deployment, request.env, request.onSecret, fallbacks);
  if ("error" in resolved) {
    request.onProgress?.({ kind: "unusable", deployment: deployment.id, reason: resolved.error });
    return { listing: { error: describeUnresolvedAuth(resolved) } };
  }
  const connection = request.connect(deployment, resolved.auth);
  try {
    request.onProgress?.({ kind: "connecting", deployment: deployment.id });
    const listing = await readCredentialSources(connection);
    request.onProgress?.("error" in listing ? { kind: "unusable", deployment: deployment.id, reason: listing.error.message } : { kind: "connected", deployment: deployment.id, listed: listing.sources.length });
    if ("error" in listing) return { listing };
    const stale = connection.staleLoginPassword === void 0 ? void 0 : describeStaleLogin(deployment, connection.staleLoginPassword);
    const listed = stale === void 0 ? listing : { ...listing, warnings: [stale] };
    const applyUser = resolved.auth.method === "login" ? resolved.auth.username : void 0;
    try {
      const drift = await readDriftEvidence(inventory, deployment.id, listing.sources, applied, connection, request.ring, applyUser);
      return { listing: listed, ...drift === void 0 ? {} : { drift } };
    } catch (error) {
      return { listing: { error: describeConnectionFailure(error) } };
    }
  } finally {
    await connection.close().catch(() => void 0);
  }
}
async function readDriftEvidence(inventory, deployment, sources, applied, connection, ring, applyUser) {
  const records = applied.deployments.get(deployment);
  if (records === void 0 || records.size === 0 || connection.listSettingChanges === void 0) return void 0;
  const configured = new Set(sources.filter((entry) => entry.source !== null).map((entry) => entry.key));
  const history = /* @__PURE__ */ new Map();
  const masked = /* @__PURE__ */ new Map();
  const appliedWrites = /* @__PURE__ */ new Map();
  for (const credential of inventory.credentials) {
    const record = records.get(credential.setting);
    if (!credential.deployments.includes(deployment) || record === void 0 || !configured.has(credential.setting)) continue;
    appliedWrites.set(credential.setting, { credential: record.credential, appliedAt: record.appliedAt });
    const changes = await connection.listSettingChanges(credential.setting);
    history.set(
      credential.setting,
      changes.map(({ changedBy, changedAt, action }) => ({ changedBy, changedAt, action }))
    );
    const entry = sealedValueFor(credential, deployment);
    if (ring === void 0 || entry === void 0 || connection.showsValue === void 0 || findKey(ring, record.keyId) === void 0) continue;
    let value;
    try {
      value = openSealedValue(ring, entry.place, entry.sealed, listValuePlaces(inventory));
    } catch (error) {
      if (error instanceof SealedValueError) continue;
      throw error;
    }
    if (fingerprintValue(ring, { credentialId: credential.id, deployment }, value, record.keyId).fingerprint !== record.fingerprint) continue;
    masked.set(credential.setting, await connection.showsValue(credential.setting, value));
  }
  return { ...applyUser === void 0 ? {} : { applyUser }, applied: appliedWrites, history, masked };
}

export {
  auditDeployments
};
