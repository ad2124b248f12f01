import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  credledgerVersion
} from "./chunk-7PZX6KVS.js";
import {
  keyEntriesOf
} from "./chunk-IOQOTO7J.js";
import {
  ExitCode,
  parseCommandLine
} from "./chunk-M5X6PQBR.js";
import "./chunk-YEI75ZAY.js";
import {
  describeSuggestion
} from "./chunk-HF3DDANW.js";
import {
  redactRunSecrets,
  rememberRunSecret
} from "./chunk-QL6ADRZ6.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/run-cli.ts
var version = credledgerVersion;
async function mainHelp(entries) {
  const commands = await Promise.all(entries.map((entry) => entry.load()));
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
    for (const key of keyEntriesOf(io.env[name] ?? "")) rememberRunSecret(key);
  }
  const redacting = (stream) => ({ write: (text) => stream.write(redactRunSecrets(text)), isTTY: stream.isTTY });
  return { ...io, stdout: redacting(io.stdout), stderr: redacting(io.stderr), clearStdout: io.stdout };
}
async function findCommand(name, io, entries) {
  const entry = entries.find((candidate) => candidate.name === name);
  if (entry) return entry.load();
  const names = entries.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}

${await mainHelp(entries)}
`);
  return void 0;
}
async function runCommandLine(args, rawIo, entries) {
  const io = redactingIo(rawIo);
  const [name, ...rest] = args;
  if (name === "help" && rest[0] !== void 0) {
    const command2 = await findCommand(rest[0], io, entries);
    if (!command2) return ExitCode.usage;
    io.stdout.write(`${command2.help}
`);
    return ExitCode.ok;
  }
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${await mainHelp(entries)}
`);
    return name === void 0 ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${version()}
`);
    return ExitCode.ok;
  }
  const command = await findCommand(name, io, entries);
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

// src/cli/main.ts
function withYamlDocument(load) {
  return async () => {
    await import("./yaml-document-JSHSKSX7.js");
    return load();
  };
}
var COMMANDS = [
  { name: "init", load: withYamlDocument(async () => (await import("./init-command-B4BS2WYD.js")).initCommand) },
  { name: "validate", load: async () => (await import("./validate-command-NZI5UMJA.js")).validateCommand },
  { name: "status", load: async () => (await import("./status-command-J5TBID6A.js")).statusCommand },
  { name: "plan", load: withYamlDocument(async () => (await import("./plan-command-44LJSM74.js")).planCommand) },
  { name: "apply", load: withYamlDocument(async () => (await import("./apply-command-2SVSFZXK.js")).applyCommand) },
  { name: "audit", load: withYamlDocument(async () => (await import("./audit-command-IFHLKGAE.js")).auditCommand) },
  { name: "remind", load: withYamlDocument(async () => (await import("./remind-command-OAIB5ZHA.js")).remindCommand) },
  { name: "rotate", load: withYamlDocument(async () => (await import("./rotate-command-DTF3CW7X.js")).rotateCommand) },
  { name: "onboard", load: withYamlDocument(async () => (await import("./onboard-command-PZXTUBYR.js")).onboardCommand) },
  { name: "offboard", load: withYamlDocument(async () => (await import("./offboard-command-ZDHJDIIJ.js")).offboardCommand) },
  { name: "revoke", load: withYamlDocument(async () => (await import("./revoke-command-WD5ITCIU.js")).revokeCommand) },
  { name: "keygen", load: withYamlDocument(async () => (await import("./keygen-command-6WWXBZCG.js")).keygenCommand) },
  { name: "set", load: withYamlDocument(async () => (await import("./set-command-WNZBSPSP.js")).setCommand) },
  { name: "seal", load: withYamlDocument(async () => (await import("./seal-command-LTWVSJWR.js")).sealCommand) },
  { name: "rekey", load: withYamlDocument(async () => (await import("./rekey-command-X2NAMSLX.js")).rekeyCommand) },
  { name: "reveal", load: withYamlDocument(async () => (await import("./reveal-command-AOIPOXC7.js")).revealCommand) },
  { name: "demo", load: withYamlDocument(async () => (await import("./demo-command-DFQ2UWSS.js")).demoCommand) }
];
async function runCli(args, rawIo) {
  return runCommandLine(args, rawIo, COMMANDS);
}
export {
  COMMANDS,
  runCli
};
