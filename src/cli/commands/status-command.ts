// `credledger status`: which credentials are ok, due soon or overdue on a given day, and why.
import { reportStatus } from '../../app/status.js';
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { renderDiagnosticsText } from '../../core/render-diagnostics.js';
import { renderStatusMarkdown, renderStatusText } from '../../core/render-status.js';
import { statusMeetsThreshold } from '../../core/status-report.js';
import { toCalendarDate } from '../../core/dates.js';
import { styleFor } from '../cli-io.js';
import { choiceOption, FILE_OPTION, NOW_OPTION, stringOption, todayOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { sarifTargetFor, writeSarif } from '../sarif-output.js';
import { renderStatusSarif, type StatusRowLocator } from '../../core/render-sarif.js';
import { placeFinding, type YamlSource } from '../../core/yaml-source.js';
import type { Inventory } from '../../core/inventory.js';
import { withYamlDocument } from '../../app/yaml-document-loader.js';

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
const THRESHOLDS = ['overdue', 'due-soon', 'never'] as const;

export const statusCommand: CliCommand = {
  name: 'status',
  help: `Usage: credledger status [--file F] [--now YYYY-MM-DD] [--format text|json|markdown|sarif]
                         [--fail-on overdue|due-soon|never]

  -f, --file F     inventory file (default: credentials.yaml)
      --now        the day to assess (default: today, UTC)
      --format     text (default: an aligned table, overdue first), json, markdown (for job summaries),
                   sarif (SARIF 2.1.0 for code scanning: overdue as errors, due soon as warnings)
      --fail-on    overdue: exit 1 when a credential is overdue; due-soon: when one is due soon or
                   overdue; never (default): whatever the rotation state

Exit 0, or 1 when --fail-on matches or the inventory has errors.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, format: { type: 'string' }, 'fail-on': { type: 'string' } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, 'format', FORMATS, 'text');
    const failOn = choiceOption(commandLine, 'fail-on', THRESHOLDS, 'never');
    const { check, report } = await reportStatus({ file, now: todayOption(commandLine, io), today: toCalendarDate(io.now()) });
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}\n\n`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before asking for its status.\n`);
      return ExitCode.findings;
    }
    if (format === 'sarif') {
      const inventory = check.inventory;
      if (!inventory) throw new Error('a status report without an inventory');
      writeSarif(io, await withYamlDocument(() => renderStatusSarif(report, locateStatusRow(check.source, inventory), sarifTargetFor(file))));
    } else if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'markdown') io.stdout.write(renderStatusMarkdown(report));
    else io.stdout.write(`${renderStatusText(report, styleFor(io.stdout, io.env))}\n`);
    return failOn !== 'never' && statusMeetsThreshold(report, failOn) ? ExitCode.findings : ExitCode.ok;
  },
};

/** A status row's place: the credential's `rotated` line, else its `created` line, else its key. */
// The model holds `rotated` and `created` exactly when the file does: a report is only made of a file without
// errors, where both are valid dates when present.
function locateStatusRow(source: YamlSource, inventory: Inventory): StatusRowLocator {
  const credentials = new Map(inventory.credentials.map((credential) => [credential.id, credential]));
  return (row) => {
    const credential = credentials.get(row.id);
    for (const field of ['rotated', 'created'] as const) {
      if (credential !== undefined && credential[field] !== undefined) return placeFinding(source, { code: 'status', severity: 'warning', message: '', path: ['credentials', row.id, field] });
    }
    return placeFinding(source, { code: 'status', severity: 'warning', message: '', path: ['credentials', row.id], atKey: true });
  };
}
