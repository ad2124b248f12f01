// Use case: validate an inventory file, and with a key ring, check that every value opens in its place.
import type { CalendarDate } from '../core/dates.js';
import { hasErrors, isError, sortDiagnostics } from '../core/diagnostics.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import { placeFinding } from '../core/yaml-source.js';
import { checkValuesOpen } from '../crypto/inventory-values.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { loadInventoryFile } from './inventory-file.js';
import { withYamlDocument } from './yaml-document-loader.js';

export interface ValidateRequest {
  readonly file: string;
  readonly today: CalendarDate;
  /** `--decrypt`: also open every encrypted value with this ring. */
  readonly ring?: KeyRing;
}

/** What `--decrypt` found, beyond its diagnostics. */
export interface DecryptSummary {
  /** Encrypted values examined. */
  readonly values: number;
  /** Values that opened in their place, by the id of the key they are under. */
  readonly openedByKeyId: Readonly<Record<string, number>>;
}

export interface ValidateResult {
  readonly check: InventoryCheck;
  readonly valid: boolean;
  /** Present when a ring was given and the inventory could be read. */
  readonly decrypt?: DecryptSummary;
}

/**
 * Reads the file and runs every check; valid when no diagnostic is an error. With a ring, every
 * encrypted value must also open in its place: `value-unknown-key`, `value-wrong-place` ("this
 * value belongs to …"), `value-not-authentic`, `value-malformed`, `value-not-utf8`.
 */
export async function validateInventory(request: ValidateRequest): Promise<ValidateResult> {
  const loaded = await loadInventoryFile(request.file, request.today);
  // Placing the diagnostics may need the Document API (a finding only a parse of its entry can place): read them here.
  const found = await withYamlDocument(() => loaded.diagnostics);
  if (request.ring === undefined || loaded.inventory === undefined) return { check: loaded, valid: !hasErrors(found) };
  const opened = checkValuesOpen(loaded.inventory, request.ring);
  const placed = await withYamlDocument(() => opened.findings.map((finding) => placeFinding(loaded.source, finding)));
  const diagnostics = sortDiagnostics([...found, ...placed]);
  const check: InventoryCheck = { source: loaded.source, inventory: loaded.inventory, diagnostics, errors: diagnostics.filter(isError) };
  return { check, valid: !hasErrors(diagnostics), decrypt: { values: opened.examined, openedByKeyId: opened.openedByKeyId } };
}
