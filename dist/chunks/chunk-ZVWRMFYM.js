import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  loadInventoryFile
} from "./chunk-DLKHZ4TW.js";
import {
  describeValuePlace,
  listDemoKeyValues
} from "./chunk-A2Z6E5TN.js";
import {
  rotationAssessor
} from "./chunk-QGSPAMD4.js";
import {
  compareDates
} from "./chunk-YEI75ZAY.js";

// src/core/status-report.ts
var collator;
var STATE_ORDER = { overdue: 0, "due-soon": 1, unknown: 2, ok: 3 };
function buildStatusReport(inventory, now) {
  const rows = [];
  const assess = rotationAssessor(inventory, now);
  for (const credential of inventory.credentials) {
    const assessment = assess(credential);
    const deployments = credential.deployments.length > 0 ? credential.deployments : [null];
    for (const deployment of deployments) {
      rows.push({
        id: credential.id,
        setting: credential.setting,
        deployment,
        kind: credential.kind,
        owner: credential.owner,
        rotated: assessment.lastRotated ?? null,
        due: assessment.due ?? null,
        state: assessment.state,
        severity: assessment.severity,
        reasons: assessment.reasons.map((reason) => reason.text)
      });
    }
  }
  const ids = collator ??= new Intl.Collator();
  rows.sort(
    (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || compareDates(a.due ?? "9999", b.due ?? "9999") || ids.compare(a.id, b.id) || ids.compare(a.deployment ?? "", b.deployment ?? "")
  );
  const summary = { ok: 0, "due-soon": 0, overdue: 0, unknown: 0 };
  for (const row of rows) summary[row.state] += 1;
  const demoKeyValues = listDemoKeyValues(inventory).map(describeValuePlace);
  return { now, credentials: rows, summary, ...demoKeyValues.length === 0 ? {} : { publicDemoKeyValues: demoKeyValues } };
}
function statusMeetsThreshold(report, threshold) {
  return report.credentials.some((row) => row.state === "overdue" || threshold === "due-soon" && row.state === "due-soon");
}

// src/app/status.ts
async function reportStatus(request) {
  const check = await loadInventoryFile(request.file, request.today > request.now ? request.today : request.now);
  if (!check.inventory || check.errors.length > 0) return { check, report: void 0 };
  return { check, report: buildStatusReport(check.inventory, request.now) };
}

export {
  statusMeetsThreshold,
  reportStatus
};
