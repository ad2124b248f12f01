// Composition root for apply and audit: what they reach deployments, the applied state and the checkout with.
import type { ApplyCollaborators } from '../app/apply.js';
import type { AuditCollaborators } from '../app/audit.js';
import type { SwapRotations } from '../app/swap-rotation.js';
import { connectToDocuElevate, type HttpTuning } from './docuelevate.js';
import { gitCheckout, gitStateStore } from './git.js';

export type { HttpTuning } from './docuelevate.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** The real collaborators of apply: git (run with `env`) and the DocuElevate client. */
export function applyCollaborators(env: Environment, http?: HttpTuning): ApplyCollaborators {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http), openCheckout: gitCheckout(env), rotations: swapRotations(env) };
}

/**
 * The rotation state (refs/credledger/rotation on origin) and the drivers, for swap rotations; loaded only when the
 * inventory has a swap credential, so other applies and audits pay nothing for them.
 */
export function swapRotations(env: Environment): SwapRotations {
  return {
    openRepository: async (file) => (await import('./rotation.js')).openRotationRepository({ file, env }),
    drivers: async (spec) => (await import('./rotation.js')).createRotationDrivers(env)(spec),
  };
}

/** The real collaborators of audit: the same, of which it uses only the read sides. */
export function auditCollaborators(env: Environment, http?: HttpTuning): AuditCollaborators {
  return { openStateStore: gitStateStore(env), connect: connectToDocuElevate(http), rotations: swapRotations(env) };
}
