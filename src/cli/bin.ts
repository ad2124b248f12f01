#!/usr/bin/env node
// The `credledger` executable: runs the CLI on this process and exits with its code.
// Only the version is imported statically: `--version` answers before any other module is loaded, and a
// command loads only its own code.
import module from 'node:module';
import { READ_ONLY_COMMAND_NAMES } from './read-only-command-names.js';
import { credledgerVersion } from './version.js';

// Node 22.1 and later keep V8's compiled code of the modules a command loads on disk (os.tmpdir()/node-compile-cache,
// or NODE_COMPILE_CACHE), so the next start skips compiling them: `validate` of the example starts ~16% sooner on
// Node 24. It never throws, holds compiled code and no data, and NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has
// no such call and starts as before.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

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
} else if (args[0] !== undefined && READ_ONLY_COMMAND_NAMES.includes(args[0])) {
  // A bundle of its own in dist/ (see read-only-cli.ts): validate and status load it and nothing else of ours.
  const { runReadOnlyCli } = await import('./read-only-cli.js');
  process.exitCode = await runReadOnlyCli(args);
} else {
  const [{ processIo }, { runCli }] = await Promise.all([import('./cli-io.js'), import('./main.js')]);
  process.exitCode = await runCli(args, processIo());
}
