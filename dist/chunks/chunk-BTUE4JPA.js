import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeMissingEnv
} from "./chunk-D6Z224IV.js";
import {
  AUDIT_FINDING_KINDS,
  describeFindingKind
} from "./chunk-FFKGOIZX.js";
import {
  markdownCode,
  markdownTable,
  markdownText
} from "./chunk-ASM7YXIQ.js";
import {
  PLAIN_STYLE
} from "./chunk-4AI5OLC3.js";

// src/core/render-audit.ts
var HEADERS = ["SEVERITY", "KIND", "SETTING", "CREDENTIAL", "DOCUELEVATE", "INVENTORY"];
function describeSource(source) {
  return source === "db" ? "database" : source === "env" ? "environment" : "no value";
}
function describeInventoryValue(finding) {
  if (finding.inventoryValue === null) return finding.coveredElsewhereBy === void 0 ? "not covered" : `elsewhere: ${finding.coveredElsewhereBy.join(", ")}`;
  return finding.inventoryValue ? "value" : "no value";
}
function cellsOf(finding) {
  return [finding.severity, finding.kind, finding.setting, finding.credential ?? "-", describeSource(finding.source), describeInventoryValue(finding)];
}
function describeDeployment(deployment) {
  if (deployment.outcome === "unreachable") return `not audited: ${deployment.error?.missingEnv !== void 0 ? describeMissingEnv(deployment.error.missingEnv) : "unreachable"}`;
  const count = deployment.findings.length;
  const counts = deployment.counts;
  const tail = counts === void 0 ? "" : ` (${counts.configured} of ${counts.listed} credential settings configured; ${counts.tracked} in the inventory, ${counts.matching} as expected)`;
  return `${count === 0 ? "no findings" : `${count} finding${count === 1 ? "" : "s"}`}${tail}`;
}
function describeAuditSummary(report) {
  const kinds = AUDIT_FINDING_KINDS.map((kind) => `${report.summary[kind]} ${kind}`).join(", ");
  const total = report.deployments.length;
  const unreachable = report.summary.unreachable;
  const unset = report.deployments.filter((deployment) => deployment.error?.missingEnv !== void 0).length;
  const of = `of ${total} deployment${total === 1 ? "" : "s"}`;
  let reach = unreachable === 0 ? `${total} deployment${total === 1 ? "" : "s"} audited` : `${unreachable} ${of} unreachable`;
  if (unset > 0) {
    const causes = [unreachable > unset ? `${unreachable - unset} unreachable` : void 0, `${unset} without ${unset === 1 ? "its" : "their"} login variables`].filter((cause) => cause !== void 0);
    reach = `${unreachable} ${of} not audited (${causes.join(", ")})`;
  }
  return `${kinds}; ${reach}`;
}
function kindsPresent(report) {
  const present = new Set(report.deployments.flatMap((deployment) => deployment.findings.map((finding) => finding.kind)));
  return AUDIT_FINDING_KINDS.filter((kind) => present.has(kind));
}
function renderAuditText(report, style = PLAIN_STYLE) {
  const lines = [];
  const rows = report.deployments.flatMap((deployment) => deployment.findings.map(cellsOf));
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((cells) => (cells[column] ?? "").length)));
  const pad = (cells) => `  ${cells.map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)).join("  ")}`.trimEnd();
  for (const deployment of report.deployments) {
    lines.push(style.bold(`${deployment.deployment} (${deployment.url}): ${describeDeployment(deployment)}`));
    if (deployment.error !== void 0) lines.push(`  ${style.error(`error: ${deployment.error.message}`)}`);
    for (const warning of deployment.warnings ?? []) lines.push(`  ${style.warning(`warning: ${warning}`)}`);
    if (deployment.findings.length > 0) {
      lines.push(style.bold(pad(HEADERS)));
      for (const finding of deployment.findings) {
        const line = pad(cellsOf(finding));
        lines.push(finding.severity === "error" ? style.error(line) : style.warning(line));
        for (const change of finding.changes ?? []) lines.push(`    ${style.dim(`${change.action === "delete" ? "deleted" : "changed"} by ${change.changedBy || "an unnamed user"} at ${change.changedAt}`)}`);
      }
    }
    if (deployment.unchecked.length > 0) {
      const names = deployment.unchecked.map((entry) => `${entry.setting} (${entry.credential})`).join(", ");
      lines.push(`  ${style.dim(`not audited, DocuElevate does not list them as credentials: ${names}`)}`);
    }
  }
  const kinds = kindsPresent(report);
  if (kinds.length > 0) {
    lines.push("");
    for (const kind of kinds) lines.push(`${style.bold(kind)}: ${describeFindingKind(kind)}`);
  }
  for (const note of report.notes ?? []) lines.push("", style.dim(`note: ${note}`));
  lines.push("", describeAuditSummary(report));
  return lines.join("\n");
}
var SEVERITY_BADGES = { error: "\u{1F534} error", warning: "\u{1F7E1} warning" };
function renderAuditMarkdown(report) {
  const lines = ["### credledger audit", "", markdownText(describeAuditSummary(report)), ""];
  for (const deployment of report.deployments) {
    lines.push(`#### ${markdownCode(deployment.deployment)}: ${markdownText(describeDeployment(deployment))}`, "");
    if (deployment.error !== void 0) lines.push(`> :x: ${markdownText(deployment.error.message)}`, "");
    for (const warning of deployment.warnings ?? []) lines.push(`> :warning: ${markdownText(warning)}`, "");
    if (deployment.findings.length > 0) {
      const rows = deployment.findings.map((finding) => [
        SEVERITY_BADGES[finding.severity],
        finding.kind,
        markdownCode(finding.setting),
        finding.credential === null ? "\u2013" : markdownCode(finding.credential),
        describeSource(finding.source),
        markdownText(finding.message)
      ]);
      lines.push(markdownTable(["severity", "kind", "setting", "credential", "DocuElevate", "finding"], rows), "");
    }
    if (deployment.unchecked.length > 0) {
      const names = deployment.unchecked.map((entry) => `${markdownCode(entry.setting)} (${markdownCode(entry.credential)})`).join(", ");
      lines.push(`Not audited (DocuElevate does not list them as credentials): ${names}`, "");
    }
  }
  const kinds = kindsPresent(report);
  if (kinds.length > 0) {
    lines.push("<details><summary>What the findings mean</summary>", "");
    for (const kind of kinds) lines.push(`- **${kind}**: ${markdownText(describeFindingKind(kind))}`);
    lines.push("", "</details>", "");
  }
  for (const note of report.notes ?? []) lines.push(`> Note: ${markdownText(note)}`, "");
  return lines.join("\n");
}

export {
  renderAuditText,
  renderAuditMarkdown
};
