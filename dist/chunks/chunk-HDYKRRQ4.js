import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  isTerminal
} from "./chunk-FNVTWHAF.js";

// src/core/swap-rotation.ts
var SWAP_DRIVER = "docuelevate-admin-password";
function hasSwapCredentials(inventory) {
  return inventory.credentials.some((credential) => credential.rotation?.driver === SWAP_DRIVER);
}
function findSwapOverrides(inventory, state) {
  const overrides = [];
  for (const credential of inventory.credentials) {
    const record = state.rotations[credential.id];
    if (record?.strategy !== "swap" || record.sealedValue === void 0 || isTerminal(record.phase)) continue;
    if (credential.value === record.sealedValue || credential.values !== void 0) continue;
    overrides.push({ credential: credential.id, record, sealedValue: record.sealedValue });
  }
  return overrides;
}
function findSwapsToMint(inventory, state) {
  return inventory.credentials.filter((credential) => {
    const requested = credential.rotation?.driver === SWAP_DRIVER ? credential.rotation.swap : void 0;
    if (requested === void 0 || credential.values !== void 0) return false;
    const record = state.rotations[credential.id];
    if (record === void 0 || record.id !== requested) return true;
    return !isTerminal(record.phase) && record.sealedValue === void 0;
  });
}
function withSwapValues(inventory, overrides) {
  if (overrides.length === 0) return inventory;
  const byCredential = new Map(overrides.map((override) => [override.credential, override.sealedValue]));
  return {
    ...inventory,
    credentials: inventory.credentials.map((credential) => {
      const sealed = byCredential.get(credential.id);
      return sealed === void 0 ? credential : { ...credential, value: sealed };
    })
  };
}
function removeSwapRequestFromText(text, rotationId) {
  const id = rotationId.replace(/[^a-z0-9-]/g, "");
  const flow = new RegExp(`,[ \\t]*swap:[ \\t]*['"]?${id}['"]?(?=[ \\t]*[,}])`);
  if (flow.test(text)) return text.replace(flow, "");
  const block = new RegExp(`^[ \\t]+swap:[ \\t]*['"]?${id}['"]?[ \\t]*\\r?\\n`, "m");
  if (block.test(text)) return text.replace(block, "");
  return void 0;
}

export {
  SWAP_DRIVER,
  hasSwapCredentials,
  findSwapOverrides,
  findSwapsToMint,
  withSwapValues,
  removeSwapRequestFromText
};
