// The rotate run for the Action's job summary and log: pull requests opened by `rotate --due`, and the steps
// `rotate --finish` took. Issuer ids, phases and commands only: a rotation never carries a value to render.
import { markdownCode, markdownMessage, markdownTable, markdownText, markdownUrl } from './markdown.js';

/** One due credential, as `rotate --due` left it (the shapes of the use case's outcomes, plus the dry run's). */
export type RotateStartRow =
  | {
      readonly kind: 'opened';
      readonly credential: string;
      readonly oldIssuerId?: string;
      readonly newIssuerId?: string;
      readonly probe: { readonly ok: boolean; readonly detail: string };
      readonly pullRequest: { readonly number: number; readonly url: string };
      readonly resumed: boolean;
      readonly discarded: readonly string[];
    }
  | { readonly kind: 'in-progress'; readonly credential: string; readonly record: { readonly id: string; readonly phase: string } }
  | { readonly kind: 'refused'; readonly credential: string; readonly reason: string }
  | { readonly kind: 'manual'; readonly credential: string; readonly command: string }
  | { readonly kind: 'would-rotate'; readonly credential: string; readonly driver: string };

/** One rotation under way, as `rotate --finish` left it. */
export interface RotateFinishRow {
  readonly credential: string;
  readonly rotationId: string;
  readonly from: string;
  readonly to: string;
  readonly notes: readonly string[];
  readonly issue?: { readonly number: number; readonly url: string };
}

export interface RotateRunReport {
  readonly dryRun: boolean;
  readonly started: readonly RotateStartRow[];
  readonly finished: readonly RotateFinishRow[];
  /** A part that failed outright (git, GitHub or the issuer), by part. */
  readonly errors: readonly { readonly part: 'due' | 'finish'; readonly message: string }[];
}

/** `old` → `new`, each a code span; `–` when the issuer has no ids (a generated value). */
const ids = (oldId: string | undefined, newId: string | undefined): string =>
  oldId === undefined && newId === undefined ? '–' : `${oldId === undefined ? '?' : markdownCode(oldId)} → ${newId === undefined ? '?' : markdownCode(newId)}`;

function startCells(row: RotateStartRow): [string, string, string] {
  switch (row.kind) {
    case 'opened': {
      const what = [
        `pull request [#${row.pullRequest.number}](${markdownUrl(row.pullRequest.url)})${row.resumed ? ' (pushed by an earlier run)' : ''}`,
        `probe ${row.probe.ok ? 'passed' : 'failed'}: ${markdownText(row.probe.detail)}`,
        ...(row.discarded.length === 0 ? [] : [`deleted ${row.discarded.map(markdownCode).join(', ')} (an earlier run died before pushing it)`]),
      ].join('; ');
      return ['opened', ids(row.oldIssuerId, row.newIssuerId), what];
    }
    case 'in-progress':
      return ['under way', '–', `rotation ${markdownCode(row.record.id)} is ${markdownText(row.record.phase)}: the finish step takes it on`];
    case 'refused':
      return ['refused', '–', markdownMessage(row.reason)];
    case 'manual':
      return ['by hand', '–', `no rotation driver: rotate it at its issuer, then run ${markdownCode(row.command)}`];
    case 'would-rotate':
      return ['would open a pull request', '–', `driver ${markdownCode(row.driver)}`];
  }
}

/** The job summary: what `rotate --due` and `rotate --finish` did (or, dry run, would do). */
export function renderRotateMarkdown(report: RotateRunReport): string {
  const dry = report.dryRun ? ' (dry run: nothing created, pushed or changed)' : '';
  const parts = [`## credledger rotate${dry}`, '', '### Due credentials', ''];
  if (report.started.length === 0) parts.push('Nothing is due.');
  else parts.push(markdownTable(['credential', 'what happened', 'issuer ids (old → new)', 'details'], report.started.map((row) => [markdownCode(row.credential), ...startCells(row)])));
  parts.push('', '### Rotations under way', '');
  if (report.finished.length === 0) parts.push('No rotation is under way.');
  else {
    parts.push(
      markdownTable(
        ['credential', 'rotation', 'phase', 'notes'],
        report.finished.map((row) => [
          markdownCode(row.credential),
          markdownCode(row.rotationId),
          markdownText(row.from === row.to ? row.to : `${row.from} → ${row.to}`),
          [...row.notes.map(markdownMessage), ...(row.issue === undefined ? [] : [`opened [#${row.issue.number}](${markdownUrl(row.issue.url)})`])].join('; ') || '–',
        ]),
      ),
    );
  }
  for (const error of report.errors) parts.push('', `**${error.part === 'due' ? 'rotate --due' : 'rotate --finish'} failed:** ${markdownMessage(error.message)}`);
  return `${parts.join('\n')}\n`;
}

/** One line for the log: the counts of the run. */
export function rotateCountsLine(report: RotateRunReport): string {
  const count = (kind: RotateStartRow['kind']) => report.started.filter((row) => row.kind === kind).length;
  const moved = report.finished.filter((row) => row.from !== row.to).length;
  const opened = report.dryRun ? `${count('would-rotate')} would be opened` : `${count('opened')} opened`;
  return `${report.started.length} due: ${opened}, ${count('in-progress')} under way, ${count('refused')} refused, ${count('manual')} by hand; ${report.finished.length} rotation(s) under way, ${moved} moved`;
}
