// `credledger validate`: check the inventory and report every problem with its place.
import { UsageError } from '../../ports/errors.js';
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadKeyRing } from '../../app/key-source.js';
import { validateInventory, type DecryptSummary } from '../../app/validate.js';
import { describeSealOnlyPeople, listSealOnlyPeople, type Inventory } from '../../core/inventory.js';
import { renderDiagnosticsGitHub, renderDiagnosticsText, summariseDiagnostics } from '../../core/render-diagnostics.js';
import { describeValueKey } from '../../core/sealed-value-format.js';
import { styleFor, type CliIo } from '../cli-io.js';
import { choiceOption, defaultDiagnosticsFormat, FILE_OPTION, flagOption, KEY_FILE_OPTION, NOW_OPTION, stringOption, todayOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { sarifTargetFor, writeSarif } from '../sarif-output.js';
import { renderDiagnosticsSarif } from '../../core/render-sarif.js';

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;

export const validateCommand: CliCommand = {
  name: 'validate',
  help: `Usage: credledger validate [--file F] [--format text|json|github|sarif] [--now YYYY-MM-DD] [--decrypt [--key-file P]]

  -f, --file F     inventory file (default: credentials.yaml)
      --format     text (default), json, github (workflow annotations; the default when GITHUB_ACTIONS=true),
                   or sarif (SARIF 2.1.0 for code scanning; paths relative to the working directory)
      --now        the day to check dates against (default: today, UTC)
      --decrypt    also open every value with the keys (CREDLEDGER_KEY or --key-file): each must
                   decrypt, under a key the ring holds, in the place it was written for
      --key-file P read the keys from this file (one per line) instead of CREDLEDGER_KEY

Exit 0 when valid (warnings allowed), 1 when invalid, 64 on a usage error.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, ...KEY_FILE_OPTION, format: { type: 'string' }, decrypt: { type: 'boolean' } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, 'format', FORMATS, defaultDiagnosticsFormat(io));
    const keyFile = stringOption(commandLine, 'key-file');
    const decrypt = flagOption(commandLine, 'decrypt');
    if (keyFile !== undefined && !decrypt) throw new UsageError('--key-file is only read with --decrypt');
    const ring = decrypt ? await loadKeyRing({ env: io.env, keyFile }) : undefined;
    const { check, valid, decrypt: opened } = await validateInventory({ file, today: todayOption(commandLine, io), ring });
    const diagnostics = check.diagnostics;
    if (format === 'sarif') {
      writeSarif(io, renderDiagnosticsSarif(diagnostics, sarifTargetFor(file)));
    } else if (format === 'json') {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const sealOnly = check.inventory ? listSealOnlyPeople(check.inventory) : [];
      const report = { file, valid, diagnostics, summary: { errors, warnings: diagnostics.length - errors }, ...(opened ? { decrypt: opened } : {}), ...(sealOnly.length > 0 ? { sealOnly } : {}) };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else if (format === 'github') {
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsGitHub(diagnostics)}\n`);
      io.stdout.write(`${file}: ${valid ? 'valid' : 'invalid'} (${summariseDiagnostics(diagnostics)})\n`);
      if (opened) io.stdout.write(`${describeDecrypt(opened)}\n`);
      writeSealOnlyNote(io, check.inventory);
    } else {
      const style = styleFor(io.stdout, io.env);
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsText(diagnostics, check.source.lines, style)}\n\n`);
      io.stdout.write(`${file}: ${valid ? 'valid' : 'invalid'} (${summariseDiagnostics(diagnostics)})\n`);
      if (opened) io.stdout.write(`${describeDecrypt(opened)}\n`);
      writeSealOnlyNote(io, check.inventory);
    }
    return valid ? ExitCode.ok : ExitCode.findings;
  },
};

function writeSealOnlyNote(io: CliIo, inventory: Inventory | undefined): void {
  const note = inventory ? describeSealOnlyPeople(inventory) : undefined;
  if (note !== undefined) io.stdout.write(`${note}\n`);
}

function describeDecrypt(summary: DecryptSummary): string {
  const opened = Object.values(summary.openedByKeyId).reduce((sum, count) => sum + count, 0);
  const byKey = Object.entries(summary.openedByKeyId).map(([id, count]) => `${count} under ${describeValueKey(id)}`);
  return `decrypted ${opened} of ${summary.values} value${summary.values === 1 ? '' : 's'}${byKey.length > 0 ? ` (${byKey.join(', ')})` : ''}`;
}
