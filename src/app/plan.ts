// Use case: plan an inventory change between two revisions (pull-request review), with or without the key.
import type { CalendarDate } from '../core/dates.js';
import { hasErrors, sortDiagnostics } from '../core/diagnostics.js';
import type { Inventory } from '../core/inventory.js';
import { readBaseInventory } from '../core/base-inventory.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import { WORKTREE, diffInventories, type InventoryDiff, type Plan } from '../core/plan.js';
import { placeFinding } from '../core/yaml-source.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { UsageError } from '../ports/errors.js';
import type { InventoryRevisions } from '../ports/inventory-revisions.js';
import { inspectByCiphertext, inspectByPlaintext } from './value-inspection.js';

export interface PlanRequest {
  /** The inventory file, relative to the working directory (or absolute). */
  readonly file: string;
  /** Base revision; default: the merge-base of the head (or HEAD) with the default branch. */
  readonly base?: string;
  /** Head revision; default: the working tree. */
  readonly head?: string;
  /** Accept values older than the ones they replace. */
  readonly allowRollback: boolean;
  /** Today (UTC), for validate's date rules on the head inventory. */
  readonly today: CalendarDate;
}

export interface PlanCollaborators {
  readonly revisions: InventoryRevisions;
  /** With a key ring values are compared as plaintext; without one, as ciphertext. */
  readonly keyRing?: KeyRing;
}

export interface PlanResult {
  readonly plan: Plan;
  /** The head inventory's text, for excerpts under diagnostics; undefined when the file is absent at head. */
  readonly headText: string | undefined;
  /** No diagnostic is an error. */
  readonly valid: boolean;
}

const NO_DIFF: InventoryDiff = { changes: [], operations: [], findings: [], notes: [] };

/**
 * Reads the inventory at base and head, validates the head, and plans what the merge changes.
 * @throws UsageError when the file exists at neither revision; ExternalError when git fails.
 */
export async function planInventoryChange(request: PlanRequest, { revisions, keyRing }: PlanCollaborators): Promise<PlanResult> {
  const file = await revisions.locateFile(request.file);
  const head = request.head === undefined ? undefined : await revisions.resolveCommit(request.head);
  const base =
    request.base === undefined
      ? await revisions.mergeBase(head ?? 'HEAD', await revisions.defaultBranch())
      : await revisions.resolveCommit(request.base);

  const [baseTextAtPath, headText] = await Promise.all([
    revisions.readFileAtRevision(base, file),
    head === undefined ? revisions.readWorkingTreeFile(file) : revisions.readFileAtRevision(head, file),
  ]);
  // A renamed inventory is the same inventory: compare with its old path at base, not with nothing.
  const renamedFrom = baseTextAtPath === undefined && headText !== undefined ? await revisions.findRenamedFrom?.(base, head, file) : undefined;
  const baseText = renamedFrom === undefined ? baseTextAtPath : await revisions.readFileAtRevision(base, renamedFrom);
  if (baseText === undefined && headText === undefined) {
    throw new UsageError(`${file} exists neither at base ${base.slice(0, 7)} nor at ${head === undefined ? 'the working tree' : `head ${head.slice(0, 7)}`} (pass --file?)`);
  }

  const notes: string[] = [];
  if (renamedFrom !== undefined) notes.push(`\`${file}\` was \`${renamedFrom}\` at base: the plan compares the two.`);
  const headCheck = headText === undefined ? undefined : checkInventoryText(headText, file, request.today);
  let baseInventory: Inventory | undefined;
  if (baseText !== undefined) {
    // The head's unchanged credentials stand in for the base's: only what differs is parsed twice.
    baseInventory = readBaseInventory(baseText, file, headCheck);
    if (!baseInventory) notes.push('The inventory at base cannot be read (it is not a YAML mapping): every credential shows as added.');
  }
  const headReadable = headCheck === undefined || headCheck.inventory !== undefined;
  if (!headReadable) notes.push('The inventory at head cannot be read: fix the errors below to see a plan.');

  const inspection = keyRing ? inspectByPlaintext(keyRing, baseInventory, headCheck?.inventory) : inspectByCiphertext();
  const diff = headReadable
    ? diffInventories(baseInventory, headCheck?.inventory, { values: inspection.inspector, allowRollback: request.allowRollback })
    : NO_DIFF;
  const placed = headCheck ? [...diff.findings, ...inspection.findings].map((finding) => placeFinding(headCheck.source, finding)) : [];
  const diagnostics = sortDiagnostics([...(headCheck?.diagnostics ?? []), ...placed]);

  const plan: Plan = {
    file,
    base,
    head: head ?? WORKTREE,
    valueBasis: inspection.inspector.basis,
    changes: diff.changes,
    operations: diff.operations,
    diagnostics,
    notes: [...notes, ...diff.notes, ...inspection.notes],
  };
  return { plan, headText, valid: !hasErrors(diagnostics) };
}
