// The full CLI: every subcommand, each loaded only when it runs (src/cli/run-cli.ts runs the command line).
import type { CliIo } from './cli-io.js';
import type { CliCommand } from './command.js';
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

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  return runCommandLine(args, rawIo, COMMANDS);
}
