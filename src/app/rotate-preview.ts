// Use case: what a scheduled `rotate --due` + `rotate --finish` would do (the Action's `dry-run`), without a driver,
// a push or a pull request: the due credentials (with a driver or to be rotated by hand) and the rotations under way.
import type { CalendarDate } from '../core/dates.js';
import type { Credential } from '../core/inventory.js';
import { rotationDueRule } from '../core/rotation.js';
import { isTerminal, type RotationRecord } from '../core/rotation-state.js';
import { UsageError } from '../ports/errors.js';
import type { RotationRepository } from '../ports/rotation-driver.js';
import { loadInventoryFile } from './inventory-file.js';
import { manualRotationCommand } from './rotate.js';

export interface RotationPreview {
  /** Due credentials with a driver: `rotate --due` would open a pull request for each (or find the one under way). */
  readonly wouldRotate: readonly { readonly credential: string; readonly driver: string }[];
  /** Due credentials without a driver, with the command to paste once rotated at the issuer. */
  readonly manual: readonly { readonly credential: string; readonly command: string }[];
  /** Rotations `--finish` would take on. */
  readonly underWay: readonly RotationRecord[];
}

/**
 * Reads the inventory and, only when it names a rotation driver, the rotation state; touches no issuer and writes
 * nothing. The due rule is `rotate --due`'s: due soon or overdue, the partner of a key pair counted with its key id.
 */
export async function previewRotations(request: { readonly file: string; readonly today: CalendarDate; readonly openGit: () => Promise<RotationRepository> }): Promise<RotationPreview> {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) throw new UsageError(`${request.file} has errors: run \`credledger validate\` and fix them first`);
  const inventory = check.inventory;
  const partners = new Set(inventory.credentials.flatMap((credential) => (credential.rotation?.secret === undefined ? [] : [credential.rotation.secret])));
  const isDue = rotationDueRule(inventory, request.today);
  const due = inventory.credentials.filter((credential) => !partners.has(credential.id) && isDue(credential));
  const wouldRotate = due.flatMap((credential) => (credential.rotation === undefined ? [] : [{ credential: credential.id, driver: credential.rotation.driver }]));
  const manual = due.filter((credential) => credential.rotation === undefined).map((credential) => ({ credential: credential.id, command: manualRotationCommand(inventory, credential) }));
  const hasDriver = inventory.credentials.some((credential) => credential.rotation !== undefined);
  const underWay = hasDriver ? Object.values((await (await request.openGit()).loadState()).rotations).filter((record) => !isTerminal(record.phase)) : [];
  return { wouldRotate, manual, underWay };
}
