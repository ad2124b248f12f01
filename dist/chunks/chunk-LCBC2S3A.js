import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  markdownCode,
  markdownTable,
  markdownText
} from "./chunk-ASM7YXIQ.js";
import {
  PLAIN_STYLE
} from "./chunk-4AI5OLC3.js";
import {
  describeDemoKeyValues
} from "./chunk-NZKPRETK.js";

// src/core/render-status.ts
var HEADERS = ["ID", "SETTING", "DEPLOYMENT", "KIND", "OWNER", "ROTATED", "DUE", "STATE", "REASONS"];
function cellsOf(row) {
  return [row.id, row.setting, row.deployment ?? "-", row.kind, row.owner, row.rotated ?? "-", row.due ?? "-", row.severity === "critical" ? `${row.state} (critical)` : row.state, row.reasons.join("; ")];
}
function summaryLine(report) {
  const { summary } = report;
  return `${summary.overdue} overdue, ${summary["due-soon"]} due soon, ${summary.ok} ok, ${summary.unknown} unknown (as of ${report.now})`;
}
function renderStatusText(report, style = PLAIN_STYLE) {
  const rows = report.credentials.map(cellsOf);
  const widths = HEADERS.map((header) => header.length);
  for (const cells of rows) cells.forEach((cell, column) => widths[column] = Math.max(widths[column] ?? 0, cell.length));
  const pad = (cells) => cells.map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  const paint = (row, line) => row.state === "overdue" ? style.error(line) : row.state === "due-soon" ? style.warning(line) : row.state === "unknown" ? style.dim(line) : line;
  const lines = [style.bold(pad(HEADERS)), ...report.credentials.map((row, index) => paint(row, pad(rows[index] ?? [])))];
  const demo = report.publicDemoKeyValues === void 0 ? "" : `
${style.warning(`warning: ${describeDemoKeyValues(report.publicDemoKeyValues)}`)}`;
  return `${lines.join("\n")}

${summaryLine(report)}${demo}`;
}
var STATE_BADGES = { overdue: "\u{1F534} overdue", "due-soon": "\u{1F7E1} due soon", ok: "\u{1F7E2} ok", unknown: "\u26AA unknown" };
function renderStatusMarkdown(report) {
  const header = HEADERS.map((h) => h.charAt(0) + h.slice(1).toLowerCase());
  const rows = report.credentials.map((row) => {
    const cells = cellsOf(row).map(markdownText);
    cells[0] = markdownCode(row.id);
    cells[1] = markdownCode(row.setting);
    cells[7] = row.severity === "critical" ? `${STATE_BADGES[row.state]} (critical)` : STATE_BADGES[row.state];
    return cells;
  });
  const demo = report.publicDemoKeyValues === void 0 ? "" : `> :warning: ${markdownText(describeDemoKeyValues(report.publicDemoKeyValues))}

`;
  return `### Credential rotation status

${markdownText(summaryLine(report))}

${demo}${markdownTable(header, rows)}
`;
}

export {
  renderStatusText,
  renderStatusMarkdown
};
