import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  compareIdentifierSortables,
  compareText,
  sortableIdentifier
} from "./chunk-3M2UOIA3.js";
import {
  loadInventoryFile,
  withYamlDocument
} from "./chunk-2DIQPP6S.js";
import {
  describeValuePlace,
  listDemoKeyValues
} from "./chunk-NZKPRETK.js";
import {
  rotationAssessor
} from "./chunk-XHVHMUK4.js";

// src/core/status-report.ts
var NO_REASONS = Object.freeze([]);
var STATE_ORDER = { overdue: 0, "due-soon": 1, unknown: 2, ok: 3 };
function buildStatusReport(inventory, now) {
  const sortable = [];
  const deploymentSortables = /* @__PURE__ */ new Map();
  const noDeployment = sortableIdentifier("");
  const assess = rotationAssessor(inventory, now);
  for (const credential of inventory.credentials) {
    const assessment = assess(credential);
    const reasons = assessment.reasons.length === 0 ? NO_REASONS : assessment.reasons.map((reason) => reason.text);
    const id = sortableIdentifier(credential.id);
    const order = `${STATE_ORDER[assessment.state]}${assessment.due ?? "9999"}`;
    const deployments = credential.deployments.length > 0 ? credential.deployments : [null];
    for (const deployment of deployments) {
      const row = {
        id: credential.id,
        setting: credential.setting,
        deployment,
        kind: credential.kind,
        owner: credential.owner,
        rotated: assessment.lastRotated ?? null,
        due: assessment.due ?? null,
        state: assessment.state,
        severity: assessment.severity,
        reasons
      };
      let deploymentSortable = deployment === null ? noDeployment : deploymentSortables.get(deployment);
      if (deploymentSortable === void 0) {
        deploymentSortable = sortableIdentifier(deployment);
        deploymentSortables.set(deployment, deploymentSortable);
      }
      sortable.push({ row, order, id, deployment: deploymentSortable });
    }
  }
  sortable.sort((a, b) => compareText(a.order, b.order) || compareIdentifierSortables(a.id, b.id) || compareIdentifierSortables(a.deployment, b.deployment));
  const rows = sortable.map((entry) => entry.row);
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
  const errors = await withYamlDocument(() => check.errors);
  if (!check.inventory || errors.length > 0) return { check, report: void 0 };
  return { check, report: buildStatusReport(check.inventory, request.now) };
}

export {
  statusMeetsThreshold,
  reportStatus
};
