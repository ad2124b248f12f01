// Renders an apply report (or a dry run's plan) as text for terminals and Markdown for job summaries.
import { describeRestart, type ApplyFailure, type ApplyReport, type DeploymentReport, type OperationReport } from './apply-report.js';
import { markdownCode, markdownQuote, markdownTable, markdownText } from './markdown.js';
import { PLAIN_STYLE, type TextStyle } from './render-diagnostics.js';

/** One line per operation, a header per deployment, restart lines, warnings and the state of the ref. */
export function renderApplyText(report: ApplyReport, style: TextStyle = PLAIN_STYLE): string {
  const lines: string[] = [];
  for (const deployment of report.deployments) {
    lines.push(style.bold(`${deployment.deployment} (${deployment.url}): ${describeDeploymentOutcome(deployment)}`));
    if (deployment.error !== undefined) lines.push(`  ${style.error(`error: ${describeFailure(deployment.error)}`)}`);
    const rows = deployment.operations.map((operation) => operationCells(operation, report.dryRun));
    const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((cells) => (cells[column] ?? '').length)));
    deployment.operations.forEach((operation, index) => {
      const cells = rows[index] ?? [];
      const line = `  ${cells.map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  ')}`.trimEnd();
      lines.push(operation.outcome === 'failed' ? style.error(line) : operation.outcome === 'skipped' ? style.warning(line) : line);
    });
    for (const group of deployment.inconsistentGroups) {
      lines.push(`  ${style.error(`group ${group} is inconsistent on ${deployment.deployment}: some members were written and some not; fix and apply again`)}`);
    }
    const restart = describeRestart(deployment);
    if (restart !== undefined) lines.push(`  ${style.warning(restart)}`);
    for (const warning of deployment.warnings) lines.push(`  ${style.warning(`warning: ${warning}`)}`);
  }
  for (const warning of report.warnings) lines.push(style.warning(`warning: ${warning}`));
  lines.push(describeState(report));
  return lines.join('\n');
}

/** A Markdown summary (for GitHub job summaries): one table per deployment. No value ever appears in a report. */
export function renderApplyMarkdown(report: ApplyReport): string {
  const lines: string[] = [`### credledger apply${report.dryRun ? ' (dry run)' : ''}`, ''];
  for (const deployment of report.deployments) {
    lines.push(`#### ${markdownCode(deployment.deployment)}: ${describeDeploymentOutcome(deployment)}`, '');
    if (deployment.error !== undefined) lines.push(markdownQuote(describeFailure(deployment.error)), '');
    if (deployment.operations.length > 0) {
      const rows = deployment.operations.map((operation) => {
        const detail = operation.error !== undefined ? describeFailure(operation.error) : (operation.skipped ?? '');
        return [operation.outcome, operation.action, markdownCode(operation.setting), markdownCode(operation.credential), describeReason(operation), markdownText(detail)];
      });
      lines.push(markdownTable(['outcome', 'action', 'setting', 'credential', 'reason', 'detail'], rows), '');
    }
    for (const group of deployment.inconsistentGroups) lines.push(`- :x: group ${markdownCode(group)} is inconsistent`);
    const restart = describeRestart(deployment);
    if (restart !== undefined) lines.push(`- :warning: ${markdownText(restart)}`);
    for (const warning of deployment.warnings) lines.push(`- :warning: ${markdownText(warning)}`);
    lines.push('');
  }
  for (const warning of report.warnings) lines.push(`- :warning: ${markdownText(warning)}`);
  lines.push(markdownText(describeState(report)), '');
  return lines.join('\n');
}

function operationCells(operation: OperationReport, dryRun: boolean): string[] {
  const outcome = dryRun ? 'would' : operation.outcome;
  const what = `${describeReason(operation)}${operation.group === null ? '' : `, group ${operation.group}`}`;
  let note = what;
  if (operation.error !== undefined) note = describeFailure(operation.error);
  else if (operation.skipped !== undefined) note = operation.skipped;
  else if (operation.recorded === false) note = `${what}; not recorded in the applied state`;
  return [outcome, operation.action, operation.setting, operation.credential, note];
}

function describeReason(operation: OperationReport): string {
  switch (operation.reason) {
    case 'new':
      return 'new';
    case 'changed':
      return 'changed';
    case 'all':
      return '--all';
    case 'rehydrate':
      return 'rehydrate';
    case 'removed':
      return 'no longer in the inventory';
  }
}

function describeDeploymentOutcome(deployment: DeploymentReport): string {
  const count = (outcome: OperationReport['outcome']) => deployment.operations.filter((operation) => operation.outcome === outcome).length;
  switch (deployment.outcome) {
    case 'unchanged':
      return 'nothing to apply';
    case 'planned':
      return `${count('planned')} operation${count('planned') === 1 ? '' : 's'} to apply`;
    case 'unreachable':
      return deployment.error?.missingEnv !== undefined ? `not attempted: ${describeMissingEnv(deployment.error.missingEnv)}, nothing sent` : 'unreachable, nothing sent';
    case 'skipped':
      return 'not attempted';
    case 'failed':
      // Refused before anything was sent (an older checkout than its applied state): failed, its operations not attempted.
      if (deployment.error !== undefined && count('done') === 0 && count('failed') === 0) return `failed: refused, nothing sent (${count('skipped')} operation${count('skipped') === 1 ? '' : 's'} not attempted)`;
      return [`${count('done')} done`, `${count('failed')} failed`, `${count('skipped')} skipped`].join(', ');
    default:
      return [`${count('done')} done`, `${count('failed')} failed`, `${count('skipped')} skipped`].join(', ');
  }
}

/** "PROD_USER and PROD_PASSWORD not set": the cause named instead of "unreachable" when the deployment was never contacted. */
export function describeMissingEnv(names: readonly string[]): string {
  return `${names.join(' and ')} not set`;
}

function describeState(report: ApplyReport): string {
  const { state } = report;
  const short = (sha: string | null) => (sha === null ? 'none' : sha.slice(0, 12));
  if (report.dryRun) return `dry run: nothing was sent; ${state.ref} is at ${short(state.before)}`;
  let text = state.before === state.after ? `state: ${state.ref} unchanged at ${short(state.after)}` : `state: ${state.ref} ${short(state.before)} -> ${short(state.after)}`;
  if (state.remote !== null) text += state.pushed ? `, on ${state.remote}` : `, NOT pushed to ${state.remote}`;
  if (state.conflict !== undefined) text += `\nstopped: ${state.conflict}`;
  if (state.error !== undefined) text += `\nstate error: ${state.error}`;
  return text;
}

/** The message already names the request, the status and DocuElevate's detail. */
function describeFailure(failure: ApplyFailure): string {
  return failure.message;
}
