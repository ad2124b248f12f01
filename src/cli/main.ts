// The full CLI: every subcommand, each loaded only when it runs (src/cli/run-cli.ts runs the command line).
import type { CliIo } from './cli-io.js';
import type { CliCommand } from './command.js';
import { COMMAND_SUMMARIES, type CommandName } from './command-summaries.js';
import { runCommandLine, type CommandEntry } from './run-cli.js';

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

function entry(name: CommandName, load: () => Promise<CliCommand>): CommandEntry {
  return { name, summary: COMMAND_SUMMARIES[name], load };
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  entry('init', withYamlDocument(async () => (await import('./commands/init-command.js')).initCommand)),
  entry('validate', async () => (await import('./commands/validate-command.js')).validateCommand),
  entry('status', async () => (await import('./commands/status-command.js')).statusCommand),
  entry('plan', withYamlDocument(async () => (await import('./commands/plan-command.js')).planCommand)),
  entry('apply', withYamlDocument(async () => (await import('./commands/apply-command.js')).applyCommand)),
  entry('audit', withYamlDocument(async () => (await import('./commands/audit-command.js')).auditCommand)),
  entry('remind', withYamlDocument(async () => (await import('./commands/remind-command.js')).remindCommand)),
  entry('rotate', withYamlDocument(async () => (await import('./commands/rotate-command.js')).rotateCommand)),
  entry('onboard', withYamlDocument(async () => (await import('./commands/onboard-command.js')).onboardCommand)),
  entry('offboard', withYamlDocument(async () => (await import('./commands/offboard-command.js')).offboardCommand)),
  entry('revoke', withYamlDocument(async () => (await import('./commands/revoke-command.js')).revokeCommand)),
  entry('keygen', withYamlDocument(async () => (await import('./commands/keygen-command.js')).keygenCommand)),
  entry('set', withYamlDocument(async () => (await import('./commands/set-command.js')).setCommand)),
  entry('seal', withYamlDocument(async () => (await import('./commands/seal-command.js')).sealCommand)),
  entry('rekey', withYamlDocument(async () => (await import('./commands/rekey-command.js')).rekeyCommand)),
  entry('reveal', withYamlDocument(async () => (await import('./commands/reveal-command.js')).revealCommand)),
  entry('demo', withYamlDocument(async () => (await import('./commands/demo-command.js')).demoCommand)),
];

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  return runCommandLine(args, rawIo, COMMANDS);
}
