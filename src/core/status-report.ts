// The status report: one row per credential and deployment with its rotation state, for a given day.
import type { CalendarDate } from './dates.js';
import { compareIdentifierSortables, compareText, sortableIdentifier, type IdentifierSortable } from './identifier-order.js';
import type { Inventory } from './inventory.js';
import { describeValuePlace, listDemoKeyValues } from './public-demo-key.js';
import { rotationAssessor, type RotationState } from './rotation.js';

/** One credential on one deployment. */
export interface StatusRow {
  readonly id: string;
  readonly setting: string;
  /** Null when the inventory has no deployment for it. */
  readonly deployment: string | null;
  readonly kind: string;
  readonly owner: string;
  /** Last rotation, or creation; null when neither is known. */
  readonly rotated: CalendarDate | null;
  readonly due: CalendarDate | null;
  readonly state: RotationState;
  /** `critical` while a suspected compromise is outstanding (`compromised`, e.g. from `credledger revoke`). */
  readonly severity: 'critical' | 'normal';
  readonly reasons: readonly string[];
}

export type StatusSummary = Record<RotationState, number>;

/** The whole report, shaped as `status --format json` prints it. */
export interface StatusReport {
  readonly now: CalendarDate;
  readonly credentials: readonly StatusRow[];
  readonly summary: StatusSummary;
  /** Places (`openai`, `admin-password/production`) whose value is sealed under the public demo key; absent when none is. */
  readonly publicDemoKeyValues?: readonly string[];
}

const NO_REASONS: readonly string[] = Object.freeze([]);

const STATE_ORDER: Record<RotationState, number> = { overdue: 0, 'due-soon': 1, unknown: 2, ok: 3 };

/** Builds the report for day `now`: rows ordered overdue first, then by due date, id and deployment. */
export function buildStatusReport(inventory: Inventory, now: CalendarDate): StatusReport {
  // Each row is sorted by its credential's id and deployment, whose sort keys are made once each (identifier-order.ts).
  const sortable: { readonly row: StatusRow; readonly order: string; readonly id: IdentifierSortable; readonly deployment: IdentifierSortable }[] = [];
  const deploymentSortables = new Map<string, IdentifierSortable>();
  const noDeployment = sortableIdentifier('');
  const assess = rotationAssessor(inventory, now);
  for (const credential of inventory.credentials) {
    const assessment = assess(credential);
    // Most rows on most days have no reason to show: they share one empty list rather than each making its own.
    const reasons = assessment.reasons.length === 0 ? NO_REASONS : assessment.reasons.map((reason) => reason.text);
    const id = sortableIdentifier(credential.id);
    // The state's rank (one digit) and the due date in one string: one comparison orders rows by both.
    const order = `${STATE_ORDER[assessment.state]}${assessment.due ?? '9999'}`;
    const deployments = credential.deployments.length > 0 ? credential.deployments : [null];
    for (const deployment of deployments) {
      const row: StatusRow = {
        id: credential.id,
        setting: credential.setting,
        deployment,
        kind: credential.kind,
        owner: credential.owner,
        rotated: assessment.lastRotated ?? null,
        due: assessment.due ?? null,
        state: assessment.state,
        severity: assessment.severity,
        reasons,
      };
      let deploymentSortable = deployment === null ? noDeployment : deploymentSortables.get(deployment);
      if (deploymentSortable === undefined) {
        deploymentSortable = sortableIdentifier(deployment as string);
        deploymentSortables.set(deployment as string, deploymentSortable);
      }
      sortable.push({ row, order, id, deployment: deploymentSortable });
    }
  }
  sortable.sort((a, b) => compareText(a.order, b.order) || compareIdentifierSortables(a.id, b.id) || compareIdentifierSortables(a.deployment, b.deployment));
  const rows = sortable.map((entry) => entry.row);
  const summary: StatusSummary = { ok: 0, 'due-soon': 0, overdue: 0, unknown: 0 };
  for (const row of rows) summary[row.state] += 1;
  const demoKeyValues = listDemoKeyValues(inventory).map(describeValuePlace);
  return { now, credentials: rows, summary, ...(demoKeyValues.length === 0 ? {} : { publicDemoKeyValues: demoKeyValues }) };
}

/** True when the report has a row at or beyond the given threshold. */
export function statusMeetsThreshold(report: StatusReport, threshold: 'overdue' | 'due-soon'): boolean {
  return report.credentials.some((row) => row.state === 'overdue' || (threshold === 'due-soon' && row.state === 'due-soon'));
}
