#!/usr/bin/env node
// The `credledger` executable: runs the CLI on this process and exits with its code.
// Only the version is imported statically: `--version` answers before any other module is loaded, and a
// command loads only its own code.
import { credledgerVersion } from './version.js';

// `credledger status | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${credledgerVersion()}\n`);
} else {
  const [{ processIo }, { runCli }] = await Promise.all([import('./cli-io.js'), import('./main.js')]);
  process.exitCode = await runCli(args, processIo());
}
