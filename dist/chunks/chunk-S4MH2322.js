import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  markdownCode,
  markdownCodeList,
  markdownMessage,
  markdownTable,
  markdownText,
  markdownUrl
} from "./chunk-ASM7YXIQ.js";
import {
  WORKTREE
} from "./chunk-L4POFTLE.js";
import {
  PLAIN_STYLE,
  renderDiagnosticsGitHub,
  renderDiagnosticsText,
  summariseDiagnostics
} from "./chunk-4AI5OLC3.js";

// src/core/render-plan.ts
var MAX_MARKDOWN_LENGTH = 6e4;
var RESTART_COMMAND = "docker compose restart api worker";
function plural(count, word, many = `${word}s`) {
  return `${count} ${count === 1 ? word : many}`;
}
function shortRevision(revision) {
  return revision === WORKTREE ? "the working tree" : revision.slice(0, 7);
}
function operationsByDeployment(operations) {
  const byDeployment = /* @__PURE__ */ new Map();
  for (const operation of operations) byDeployment.set(operation.deployment, [...byDeployment.get(operation.deployment) ?? [], operation]);
  return byDeployment;
}
function summarisePlan(plan) {
  const credentials = new Set(plan.changes.map((change) => change.id)).size;
  const changes = plan.changes.length === 0 ? "no changes" : `${plural(plan.changes.length, "change")} to ${plural(credentials, "credential")}`;
  const deployments = new Set(plan.operations.map((operation) => operation.deployment)).size;
  const restarts = plan.operations.filter((operation) => operation.restart_required).length;
  const operations = plan.operations.length === 0 ? "no operations" : `${plural(plan.operations.length, "operation")} on ${plural(deployments, "deployment")}${restarts > 0 ? ` (${restarts} ${restarts === 1 ? "needs" : "need"} a restart)` : ""}`;
  return `${changes}; ${operations}; ${summariseDiagnostics(plan.diagnostics)}`;
}
function valueBasisNote(plan) {
  if (plan.valueBasis === "plaintext") return void 0;
  return "Values were compared as ciphertext (no key): a value encrypted again without changing shows as changed; a re-key, which keeps the sealing time, does not.";
}
function planToJson(plan) {
  return {
    base: plan.base,
    head: plan.head,
    changes: plan.changes.map(({ id, change, fields, deployments }) => ({ id, change, fields, deployments })),
    operations: plan.operations.map(({ deployment, setting, action, restart_required, group }) => ({ deployment, setting, action, restart_required, group })),
    diagnostics: plan.diagnostics
  };
}
function renderPlanJson(plan) {
  return JSON.stringify(planToJson(plan), null, 2);
}
function alignColumns(rows) {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? "").length))) ?? [];
  return rows.map(
    (cells) => cells.map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()
  );
}
function renderPlanText(plan, options = {}) {
  const style = options.style ?? PLAIN_STYLE;
  const blocks = [];
  const header = [style.bold(`Plan for ${plan.file}: base ${shortRevision(plan.base)} -> ${plan.head === WORKTREE ? "working tree" : `head ${shortRevision(plan.head)}`}`)];
  const basis = valueBasisNote(plan);
  if (basis) header.push(style.dim(basis));
  header.push(...plan.notes.map((note) => style.dim(note)));
  blocks.push(header.join("\n"));
  if (plan.changes.length === 0) blocks.push("No changes to credentials.");
  else {
    const rows = [["ID", "CHANGE", "FIELDS", "DEPLOYMENTS"], ...plan.changes.map((c) => [c.id, c.change, c.fields.join(", ") || "-", c.deployments.join(", ") || "-"])];
    const [head, ...body] = alignColumns(rows);
    const paint = (kind, line) => kind === "value-changed-without-rotation" ? style.error(line) : kind === "rotation-without-value" ? style.warning(line) : line;
    blocks.push(["Changes:", `  ${style.bold(head ?? "")}`, ...body.map((line, index) => `  ${paint(plan.changes[index]?.change ?? "metadata", line)}`)].join("\n"));
  }
  if (plan.operations.length === 0) blocks.push("No operations: the merge sets and deletes nothing.");
  else {
    const rows = plan.operations.map((operation) => [
      operation.action,
      operation.setting,
      `(${operation.credential})`,
      [operation.restart_required ? "restart required" : "", operation.group ? `group ${operation.group}` : ""].filter(Boolean).join(", ")
    ]);
    const aligned = alignColumns(rows);
    const lines = ["Operations:"];
    let deployment;
    plan.operations.forEach((operation, index) => {
      if (operation.deployment !== deployment) lines.push(`  ${style.bold(operation.deployment)}`);
      deployment = operation.deployment;
      const line = `    ${aligned[index] ?? ""}`;
      lines.push(operation.restart_required ? style.warning(line) : line);
    });
    blocks.push(lines.join("\n"));
  }
  if (!options.withoutDiagnostics && plan.diagnostics.length > 0) {
    blocks.push(renderDiagnosticsText(plan.diagnostics, options.sourceLines, style));
  }
  blocks.push(summarisePlan(plan));
  return blocks.join("\n\n");
}
function renderPlanGitHub(plan) {
  const annotations = renderDiagnosticsGitHub(plan.diagnostics);
  const text = renderPlanText(plan, { withoutDiagnostics: true });
  return annotations === "" ? text : `${annotations}
${text}`;
}
var CHANGE_LABELS = {
  added: "\u2795 added",
  removed: "\u2796 removed",
  rotated: "\u{1F504} rotated",
  "value-changed-without-rotation": "\u274C value changed without rotation",
  "rotation-without-value": "\u26A0\uFE0F rotation without a new value",
  retargeted: "\u{1F3AF} retargeted",
  metadata: "\u{1F4DD} metadata",
  "re-encrypted": "\u{1F511} re-encrypted (value unchanged)"
};
function diagnosticLine(diagnostic, link) {
  const place = `${diagnostic.file}:${diagnostic.line}`;
  const where = link ? `[${markdownText(place)}](${markdownUrl(link(diagnostic.file, diagnostic.line))})` : markdownCode(place);
  const label = diagnostic.severity === "error" ? "\u274C **error**" : "\u26A0\uFE0F **warning**";
  return `- ${label} ${markdownCode(diagnostic.code)} at ${where}: ${markdownMessage(diagnostic.message)}`;
}
function renderPlanMarkdown(plan, options = {}) {
  const sections = [];
  sections.push(`**credledger plan** for ${markdownCode(plan.file)}: ${summarisePlan(plan)}`);
  const revisions = `Base ${markdownCode(shortRevision(plan.base))} \u2192 ${plan.head === WORKTREE ? "the working tree" : `head ${markdownCode(shortRevision(plan.head))}`}.`;
  const basis = valueBasisNote(plan);
  sections.push(basis ? `${revisions} ${basis}` : revisions);
  if (plan.notes.length > 0) sections.push(["> [!NOTE]", ...plan.notes.map((note) => `> ${markdownMessage(note)}`)].join("\n"));
  sections.push("#### Changes");
  if (plan.changes.length === 0) sections.push("No changes to credentials.");
  else {
    const rows = plan.changes.map((change) => [markdownCode(change.id), CHANGE_LABELS[change.change], markdownCodeList(change.fields), markdownCodeList(change.deployments)]);
    sections.push(markdownTable(["Credential", "Change", "Fields", "Deployments"], rows));
  }
  sections.push("#### Operations");
  if (plan.operations.length === 0) sections.push("None: the merge sets and deletes nothing.");
  else {
    for (const [deployment, operations] of operationsByDeployment(plan.operations)) {
      const rows = operations.map((operation) => [
        operation.action,
        markdownCode(operation.setting),
        operation.restart_required ? "\u26A0\uFE0F required" : "no",
        operation.group ? markdownCode(operation.group) : "\u2013",
        markdownCode(operation.credential)
      ]);
      sections.push(`**${markdownCode(deployment)}**

${markdownTable(["Action", "Setting", "Restart", "Group", "Credential"], rows)}`);
    }
  }
  const restarts = [...operationsByDeployment(plan.operations.filter((operation) => operation.restart_required))];
  if (restarts.length > 0) {
    sections.push(
      [
        "> [!WARNING]",
        `> After apply, these settings take effect only once DocuElevate restarts (${markdownCode(RESTART_COMMAND)}):`,
        ...restarts.map(([deployment, operations]) => `> - ${markdownCode(deployment)}: ${markdownCodeList([...new Set(operations.map((operation) => operation.setting))])}`)
      ].join("\n")
    );
  }
  if (plan.diagnostics.length > 0) {
    sections.push("#### Diagnostics");
    sections.push(plan.diagnostics.map((diagnostic) => diagnosticLine(diagnostic, options.link)).join("\n"));
  }
  return truncateMarkdown(`${sections.join("\n\n")}
`, options.maxLength ?? MAX_MARKDOWN_LENGTH);
}
function truncateMarkdown(text, maxLength) {
  if (text.length <= maxLength) return text;
  const lines = text.replace(/\n$/, "").split("\n");
  const noteFor = (left) => `
> [!CAUTION]
> The plan was cut here: ${plural(left, "more line")} would not fit in a comment. Run \`credledger plan\` for all of it.
`;
  const room = maxLength - noteFor(lines.length).length;
  let kept = "";
  let count = 0;
  for (const line of lines) {
    if (kept.length + line.length + 1 > room) break;
    kept += `${line}
`;
    count += 1;
  }
  return `${kept}${noteFor(lines.length - count)}`;
}

export {
  planToJson,
  renderPlanJson,
  renderPlanText,
  renderPlanGitHub,
  renderPlanMarkdown
};
