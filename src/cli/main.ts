// The CLI entry: picks the subcommand, runs it, and maps the one catch to an exit code.
import { ExternalError, UsageError } from '../ports/errors.js';
import { redactRunSecrets, rememberRunSecret } from '../crypto/run-secrets.js';
import { describeSuggestion } from '../core/suggestions.js';
import type { CliIo } from './cli-io.js';
import { parseCommandLine, type CliCommand } from './command.js';
import { applyCommand } from './commands/apply-command.js';
import { auditCommand } from './commands/audit-command.js';
import { demoCommand } from './commands/demo-command.js';
import { onboardCommand } from './commands/onboard-command.js';
import { offboardCommand } from './commands/offboard-command.js';
import { revokeCommand } from './commands/revoke-command.js';
import { initCommand } from './commands/init-command.js';
import { keygenCommand } from './commands/keygen-command.js';
import { planCommand } from './commands/plan-command.js';
import { rekeyCommand } from './commands/rekey-command.js';
import { remindCommand } from './commands/remind-command.js';
import { revealCommand } from './commands/reveal-command.js';
import { sealCommand } from './commands/seal-command.js';
import { setCommand } from './commands/set-command.js';
import { statusCommand } from './commands/status-command.js';
import { validateCommand } from './commands/validate-command.js';
import { ExitCode } from './exit-codes.js';
import { credledgerVersion } from './version.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  validateCommand,
  statusCommand,
  planCommand,
  applyCommand,
  auditCommand,
  remindCommand,
  onboardCommand,
  offboardCommand,
  revokeCommand,
  keygenCommand,
  setCommand,
  sealCommand,
  rekeyCommand,
  revealCommand,
  demoCommand,
];

const version = credledgerVersion;

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `credledger ${version()}: a checked-in, encrypted inventory of DocuElevate credentials.

Usage: credledger <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

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
    for (const part of (io.env[name] ?? '').split(',')) rememberRunSecret(part.trim());
  }
  const redacting = (stream: CliIo['stdout']): CliIo['stdout'] => ({ write: (text: string) => stream.write(redactRunSecrets(text)), isTTY: stream.isTTY });
  return { ...io, stdout: redacting(io.stdout), stderr: redacting(io.stderr), clearStdout: io.stdout };
}

/** The command called `name`; otherwise says so on stderr, with the nearest command name when it looks like a typo. */
function findCommand(name: string, io: CliIo): CliCommand | undefined {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command;
  const names = COMMANDS.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}\n\n${mainHelp()}\n`);
  return undefined;
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  const io = redactingIo(rawIo);
  const [name, ...rest] = args;
  if (name === 'help' && rest[0] !== undefined) {
    const command = findCommand(rest[0], io);
    if (!command) return ExitCode.usage;
    io.stdout.write(`${command.help}\n`);
    return ExitCode.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp()}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const command = findCommand(name, io);
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
