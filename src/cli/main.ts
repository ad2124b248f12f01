// The CLI entry: picks the subcommand, runs it, and maps the one catch to an exit code.
import { ExternalError, UsageError } from '../ports/errors.js';
import { redactRunSecrets, rememberRunSecret } from '../crypto/run-secrets.js';
import { describeSuggestion } from '../core/suggestions.js';
import type { CliIo } from './cli-io.js';
import { parseCommandLine, type CliCommand } from './command.js';
import { ExitCode } from './exit-codes.js';
import { credledgerVersion } from './version.js';
import { keyEntriesOf } from '../crypto/key-text.js';

/** A subcommand by name, loaded only when it runs: start-up then parses one command's code, not every command's. */
interface CommandEntry {
  readonly name: string;
  load(): Promise<CliCommand>;
}

/**
 * Commands that read an inventory and may edit it need the `yaml` Document API (positions, byte-preserving edits):
 * it is loaded before they run. `validate` and `status` load it only when the text needs it (the app layer does).
 */
function withYamlDocument(load: () => Promise<CliCommand>): () => Promise<CliCommand> {
  return async () => {
    await import('../core/yaml-document.js');
    return load();
  };
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', load: withYamlDocument(async () => (await import('./commands/init-command.js')).initCommand) },
  { name: 'validate', load: async () => (await import('./commands/validate-command.js')).validateCommand },
  { name: 'status', load: async () => (await import('./commands/status-command.js')).statusCommand },
  { name: 'plan', load: withYamlDocument(async () => (await import('./commands/plan-command.js')).planCommand) },
  { name: 'apply', load: withYamlDocument(async () => (await import('./commands/apply-command.js')).applyCommand) },
  { name: 'audit', load: withYamlDocument(async () => (await import('./commands/audit-command.js')).auditCommand) },
  { name: 'remind', load: withYamlDocument(async () => (await import('./commands/remind-command.js')).remindCommand) },
  { name: 'rotate', load: withYamlDocument(async () => (await import('./commands/rotate-command.js')).rotateCommand) },
  { name: 'onboard', load: withYamlDocument(async () => (await import('./commands/onboard-command.js')).onboardCommand) },
  { name: 'offboard', load: withYamlDocument(async () => (await import('./commands/offboard-command.js')).offboardCommand) },
  { name: 'revoke', load: withYamlDocument(async () => (await import('./commands/revoke-command.js')).revokeCommand) },
  { name: 'keygen', load: withYamlDocument(async () => (await import('./commands/keygen-command.js')).keygenCommand) },
  { name: 'set', load: withYamlDocument(async () => (await import('./commands/set-command.js')).setCommand) },
  { name: 'seal', load: withYamlDocument(async () => (await import('./commands/seal-command.js')).sealCommand) },
  { name: 'rekey', load: withYamlDocument(async () => (await import('./commands/rekey-command.js')).rekeyCommand) },
  { name: 'reveal', load: withYamlDocument(async () => (await import('./commands/reveal-command.js')).revealCommand) },
  { name: 'demo', load: withYamlDocument(async () => (await import('./commands/demo-command.js')).demoCommand) },
];

const version = credledgerVersion;

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
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
async function findCommand(name: string, io: CliIo): Promise<CliCommand | undefined> {
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry) return entry.load();
  const names = COMMANDS.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}\n\n${await mainHelp()}\n`);
  return undefined;
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  const io = redactingIo(rawIo);
  const [name, ...rest] = args;
  if (name === 'help' && rest[0] !== undefined) {
    const command = await findCommand(rest[0], io);
    if (!command) return ExitCode.usage;
    io.stdout.write(`${command.help}\n`);
    return ExitCode.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${await mainHelp()}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const command = await findCommand(name, io);
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
