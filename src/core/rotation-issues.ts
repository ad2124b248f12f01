// Rotation issues: the GitHub issue each due credential should have, and the fewest writes that bring a repository there.
import type { CalendarDate } from './dates.js';
import type { Credential, Inventory } from './inventory.js';
import { rotationAssessor, type RotationAssessment, type RotationState } from './rotation.js';
import { markdownCode as inlineCode, markdownTable, markdownText as plainText } from './markdown.js';
import { buildRunbook, renderRunbookMarkdown } from './runbooks.js';

/** The label every rotation issue carries, unless configured otherwise. */
export const DEFAULT_ISSUE_LABEL = 'credential-rotation';

/** The labels that say how urgent a rotation is; credledger adds and removes these, and leaves every other label alone. */
export const SEVERITY_LABELS = ['overdue', 'due-soon', 'compromised'] as const;

export type SeverityLabel = (typeof SEVERITY_LABELS)[number];

/** A repository label credledger creates when it is missing. */
export interface LabelDefinition {
  readonly name: string;
  /** Six hex digits, no `#`. */
  readonly color: string;
  readonly description: string;
}

const SEVERITY_DEFINITIONS: Readonly<Record<SeverityLabel, Omit<LabelDefinition, 'name'>>> = {
  overdue: { color: 'b60205', description: 'A credential rotation is past its due date' },
  'due-soon': { color: 'fbca04', description: 'A credential rotation is due soon' },
  compromised: { color: '000000', description: 'A credential may have leaked: rotate it now' },
};

/** The definitions of every label rotation issues use: the configured label and the severity labels. */
export function labelDefinitions(label: string): LabelDefinition[] {
  return [
    { name: label, color: '5319e7', description: 'Credential rotation reminders kept by credledger' },
    ...SEVERITY_LABELS.map((name) => ({ name, ...SEVERITY_DEFINITIONS[name] })),
  ];
}

/** The hidden line that ties an issue to a credential id; found again in the body of the issues credledger lists. */
export function issueMarker(credentialId: string): string {
  return `<!-- credledger:id=${credentialId} -->`;
}

// A whole line: inventory text can only reach a body inside table cells and list items, never at a line's start.
const MARKER_PATTERN = /^<!-- credledger:id=([A-Za-z0-9][A-Za-z0-9_.-]*) -->\r?$/m;

/** The credential id in an issue body's marker line, or undefined when the body has none. */
export function readIssueMarker(body: string | null | undefined): string | undefined {
  return body ? MARKER_PATTERN.exec(body)?.[1] : undefined;
}

/** The issue one due credential should have. */
export interface DesiredIssue {
  readonly id: string;
  readonly title: string;
  /** The body when the owner is assigned, or has no GitHub login to assign. */
  readonly body: string;
  /** The body when the owner cannot be (or is not) assigned: the same, opening with an @-mention of the owner. */
  readonly unassignedBody: string;
  /** The labels credledger manages, in order: the configured label, then severity labels. */
  readonly labels: readonly string[];
  /** The owner's GitHub login. */
  readonly assignee?: string;
  readonly state: 'due-soon' | 'overdue';
  readonly due: CalendarDate;
  /** The comment that reopens a closed issue of this id; default: the rotation wording (due, overdue). */
  readonly reopenComment?: string;
}

/** Where a credential that needs no issue stands, for the comment that closes its old issue. */
export interface CredentialStanding {
  readonly id: string;
  readonly state: RotationState;
  readonly lastRotated?: CalendarDate;
  readonly due?: CalendarDate;
}

/** Every issue the inventory calls for on a day, and the standing of the credentials that call for none. */
export interface DesiredIssues {
  readonly label: string;
  /** Ordered by credential id. */
  readonly issues: readonly DesiredIssue[];
  readonly standing: ReadonlyMap<string, CredentialStanding>;
  /** How an open issue no longer wanted is closed; default: the rotation wording (rotated, or removed from the inventory). */
  readonly closeComment?: (id: string) => { readonly reason: CloseReason; readonly comment: string };
  /** Labels besides `label` that credledger manages on these issues; default the severity labels. */
  readonly managedLabels?: readonly string[];
}

/** An issue already in the repository that carries a credledger marker. */
export interface ExistingIssue {
  readonly number: number;
  /** The credential id from the marker. */
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly state: 'open' | 'closed';
  readonly labels: readonly string[];
  /** Assigned logins. */
  readonly assignees: readonly string[];
  readonly url?: string;
}

/** The fields an update or reopen changes; absent fields stay as they are. */
export interface IssueChanges {
  readonly title?: string;
  readonly body?: string;
  /** The complete new label list (labels added by people included). */
  readonly labels?: readonly string[];
}

export type CloseReason = 'rotated' | 'removed' | 'duplicate';

/** GitHub's `state_reason` for each way credledger closes an issue. */
export const CLOSE_STATE_REASONS: Readonly<Record<CloseReason, 'completed' | 'not_planned' | 'duplicate'>> = {
  rotated: 'completed',
  removed: 'not_planned',
  duplicate: 'duplicate',
};

/**
 * An owner to add as assignee along with an update (an issue whose owner changed, say). GitHub silently drops an
 * assignee it refuses, so the body written first is the one that @-mentions the owner; `assignedBody` replaces it
 * once the owner is assigned. Tried only together with another change, so a rerun with nothing new stays writeless.
 */
export interface OwnerAssignment {
  readonly login: string;
  readonly assignedBody: string;
}

/** One step of a reconciliation. */
export type IssueAction =
  | {
      readonly kind: 'create';
      readonly id: string;
      readonly title: string;
      readonly body: string;
      /** The body to use when GitHub refuses the assignee. */
      readonly unassignedBody: string;
      readonly labels: readonly string[];
      readonly assignee?: string;
    }
  | { readonly kind: 'update'; readonly id: string; readonly number: number; readonly url?: string; readonly changes: IssueChanges; readonly assign?: OwnerAssignment }
  | {
      readonly kind: 'reopen';
      readonly id: string;
      readonly number: number;
      readonly url?: string;
      readonly changes: IssueChanges;
      readonly comment: string;
      readonly assign?: OwnerAssignment;
    }
  | { readonly kind: 'close'; readonly id: string; readonly number: number; readonly url?: string; readonly reason: CloseReason; readonly comment: string }
  | { readonly kind: 'unchanged'; readonly id: string; readonly number: number; readonly url?: string };

export type IssueActionKind = IssueAction['kind'];

export interface ReconciliationCounts {
  readonly created: number;
  readonly updated: number;
  readonly closed: number;
  readonly reopened: number;
  readonly unchanged: number;
}

const COUNT_KEYS: Readonly<Record<IssueActionKind, keyof ReconciliationCounts>> = {
  create: 'created',
  update: 'updated',
  close: 'closed',
  reopen: 'reopened',
  unchanged: 'unchanged',
};

/** How many actions of each kind. */
export function countIssueActions(actions: readonly IssueAction[]): ReconciliationCounts {
  const counts = { created: 0, updated: 0, closed: 0, reopened: 0, unchanged: 0 };
  for (const action of actions) counts[COUNT_KEYS[action.kind]] += 1;
  return counts;
}

/** True when an action writes to GitHub. */
export function isWriteAction(action: IssueAction): boolean {
  return action.kind !== 'unchanged';
}

/** `Rotate openai (openai_api_key) — due 2026-12-01`, or `— overdue since 2026-11-01`. */
export function renderIssueTitle(credential: Pick<Credential, 'id' | 'setting'>, state: 'due-soon' | 'overdue', due: CalendarDate): string {
  return `Rotate ${credential.id} (${credential.setting}) — ${state === 'overdue' ? `overdue since ${due}` : `due ${due}`}`;
}

function listOrNone(items: readonly string[], none: string): string {
  return items.length > 0 ? items.map(inlineCode).join(', ') : none;
}

function ownerCell(inventory: Inventory, credential: Credential): string {
  const person = inventory.people.get(credential.owner);
  const details = [person?.name ? plainText(person.name) : undefined, person?.github ? `GitHub ${inlineCode(person.github)}` : undefined].filter(Boolean);
  return `${inlineCode(credential.owner)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function intervalCell(assessment: RotationAssessment): string {
  if (assessment.interval) return assessment.interval.text;
  return `none: a ${inlineCode(assessment.credential.kind)} is rotated on events`;
}

function summaryLine(assessment: RotationAssessment, due: CalendarDate): string {
  const { credential } = assessment;
  const subject = `**${inlineCode(credential.id)}** (${inlineCode(credential.setting)})`;
  if (assessment.severity === 'critical') return `${subject} may be compromised: rotate it now. It has been overdue since ${due}.`;
  if (assessment.state === 'overdue') return `${subject} is **overdue**: its rotation was due on ${due}.`;
  return `${subject} is **due soon**: rotate it by ${due}.`;
}

/**
 * Renders the body of a rotation issue: the marker, what is due and why, the facts (deployments, owner, last rotation,
 * due date) and the runbook. It never reads a value, encrypted or not. With `mentionOwner`, it opens by @-mentioning
 * the owner, for when GitHub will not assign them. Nothing in it depends on the day beyond the state, so a rerun on a
 * later day renders the same text.
 */
export function renderIssueBody(inventory: Inventory, assessment: RotationAssessment, due: CalendarDate, options: { mentionOwner: boolean }): string {
  const { credential } = assessment;
  const login = inventory.people.get(credential.owner)?.github;
  const lines: string[] = [issueMarker(credential.id)];
  if (options.mentionOwner && login) lines.push(`@${login}: you own this credential; credledger could not assign this issue to you.`, '');
  lines.push(summaryLine(assessment, due), '', '**Why**', '');
  lines.push(...assessment.reasons.map((reason) => `- ${plainText(reason.text)}`), '');
  const rows: [string, string][] = [
    ['Setting', inlineCode(credential.setting)],
    ['Kind', inlineCode(credential.kind)],
    ['Deployments', listOrNone(credential.deployments, 'none listed in the inventory')],
    ['Owner', ownerCell(inventory, credential)],
    ['Access', listOrNone(credential.access, 'nobody else')],
  ];
  if (credential.issuer) rows.push(['Issuer', inlineCode(credential.issuer)]);
  if (credential.group) rows.push(['Group', inlineCode(credential.group)]);
  rows.push(['Last rotation', assessment.lastRotated ?? 'not recorded'], ['Interval', intervalCell(assessment)], ['Due', due]);
  lines.push(markdownTable(['', ''], rows), '');
  lines.push('### Runbook', '', renderRunbookMarkdown(buildRunbook(inventory, assessment)), '');
  lines.push(
    '---',
    '<sub>credledger keeps this issue in step with the inventory on each scheduled run and closes it once the rotation is merged. ' +
      'It rewrites the text above when the inventory changes; labels, assignees and comments that people add stay.</sub>',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The issues the inventory calls for on day `now`: one per credential that is due soon or overdue (covering all its
 * deployments), titled, labelled and assigned to its owner's GitHub login.
 */
export function buildDesiredIssues(inventory: Inventory, now: CalendarDate, options: { label?: string } = {}): DesiredIssues {
  const label = options.label ?? DEFAULT_ISSUE_LABEL;
  const issues: DesiredIssue[] = [];
  const standing = new Map<string, CredentialStanding>();
  const assess = rotationAssessor(inventory, now);
  for (const credential of inventory.credentials) {
    const assessment = assess(credential);
    const { state, due } = assessment;
    if ((state !== 'overdue' && state !== 'due-soon') || due === undefined) {
      standing.set(credential.id, { id: credential.id, state, lastRotated: assessment.lastRotated, due });
      continue;
    }
    const assignee = inventory.people.get(credential.owner)?.github;
    issues.push({
      id: credential.id,
      title: renderIssueTitle(credential, state, due),
      body: renderIssueBody(inventory, assessment, due, { mentionOwner: false }),
      unassignedBody: renderIssueBody(inventory, assessment, due, { mentionOwner: true }),
      labels: [label, state, ...(assessment.severity === 'critical' ? ['compromised'] : [])],
      assignee,
      state,
      due,
    });
  }
  issues.sort((a, b) => a.id.localeCompare(b.id));
  return { label, issues, standing };
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The body an existing issue should have: the plain one when the owner is assigned, else the one that mentions them. */
function expectedBody(desired: DesiredIssue, existing: ExistingIssue): string {
  if (desired.assignee === undefined) return desired.body;
  return existing.assignees.some((login) => sameLogin(login, desired.assignee as string)) ? desired.body : desired.unassignedBody;
}

/** The owner to assign when the issue lacks them (the owner changed, or was not assignable before). */
function ownerAssignment(desired: DesiredIssue, existing: ExistingIssue): OwnerAssignment | undefined {
  if (desired.assignee === undefined || existing.assignees.some((login) => sameLogin(login, desired.assignee as string))) return undefined;
  return { login: desired.assignee, assignedBody: desired.body };
}

/** The label list after replacing credledger's own labels with the desired ones; people's labels keep their place. */
function mergedLabels(existing: readonly string[], desired: readonly string[], managed: ReadonlySet<string>): string[] {
  const kept = existing.filter((name) => !managed.has(name.toLowerCase()));
  return [...kept, ...desired];
}

function sameLabelSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((name) => name.toLowerCase()));
  const right = new Set(b.map((name) => name.toLowerCase()));
  return left.size === right.size && [...left].every((name) => right.has(name));
}

/** Text as GitHub may hand it back: the web editor saves CRLF line ends, and trailing blanks carry no meaning. */
function normalisedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trimEnd();
}

function changesFor(desired: DesiredIssue, existing: ExistingIssue, managed: ReadonlySet<string>): IssueChanges {
  const changes: { title?: string; body?: string; labels?: string[] } = {};
  if (existing.title.trim() !== desired.title) changes.title = desired.title;
  const body = expectedBody(desired, existing);
  if (normalisedText(existing.body) !== normalisedText(body)) changes.body = body;
  const labels = mergedLabels(existing.labels, desired.labels, managed);
  if (!sameLabelSet(existing.labels, labels)) changes.labels = labels;
  return changes;
}

function hasChanges(changes: IssueChanges): boolean {
  return changes.title !== undefined || changes.body !== undefined || changes.labels !== undefined;
}

function closeComment(id: string, standing: CredentialStanding | undefined): { reason: CloseReason; comment: string } {
  if (!standing) return { reason: 'removed', comment: `${inlineCode(id)} is no longer in the inventory, so credledger is closing this issue.` };
  const facts = [standing.lastRotated ? `last rotation ${standing.lastRotated}` : undefined, standing.due ? `next due ${standing.due}` : undefined].filter(Boolean);
  return { reason: 'rotated', comment: `${inlineCode(id)} is no longer due${facts.length > 0 ? ` (${facts.join(', ')})` : ''}, so credledger is closing this issue.` };
}

function reopenComment(desired: DesiredIssue): string {
  return `${inlineCode(desired.id)} is ${desired.state === 'overdue' ? `overdue since ${desired.due}` : `due again on ${desired.due}`}, so credledger is reopening this issue.`;
}

/**
 * Plans the writes that turn the `existing` marked issues into the `desired` ones: create what is missing, reopen a
 * closed issue of the same id rather than open a duplicate, update only the fields that differ, close the open issues
 * of credentials rotated or removed from the inventory (and extra open duplicates), and leave the rest unchanged.
 * Labels other than credledger's own are kept. Running it on its own result plans no write.
 */
export function planIssueReconciliation(desired: DesiredIssues, existing: readonly ExistingIssue[]): IssueAction[] {
  const managed = new Set([desired.label, ...(desired.managedLabels ?? SEVERITY_LABELS)].map((name) => name.toLowerCase()));
  const byId = new Map<string, ExistingIssue[]>();
  for (const issue of existing) byId.set(issue.id, [...(byId.get(issue.id) ?? []), issue]);
  const actions: IssueAction[] = [];
  const closes: IssueAction[] = [];

  for (const want of desired.issues) {
    const candidates = byId.get(want.id) ?? [];
    byId.delete(want.id);
    const open = candidates.filter((issue) => issue.state === 'open').sort((a, b) => a.number - b.number);
    const closed = candidates.filter((issue) => issue.state === 'closed').sort((a, b) => b.number - a.number);
    const [primary, ...duplicates] = open;
    if (primary) {
      const changes = changesFor(want, primary, managed);
      const ref = { id: want.id, number: primary.number, url: primary.url };
      const assign = hasChanges(changes) ? ownerAssignment(want, primary) : undefined;
      actions.push(hasChanges(changes) ? { kind: 'update', ...ref, changes, ...(assign ? { assign } : {}) } : { kind: 'unchanged', ...ref });
      for (const duplicate of duplicates) {
        closes.push({
          kind: 'close',
          id: want.id,
          number: duplicate.number,
          url: duplicate.url,
          reason: 'duplicate',
          comment: `Duplicate of #${primary.number}, which tracks ${inlineCode(want.id)}; credledger is closing this one.`,
        });
      }
      continue;
    }
    const latest = closed[0];
    if (latest) {
      const assign = ownerAssignment(want, latest);
      actions.push({ kind: 'reopen', id: want.id, number: latest.number, url: latest.url, changes: changesFor(want, latest, managed), comment: want.reopenComment ?? reopenComment(want), ...(assign ? { assign } : {}) });
      continue;
    }
    actions.push({ kind: 'create', id: want.id, title: want.title, body: want.body, unassignedBody: want.unassignedBody, labels: want.labels, assignee: want.assignee });
  }

  const leftover = [...byId.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [id, issues] of leftover) {
    for (const issue of issues.filter((candidate) => candidate.state === 'open').sort((a, b) => a.number - b.number)) {
      closes.push({ kind: 'close', id, number: issue.number, url: issue.url, ...(desired.closeComment?.(id) ?? closeComment(id, desired.standing.get(id))) });
    }
  }
  return [...actions, ...closes];
}
