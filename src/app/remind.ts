// Use case: keep one GitHub issue per due or overdue credential, opened, updated, reopened and closed as the inventory says.
import type { CalendarDate } from '../core/dates.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import type { RemindAction, RemindOutcome } from '../core/render-remind.js';
import {
  buildDesiredIssues,
  CLOSE_STATE_REASONS,
  countIssueActions,
  DEFAULT_ISSUE_LABEL,
  isWriteAction,
  labelDefinitions,
  planIssueReconciliation,
  type ExistingIssue,
  type IssueAction,
  type IssueChanges,
  type LabelDefinition,
  type OwnerAssignment,
} from '../core/rotation-issues.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import type { RotationIssueTracker } from '../ports/rotation-issue-tracker.js';
import { loadInventoryFile } from './inventory-file.js';

export interface RemindRequest {
  readonly inventoryFile: string;
  readonly now: CalendarDate;
  /** `owner/name`, for the result. */
  readonly repo: string;
  /** Default {@link DEFAULT_ISSUE_LABEL}. */
  readonly label?: string;
  readonly dryRun: boolean;
  /** GitHub; may be absent only in a dry run, which then assumes the repository has no rotation issue yet. */
  readonly github?: RotationIssueTracker;
}

export type { RemindAction } from '../core/render-remind.js';

export interface RemindResult extends RemindOutcome {
  readonly check: InventoryCheck;
  /** False when the inventory has errors: nothing was planned or written. */
  readonly valid: boolean;
}

/** An action as reported: bodies left out. */
export function describeAction(action: IssueAction): RemindAction {
  switch (action.kind) {
    case 'create':
      return { kind: 'create', id: action.id, title: action.title, labels: action.labels, assignee: action.assignee };
    case 'update':
    case 'reopen':
      return {
        kind: action.kind,
        id: action.id,
        number: action.number,
        url: action.url,
        fields: Object.keys(action.changes).filter((field) => action.changes[field as keyof IssueChanges] !== undefined),
        labels: action.changes.labels,
      };
    case 'close':
      return { kind: 'close', id: action.id, number: action.number, url: action.url, reason: action.reason };
    case 'unchanged':
      return { kind: 'unchanged', id: action.id, number: action.number, url: action.url };
  }
}

/** The label definitions that the writes of a plan put on issues. */
function labelsWritten(definitions: readonly LabelDefinition[], actions: readonly IssueAction[]): LabelDefinition[] {
  const used = new Set<string>();
  for (const action of actions) {
    const labels = action.kind === 'create' ? action.labels : action.kind === 'update' || action.kind === 'reopen' ? action.changes.labels : undefined;
    for (const name of labels ?? []) used.add(name.toLowerCase());
  }
  return definitions.filter((definition) => used.has(definition.name.toLowerCase()));
}

/** Assigns the owner; once GitHub accepts, the body that @-mentioned them gives way to the plain one. */
async function assignOwner(github: RotationIssueTracker, number: number, assign: OwnerAssignment | undefined): Promise<Pick<RemindAction, 'assignee' | 'assigned'>> {
  if (!assign) return {};
  const assigned = await github.addAssignee(number, assign.login);
  if (assigned) await github.updateIssue(number, { body: assign.assignedBody });
  return { assignee: assign.login, assigned };
}

async function perform(github: RotationIssueTracker, label: string, action: IssueAction): Promise<RemindAction> {
  const described = describeAction(action);
  switch (action.kind) {
    case 'create': {
      const { id, title, body, unassignedBody, labels, assignee } = action;
      const created = await github.createIssue({ id, label, title, body, unassignedBody, labels, assignee });
      return { ...described, number: created.number, url: created.url, assigned: assignee === undefined ? undefined : created.assigned };
    }
    case 'update':
      await github.updateIssue(action.number, action.changes);
      return { ...described, ...(await assignOwner(github, action.number, action.assign)) };
    case 'reopen':
      await github.updateIssue(action.number, { ...action.changes, state: 'open', stateReason: 'reopened' });
      await github.commentOnIssue(action.number, action.comment);
      return { ...described, ...(await assignOwner(github, action.number, action.assign)) };
    case 'close':
      // Comment first, so the issue's timeline reads "why" before "closed".
      await github.commentOnIssue(action.number, action.comment);
      await github.updateIssue(action.number, { state: 'closed', stateReason: CLOSE_STATE_REASONS[action.reason] });
      return described;
    case 'unchanged':
      return described;
  }
}

/**
 * Reads the inventory, computes the issue each due-soon or overdue credential should have on day `now`, reads the
 * existing marked issues and reconciles: creates, updates, reopens and closes only what differs, so a rerun with
 * nothing new writes nothing. In a dry run nothing is written and the planned actions are returned. A GitHub failure
 * stops the run with an ExternalError that says what had been done before it.
 */
export async function remindRotations(request: RemindRequest): Promise<RemindResult> {
  const label = request.label ?? DEFAULT_ISSUE_LABEL;
  const check = await loadInventoryFile(request.inventoryFile, request.now);
  const base = { check, repo: request.repo, label, now: request.now, dryRun: request.dryRun };
  const empty = countIssueActions([]);
  if (!check.inventory || check.errors.length > 0) {
    return { ...base, valid: false, existingIssuesRead: false, actions: [], counts: empty, labelsCreated: [] };
  }
  if (!request.github && !request.dryRun) throw new UsageError('remind needs GitHub access (a token) to write issues; only a dry run can do without');

  const desired = buildDesiredIssues(check.inventory, request.now, { label });
  const existing = request.github ? await request.github.listMarkedIssues(label) : [];
  const plan = planIssueReconciliation(desired, existing);
  const existingIssuesRead = request.github !== undefined;

  if (request.dryRun || !request.github) {
    return { ...base, valid: true, existingIssuesRead, actions: plan.map(describeAction), counts: countIssueActions(plan), labelsCreated: [] };
  }

  const { actions, labelsCreated } = await performIssuePlan(request.github, label, plan, labelDefinitions(label));
  return { ...base, valid: true, existingIssuesRead, actions, counts: countIssueActions(plan), labelsCreated };
}

/**
 * Performs a reconciliation plan in order: creates the labels its writes use (from `definitions`), then each action.
 * Shared by remind and the audit's drift issue. A GitHub failure stops with an ExternalError that says what was done.
 */
export async function performIssuePlan(
  github: RotationIssueTracker,
  label: string,
  plan: readonly IssueAction[],
  definitions: readonly LabelDefinition[],
): Promise<{ readonly actions: RemindAction[]; readonly labelsCreated: string[] }> {
  const writes = plan.filter(isWriteAction);
  const labelsCreated = writes.length > 0 ? await github.ensureLabels(labelsWritten(definitions, writes)) : [];
  const done: RemindAction[] = [];
  for (const action of plan) {
    try {
      done.push(await perform(github, label, action));
    } catch (error) {
      const counts = countIssueActions(plan.filter((_, index) => index < done.length));
      const progress = `before it: created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}`;
      const message = error instanceof Error ? error.message : String(error);
      throw new ExternalError(`${message}; ${progress}. A rerun picks up from there.`, {
        status: error instanceof ExternalError ? error.details.status : undefined,
        detail: error instanceof ExternalError ? error.details.detail : undefined,
        cause: error,
      });
    }
  }
  return { actions: done, labelsCreated };
}
