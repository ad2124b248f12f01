// Swap rotations inside apply and audit: the apply after a merged swap request (`rotation.swap`) mints the new
// password, seals it and records it on refs/credledger/rotation before anything is pushed; until the inventory holds
// that sealed value, apply pushes it (never the inventory's old one) and apply and audit log in with it when needed.
import { ADMIN_PASSWORD_SETTING } from '../core/docuelevate-catalogue.js';
import { listSealedValues, type Credential, type Inventory } from '../core/inventory.js';
import { rotationBranchFor, withRecord, type RotationRecord, type RotationStateDocument } from '../core/rotation-state.js';
import { findSwapOverrides, findSwapsToMint, hasSwapCredentials, withSwapValues, type SwapOverride } from '../core/swap-rotation.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { openSealedValue, sealValue, sealValueForRecipient, SealedValueError } from '../crypto/sealed-value.js';
import type { SecretValue } from '../crypto/secret-value.js';
import type { LoginPassword } from '../ports/deployment-connection.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import type { RotationDriverFactory, RotationRepository } from '../ports/rotation-driver.js';

export type { SwapOverride } from '../core/swap-rotation.js';

/** What apply and audit need for swaps: the rotation state's repository and the drivers that mint. */
export interface SwapRotations {
  /** The inventory's repository for rotations (its remote holds refs/credledger/rotation). */
  readonly openRepository: (file: string) => Promise<RotationRepository>;
  readonly drivers: RotationDriverFactory;
}

/** Where apply can die around a swap; tests stop the run there. */
export type SwapCheckpoint = 'after-swap-record' | 'after-swap-push';

export interface SwapPreparation {
  /** The inventory with every recorded swap value in place of the credential's old `value`. */
  readonly inventory: Inventory;
  readonly overrides: readonly SwapOverride[];
  /** Credentials whose new password this run minted, sealed and recorded. */
  readonly minted: readonly string[];
  /** A dry run: the credentials a real apply would mint for. */
  readonly wouldMint: readonly string[];
}

const unchanged = (inventory: Inventory): SwapPreparation => ({ inventory, overrides: [], minted: [], wouldMint: [] });

/** Reads the rotation state when the inventory has a swap credential; undefined when there is none to read. */
async function openSwapState(file: string, inventory: Inventory, rotations: SwapRotations | undefined): Promise<{ git: RotationRepository; state: RotationStateDocument } | undefined> {
  if (rotations === undefined || !hasSwapCredentials(inventory)) return undefined;
  let git: RotationRepository;
  try {
    git = await rotations.openRepository(file);
  } catch (error) {
    // A clone without a remote has no rotation state; that only matters once a swap was requested.
    const requested = inventory.credentials.some((credential) => credential.rotation?.swap !== undefined);
    if (error instanceof UsageError && !requested) return undefined;
    throw error;
  }
  return { git, state: await git.loadState() };
}

/**
 * Mints, seals and records the password of every merged swap request that has none yet (not in a dry run), and puts
 * each recorded value in place of the inventory's. A failure to seal or record throws before anything is pushed; the
 * minted plaintext is then simply dropped.
 * @throws ExternalError when the rotation state cannot be read or written, or the new value cannot be sealed so that
 * `ring` opens it (apply could not push it)
 */
export async function prepareSwaps(request: {
  readonly file: string;
  readonly inventory: Inventory;
  readonly ring: KeyRing;
  readonly clock: () => Date;
  readonly dryRun: boolean;
  readonly rotations: SwapRotations | undefined;
  readonly checkpoint?: (step: SwapCheckpoint, credentialId: string) => void | Promise<void>;
}): Promise<SwapPreparation> {
  const opened = await openSwapState(request.file, request.inventory, request.rotations);
  if (opened === undefined || request.rotations === undefined) return unchanged(request.inventory);
  const { git } = opened;
  let { state } = opened;
  const toMint = findSwapsToMint(request.inventory, state);
  const minted: string[] = [];
  if (!request.dryRun) {
    for (const credential of toMint) {
      const outcome = await mintOne(request, request.rotations, git, state, credential);
      state = outcome.state;
      if (outcome.mine) minted.push(credential.id);
      await request.checkpoint?.('after-swap-record', credential.id);
    }
  }
  const overrides = findSwapOverrides(request.inventory, state);
  return { inventory: withSwapValues(request.inventory, overrides), overrides, minted, wouldMint: request.dryRun ? toMint.map((credential) => credential.id) : [] };
}

async function mintOne(
  request: { readonly inventory: Inventory; readonly ring: KeyRing; readonly clock: () => Date },
  rotations: SwapRotations,
  git: RotationRepository,
  state: RotationStateDocument,
  credential: Credential,
): Promise<{ readonly state: RotationStateDocument; readonly mine: boolean }> {
  const spec = credential.rotation;
  const rotationId = spec?.swap;
  if (spec === undefined || rotationId === undefined) return { state, mine: false };
  const driver = await rotations.drivers(spec);
  const made = await driver.create({ inventory: request.inventory, credential, spec, credentials: [credential] }, rotationId);
  const value = made.values.get(credential.id);
  if (value === undefined) throw new ExternalError(`the ${driver.name} driver made no value for ${credential.id}: nothing was pushed`);
  const place = { credentialId: credential.id };
  const now = request.clock();
  let sealed: string;
  try {
    const recipient = request.inventory.recipients?.[0];
    sealed = recipient === undefined ? sealValue(request.ring, place, value, Math.floor(now.getTime() / 1000)) : sealValueForRecipient(recipient, place, value, Math.floor(now.getTime() / 1000));
    // Sealed for a recipient whose key this run lacks, it could never be pushed: refuse before recording it.
    openSealedValue(request.ring, place, sealed, listSealedValues(request.inventory).map((entry) => entry.place));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExternalError(`credentials.${credential.id}.rotation.swap ${rotationId}: the new password could not be sealed so that this run opens it (${reason}); nothing was recorded or pushed`, { cause: error });
  }
  const existing = state.rotations[credential.id];
  const base: RotationRecord =
    existing !== undefined && existing.id === rotationId
      ? existing
      : { id: rotationId, credential: credential.id, driver: driver.name, phase: 'pending', branch: rotationBranchFor(credential.id), createdAt: now.toISOString() };
  const record: RotationRecord = { ...base, strategy: 'swap', sealedValue: sealed, sealedPrefix: sealed.slice(0, 72), mintedAt: now.toISOString() };
  const next = withRecord(state, record);
  try {
    await git.saveState(next, `credledger apply: ${credential.id} swap ${rotationId}: new password minted and sealed, recorded before it is pushed`);
  } catch (error) {
    // Another apply (the matrix job of another deployment) recorded its mint first: that one is the password, and
    // this run's is dropped unpushed.
    const reloaded = await git.loadState().catch(() => undefined);
    const winner = reloaded?.rotations[credential.id];
    if (reloaded !== undefined && winner?.id === rotationId && winner.sealedValue !== undefined) return { state: reloaded, mine: false };
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExternalError(`credentials.${credential.id}.rotation.swap ${rotationId}: the sealed new password could not be recorded on ${git.remote}, so nothing was pushed and it was dropped (${reason})`, { cause: error });
  }
  return { state: next, mine: true };
}

/**
 * Read-only, for audit: the inventory with every recorded swap value in place of the old one, or the inventory as it
 * is when nothing is under way (or the state cannot be read: audit runs without it).
 */
export async function readSwapOverrides(file: string, inventory: Inventory, rotations: SwapRotations | undefined): Promise<{ inventory: Inventory; overrides: readonly SwapOverride[] }> {
  try {
    const opened = await openSwapState(file, inventory, rotations);
    if (opened === undefined) return { inventory, overrides: [] };
    const overrides = findSwapOverrides(inventory, opened.state);
    return { inventory: withSwapValues(inventory, overrides), overrides };
  } catch (error) {
    if (error instanceof ExternalError || error instanceof UsageError) return { inventory, overrides: [] };
    throw error;
  }
}

/**
 * The login fallback a recorded swap gives a deployment: its minted password, which DocuElevate may already hold
 * (a run that pushed it and died before recording it, or a password variable not updated yet).
 */
export function swapLoginFallbacks(ring: KeyRing, inventory: Inventory, overrides: readonly SwapOverride[], deployment: string): LoginPassword[] {
  const fallbacks: LoginPassword[] = [];
  for (const override of overrides) {
    const credential = inventory.credentials.find((candidate) => candidate.id === override.credential);
    if (credential?.setting !== ADMIN_PASSWORD_SETTING || !credential.deployments.includes(deployment)) continue;
    let password: SecretValue;
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
