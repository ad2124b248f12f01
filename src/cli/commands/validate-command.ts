// `credledger validate`: check the inventory and report every problem with its place.
import { validateInventory } from '../../app/validate.js';
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { renderDiagnosticsGitHub, renderDiagnosticsText, summariseDiagnostics } from '../../core/render-diagnostics.js';
import { styleFor } from '../cli-io.js';
import { choiceOption, defaultDiagnosticsFormat, FILE_OPTION, NOW_OPTION, stringOption, todayOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';

const FORMATS = ['text', 'json', 'github'] as const;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check the inventory: YAML, schema and rules, every problem with file:line:col',
  help: `Usage: credledger validate [--file F] [--format text|json|github] [--now YYYY-MM-DD]

  -f, --file F     inventory file (default: credentials.yaml)
      --format     text (default), json, or github (workflow annotations; the default when GITHUB_ACTIONS=true)
      --now        the day to check dates against (default: today, UTC)

Exit 0 when valid (warnings allowed), 1 when invalid, 2 on a usage error.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, format: { type: 'string' } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, 'format', FORMATS, defaultDiagnosticsFormat(io));
    const { check, valid } = await validateInventory({ file, today: todayOption(commandLine, io) });
    const diagnostics = check.diagnostics;
    if (format === 'json') {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      io.stdout.write(`${JSON.stringify({ file, valid, diagnostics, summary: { errors, warnings: diagnostics.length - errors } }, null, 2)}\n`);
    } else if (format === 'github') {
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsGitHub(diagnostics)}\n`);
      io.stdout.write(`${file}: ${valid ? 'valid' : 'invalid'} (${summariseDiagnostics(diagnostics)})\n`);
    } else {
      const style = styleFor(io.stdout, io.env);
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsText(diagnostics, check.source.text.split(/\r?\n/), style)}\n\n`);
      io.stdout.write(`${file}: ${valid ? 'valid' : 'invalid'} (${summariseDiagnostics(diagnostics)})\n`);
    }
    return valid ? ExitCode.ok : ExitCode.findings;
  },
};
