// Running one command line against a set of commands: the subcommand is picked, run, and the one catch maps to an
// exit code. The full CLI (main.ts) runs it with every command; the read-only CLI (read-only-cli.ts) with the two
// that read an inventory and write nothing, so their start-up loads one module instead of two dozen.
import { ExternalError, UsageError } from '../ports/errors.js';
import { redactRunSecrets, rememberRunSecret } from '../crypto/run-secrets.js';
import { describeSuggestion } from '../core/suggestions.js';
import type { CliIo } from './cli-io.js';
import { parseCommandLine, type CliCommand } from './command.js';
import { ExitCode } from './exit-codes.js';
import { credledgerVersion } from './version.js';
import { keyEntriesOf } from '../crypto/key-text.js';

/**
 * A subcommand by name, with the line `--help` shows for it, loaded only when it runs: start-up then parses one
 * command's code, not every command's, and the help none.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CliCommand>;
}

const version = credledgerVersion;

function mainHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `credledger ${version()}: a checked-in, encrypted inventory of DocuElevate credentials.

Usage: credledger <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     this help; \`credledger help <command>\` or \`credledger <command> --help\` for a command's
  -V, --version  the version of credledger

Exit codes: 0 ok, 1 findings, 2 changes (plan --detailed-exitcode), 3 external failure, 64 usage error.`;
}

/** Environment variables that hold secrets whatever the inventory says: the keys. Their values are redacted from all output. */
const SECRET_ENVIRONMENT_VARIABLES = ['CREDLEDGER_KEY', 'CREDLEDGER_SEALING_KEY'];

/**
 * The streams every command writes through: each text passes the run's redaction first, so no secret the run holds
 * (a value, an auth secret, a key, a URL password; whole, cut or encoded) reaches the terminal or a pipe.
 */
function redactingIo(io: CliIo): CliIo {
  for (const name of SECRET_ENVIRONMENT_VARIABLES) {
    for (const key of keyEntriesOf(io.env[name] ?? '')) rememberRunSecret(key);
  }
  const redacting = (stream: CliIo['stdout']): CliIo['stdout'] => ({ write: (text: string) => stream.write(redactRunSecrets(text)), isTTY: stream.isTTY });
  return { ...io, stdout: redacting(io.stdout), stderr: redacting(io.stderr), clearStdout: io.stdout };
}

/** The command called `name`; otherwise says so on stderr, with the nearest command name when it looks like a typo. */
async function findCommand(name: string, io: CliIo, entries: readonly CommandEntry[]): Promise<CliCommand | undefined> {
  const entry = entries.find((candidate) => candidate.name === name);
  if (entry) return entry.load();
  const names = entries.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}\n\n${mainHelp(entries)}\n`);
  return undefined;
}

/** Runs `args` (without node and script) against `entries` and returns the exit code. */
export async function runCommandLine(args: readonly string[], rawIo: CliIo, entries: readonly CommandEntry[]): Promise<number> {
  const io = redactingIo(rawIo);
  const [name, ...rest] = args;
  if (name === 'help' && rest[0] !== undefined) {
    const command = await findCommand(rest[0], io, entries);
    if (!command) return ExitCode.usage;
    io.stdout.write(`${command.help}\n`);
    return ExitCode.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp(entries)}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const command = await findCommand(name, io, entries);
  if (!command) return ExitCode.usage;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(parseCommandLine(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`credledger ${command.name}: ${error.message}\n`);
      return ExitCode.usage;
    }
    if (error instanceof ExternalError) {
      io.stderr.write(`credledger ${command.name}: ${error.message}\n`);
      return ExitCode.external;
    }
    io.stderr.write(`credledger ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.external;
  }
}
