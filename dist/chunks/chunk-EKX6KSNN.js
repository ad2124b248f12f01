import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  isCalendarDate,
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
import {
  describeSuggestion
} from "./chunk-HF3DDANW.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseCommandLine(command, args) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`${message}${suggestOption(command, message)}
Run \`credledger ${command.name} --help\` for usage.`);
  }
  const { min, max, names } = command.positionals ?? { min: 0, max: 0, names: "" };
  if (parsed.positionals.length < min) throw new UsageError(`credledger ${command.name} needs ${names}`);
  if (parsed.positionals.length > max) {
    const count = parsed.positionals.length - max;
    throw new UsageError(`${count} unexpected argument${count === 1 ? "" : "s"} after ${max === 0 ? "the command" : names} (not shown, in case one is a secret); credledger ${command.name} takes ${max === 0 ? "none" : names}
Run \`credledger ${command.name} --help\` for usage.`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
function suggestOption(command, message) {
  const unknown = /^Unknown option '(--[^'=]+)/.exec(message)?.[1];
  if (unknown === void 0) return "";
  return describeSuggestion(unknown, [...Object.keys(command.options).map((name) => `--${name}`), "--help"]);
}
function stringOption(commandLine, name, fallback) {
  const value = commandLine.values[name];
  return typeof value === "string" ? value : fallback;
}
function stringListOption(commandLine, name) {
  const value = commandLine.values[name];
  if (Array.isArray(value)) return value.filter((item) => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}
function flagOption(commandLine, name) {
  return commandLine.values[name] === true;
}
function choiceOption(commandLine, name, choices, fallback) {
  const value = stringOption(commandLine, name);
  if (value === void 0) return fallback;
  if (!choices.includes(value)) throw new UsageError(`--${name} must be one of: ${choices.join(", ")} (got ${value})`);
  return value;
}
function todayOption(commandLine, io) {
  const value = stringOption(commandLine, "now");
  if (value === void 0) return toCalendarDate(io.now());
  if (!isCalendarDate(value)) throw new UsageError(`--now must be a real date written YYYY-MM-DD (got ${value})`);
  return value;
}
function defaultDiagnosticsFormat(io) {
  return io.env.GITHUB_ACTIONS === "true" ? "github" : "text";
}
var FILE_OPTION = { file: { type: "string", short: "f" } };
var NOW_OPTION = { now: { type: "string" } };
var KEY_FILE_OPTION = { "key-file": { type: "string" } };

// src/cli/exit-codes.ts
var ExitCode = {
  /** Success: valid, nothing due past the threshold, every operation done. */
  ok: 0,
  /** Findings: invalid inventory, a --fail-on threshold met, a failed operation. */
  findings: 1,
  /** Usage: unknown flag or command, missing file, missing key (sysexits' EX_USAGE). */
  usage: 64,
  /** External failure: git, network, DocuElevate or GitHub could not be used. */
  external: 3,
  /** `plan --detailed-exitcode`: the plan has changes (as `terraform plan -detailed-exitcode`). */
  changes: 2
};

export {
  parseCommandLine,
  stringOption,
  stringListOption,
  flagOption,
  choiceOption,
  todayOption,
  defaultDiagnosticsFormat,
  FILE_OPTION,
  NOW_OPTION,
  KEY_FILE_OPTION,
  ExitCode
};
