// Renders what remind did (or would do): the CLI's text and the Action's job-summary Markdown, from one outcome, so both
// name the same actions and counts in the same words.
import type { CalendarDate } from './dates.js';
import { markdownCode, markdownTable, markdownText, markdownUrl } from './markdown.js';
import type { CloseReason, IssueActionKind, ReconciliationCounts } from './rotation-issues.js';

/** One action, as reported (bodies left out: they are long, and the issue holds them). */
export interface RemindAction {
  readonly kind: IssueActionKind;
  readonly id: string;
  /** The issue number; absent for a create that has not happened (dry run). */
  readonly number?: number;
  readonly url?: string;
  /** For creates. */
  readonly title?: string;
  /** For updates and reopens: the fields that change. */
  readonly fields?: readonly string[];
  /** For creates, and updates that change labels: the whole label list. */
  readonly labels?: readonly string[];
  /** For creates: the login asked for. */
  readonly assignee?: string;
  /** For performed creates: false when GitHub refused the assignee and the body @-mentions the owner instead. */
  readonly assigned?: boolean;
  /** For closes. */
  readonly reason?: CloseReason;
}

/** What a remind run planned (dry run) or performed: everything either renderer shows. */
export interface RemindOutcome {
  readonly repo: string;
  readonly label: string;
  readonly now: CalendarDate;
  readonly dryRun: boolean;
  /** False in a dry run without GitHub access: the actions assume no rotation issue exists yet. */
  readonly existingIssuesRead: boolean;
  /** Planned (dry run) or performed, in order. */
  readonly actions: readonly RemindAction[];
  readonly counts: ReconciliationCounts;
  /** Labels created in the repository during this run. */
  readonly labelsCreated: readonly string[];
}

const PAST: Record<IssueActionKind, string> = { create: 'created', update: 'updated', reopen: 'reopened', close: 'closed', unchanged: 'unchanged' };

/** `created 1, updated 0, closed 0, reopened 0, unchanged 2`: the tally both the CLI and the Action print. */
export function remindCountsLine(counts: ReconciliationCounts): string {
  return `created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}`;
}

/** The actions worth listing: unchanged issues are only counted. */
function listedActions(outcome: RemindOutcome): readonly RemindAction[] {
  return outcome.actions.filter((action) => action.kind !== 'unchanged');
}

function actionLine(action: RemindAction, dryRun: boolean): string {
  const verb = (dryRun ? action.kind : PAST[action.kind]).padEnd(10);
  const number = action.number === undefined ? '' : `#${action.number} `;
  const head = `  ${verb}${number}${action.id}`;
  switch (action.kind) {
    case 'create': {
      const assignee = action.assignee ? ` assignee ${action.assignee}` : ' (owner has no GitHub login: unassigned)';
      const refused = action.assigned === false ? ` (GitHub refused assignee ${action.assignee}: the body mentions them instead)` : '';
      return `${head}  ${action.title} [${(action.labels ?? []).join(', ')}]${refused || assignee}`;
    }
    case 'update':
    case 'reopen':
      return `${head}  ${action.fields && action.fields.length > 0 ? `changes ${action.fields.join(', ')}` : 'no field changes'}`;
    case 'close':
      return `${head}  (${action.reason === 'duplicate' ? 'duplicate' : action.reason === 'removed' ? 'no longer in the inventory' : 'no longer due'})`;
    case 'unchanged':
      return head;
  }
}

/** The CLI's text: a heading, one line per listed action, created labels, and the tally. */
export function renderRemindText(outcome: RemindOutcome): string {
  const { counts } = outcome;
  const lines: string[] = [];
  if (outcome.dryRun) {
    lines.push(`Dry run: nothing written to ${outcome.repo}. Intended actions (label ${outcome.label}, as of ${outcome.now}):`);
    if (!outcome.existingIssuesRead) lines.push('GITHUB_TOKEN is not set: existing issues were not read; this assumes there are none.');
  } else {
    lines.push(`${outcome.repo} (label ${outcome.label}, as of ${outcome.now}):`);
  }
  const listed = listedActions(outcome);
  lines.push(...(listed.length > 0 ? listed.map((action) => actionLine(action, outcome.dryRun)) : ['  nothing to change']));
  if (outcome.labelsCreated.length > 0) lines.push(`Labels created: ${outcome.labelsCreated.join(', ')}`);
  lines.push(
    outcome.dryRun
      ? `would create ${counts.created}, update ${counts.updated}, close ${counts.closed}, reopen ${counts.reopened}; ${counts.unchanged} unchanged`
      : `${outcome.repo}: ${remindCountsLine(counts)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The Action's job-summary section: the tally and a table of the listed actions, each linking its issue. */
export function renderRemindSummary(outcome: RemindOutcome): string {
  // Ids, titles and URLs come from the inventory a pull request controls: cells only through the one escaper.
  const rows = listedActions(outcome).map((action) => [
    markdownCode(action.id),
    action.kind,
    action.url ? `[#${action.number}](${markdownUrl(action.url)})` : markdownText(action.title ?? ''),
  ]);
  const table = rows.length > 0 ? `\n${markdownTable(['credential', 'action', 'issue'], rows)}\n` : '';
  return `### Rotation reminders${outcome.dryRun ? ' (dry run)' : ''}\n\n${remindCountsLine(outcome.counts)}\n${table}`;
}
