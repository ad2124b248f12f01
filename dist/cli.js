#!/usr/bin/env node
import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  credledgerVersion
} from "./chunks/chunk-7PZX6KVS.js";
import "./chunks/chunk-ZPKHJYF4.js";

// src/cli/bin.ts
import module from "node:module";

// src/cli/read-only-command-names.ts
var READ_ONLY_COMMAND_NAMES = ["validate", "status"];

// src/cli/bin.ts
module.enableCompileCache?.();
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
var args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${credledgerVersion()}
`);
} else if (args[0] !== void 0 && READ_ONLY_COMMAND_NAMES.includes(args[0])) {
  const { runReadOnlyCli } = await import("./read-only-cli.js");
  process.exitCode = await runReadOnlyCli(args);
} else {
  const [{ processIo }, { runCli }] = await Promise.all([import("./chunks/cli-io-WHCFXAHX.js"), import("./chunks/main-REA4GG4P.js")]);
  process.exitCode = await runCli(args, processIo());
}
