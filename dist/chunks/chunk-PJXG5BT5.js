import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitCheckout,
  gitStateStore
} from "./chunk-2EXGAOTN.js";
import {
  connectToDocuElevate
} from "./chunk-VOSMUQC2.js";

// src/wiring/apply.ts
function applyCollaborators(env, http) {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http), openCheckout: gitCheckout(env) };
}
function auditCollaborators(env, http) {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http) };
}

export {
  applyCollaborators,
  auditCollaborators
};
