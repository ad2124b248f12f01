import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  compareText
} from "./chunk-3M2UOIA3.js";
import {
  displayDeploymentUrl
} from "./chunk-JDF2SXMV.js";
import {
  sealedValueFor
} from "./chunk-X75H72PA.js";

// src/core/audit.ts
var AUDIT_FINDING_KINDS = ["untracked", "not-configured", "from-env", "db-unmanaged", "pending-restart", "changed-outside", "masked-mismatch"];
var SEVERITIES = {
  untracked: "error",
  "not-configured": "warning",
  "from-env": "warning",
  "db-unmanaged": "warning",
  "pending-restart": "warning",
  "changed-outside": "error",
  "masked-mismatch": "error"
};
var APPLY_CLOCK_TOLERANCE_SECONDS = 60;
function auditInventory(inventory, deployments, listings, pendingRemovals = () => /* @__PURE__ */ new Map(), drift = () => void 0) {
  const reports = deployments.map((id) => {
    const deployment = inventory.deployments.get(id);
    if (deployment === void 0) throw new RangeError(`deployment ${id} is not in the inventory`);
    const listing = listings.get(id);
    if (listing === void 0) throw new RangeError(`no credential listing for deployment ${id}`);
    if ("error" in listing) return { deployment: id, url: displayDeploymentUrl(deployment.url), outcome: "unreachable", error: listing.error, findings: [], unchecked: [] };
    const audited = auditDeployment(inventory, id, listing.sources, pendingRemovals(id), drift(id));
    return listing.warnings === void 0 || listing.warnings.length === 0 ? audited : { ...audited, warnings: listing.warnings };
  });
  return { deployments: reports, summary: summariseAudit(reports) };
}
function auditDeployment(inventory, deploymentId, sources, pendingRemovals = /* @__PURE__ */ new Map(), drift) {
  const deployment = inventory.deployments.get(deploymentId);
  if (deployment === void 0) throw new RangeError(`deployment ${deploymentId} is not in the inventory`);
  const listed = new Map(sources.map((entry) => [entry.key, entry.source]));
  const tracked = inventory.credentials.filter((credential) => credential.deployments.includes(deploymentId));
  const trackedSettings = new Set(tracked.map((credential) => credential.setting));
  const findings = [];
  const unchecked = [];
  let matching = 0;
  for (const credential of tracked) {
    if (!listed.has(credential.setting)) {
      unchecked.push({ setting: credential.setting, credential: credential.id });
      continue;
    }
    const source = listed.get(credential.setting) ?? null;
    const finding2 = assessTrackedSetting(credential, deploymentId, source);
    if (finding2 === void 0) matching += 1;
    else findings.push(finding2);
    if (drift !== void 0 && source !== null) findings.push(...assessDrift(credential, deploymentId, source, drift));
  }
  for (const [setting, source] of listed) {
    if (source === null || trackedSettings.has(setting)) continue;
    const removal = pendingRemovals.get(setting);
    if (removal !== void 0 && source === "env") {
      findings.push(pendingRestartFinding(deploymentId, setting, removal));
      continue;
    }
    const elsewhere = inventory.credentials.filter((credential) => credential.setting === setting).map((credential) => credential.id);
    findings.push(untrackedFinding(inventory, deploymentId, setting, source, elsewhere));
  }
  const order = (kind) => AUDIT_FINDING_KINDS.indexOf(kind);
  findings.sort((a, b) => order(a.kind) - order(b.kind) || compareText(a.setting, b.setting) || compareText(a.credential ?? "", b.credential ?? ""));
  return {
    deployment: deploymentId,
    url: displayDeploymentUrl(deployment.url),
    outcome: "audited",
    findings,
    unchecked,
    counts: { listed: listed.size, configured: [...listed.values()].filter((source) => source !== null).length, tracked: tracked.length, matching }
  };
}
function assessTrackedSetting(credential, deployment, source) {
  const inventoryValue = sealedValueFor(credential, deployment) !== void 0;
  const base = { deployment, setting: credential.setting, credential: credential.id, inventoryValue, source };
  const subject = `credential ${credential.id}`;
  if (source === null) {
    const expectation = inventoryValue ? `${subject} pushes a value for ${credential.setting} to ${deployment}` : `${subject} expects ${credential.setting} on ${deployment} from the deployment's environment (the inventory holds no value for it there)`;
    return finding("not-configured", base, `${expectation}, but DocuElevate has none, neither in its database nor in its environment`);
  }
  if (source === "env" && inventoryValue) {
    return finding(
      "from-env",
      base,
      `${subject} pushes a value for ${credential.setting} to ${deployment}, but DocuElevate takes it from its environment (no database value): the inventory's value is not in effect`
    );
  }
  if (source === "db" && !inventoryValue) {
    return finding(
      "db-unmanaged",
      base,
      `${subject} holds no value for ${credential.setting} on ${deployment}, but DocuElevate has one in its database (set through its UI or API), which shadows any environment variable`
    );
  }
  return void 0;
}
function untrackedFinding(inventory, deployment, setting, source, elsewhere) {
  const where = source === "db" ? "database" : "environment";
  let message = `${setting} has a value in DocuElevate's ${where} on ${deployment}, and no inventory credential covers it there`;
  if (elsewhere.length > 0) {
    const covered = elsewhere.map((id) => {
      const credential = inventory.credentials.find((candidate) => candidate.id === id);
      return `${id} (${credential?.deployments.join(", ") || "no deployment"})`;
    });
    message += `; ${elsewhere.length === 1 ? "credential" : "credentials"} ${covered.join(", ")} ${elsewhere.length === 1 ? "covers" : "cover"} it elsewhere: is ${deployment} missing from its deployments?`;
  }
  return finding("untracked", { deployment, setting, credential: null, inventoryValue: null, source, ...elsewhere.length > 0 ? { coveredElsewhereBy: elsewhere } : {} }, message);
}
function findChangesOutside(history, applied, applyUser) {
  const appliedSeconds = Math.floor(Date.parse(applied.appliedAt) / 1e3);
  const byApply = (entry) => applyUser !== void 0 && entry.changedBy === applyUser;
  return history.filter((entry, index) => {
    const seconds = Math.floor(parseDocuElevateTime(entry.changedAt) / 1e3);
    if (Number.isNaN(seconds)) return !byApply(entry);
    if (seconds > appliedSeconds + (byApply(entry) || applyUser === void 0 ? APPLY_CLOCK_TOLERANCE_SECONDS : 0)) return true;
    return index === 0 && applyUser !== void 0 && !byApply(entry);
  });
}
function parseDocuElevateTime(text) {
  return Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}
function describeChange(entry) {
  const verb = entry.action === "delete" ? "deleted" : entry.action === "update" || entry.action === "" ? "changed" : entry.action;
  return `${verb} by ${entry.changedBy || "an unnamed user"} at ${entry.changedAt}`;
}
function assessDrift(credential, deployment, source, drift) {
  const applied = drift.applied.get(credential.setting);
  if (applied === void 0) return [];
  const base = { deployment, setting: credential.setting, credential: credential.id, inventoryValue: sealedValueFor(credential, deployment) !== void 0, source };
  const findings = [];
  const changes = findChangesOutside(drift.history.get(credential.setting) ?? [], applied, drift.applyUser);
  if (changes.length > 0) {
    const shown = changes.slice(0, 3).map(describeChange).join("; ");
    const more = changes.length > 3 ? ` (and ${changes.length - 3} more)` : "";
    findings.push(
      finding(
        "changed-outside",
        { ...base, changes },
        `${credential.setting} on ${deployment} (credential ${credential.id}) was ${shown}${more}, after credledger last applied it (${applied.appliedAt})${drift.applyUser === void 0 ? "" : ` as ${drift.applyUser}`}`
      )
    );
  }
  if (drift.masked.get(credential.setting) === false) {
    findings.push(
      finding(
        "masked-mismatch",
        base,
        `DocuElevate on ${deployment} shows ${credential.setting} (credential ${credential.id}) with other first characters or another length than the value credledger applied on ${applied.appliedAt}`
      )
    );
  }
  return findings;
}
function pendingRestartFinding(deployment, setting, removal) {
  return finding(
    "pending-restart",
    { deployment, setting, credential: removal.credential, inventoryValue: false, source: "env" },
    `${setting} was removed from DocuElevate's database on ${deployment} (credential ${removal.credential}, ${removal.removedAt}), and its running process keeps the value until it restarts; restart api and worker on ${deployment}`
  );
}
function finding(kind, base, message) {
  return { kind, severity: SEVERITIES[kind], ...base, message };
}
function summariseAudit(deployments) {
  const counts = { untracked: 0, "not-configured": 0, "from-env": 0, "db-unmanaged": 0, "pending-restart": 0, "changed-outside": 0, "masked-mismatch": 0 };
  for (const deployment of deployments) for (const item of deployment.findings) counts[item.kind] += 1;
  return { ...counts, unreachable: deployments.filter((deployment) => deployment.outcome === "unreachable").length };
}
function auditMeetsThreshold(report, threshold) {
  if (threshold === "never") return false;
  const findings = report.deployments.flatMap((deployment) => deployment.findings);
  return threshold === "untracked" ? findings.some((item) => item.kind === "untracked") : findings.length > 0;
}
function assessAuditReport(report, threshold) {
  if (report.summary.unreachable > 0) return "external";
  return auditMeetsThreshold(report, threshold) ? "findings" : "ok";
}
function describeFindingKind(kind) {
  switch (kind) {
    case "untracked":
      return "configured in DocuElevate, not in the inventory for that deployment: nobody is reminded to rotate it or to revoke it when its owner leaves. Add a credential for it (credledger set), or remove it from DocuElevate (DELETE /api/settings/<key>, or the environment variable) if nothing uses it.";
    case "not-configured":
      return "in the inventory for that deployment, but DocuElevate has no value. With a value in the inventory: apply has not pushed it, or it was deleted or lost in a restore (credledger apply, with --all if the applied state says it was pushed). Without one: set the deployment's environment variable, or drop the deployment from the credential.";
    case "from-env":
      return "the inventory pushes a value, but DocuElevate uses its environment variable, so the inventory's value is not in effect. Once apply pushes it, the database value shadows the variable, which then only misleads: remove the variable, or keep the value out of the inventory.";
    case "db-unmanaged":
      return "the inventory tracks it without a value (expecting the environment), but DocuElevate holds a database value, which shadows the environment variable: rotating the variable changes nothing. Put the value in the inventory (credledger set) so apply manages it, or delete the database entry (DELETE /api/settings/<key>).";
    case "changed-outside":
      return "DocuElevate's history of the setting shows a change that credledger did not make (after its last apply, or by another user than the one apply logs in as): someone changed it in DocuElevate's UI or API, behind the inventory's back. Find out who and why; if the value was rotated, store it with credledger set; otherwise push the inventory's value again (credledger apply --all), and rotate it if the change may have exposed it.";
    case "masked-mismatch":
      return "what DocuElevate shows for the setting (its first 4 characters and length) is not what it would show for the value credledger last applied, so DocuElevate holds another value: changed outside the inventory, or brought back by a restore. Push the inventory's value again (credledger apply --all), or, if the new value is the right one, store it with credledger set.";
    case "pending-restart":
      return "apply deleted it from DocuElevate's database, but DocuElevate keeps a deleted value in memory (and reports it as from the environment) until api and worker restart: restart them. If it is still reported after the restart, the deployment's environment sets it too.";
  }
}

export {
  AUDIT_FINDING_KINDS,
  auditInventory,
  assessAuditReport,
  describeFindingKind
};
