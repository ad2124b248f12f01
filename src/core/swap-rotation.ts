// Swap rotations (DocuElevate's admin_password): the value is minted by the apply after the reviewed merge and recorded,
// sealed, in the rotation state before it is pushed. Until the inventory holds it, that recorded value is the one apply
// pushes and audit compares with: the inventory's old value is never pushed back over it. Pure.
import type { Credential, Inventory } from './inventory.js';
import { isTerminal, type RotationRecord, type RotationStateDocument } from './rotation-state.js';

/** The driver whose rotations are swaps. */
export const SWAP_DRIVER = 'docuelevate-admin-password';

/** Whether the inventory has any credential a swap could concern (only then is the rotation state read). */
export function hasSwapCredentials(inventory: Inventory): boolean {
  return inventory.credentials.some((credential) => credential.rotation?.driver === SWAP_DRIVER);
}

/** A swap whose minted value the rotation state holds and the inventory does not yet. */
export interface SwapOverride {
  readonly credential: string;
  readonly record: RotationRecord;
  /** The recorded sealed value, which replaces the inventory's `value`. */
  readonly sealedValue: string;
}

/**
 * The swaps under way whose recorded value must stand in for the inventory's: a swap record that is not finished or
 * discarded, with a sealed value, for a credential of the inventory whose `value` is something else.
 */
export function findSwapOverrides(inventory: Inventory, state: RotationStateDocument): SwapOverride[] {
  const overrides: SwapOverride[] = [];
  for (const credential of inventory.credentials) {
    const record = state.rotations[credential.id];
    if (record?.strategy !== 'swap' || record.sealedValue === undefined || isTerminal(record.phase)) continue;
    if (credential.value === record.sealedValue || credential.values !== undefined) continue;
    overrides.push({ credential: credential.id, record, sealedValue: record.sealedValue });
  }
  return overrides;
}

/** The credentials whose merged swap request has no minted value yet: the apply mints these. */
export function findSwapsToMint(inventory: Inventory, state: RotationStateDocument): Credential[] {
  return inventory.credentials.filter((credential) => {
    const requested = credential.rotation?.driver === SWAP_DRIVER ? credential.rotation.swap : undefined;
    if (requested === undefined || credential.values !== undefined) return false;
    const record = state.rotations[credential.id];
    if (record === undefined || record.id !== requested) return true;
    // Finished or discarded: the request is spent. Minted already: the record stands in for the inventory.
    return !isTerminal(record.phase) && record.sealedValue === undefined;
  });
}

/** The inventory with each override's sealed value in place of the credential's `value`. */
export function withSwapValues(inventory: Inventory, overrides: readonly SwapOverride[]): Inventory {
  if (overrides.length === 0) return inventory;
  const byCredential = new Map(overrides.map((override) => [override.credential, override.sealedValue]));
  return {
    ...inventory,
    credentials: inventory.credentials.map((credential) => {
      const sealed = byCredential.get(credential.id);
      return sealed === undefined ? credential : { ...credential, value: sealed };
    }),
  };
}

/**
 * The inventory text edit that ends a swap: the rotation id left in `rotation.swap` is removed (flow or block style),
 * so the inventory reads as before the request. Returns undefined when the text does not hold it in a form this knows.
 */
export function removeSwapRequestFromText(text: string, rotationId: string): string | undefined {
  const id = rotationId.replace(/[^a-z0-9-]/g, '');
  const flow = new RegExp(`,[ \\t]*swap:[ \\t]*['"]?${id}['"]?(?=[ \\t]*[,}])`);
  if (flow.test(text)) return text.replace(flow, '');
  const block = new RegExp(`^[ \\t]+swap:[ \\t]*['"]?${id}['"]?[ \\t]*\\r?\\n`, 'm');
  if (block.test(text)) return text.replace(block, '');
  return undefined;
}
