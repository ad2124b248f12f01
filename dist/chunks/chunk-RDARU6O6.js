import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  displayDeploymentUrl
} from "./chunk-JDF2SXMV.js";
import {
  SESSION_SECRET_IGNORED,
  SESSION_SECRET_SETTING,
  describeSessionSecretRotation
} from "./chunk-PNS7CLM4.js";

// src/core/apply-report.ts
function assessApplyReport(report) {
  if (report.deployments.some((deployment) => deployment.outcome === "unreachable") || report.state.error !== void 0) return "external";
  if (report.state.conflict !== void 0) return "failed";
  if (report.deployments.some((deployment) => deployment.outcome === "failed" || deployment.outcome === "skipped")) return "failed";
  return "ok";
}
function summariseOperations(deployments) {
  const summary = { planned: 0, done: 0, failed: 0, skipped: 0 };
  for (const deployment of deployments) for (const operation of deployment.operations) summary[operation.outcome] += 1;
  return summary;
}
function describeRestart(report) {
  const removed = report.pendingRestart ?? [];
  if (report.restartRequired.length === 0 && removed.length === 0) return void 0;
  const when = report.outcome === "planned" ? " after applying" : "";
  const settings = report.restartRequired.length === 0 ? "" : `: ${report.restartRequired.join(", ")}`;
  const removals = removed.length === 0 ? "" : `${settings === "" ? ":" : ";"} removed ${removed.join(", ")} (DocuElevate keeps a deleted value in effect until it restarts)`;
  return `restart api and worker on ${report.deployment}${when}${settings}${removals}`;
}
function reportOperation(entry) {
  const { operation } = entry;
  return {
    action: operation.action,
    setting: operation.setting,
    credential: operation.credentialId,
    group: operation.group ?? null,
    reason: operation.reason,
    restartRequired: entry.restartRequired ?? operation.restartRequired,
    outcome: entry.outcome,
    ...entry.error === void 0 ? {} : { error: entry.error },
    ...entry.outcome === "skipped" && entry.skipped !== void 0 ? { skipped: entry.skipped } : {},
    ...entry.attempts === void 0 ? {} : { attempts: entry.attempts },
    ...entry.recorded === void 0 ? {} : { recorded: entry.recorded },
    ...entry.pendingRestart ? { pendingRestart: true } : {}
  };
}
function deploymentReport(deployment, outcome, progress, error) {
  const operations = progress.map(reportOperation);
  const done = (operation) => operation.outcome === "done" || operation.outcome === "planned";
  const groups = /* @__PURE__ */ new Map();
  for (const operation of operations) if (operation.group !== null) groups.set(operation.group, [...groups.get(operation.group) ?? [], operation]);
  const inconsistentGroups = [...groups].filter(([, members]) => members.some(done) && !members.every(done)).map(([group]) => group);
  const restartRequired = operations.filter((operation) => operation.restartRequired && done(operation) && operation.action === "set").map((operation) => operation.setting);
  const pendingRestart = operations.filter((operation) => operation.pendingRestart === true || operation.action === "delete" && operation.outcome === "planned").map((operation) => operation.setting);
  const warnings = operations.filter((operation) => operation.setting === SESSION_SECRET_SETTING && operation.action === "set" && done(operation)).map(() => describeSessionSecretChange(deployment.id, outcome === "planned"));
  return {
    deployment: deployment.id,
    // Never a user name or password a URL should not have held: reports name the deployment, not its secrets.
    url: displayDeploymentUrl(deployment.url),
    outcome,
    ...error === void 0 ? {} : { error },
    operations,
    inconsistentGroups,
    restartRequired,
    ...pendingRestart.length === 0 ? {} : { pendingRestart },
    warnings
  };
}
function describeSessionSecretChange(deployment, planned) {
  return `session_secret ${planned ? "will be" : "was"} written to ${deployment}'s database, but ${SESSION_SECRET_IGNORED}. To rotate it, ${describeSessionSecretRotation(deployment)}`;
}
function describeForgottenDeployments(inventory, recorded, requested) {
  if (requested !== void 0) return [];
  return [...recorded].filter((deployment) => !inventory.deployments.has(deployment)).map((deployment) => `the applied state records deployment ${deployment}, which is no longer in the inventory: its settings were left alone`);
}
function buildApplyReport(dryRun, inventoryCommit, state, deployments, warnings) {
  return { dryRun, inventoryCommit, state, deployments, warnings, summary: summariseOperations(deployments) };
}

export {
  assessApplyReport,
  describeRestart,
  deploymentReport,
  describeForgottenDeployments,
  buildApplyReport
};
