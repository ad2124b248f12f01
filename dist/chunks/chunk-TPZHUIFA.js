import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitCheckout,
  gitStateStore
} from "./chunk-3A33JCZ4.js";
import {
  connectToDocuElevate
} from "./chunk-CNNKQI7J.js";

// src/wiring/apply.ts
function applyCollaborators(env, http) {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http), openCheckout: gitCheckout(env), rotations: swapRotations(env) };
}
function swapRotations(env) {
  return {
    openRepository: async (file) => (await import("./rotation-KZ7A5PN3.js")).openRotationRepository({ file, env }),
    drivers: async (spec) => (await import("./rotation-KZ7A5PN3.js")).createRotationDrivers(env)(spec)
  };
}
function auditCollaborators(env, http) {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http), rotations: swapRotations(env) };
}

export {
  applyCollaborators,
  swapRotations,
  auditCollaborators
};
