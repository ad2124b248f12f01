// The read-only CLI: `validate` and `status` alone. scripts/build.mjs bundles this file apart from the full CLI
// (dist/read-only-cli.js), so starting one of them loads one module of credledger's where the full CLI's shared
// chunks would load two dozen (Node 20's module loader costs ~2 M instructions a module: ~11% of `validate` of
// the example). Every module is its own copy here, but a run never loads both CLIs, so each holds the run's state
// (its secrets to redact, the loaded Document API) alone.
import { processIo } from './cli-io.js';
import { COMMAND_SUMMARIES, type CommandName } from './command-summaries.js';
import { statusCommand } from './commands/status-command.js';
import { validateCommand } from './commands/validate-command.js';
import { runCommandLine, type CommandEntry } from './run-cli.js';

/** The commands this CLI runs: those bin.ts routes here (READ_ONLY_COMMAND_NAMES). */
export const READ_ONLY_COMMANDS: readonly CommandEntry[] = [validateCommand, statusCommand].map((command) => ({
  name: command.name,
  summary: COMMAND_SUMMARIES[command.name as CommandName],
  load: async () => command,
}));

/** Runs `args` (the first is `validate` or `status`) on this process's streams and returns the exit code. */
export function runReadOnlyCli(args: readonly string[]): Promise<number> {
  return runCommandLine(args, processIo(), READ_ONLY_COMMANDS);
}
