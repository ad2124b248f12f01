// Use case: the rotation status of every credential on a given day.
import type { CalendarDate } from '../core/dates.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import { buildStatusReport, type StatusReport } from '../core/status-report.js';
import { withYamlDocument } from './yaml-document-loader.js';
import { loadInventoryFile } from './inventory-file.js';

export interface StatusRequest {
  readonly file: string;
  /** The day to assess (`--now`). */
  readonly now: CalendarDate;
  /** The real day, against which dates in the file are checked: a report for a past day is not a mistake. */
  readonly today: CalendarDate;
}

/** The report, or no report when the inventory has errors (they are in `check`). */
export interface StatusResult {
  readonly check: InventoryCheck;
  readonly report: StatusReport | undefined;
}

/** Reads the inventory and assesses every credential on day `now`. */
export async function reportStatus(request: StatusRequest): Promise<StatusResult> {
  const check = await loadInventoryFile(request.file, request.today > request.now ? request.today : request.now);
  // Placing the errors may need the Document API (an error only a parse of its entry can place): read them here.
  const errors = await withYamlDocument(() => check.errors);
  if (!check.inventory || errors.length > 0) return { check, report: undefined };
  return { check, report: buildStatusReport(check.inventory, request.now) };
}
