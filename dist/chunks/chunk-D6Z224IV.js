import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  markdownCode,
  markdownQuote,
  markdownTable,
  markdownText
} from "./chunk-ASM7YXIQ.js";
import {
  describeRestart
} from "./chunk-RDARU6O6.js";
import {
  PLAIN_STYLE
} from "./chunk-4AI5OLC3.js";

// src/core/render-apply.ts
function renderApplyText(report, style = PLAIN_STYLE) {
  const lines = [];
  for (const deployment of report.deployments) {
    lines.push(style.bold(`${deployment.deployment} (${deployment.url}): ${describeDeploymentOutcome(deployment)}`));
    if (deployment.error !== void 0) lines.push(`  ${style.error(`error: ${describeFailure(deployment.error)}`)}`);
    const rows = deployment.operations.map((operation) => operationCells(operation, report.dryRun));
    const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((cells) => (cells[column] ?? "").length)));
    deployment.operations.forEach((operation, index) => {
      const cells = rows[index] ?? [];
      const line = `  ${cells.map((cell, column) => column < cells.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell).join("  ")}`.trimEnd();
      lines.push(operation.outcome === "failed" ? style.error(line) : operation.outcome === "skipped" ? style.warning(line) : line);
    });
    for (const group of deployment.inconsistentGroups) {
      lines.push(`  ${style.error(`group ${group} is inconsistent on ${deployment.deployment}: some members were written and some not; fix and apply again`)}`);
    }
    const restart = describeRestart(deployment);
    if (restart !== void 0) lines.push(`  ${style.warning(restart)}`);
    for (const warning of deployment.warnings) lines.push(`  ${style.warning(`warning: ${warning}`)}`);
  }
  for (const warning of report.warnings) lines.push(style.warning(`warning: ${warning}`));
  lines.push(describeState(report));
  return lines.join("\n");
}
function renderApplyMarkdown(report) {
  const lines = [`### credledger apply${report.dryRun ? " (dry run)" : ""}`, ""];
  for (const deployment of report.deployments) {
    lines.push(`#### ${markdownCode(deployment.deployment)}: ${describeDeploymentOutcome(deployment)}`, "");
    if (deployment.error !== void 0) lines.push(markdownQuote(describeFailure(deployment.error)), "");
    if (deployment.operations.length > 0) {
      const rows = deployment.operations.map((operation) => {
        const detail = operation.error !== void 0 ? describeFailure(operation.error) : operation.skipped ?? "";
        return [operation.outcome, operation.action, markdownCode(operation.setting), markdownCode(operation.credential), describeReason(operation), markdownText(detail)];
      });
      lines.push(markdownTable(["outcome", "action", "setting", "credential", "reason", "detail"], rows), "");
    }
    for (const group of deployment.inconsistentGroups) lines.push(`- :x: group ${markdownCode(group)} is inconsistent`);
    const restart = describeRestart(deployment);
    if (restart !== void 0) lines.push(`- :warning: ${markdownText(restart)}`);
    for (const warning of deployment.warnings) lines.push(`- :warning: ${markdownText(warning)}`);
    lines.push("");
  }
  for (const warning of report.warnings) lines.push(`- :warning: ${markdownText(warning)}`);
  lines.push(markdownText(describeState(report)), "");
  return lines.join("\n");
}
function operationCells(operation, dryRun) {
  const outcome = dryRun ? "would" : operation.outcome;
  const what = `${describeReason(operation)}${operation.group === null ? "" : `, group ${operation.group}`}`;
  let note = what;
  if (operation.error !== void 0) note = describeFailure(operation.error);
  else if (operation.skipped !== void 0) note = operation.skipped;
  else if (operation.recorded === false) note = `${what}; not recorded in the applied state`;
  return [outcome, operation.action, operation.setting, operation.credential, note];
}
function describeReason(operation) {
  switch (operation.reason) {
    case "new":
      return "new";
    case "changed":
      return "changed";
    case "all":
      return "--all";
    case "rehydrate":
      return "rehydrate";
    case "removed":
      return "no longer in the inventory";
  }
}
function describeDeploymentOutcome(deployment) {
  const count = (outcome) => deployment.operations.filter((operation) => operation.outcome === outcome).length;
  switch (deployment.outcome) {
    case "unchanged":
      return "nothing to apply";
    case "planned":
      return `${count("planned")} operation${count("planned") === 1 ? "" : "s"} to apply`;
    case "unreachable":
      return deployment.error?.missingEnv !== void 0 ? `not attempted: ${describeMissingEnv(deployment.error.missingEnv)}, nothing sent` : "unreachable, nothing sent";
    case "skipped":
      return "not attempted";
    case "failed":
      if (deployment.error !== void 0 && count("done") === 0 && count("failed") === 0) return `failed: refused, nothing sent (${count("skipped")} operation${count("skipped") === 1 ? "" : "s"} not attempted)`;
      return [`${count("done")} done`, `${count("failed")} failed`, `${count("skipped")} skipped`].join(", ");
    default:
      return [`${count("done")} done`, `${count("failed")} failed`, `${count("skipped")} skipped`].join(", ");
  }
}
function describeMissingEnv(names) {
  return `${names.join(" and ")} not set`;
}
function describeState(report) {
  const { state } = report;
  const short = (sha) => sha === null ? "none" : sha.slice(0, 12);
  if (report.dryRun) return `dry run: nothing was sent; ${state.ref} is at ${short(state.before)}`;
  let text = state.before === state.after ? `state: ${state.ref} unchanged at ${short(state.after)}` : `state: ${state.ref} ${short(state.before)} -> ${short(state.after)}`;
  if (state.remote !== null) text += state.pushed ? `, on ${state.remote}` : `, NOT pushed to ${state.remote}`;
  if (state.conflict !== void 0) text += `
stopped: ${state.conflict}`;
  if (state.error !== void 0) text += `
state error: ${state.error}`;
  return text;
}
function describeFailure(failure) {
  return failure.message;
}

export {
  renderApplyText,
  renderApplyMarkdown,
  describeMissingEnv
};
