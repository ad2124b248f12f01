// The shape of a CLI command and the option helpers every command shares.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../ports/errors.js';
import { isCalendarDate, toCalendarDate, type CalendarDate } from '../core/dates.js';
import { describeSuggestion } from '../core/suggestions.js';
import type { CliIo } from './cli-io.js';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommandLine {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** A subcommand: its help text, options and what it does. Returns the exit code. */
export interface CliCommand {
  readonly name: string;
  /** Usage lines and option descriptions shown by `--help`. */
  readonly help: string;
  readonly options: OptionsConfig;
  /** How many positional arguments it takes. */
  readonly positionals?: { readonly min: number; readonly max: number; readonly names: string };
  run(commandLine: ParsedCommandLine, io: CliIo): Promise<number>;
}

/** Parses a command's arguments strictly: an unknown flag is a usage error. */
export function parseCommandLine(command: CliCommand, args: readonly string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${message}${suggestOption(command, message)}\nRun \`credledger ${command.name} --help\` for usage.`);
  }
  const { min, max, names } = command.positionals ?? { min: 0, max: 0, names: '' };
  if (parsed.positionals.length < min) throw new UsageError(`credledger ${command.name} needs ${names}`);
  // Not echoed: a stray argument is often a value typed where it does not belong (`set openai <value>`).
  if (parsed.positionals.length > max) {
    const count = parsed.positionals.length - max;
    throw new UsageError(`${count} unexpected argument${count === 1 ? '' : 's'} after ${max === 0 ? 'the command' : names} (not shown, in case one is a secret); credledger ${command.name} takes ${max === 0 ? 'none' : names}\nRun \`credledger ${command.name} --help\` for usage.`);
  }
  return { values: parsed.values as ParsedCommandLine['values'], positionals: parsed.positionals };
}

/** "; did you mean `--dry-run`?" for node's "Unknown option '--dry-rn'", or nothing. */
function suggestOption(command: CliCommand, message: string): string {
  const unknown = /^Unknown option '(--[^'=]+)/.exec(message)?.[1];
  if (unknown === undefined) return '';
  return describeSuggestion(unknown, [...Object.keys(command.options).map((name) => `--${name}`), '--help']);
}

/** A string option's value, or the default. */
export function stringOption(commandLine: ParsedCommandLine, name: string, fallback: string): string;
export function stringOption(commandLine: ParsedCommandLine, name: string): string | undefined;
export function stringOption(commandLine: ParsedCommandLine, name: string, fallback?: string): string | undefined {
  const value = commandLine.values[name];
  return typeof value === 'string' ? value : fallback;
}

/** A repeatable string option's values. */
export function stringListOption(commandLine: ParsedCommandLine, name: string): string[] {
  const value = commandLine.values[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** A boolean flag. */
export function flagOption(commandLine: ParsedCommandLine, name: string): boolean {
  return commandLine.values[name] === true;
}

/** An option restricted to some words. */
export function choiceOption<T extends string>(commandLine: ParsedCommandLine, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOption(commandLine, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of: ${choices.join(', ')} (got ${value})`);
  return value as T;
}

/** `--now YYYY-MM-DD`, else today's UTC date from the clock. */
export function todayOption(commandLine: ParsedCommandLine, io: CliIo): CalendarDate {
  const value = stringOption(commandLine, 'now');
  if (value === undefined) return toCalendarDate(io.now());
  if (!isCalendarDate(value)) throw new UsageError(`--now must be a real date written YYYY-MM-DD (got ${value})`);
  return value;
}

/** The default output format: GitHub workflow commands inside Actions, text elsewhere. */
export function defaultDiagnosticsFormat(io: CliIo): 'github' | 'text' {
  return io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
}

export const FILE_OPTION = { file: { type: 'string', short: 'f' } } as const satisfies OptionsConfig;
export const NOW_OPTION = { now: { type: 'string' } } as const satisfies OptionsConfig;
/** `--key-file PATH`: the master keys, one per line. Never a key itself as a flag value (shell history). */
export const KEY_FILE_OPTION = { 'key-file': { type: 'string' } } as const satisfies OptionsConfig;
