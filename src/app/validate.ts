// Use case: validate an inventory file.
import type { CalendarDate } from '../core/dates.js';
import { hasErrors } from '../core/diagnostics.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import { loadInventoryFile } from './inventory-file.js';

export interface ValidateRequest {
  readonly file: string;
  readonly today: CalendarDate;
}

export interface ValidateResult {
  readonly check: InventoryCheck;
  readonly valid: boolean;
}

/** Reads the file and runs every check; valid when no diagnostic is an error. */
export async function validateInventory(request: ValidateRequest): Promise<ValidateResult> {
  const check = await loadInventoryFile(request.file, request.today);
  return { check, valid: !hasErrors(check.diagnostics) };
}
