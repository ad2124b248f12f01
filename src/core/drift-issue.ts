// The one GitHub issue that tracks what the audit finds: its text, and the plan that opens, updates, reopens or closes it.
import type { AuditReport } from './audit.js';
import type { CalendarDate } from './dates.js';
import { renderAuditMarkdown } from './render-audit.js';
import type { RemindAction } from './render-remind.js';
import { issueMarker, type DesiredIssues, type LabelDefinition } from './rotation-issues.js';

/** The label the drift issue carries, unless configured otherwise. */
export const DEFAULT_DRIFT_LABEL = 'credential-drift';

/** The id in the drift issue's marker (`<!-- credledger:id=audit-drift -->`): one issue per repository. */
export const DRIFT_ISSUE_ID = 'audit-drift';

/** The drift label's definition, created when missing. */
export function driftLabelDefinitions(label: string): LabelDefinition[] {
  return [{ name: label, color: 'd93f0b', description: 'DocuElevate differs from the credential inventory (credledger audit)' }];
}

function countFindings(report: AuditReport): number {
  return report.deployments.reduce((total, deployment) => total + deployment.findings.length, 0);
}

/** `Credential drift: 3 findings on production, staging`. */
export function renderDriftTitle(report: AuditReport): string {
  const count = countFindings(report);
  const where = report.deployments.filter((deployment) => deployment.findings.length > 0).map((deployment) => deployment.deployment);
  return `Credential drift: ${count} finding${count === 1 ? '' : 's'} on ${where.join(', ')}`;
}

/** The issue body: the marker, the audit's Markdown (never a value), and how the issue is kept. Nothing in it depends on the day. */
export function renderDriftBody(report: AuditReport): string {
  return [
    issueMarker(DRIFT_ISSUE_ID),
    renderAuditMarkdown(report).trimEnd(),
    '',
    '---',
    '<sub>credledger audit keeps this one issue in step with what the deployments hold on each scheduled run, and closes it once the audit is clean. Labels, assignees and comments that people add stay.</sub>',
    '',
  ].join('\n');
}

/**
 * The drift issue the report calls for: one when it has findings, none when it is clean. An audit that could not
 * reach every deployment and found nothing elsewhere says nothing either way: `undefined`, so no issue is closed
 * on an incomplete audit.
 */
export function buildDriftIssue(report: AuditReport, label: string, today: CalendarDate): DesiredIssues | undefined {
  const count = countFindings(report);
  if (count === 0 && report.summary.unreachable > 0) return undefined;
  const base = {
    label,
    standing: new Map(),
    managedLabels: [],
    closeComment: () => ({ reason: 'rotated' as const, comment: 'The audit is clean: every deployment matches the inventory, so credledger is closing this issue.' }),
  };
  if (count === 0) return { ...base, issues: [] };
  const body = renderDriftBody(report);
  return {
    ...base,
    issues: [
      {
        id: DRIFT_ISSUE_ID,
        title: renderDriftTitle(report),
        body,
        unassignedBody: body,
        labels: [label],
        state: 'overdue',
        due: today,
        reopenComment: `The audit on ${today} found drift again (${count} finding${count === 1 ? '' : 's'}), so credledger is reopening this issue.`,
      },
    ],
  };
}

/** What keeping the drift issue did, as far as the reports show it. */
export interface DriftIssueOutcome {
  /** False when the audit was incomplete and clean elsewhere: the issue was left as it was. */
  readonly decided: boolean;
  readonly actions: readonly Pick<RemindAction, 'kind' | 'number'>[];
}

/** `create #7`, `update #7, close #9`, `no drift issue needed`, or why the issue was left alone: for the log and the summary. */
export function describeDriftIssueOutcome(outcome: DriftIssueOutcome): string {
  if (!outcome.decided) return 'left as it was: a deployment could not be audited';
  return outcome.actions.map((action) => `${action.kind}${action.number === undefined ? '' : ` #${action.number}`}`).join(', ') || 'no drift issue needed';
}

/** The job summary's `### Drift issue` section: what was done (or planned, on a dry run). */
export function renderDriftIssueSummary(outcome: DriftIssueOutcome, dryRun: boolean): string {
  return `### Drift issue${dryRun ? ' (dry run)' : ''}\n\n${describeDriftIssueOutcome(outcome)}\n`;
}

/** The job summary's `### Drift issue` section for a run that audits only some deployments, which never keeps the issue. */
export function renderDriftIssueNotKept(): string {
  return '### Drift issue\n\nnot kept: this run audits only some deployments (`deployment` input); a scheduled audit of every deployment keeps it.\n';
}
