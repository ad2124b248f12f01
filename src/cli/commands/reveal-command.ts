// `credledger reveal`: break-glass. Prints one plaintext, only when confirmed, with a warning on stderr.
import { UsageError } from '../../ports/errors.js';
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadKeyRing } from '../../app/key-source.js';
import { revealValue } from '../../app/reveal.js';
import { toCalendarDate } from '../../core/dates.js';
import { describePlace } from '../../crypto/sealed-value.js';
import { FILE_OPTION, flagOption, KEY_FILE_OPTION, stringOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeRefusal } from '../refusal-output.js';
import { readLine } from '../terminal-input.js';

export const revealCommand: CliCommand = {
  name: 'reveal',
  help: `Usage: credledger reveal <id> [--deployment D] [--yes] [--file F] [--key-file P]

Decrypts one value and prints it on stdout: exactly the value when stdout is a pipe or file, with a
line break added at a terminal. For break-glass use only: anyone who sees the value holds the
credential. At a terminal it asks you to type the credential id first; elsewhere (scripts, CI) it
refuses unless --yes is given. A warning always goes to stderr.

  -d, --deployment D   the value deployment D receives (its own, else the shared one)
  -y, --yes            do not ask
  -f, --file F         inventory file (default: credentials.yaml)
      --key-file P     read the keys from this file (one per line) instead of CREDLEDGER_KEY

Exit 0 when printed, 1 when the value cannot be opened or confirmation was declined, 64 on a usage error.`,
  options: { ...FILE_OPTION, ...KEY_FILE_OPTION, deployment: { type: 'string', short: 'd' }, yes: { type: 'boolean', short: 'y' } },
  positionals: { min: 1, max: 1, names: 'the id of the credential' },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const credentialId = commandLine.positionals[0] ?? '';
    const confirmed = flagOption(commandLine, 'yes');
    if (!confirmed && io.stdin.isTTY !== true) {
      throw new UsageError('this would print a plaintext credential, and stdin is not a terminal to confirm at: pass --yes if that is really meant (break-glass use)');
    }
    const ring = await loadKeyRing({ env: io.env, keyFile: stringOption(commandLine, 'key-file') });
    const result = await revealValue({ file, credentialId, deployment: stringOption(commandLine, 'deployment'), ring, today: toCalendarDate(io.now()) });
    if (result.kind === 'refused') {
      writeRefusal(io, result, 'Nothing was printed.');
      return ExitCode.findings;
    }
    const where = describePlace(result.place);
    if (!confirmed) {
      io.stderr.write(`This prints the plaintext of ${where} (${result.path}). Type \`${credentialId}\` to go on: `);
      const answer = await readLine(io.stdin);
      if (answer?.trim() !== credentialId) {
        io.stderr.write('Not confirmed; nothing was printed.\n');
        return ExitCode.findings;
      }
    }
    io.stderr.write(
      `credledger reveal: printing the plaintext of ${where} (key ${result.keyId}, encrypted ${result.sealedAt.toISOString().slice(0, 10)}). Break-glass: whoever sees it holds the credential; if it reached a log, a chat or a screen share, rotate it.\n`,
    );
    (io.clearStdout ?? io.stdout).write(io.stdout.isTTY === true ? `${result.value.reveal()}\n` : result.value.reveal());
    return ExitCode.ok;
  },
};
