#!/usr/bin/env node
// The `credledger` executable: runs the CLI on this process and exits with its code.
import { processIo } from './cli-io.js';
import { runCli } from './main.js';

// `credledger status | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo());
