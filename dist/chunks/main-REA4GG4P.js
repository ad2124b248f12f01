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
} from "./chunk-EKX6KSNN.js";
import "./chunk-55Y3H7G4.js";
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

// src/cli/command-summaries.ts
var COMMAND_SUMMARIES = {
  init: "write a starting credentials.yaml: from the settings catalogue, or from what a deployment has configured",
  validate: "check the inventory: YAML, schema and rules, every problem with file:line:col",
  status: "rotation state of every credential on every deployment: ok, due-soon, overdue, unknown",
  plan: "what a change to the inventory does: changes per credential, set/delete per deployment (works without the key)",
  apply: "push changed values to each deployment's settings API, verified and recorded",
  audit: "compare what each deployment holds with the inventory: untracked, mismatches, changes made outside it",
  remind: "open, update and close one GitHub issue per credential that is due soon or overdue",
  rotate: "create a new credential at its issuer and open the pull request; --finish retires the old one on evidence",
  onboard: "add a person to the inventory and list the credentials that exist, per deployment and category",
  offboard: "record that someone left; list what to rotate, hand over and revoke at each issuer",
  revoke: "a suspected leak: record it (critical until rotated) and print the emergency checklist",
  keygen: "make a new master key, or with --sealing a key pair for sealed values: the secret on stdout",
  set: "store a new value for a credential (a rotation): encrypted, with today as `rotated`",
  seal: "store a new value sealed for the inventory's public key (needs no secret): a rotation",
  rekey: "move every value to the first key of the ring (after a new master key)",
  reveal: "break-glass: print one decrypted value (asks first; --yes to skip)",
  demo: "the whole flow on the bundled example, against two local DocuElevate-compatible servers (`npm start`)"
};

// src/cli/run-cli.ts
var version = credledgerVersion;
function mainHelp(commands) {
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
  const entry2 = entries.find((candidate) => candidate.name === name);
  if (entry2) return entry2.load();
  const names = entries.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}

${mainHelp(entries)}
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
    io.stdout.write(`${mainHelp(entries)}
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
    await import("./yaml-document-SFIM77P5.js");
    return load();
  };
}
function entry(name, load) {
  return { name, summary: COMMAND_SUMMARIES[name], load };
}
var COMMANDS = [
  entry("init", withYamlDocument(async () => (await import("./init-command-7Z2JESZY.js")).initCommand)),
  entry("validate", async () => (await import("./validate-command-CWYVE7ZW.js")).validateCommand),
  entry("status", async () => (await import("./status-command-AFICWYY4.js")).statusCommand),
  entry("plan", withYamlDocument(async () => (await import("./plan-command-IJQHLIX6.js")).planCommand)),
  entry("apply", withYamlDocument(async () => (await import("./apply-command-FFW7HXPV.js")).applyCommand)),
  entry("audit", withYamlDocument(async () => (await import("./audit-command-I2TLQJMY.js")).auditCommand)),
  entry("remind", withYamlDocument(async () => (await import("./remind-command-X3JUKGVL.js")).remindCommand)),
  entry("rotate", withYamlDocument(async () => (await import("./rotate-command-WAC4Y5LZ.js")).rotateCommand)),
  entry("onboard", withYamlDocument(async () => (await import("./onboard-command-7SWMZQRV.js")).onboardCommand)),
  entry("offboard", withYamlDocument(async () => (await import("./offboard-command-2HRPWQDG.js")).offboardCommand)),
  entry("revoke", withYamlDocument(async () => (await import("./revoke-command-IRH364P5.js")).revokeCommand)),
  entry("keygen", withYamlDocument(async () => (await import("./keygen-command-HQ5R2CIG.js")).keygenCommand)),
  entry("set", withYamlDocument(async () => (await import("./set-command-FYOMXZL3.js")).setCommand)),
  entry("seal", withYamlDocument(async () => (await import("./seal-command-L3O23RD2.js")).sealCommand)),
  entry("rekey", withYamlDocument(async () => (await import("./rekey-command-EZLUJ7DR.js")).rekeyCommand)),
  entry("reveal", withYamlDocument(async () => (await import("./reveal-command-GE6ANOIW.js")).revealCommand)),
  entry("demo", withYamlDocument(async () => (await import("./demo-command-RSAVW2TE.js")).demoCommand))
];
async function runCli(args, rawIo) {
  return runCommandLine(args, rawIo, COMMANDS);
}
export {
  COMMANDS,
  runCli
};
