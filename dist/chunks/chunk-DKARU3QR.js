import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitCheckout,
  gitStateStore
} from "./chunk-2EXGAOTN.js";
import {
  connectToDocuElevate
} from "./chunk-RDZ6RCMF.js";

// src/wiring/apply.ts
function applyCollaborators(env, http) {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http), openCheckout: gitCheckout(env), rotations: swapRotations(env) };
}
function swapRotations(env) {
  return {
    openRepository: async (file) => (await import("./rotation-ZUZC56IF.js")).openRotationRepository({ file, env }),
    drivers: async (spec) => (await import("./rotation-ZUZC56IF.js")).createRotationDrivers(env)(spec)
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
