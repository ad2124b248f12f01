// Renders a status report as an aligned table for terminals and as Markdown for job summaries.
import { markdownCode, markdownTable, markdownText } from './markdown.js';
import { describeDemoKeyValues } from './public-demo-key.js';
import { PLAIN_STYLE, type TextStyle } from './render-diagnostics.js';
import type { StatusReport, StatusRow } from './status-report.js';

const HEADERS = ['ID', 'SETTING', 'DEPLOYMENT', 'KIND', 'OWNER', 'ROTATED', 'DUE', 'STATE', 'REASONS'] as const;

function cellsOf(row: StatusRow): string[] {
  return [row.id, row.setting, row.deployment ?? '-', row.kind, row.owner, row.rotated ?? '-', row.due ?? '-', row.severity === 'critical' ? `${row.state} (critical)` : row.state, row.reasons.join('; ')];
}

function summaryLine(report: StatusReport): string {
  const { summary } = report;
  return `${summary.overdue} overdue, ${summary['due-soon']} due soon, ${summary.ok} ok, ${summary.unknown} unknown (as of ${report.now})`;
}

/** An aligned plain-text table, overdue rows first, and a summary line. */
export function renderStatusText(report: StatusReport, style: TextStyle = PLAIN_STYLE): string {
  const rows = report.credentials.map(cellsOf);
  // A loop, not Math.max(...rows): spreading 200,000 rows into one call overflows the stack.
  const widths: number[] = HEADERS.map((header) => header.length);
  for (const cells of rows) cells.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  const pad = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const paint = (row: StatusRow, line: string) =>
    row.state === 'overdue' ? style.error(line) : row.state === 'due-soon' ? style.warning(line) : row.state === 'unknown' ? style.dim(line) : line;
  const lines = [style.bold(pad(HEADERS)), ...report.credentials.map((row, index) => paint(row, pad(rows[index] ?? [])))];
  const demo = report.publicDemoKeyValues === undefined ? '' : `\n${style.warning(`warning: ${describeDemoKeyValues(report.publicDemoKeyValues)}`)}`;
  return `${lines.join('\n')}\n\n${summaryLine(report)}${demo}`;
}

const STATE_BADGES: Record<StatusRow['state'], string> = { overdue: '🔴 overdue', 'due-soon': '🟡 due soon', ok: '🟢 ok', unknown: '⚪ unknown' };

/** A Markdown table for GitHub job summaries and comments. */
export function renderStatusMarkdown(report: StatusReport): string {
  const header = HEADERS.map((h) => h.charAt(0) + h.slice(1).toLowerCase());
  const rows = report.credentials.map((row) => {
    const cells = cellsOf(row).map(markdownText);
    cells[0] = markdownCode(row.id);
    cells[1] = markdownCode(row.setting);
    cells[7] = row.severity === 'critical' ? `${STATE_BADGES[row.state]} (critical)` : STATE_BADGES[row.state];
    return cells;
  });
  const demo = report.publicDemoKeyValues === undefined ? '' : `> :warning: ${markdownText(describeDemoKeyValues(report.publicDemoKeyValues))}\n\n`;
  return `### Credential rotation status\n\n${markdownText(summaryLine(report))}\n\n${demo}${markdownTable(header, rows)}\n`;
}
