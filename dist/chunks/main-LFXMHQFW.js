import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  redactRunSecrets,
  rememberRunSecret
} from "./chunk-SAQGHCKC.js";
import {
  credledgerVersion
} from "./chunk-7PZX6KVS.js";
import {
  ExitCode,
  parseCommandLine
} from "./chunk-3RNEGYGQ.js";
import "./chunk-ZIC7K62Z.js";
import {
  describeSuggestion
} from "./chunk-HF3DDANW.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/main.ts
var COMMANDS = [
  { name: "init", load: async () => (await import("./init-command-76LAPKKJ.js")).initCommand },
  { name: "validate", load: async () => (await import("./validate-command-27QO6SZO.js")).validateCommand },
  { name: "status", load: async () => (await import("./status-command-3RTL53PV.js")).statusCommand },
  { name: "plan", load: async () => (await import("./plan-command-WURJFH5Z.js")).planCommand },
  { name: "apply", load: async () => (await import("./apply-command-ZHH4ULZO.js")).applyCommand },
  { name: "audit", load: async () => (await import("./audit-command-LXOEGH3K.js")).auditCommand },
  { name: "remind", load: async () => (await import("./remind-command-TNNHET6A.js")).remindCommand },
  { name: "rotate", load: async () => (await import("./rotate-command-5T7TJ3EY.js")).rotateCommand },
  { name: "onboard", load: async () => (await import("./onboard-command-ZUDGUGAK.js")).onboardCommand },
  { name: "offboard", load: async () => (await import("./offboard-command-TEJ3FJUJ.js")).offboardCommand },
  { name: "revoke", load: async () => (await import("./revoke-command-EUSMQCM6.js")).revokeCommand },
  { name: "keygen", load: async () => (await import("./keygen-command-SMKL552R.js")).keygenCommand },
  { name: "set", load: async () => (await import("./set-command-II3Y4BIA.js")).setCommand },
  { name: "seal", load: async () => (await import("./seal-command-NDSTX2OE.js")).sealCommand },
  { name: "rekey", load: async () => (await import("./rekey-command-L7P52IBE.js")).rekeyCommand },
  { name: "reveal", load: async () => (await import("./reveal-command-RTET7RDF.js")).revealCommand },
  { name: "demo", load: async () => (await import("./demo-command-TJF6DDCE.js")).demoCommand }
];
var version = credledgerVersion;
async function mainHelp() {
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
  const width = Math.max(...commands.map((command) => command.name.length));
  return `credledger ${version()}: a checked-in, encrypted inventory of DocuElevate credentials.

Usage: credledger <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n")}

Options:
  -h, --help     this help; \`credledger help <command>\` or \`credledger <command> --help\` for a command's
  -V, --version  the version of credledger

Exit codes: 0 ok, 1 findings, 2 changes (plan --detailed-exitcode), 3 external failure, 64 usage error.`;
}
var SECRET_ENVIRONMENT_VARIABLES = ["CREDLEDGER_KEY", "CREDLEDGER_SEALING_KEY"];
function redactingIo(io) {
  for (const name of SECRET_ENVIRONMENT_VARIABLES) {
    for (const part of (io.env[name] ?? "").split(",")) rememberRunSecret(part.trim());
  }
  const redacting = (stream) => ({ write: (text) => stream.write(redactRunSecrets(text)), isTTY: stream.isTTY });
  return { ...io, stdout: redacting(io.stdout), stderr: redacting(io.stderr), clearStdout: io.stdout };
}
async function findCommand(name, io) {
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry) return entry.load();
  const names = COMMANDS.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}

${await mainHelp()}
`);
  return void 0;
}
async function runCli(args, rawIo) {
  const io = redactingIo(rawIo);
  const [name, ...rest] = args;
  if (name === "help" && rest[0] !== void 0) {
    const command2 = await findCommand(rest[0], io);
    if (!command2) return ExitCode.usage;
    io.stdout.write(`${command2.help}
`);
    return ExitCode.ok;
  }
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${await mainHelp()}
`);
    return name === void 0 ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${version()}
`);
    return ExitCode.ok;
  }
  const command = await findCommand(name, io);
  if (!command) return ExitCode.usage;
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.help}
`);
    return ExitCode.ok;
  }
  try {
    return await command.run(parseCommandLine(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`credledger ${command.name}: ${error.message}
`);
      return ExitCode.usage;
    }
    if (error instanceof ExternalError) {
      io.stderr.write(`credledger ${command.name}: ${error.message}
`);
      return ExitCode.external;
    }
    io.stderr.write(`credledger ${command.name}: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return ExitCode.external;
  }
}
export {
  COMMANDS,
  runCli
};
