// Use case: keep the one drift issue in step with an audit report, with remind's reconciliation (marker, label, edit in place).
import type { AuditReport } from '../core/audit.js';
import type { CalendarDate } from '../core/dates.js';
import { buildDriftIssue, DEFAULT_DRIFT_LABEL, driftLabelDefinitions } from '../core/drift-issue.js';
import { countIssueActions, planIssueReconciliation, type ReconciliationCounts } from '../core/rotation-issues.js';
import type { RotationIssueTracker } from '../ports/rotation-issue-tracker.js';
import { describeAction, performIssuePlan, type RemindAction } from './remind.js';

export interface DriftIssueRequest {
  readonly report: AuditReport;
  readonly today: CalendarDate;
  /** Default {@link DEFAULT_DRIFT_LABEL}. */
  readonly label?: string;
  readonly dryRun: boolean;
  readonly github: RotationIssueTracker;
}

export interface DriftIssueResult {
  readonly label: string;
  /** False when the audit was incomplete and clean elsewhere: the issue was left as it was. */
  readonly decided: boolean;
  readonly actions: readonly RemindAction[];
  readonly counts: ReconciliationCounts;
}

/**
 * Opens the drift issue when the audit finds something, updates it in place when the findings change (nothing is
 * written when they do not), reopens it on new drift, and closes it when the audit is clean. Extra open issues with
 * the marker are closed as duplicates. A dry run reads the issues and plans without writing.
 */
export async function keepDriftIssue(request: DriftIssueRequest): Promise<DriftIssueResult> {
  const label = request.label ?? DEFAULT_DRIFT_LABEL;
  const desired = buildDriftIssue(request.report, label, request.today);
  if (desired === undefined) return { label, decided: false, actions: [], counts: countIssueActions([]) };
  const plan = planIssueReconciliation(desired, await request.github.listMarkedIssues(label));
  if (request.dryRun) return { label, decided: true, actions: plan.map(describeAction), counts: countIssueActions(plan) };
  const { actions } = await performIssuePlan(request.github, label, plan, driftLabelDefinitions(label));
  return { label, decided: true, actions, counts: countIssueActions(plan) };
}
