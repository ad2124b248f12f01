// Renders an audit report as an aligned text table for terminals and as Markdown for job summaries.
import {
  AUDIT_FINDING_KINDS,
  describeFindingKind,
  type AuditFinding,
  type AuditFindingKind,
  type AuditReport,
  type CredentialValueSource,
  type DeploymentAudit,
} from './audit.js';
import { markdownCode, markdownTable, markdownText } from './markdown.js';
import { describeMissingEnv } from './render-apply.js';
import { PLAIN_STYLE, type TextStyle } from './render-diagnostics.js';

const HEADERS = ['SEVERITY', 'KIND', 'SETTING', 'CREDENTIAL', 'DOCUELEVATE', 'INVENTORY'] as const;

function describeSource(source: CredentialValueSource): string {
  return source === 'db' ? 'database' : source === 'env' ? 'environment' : 'no value';
}

function describeInventoryValue(finding: AuditFinding): string {
  if (finding.inventoryValue === null) return finding.coveredElsewhereBy === undefined ? 'not covered' : `elsewhere: ${finding.coveredElsewhereBy.join(', ')}`;
  return finding.inventoryValue ? 'value' : 'no value';
}

function cellsOf(finding: AuditFinding): string[] {
  return [finding.severity, finding.kind, finding.setting, finding.credential ?? '-', describeSource(finding.source), describeInventoryValue(finding)];
}

function describeDeployment(deployment: DeploymentAudit): string {
  if (deployment.outcome === 'unreachable') return `not audited: ${deployment.error?.missingEnv !== undefined ? describeMissingEnv(deployment.error.missingEnv) : 'unreachable'}`;
  const count = deployment.findings.length;
  const counts = deployment.counts;
  const tail = counts === undefined ? '' : ` (${counts.configured} of ${counts.listed} credential settings configured; ${counts.tracked} in the inventory, ${counts.matching} as expected)`;
  return `${count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`}${tail}`;
}

/** "1 untracked, 2 not-configured, 0 from-env, 0 db-unmanaged; 1 of 2 deployments unreachable". */
export function describeAuditSummary(report: AuditReport): string {
  const kinds = AUDIT_FINDING_KINDS.map((kind) => `${report.summary[kind]} ${kind}`).join(', ');
  const total = report.deployments.length;
  const unreachable = report.summary.unreachable;
  const unset = report.deployments.filter((deployment) => deployment.error?.missingEnv !== undefined).length;
  const of = `of ${total} deployment${total === 1 ? '' : 's'}`;
  let reach = unreachable === 0 ? `${total} deployment${total === 1 ? '' : 's'} audited` : `${unreachable} ${of} unreachable`;
  if (unset > 0) {
    const causes = [unreachable > unset ? `${unreachable - unset} unreachable` : undefined, `${unset} without ${unset === 1 ? 'its' : 'their'} login variables`].filter((cause) => cause !== undefined);
    reach = `${unreachable} ${of} not audited (${causes.join(', ')})`;
  }
  return `${kinds}; ${reach}`;
}

function kindsPresent(report: AuditReport): AuditFindingKind[] {
  const present = new Set(report.deployments.flatMap((deployment) => deployment.findings.map((finding) => finding.kind)));
  return AUDIT_FINDING_KINDS.filter((kind) => present.has(kind));
}

/** Per deployment a header and a table of findings, the settings not audited, then what each kind found means and the summary. */
export function renderAuditText(report: AuditReport, style: TextStyle = PLAIN_STYLE): string {
  const lines: string[] = [];
  const rows = report.deployments.flatMap((deployment) => deployment.findings.map(cellsOf));
  // One set of widths for every deployment, so the tables line up down the page.
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((cells) => (cells[column] ?? '').length)));
  const pad = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}`.trimEnd();
  for (const deployment of report.deployments) {
    lines.push(style.bold(`${deployment.deployment} (${deployment.url}): ${describeDeployment(deployment)}`));
    if (deployment.error !== undefined) lines.push(`  ${style.error(`error: ${deployment.error.message}`)}`);
    for (const warning of deployment.warnings ?? []) lines.push(`  ${style.warning(`warning: ${warning}`)}`);
    if (deployment.findings.length > 0) {
      lines.push(style.bold(pad(HEADERS)));
      for (const finding of deployment.findings) {
        const line = pad(cellsOf(finding));
        lines.push(finding.severity === 'error' ? style.error(line) : style.warning(line));
        // Who and when: what the reader of a changed-outside finding needs first.
        for (const change of finding.changes ?? []) lines.push(`    ${style.dim(`${change.action === 'delete' ? 'deleted' : 'changed'} by ${change.changedBy || 'an unnamed user'} at ${change.changedAt}`)}`);
      }
    }
    if (deployment.unchecked.length > 0) {
      const names = deployment.unchecked.map((entry) => `${entry.setting} (${entry.credential})`).join(', ');
      lines.push(`  ${style.dim(`not audited, DocuElevate does not list them as credentials: ${names}`)}`);
    }
  }
  const kinds = kindsPresent(report);
  if (kinds.length > 0) {
    lines.push('');
    for (const kind of kinds) lines.push(`${style.bold(kind)}: ${describeFindingKind(kind)}`);
  }
  for (const note of report.notes ?? []) lines.push('', style.dim(`note: ${note}`));
  lines.push('', describeAuditSummary(report));
  return lines.join('\n');
}

const SEVERITY_BADGES = { error: '🔴 error', warning: '🟡 warning' } as const;

/** A Markdown summary for GitHub job summaries: one table per deployment, each finding's sentence, and a legend. */
export function renderAuditMarkdown(report: AuditReport): string {
  const lines: string[] = ['### credledger audit', '', markdownText(describeAuditSummary(report)), ''];
  for (const deployment of report.deployments) {
    lines.push(`#### ${markdownCode(deployment.deployment)}: ${markdownText(describeDeployment(deployment))}`, '');
    if (deployment.error !== undefined) lines.push(`> :x: ${markdownText(deployment.error.message)}`, '');
    for (const warning of deployment.warnings ?? []) lines.push(`> :warning: ${markdownText(warning)}`, '');
    if (deployment.findings.length > 0) {
      const rows = deployment.findings.map((finding) => [
        SEVERITY_BADGES[finding.severity],
        finding.kind,
        markdownCode(finding.setting),
        finding.credential === null ? '–' : markdownCode(finding.credential),
        describeSource(finding.source),
        markdownText(finding.message),
      ]);
      lines.push(markdownTable(['severity', 'kind', 'setting', 'credential', 'DocuElevate', 'finding'], rows), '');
    }
    if (deployment.unchecked.length > 0) {
      const names = deployment.unchecked.map((entry) => `${markdownCode(entry.setting)} (${markdownCode(entry.credential)})`).join(', ');
      lines.push(`Not audited (DocuElevate does not list them as credentials): ${names}`, '');
    }
  }
  const kinds = kindsPresent(report);
  if (kinds.length > 0) {
    lines.push('<details><summary>What the findings mean</summary>', '');
    for (const kind of kinds) lines.push(`- **${kind}**: ${markdownText(describeFindingKind(kind))}`);
    lines.push('', '</details>', '');
  }
  for (const note of report.notes ?? []) lines.push(`> Note: ${markdownText(note)}`, '');
  return lines.join('\n');
}
