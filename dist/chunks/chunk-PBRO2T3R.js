import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  CLOSE_STATE_REASONS,
  DEFAULT_ISSUE_LABEL,
  buildDesiredIssues,
  countIssueActions,
  isWriteAction,
  labelDefinitions,
  planIssueReconciliation
} from "./chunk-TXXNWB4O.js";
import {
  markdownCode,
  markdownTable,
  markdownText,
  markdownUrl
} from "./chunk-ASM7YXIQ.js";
import {
  loadInventoryFile
} from "./chunk-2DIQPP6S.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/remind.ts
function describeAction(action) {
  switch (action.kind) {
    case "create":
      return { kind: "create", id: action.id, title: action.title, labels: action.labels, assignee: action.assignee };
    case "update":
    case "reopen":
      return {
        kind: action.kind,
        id: action.id,
        number: action.number,
        url: action.url,
        fields: Object.keys(action.changes).filter((field) => action.changes[field] !== void 0),
        labels: action.changes.labels
      };
    case "close":
      return { kind: "close", id: action.id, number: action.number, url: action.url, reason: action.reason };
    case "unchanged":
      return { kind: "unchanged", id: action.id, number: action.number, url: action.url };
  }
}
function labelsWritten(definitions, actions) {
  const used = /* @__PURE__ */ new Set();
  for (const action of actions) {
    const labels = action.kind === "create" ? action.labels : action.kind === "update" || action.kind === "reopen" ? action.changes.labels : void 0;
    for (const name of labels ?? []) used.add(name.toLowerCase());
  }
  return definitions.filter((definition) => used.has(definition.name.toLowerCase()));
}
async function assignOwner(github, number, assign) {
  if (!assign) return {};
  const assigned = await github.addAssignee(number, assign.login);
  if (assigned) await github.updateIssue(number, { body: assign.assignedBody });
  return { assignee: assign.login, assigned };
}
async function perform(github, label, action) {
  const described = describeAction(action);
  switch (action.kind) {
    case "create": {
      const { id, title, body, unassignedBody, labels, assignee } = action;
      const created = await github.createIssue({ id, label, title, body, unassignedBody, labels, assignee });
      return { ...described, number: created.number, url: created.url, assigned: assignee === void 0 ? void 0 : created.assigned };
    }
    case "update":
      await github.updateIssue(action.number, action.changes);
      return { ...described, ...await assignOwner(github, action.number, action.assign) };
    case "reopen":
      await github.updateIssue(action.number, { ...action.changes, state: "open", stateReason: "reopened" });
      await github.commentOnIssue(action.number, action.comment);
      return { ...described, ...await assignOwner(github, action.number, action.assign) };
    case "close":
      await github.commentOnIssue(action.number, action.comment);
      await github.updateIssue(action.number, { state: "closed", stateReason: CLOSE_STATE_REASONS[action.reason] });
      return described;
    case "unchanged":
      return described;
  }
}
async function remindRotations(request) {
  const label = request.label ?? DEFAULT_ISSUE_LABEL;
  const check = await loadInventoryFile(request.inventoryFile, request.now);
  const base = { check, repo: request.repo, label, now: request.now, dryRun: request.dryRun };
  const empty = countIssueActions([]);
  if (!check.inventory || check.errors.length > 0) {
    return { ...base, valid: false, existingIssuesRead: false, actions: [], counts: empty, labelsCreated: [] };
  }
  if (!request.github && !request.dryRun) throw new UsageError("remind needs GitHub access (a token) to write issues; only a dry run can do without");
  const desired = buildDesiredIssues(check.inventory, request.now, { label });
  const existing = request.github ? await request.github.listMarkedIssues(label) : [];
  const plan = planIssueReconciliation(desired, existing);
  const existingIssuesRead = request.github !== void 0;
  if (request.dryRun || !request.github) {
    return { ...base, valid: true, existingIssuesRead, actions: plan.map(describeAction), counts: countIssueActions(plan), labelsCreated: [] };
  }
  const { actions, labelsCreated } = await performIssuePlan(request.github, label, plan, labelDefinitions(label));
  return { ...base, valid: true, existingIssuesRead, actions, counts: countIssueActions(plan), labelsCreated };
}
async function performIssuePlan(github, label, plan, definitions) {
  const writes = plan.filter(isWriteAction);
  const labelsCreated = writes.length > 0 ? await github.ensureLabels(labelsWritten(definitions, writes)) : [];
  const done = [];
  for (const action of plan) {
    try {
      done.push(await perform(github, label, action));
    } catch (error) {
      const counts = countIssueActions(plan.filter((_, index) => index < done.length));
      const progress = `before it: created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}`;
      const message = error instanceof Error ? error.message : String(error);
      throw new ExternalError(`${message}; ${progress}. A rerun picks up from there.`, {
        status: error instanceof ExternalError ? error.details.status : void 0,
        detail: error instanceof ExternalError ? error.details.detail : void 0,
        cause: error
      });
    }
  }
  return { actions: done, labelsCreated };
}

// src/core/render-remind.ts
var PAST = { create: "created", update: "updated", reopen: "reopened", close: "closed", unchanged: "unchanged" };
function remindCountsLine(counts) {
  return `created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}`;
}
function listedActions(outcome) {
  return outcome.actions.filter((action) => action.kind !== "unchanged");
}
function actionLine(action, dryRun) {
  const verb = (dryRun ? action.kind : PAST[action.kind]).padEnd(10);
  const number = action.number === void 0 ? "" : `#${action.number} `;
  const head = `  ${verb}${number}${action.id}`;
  switch (action.kind) {
    case "create": {
      const assignee = action.assignee ? ` assignee ${action.assignee}` : " (owner has no GitHub login: unassigned)";
      const refused = action.assigned === false ? ` (GitHub refused assignee ${action.assignee}: the body mentions them instead)` : "";
      return `${head}  ${action.title} [${(action.labels ?? []).join(", ")}]${refused || assignee}`;
    }
    case "update":
    case "reopen":
      return `${head}  ${action.fields && action.fields.length > 0 ? `changes ${action.fields.join(", ")}` : "no field changes"}`;
    case "close":
      return `${head}  (${action.reason === "duplicate" ? "duplicate" : action.reason === "removed" ? "no longer in the inventory" : "no longer due"})`;
    case "unchanged":
      return head;
  }
}
function renderRemindText(outcome) {
  const { counts } = outcome;
  const lines = [];
  if (outcome.dryRun) {
    lines.push(`Dry run: nothing written to ${outcome.repo}. Intended actions (label ${outcome.label}, as of ${outcome.now}):`);
    if (!outcome.existingIssuesRead) lines.push("GITHUB_TOKEN is not set: existing issues were not read; this assumes there are none.");
  } else {
    lines.push(`${outcome.repo} (label ${outcome.label}, as of ${outcome.now}):`);
  }
  const listed = listedActions(outcome);
  lines.push(...listed.length > 0 ? listed.map((action) => actionLine(action, outcome.dryRun)) : ["  nothing to change"]);
  if (outcome.labelsCreated.length > 0) lines.push(`Labels created: ${outcome.labelsCreated.join(", ")}`);
  lines.push(
    outcome.dryRun ? `would create ${counts.created}, update ${counts.updated}, close ${counts.closed}, reopen ${counts.reopened}; ${counts.unchanged} unchanged` : `${outcome.repo}: ${remindCountsLine(counts)}`
  );
  return `${lines.join("\n")}
`;
}
function renderRemindSummary(outcome) {
  const rows = listedActions(outcome).map((action) => [
    markdownCode(action.id),
    action.kind,
    action.url ? `[#${action.number}](${markdownUrl(action.url)})` : markdownText(action.title ?? "")
  ]);
  const table = rows.length > 0 ? `
${markdownTable(["credential", "action", "issue"], rows)}
` : "";
  return `### Rotation reminders${outcome.dryRun ? " (dry run)" : ""}

${remindCountsLine(outcome.counts)}
${table}`;
}

export {
  describeAction,
  remindRotations,
  performIssuePlan,
  remindCountsLine,
  renderRemindText,
  renderRemindSummary
};
