// Renders a plan for terminals (text), machines (JSON), pull-request comments (Markdown) and workflow logs (GitHub annotations).
import type { Diagnostic } from './diagnostics.js';
import { PLAIN_STYLE, renderDiagnosticsGitHub, renderDiagnosticsText, summariseDiagnostics, type TextStyle } from './render-diagnostics.js';
import type { SourceLines } from './source-lines.js';
import { markdownCode as code, markdownCodeList as codeList, markdownMessage, markdownTable, markdownText, markdownUrl } from './markdown.js';
import { WORKTREE, type ChangeKind, type Plan, type PlanOperation } from './plan.js';

/** GitHub refuses comment bodies over 65,536 characters; this leaves room for a marker and a footer. */
export const MAX_MARKDOWN_LENGTH = 60_000;

/** The command DocuElevate's settings metadata names for settings that need a restart. */
const RESTART_COMMAND = 'docker compose restart api worker';

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

function shortRevision(revision: string): string {
  return revision === WORKTREE ? 'the working tree' : revision.slice(0, 7);
}

/** Operations grouped by deployment, in plan order. */
function operationsByDeployment(operations: readonly PlanOperation[]): Map<string, PlanOperation[]> {
  const byDeployment = new Map<string, PlanOperation[]>();
  for (const operation of operations) byDeployment.set(operation.deployment, [...(byDeployment.get(operation.deployment) ?? []), operation]);
  return byDeployment;
}

/**
 * One line for a reviewer: `3 changes to 2 credentials; 4 operations on 2 deployments (1 needs a restart); 0 errors, 1 warning`.
 * The action can reuse it for job summaries and outputs.
 */
export function summarisePlan(plan: Plan): string {
  const credentials = new Set(plan.changes.map((change) => change.id)).size;
  const changes = plan.changes.length === 0 ? 'no changes' : `${plural(plan.changes.length, 'change')} to ${plural(credentials, 'credential')}`;
  const deployments = new Set(plan.operations.map((operation) => operation.deployment)).size;
  const restarts = plan.operations.filter((operation) => operation.restart_required).length;
  const operations =
    plan.operations.length === 0
      ? 'no operations'
      : `${plural(plan.operations.length, 'operation')} on ${plural(deployments, 'deployment')}${restarts > 0 ? ` (${restarts} ${restarts === 1 ? 'needs' : 'need'} a restart)` : ''}`;
  return `${changes}; ${operations}; ${summariseDiagnostics(plan.diagnostics)}`;
}

function valueBasisNote(plan: Plan): string | undefined {
  if (plan.valueBasis === 'plaintext') return undefined;
  return 'Values were compared as ciphertext (no key): a value encrypted again without changing shows as changed; a re-key, which keeps the sealing time, does not.';
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The plan's JSON contract (`plan --format json`), and the file the action hands on. */
export interface PlanJson {
  readonly base: string;
  readonly head: string;
  readonly changes: readonly { id: string; change: ChangeKind; fields: readonly string[]; deployments: readonly string[] }[];
  readonly operations: readonly { deployment: string; setting: string; action: 'set' | 'delete'; restart_required: boolean; group: string | null }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The plan in its JSON contract shape: exactly these keys, nothing else. */
export function planToJson(plan: Plan): PlanJson {
  return {
    base: plan.base,
    head: plan.head,
    changes: plan.changes.map(({ id, change, fields, deployments }) => ({ id, change, fields, deployments })),
    operations: plan.operations.map(({ deployment, setting, action, restart_required, group }) => ({ deployment, setting, action, restart_required, group })),
    diagnostics: plan.diagnostics,
  };
}

/** `plan --format json`: the contract, pretty-printed. */
export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(planToJson(plan), null, 2);
}

// ---------------------------------------------------------------------------------------------
// Text

export interface PlanTextOptions {
  /** Lines of the head inventory, for caret excerpts under diagnostics. */
  readonly sourceLines?: SourceLines;
  readonly style?: TextStyle;
  /** Leave diagnostics out (the github format prints them as annotations instead). */
  readonly withoutDiagnostics?: boolean;
}

function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length))) ?? [];
  return rows.map((cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** A terminal plan: header, changes, operations per deployment, diagnostics with excerpts, summary. */
export function renderPlanText(plan: Plan, options: PlanTextOptions = {}): string {
  const style = options.style ?? PLAIN_STYLE;
  const blocks: string[] = [];
  const header = [style.bold(`Plan for ${plan.file}: base ${shortRevision(plan.base)} -> ${plan.head === WORKTREE ? 'working tree' : `head ${shortRevision(plan.head)}`}`)];
  const basis = valueBasisNote(plan);
  if (basis) header.push(style.dim(basis));
  header.push(...plan.notes.map((note) => style.dim(note)));
  blocks.push(header.join('\n'));

  if (plan.changes.length === 0) blocks.push('No changes to credentials.');
  else {
    const rows = [['ID', 'CHANGE', 'FIELDS', 'DEPLOYMENTS'], ...plan.changes.map((c) => [c.id, c.change, c.fields.join(', ') || '-', c.deployments.join(', ') || '-'])];
    const [head, ...body] = alignColumns(rows);
    const paint = (kind: ChangeKind, line: string) =>
      kind === 'value-changed-without-rotation' ? style.error(line) : kind === 'rotation-without-value' ? style.warning(line) : line;
    blocks.push(['Changes:', `  ${style.bold(head ?? '')}`, ...body.map((line, index) => `  ${paint(plan.changes[index]?.change ?? 'metadata', line)}`)].join('\n'));
  }

  if (plan.operations.length === 0) blocks.push('No operations: the merge sets and deletes nothing.');
  else {
    // One alignment for every deployment, so the tables line up under each other.
    const rows = plan.operations.map((operation) => [
      operation.action,
      operation.setting,
      `(${operation.credential})`,
      [operation.restart_required ? 'restart required' : '', operation.group ? `group ${operation.group}` : ''].filter(Boolean).join(', '),
    ]);
    const aligned = alignColumns(rows);
    const lines = ['Operations:'];
    let deployment: string | undefined;
    plan.operations.forEach((operation, index) => {
      if (operation.deployment !== deployment) lines.push(`  ${style.bold(operation.deployment)}`);
      deployment = operation.deployment;
      const line = `    ${aligned[index] ?? ''}`;
      lines.push(operation.restart_required ? style.warning(line) : line);
    });
    blocks.push(lines.join('\n'));
  }

  if (!options.withoutDiagnostics && plan.diagnostics.length > 0) {
    blocks.push(renderDiagnosticsText(plan.diagnostics, options.sourceLines, style));
  }
  blocks.push(summarisePlan(plan));
  return blocks.join('\n\n');
}

/** `plan --format github`: diagnostics as workflow annotations, then the plan and its summary for the log. */
export function renderPlanGitHub(plan: Plan): string {
  const annotations = renderDiagnosticsGitHub(plan.diagnostics);
  const text = renderPlanText(plan, { withoutDiagnostics: true });
  return annotations === '' ? text : `${annotations}\n${text}`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Builds the URL of a line of a file, e.g. the blob at the head sha on GitHub. */
export type LineLinkBuilder = (file: string, line: number) => string;

export interface PlanMarkdownOptions {
  /** Turns `file:line` of each diagnostic into a link. */
  readonly link?: LineLinkBuilder;
  /** Longest body; longer ones are cut at a line boundary with a note (default {@link MAX_MARKDOWN_LENGTH}). */
  readonly maxLength?: number;
}

const CHANGE_LABELS: Record<ChangeKind, string> = {
  added: '➕ added',
  removed: '➖ removed',
  rotated: '🔄 rotated',
  'value-changed-without-rotation': '❌ value changed without rotation',
  'rotation-without-value': '⚠️ rotation without a new value',
  retargeted: '🎯 retargeted',
  metadata: '📝 metadata',
  're-encrypted': '🔑 re-encrypted (value unchanged)',
};

function diagnosticLine(diagnostic: Diagnostic, link: LineLinkBuilder | undefined): string {
  const place = `${diagnostic.file}:${diagnostic.line}`;
  const where = link ? `[${markdownText(place)}](${markdownUrl(link(diagnostic.file, diagnostic.line))})` : code(place);
  const label = diagnostic.severity === 'error' ? '❌ **error**' : '⚠️ **warning**';
  return `- ${label} ${code(diagnostic.code)} at ${where}: ${markdownMessage(diagnostic.message)}`;
}

/**
 * The pull-request comment body: a one-line summary, the changes, the operations per deployment,
 * restart warnings and diagnostics with file:line links. Holds names, settings and dates only: the
 * plan never carries a value, encrypted or not.
 */
export function renderPlanMarkdown(plan: Plan, options: PlanMarkdownOptions = {}): string {
  const sections: string[] = [];
  sections.push(`**credledger plan** for ${code(plan.file)}: ${summarisePlan(plan)}`);
  const revisions = `Base ${code(shortRevision(plan.base))} → ${plan.head === WORKTREE ? 'the working tree' : `head ${code(shortRevision(plan.head))}`}.`;
  const basis = valueBasisNote(plan);
  sections.push(basis ? `${revisions} ${basis}` : revisions);
  if (plan.notes.length > 0) sections.push(['> [!NOTE]', ...plan.notes.map((note) => `> ${markdownMessage(note)}`)].join('\n'));

  sections.push('#### Changes');
  if (plan.changes.length === 0) sections.push('No changes to credentials.');
  else {
    const rows = plan.changes.map((change) => [code(change.id), CHANGE_LABELS[change.change], codeList(change.fields), codeList(change.deployments)]);
    sections.push(markdownTable(['Credential', 'Change', 'Fields', 'Deployments'], rows));
  }

  sections.push('#### Operations');
  if (plan.operations.length === 0) sections.push('None: the merge sets and deletes nothing.');
  else {
    for (const [deployment, operations] of operationsByDeployment(plan.operations)) {
      const rows = operations.map((operation) => [
        operation.action,
        code(operation.setting),
        operation.restart_required ? '⚠️ required' : 'no',
        operation.group ? code(operation.group) : '–',
        code(operation.credential),
      ]);
      sections.push(`**${code(deployment)}**\n\n${markdownTable(['Action', 'Setting', 'Restart', 'Group', 'Credential'], rows)}`);
    }
  }

  const restarts = [...operationsByDeployment(plan.operations.filter((operation) => operation.restart_required))];
  if (restarts.length > 0) {
    sections.push(
      [
        '> [!WARNING]',
        `> After apply, these settings take effect only once DocuElevate restarts (${code(RESTART_COMMAND)}):`,
        ...restarts.map(([deployment, operations]) => `> - ${code(deployment)}: ${codeList([...new Set(operations.map((operation) => operation.setting))])}`),
      ].join('\n'),
    );
  }

  if (plan.diagnostics.length > 0) {
    sections.push('#### Diagnostics');
    sections.push(plan.diagnostics.map((diagnostic) => diagnosticLine(diagnostic, options.link)).join('\n'));
  }
  return truncateMarkdown(`${sections.join('\n\n')}\n`, options.maxLength ?? MAX_MARKDOWN_LENGTH);
}

/** Cuts text to at most `maxLength` characters at a line boundary, ending with a note that it was cut. */
export function truncateMarkdown(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const lines = text.replace(/\n$/, '').split('\n');
  const noteFor = (left: number) =>
    `\n> [!CAUTION]\n> The plan was cut here: ${plural(left, 'more line')} would not fit in a comment. Run \`credledger plan\` for all of it.\n`;
  // Room for the longest note there can be, so the final one always fits.
  const room = maxLength - noteFor(lines.length).length;
  let kept = '';
  let count = 0;
  for (const line of lines) {
    if (kept.length + line.length + 1 > room) break;
    kept += `${line}\n`;
    count += 1;
  }
  return `${kept}${noteFor(lines.length - count)}`;
}
