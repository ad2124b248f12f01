// The action's inputs and the runner's variables, each read once into a typed settings object: nothing below this
// module calls core.getInput or reads process.env.
import * as core from '@actions/core';
import { DEFAULT_INVENTORY_FILE } from '../app/inventory-file.js';
import { isCalendarDate } from '../core/dates.js';
import { parseHoursDuration } from '../core/rotation-state.js';
import { DEFAULT_ISSUE_LABEL } from '../core/rotation-issues.js';
import { UsageError } from '../ports/errors.js';
import { keyEntriesOf } from '../crypto/key-text.js';

export const ACTION_COMMANDS = ['auto', 'validate', 'status', 'plan', 'apply', 'remind', 'audit', 'rotate'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

export interface ActionSettings {
  readonly command: ActionCommand;
  readonly file: string;
  readonly githubToken: string;
  /** Fernet key ring text (from a secret); empty when not given. Never used on pull requests. */
  readonly key: string;
  /** Restrict apply (and the `deployments` output) to these deployments; empty for all. */
  readonly deployments: readonly string[];
  readonly dryRun: boolean;
  /** status: `overdue` / `due-soon`; audit: `untracked` / `any`; `never` for neither. */
  readonly failOn: 'overdue' | 'due-soon' | 'untracked' | 'any' | 'never';
  readonly label: string;
  readonly now: string;
  /** apply `--all`: push every value whatever the applied state says. */
  readonly all: boolean;
  /** apply `--rehydrate D`: push again every value D holds in its database (after a SESSION_SECRET rotation); empty for none. */
  readonly rehydrate: string;
  /** apply `--allow-rollback`. */
  readonly allowRollback: boolean;
  /** apply `--allow-non-default-branch`: also run apply from a ref other than the default branch. */
  readonly allowNonDefaultBranch: boolean;
  /** apply and audit `--allow-insecure-http`. */
  readonly allowInsecureHttp: boolean;
  /** apply `--concurrency N`; undefined for the default. */
  readonly concurrency: number | undefined;
  /** apply `--state-ref REF`; empty for the default. */
  readonly stateRef: string;
  /** The GitHub environment the job runs in (`environment:`), whose protection rules apply checks; empty to skip. */
  readonly environment: string;
  /** rotate `--quiet-period D` in milliseconds; undefined for the default (24 h). */
  readonly quietPeriodMs: number | undefined;
  /** rotate `--pending-ttl D` in milliseconds; undefined for the default (7 d). */
  readonly pendingTtlMs: number | undefined;
}

function readBoolean(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UsageError(`input \`${name}\` must be true or false (got ${value})`);
}

function readDuration(name: string): number | undefined {
  const text = core.getInput(name).trim();
  if (text === '') return undefined;
  const ms = parseHoursDuration(text);
  if (ms === undefined) throw new UsageError(`input \`${name}\` must be a duration such as 24h, 90m or 7d (got ${text})`);
  return ms;
}

/** Reads and checks every input. Throws with the input's name when one is wrong. */
export function readActionSettings(): ActionSettings {
  const command = (core.getInput('command') || 'auto').toLowerCase();
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) throw new UsageError(`input \`command\` must be one of: ${ACTION_COMMANDS.join(', ')} (got ${command})`);
  const failOn = core.getInput('fail-on') || 'never';
  if (!['overdue', 'due-soon', 'untracked', 'any', 'never'].includes(failOn)) {
    throw new UsageError(`input \`fail-on\` must be overdue or due-soon (status), untracked or any (audit), or never (got ${failOn})`);
  }
  const now = core.getInput('now');
  if (now !== '' && !isCalendarDate(now)) throw new UsageError(`input \`now\` must be a real date written YYYY-MM-DD (got ${now})`);
  const concurrencyText = core.getInput('concurrency').trim();
  if (concurrencyText !== '' && !/^[1-9]\d*$/.test(concurrencyText)) throw new UsageError(`input \`concurrency\` must be a whole number of at least 1 (got ${concurrencyText})`);
  const key = core.getInput('key');
  // Mask the key before anything else can print it, each entry of it too; a key file's comments are no secrets.
  for (const part of keyEntriesOf(key).flatMap((entry) => entry.split(/\s+/))) {
    if (part === '') continue;
    core.setSecret(part);
    // A sealing key `sealing-key:<recipient>:<key>`: its key part alone is secret too.
    if (part.startsWith('sealing-key:')) core.setSecret(part.slice(part.lastIndexOf(':') + 1));
  }
  return {
    command: command as ActionCommand,
    file: core.getInput('file') || DEFAULT_INVENTORY_FILE,
    githubToken: core.getInput('github-token'),
    key,
    deployments: core
      .getInput('deployment')
      .split(/[\s,]+/)
      .filter((name) => name !== ''),
    dryRun: readBoolean('dry-run'),
    failOn: failOn as ActionSettings['failOn'],
    label: core.getInput('label') || DEFAULT_ISSUE_LABEL,
    now,
    all: readBoolean('all'),
    rehydrate: core.getInput('rehydrate').trim(),
    allowRollback: readBoolean('allow-rollback'),
    allowNonDefaultBranch: readBoolean('allow-non-default-branch'),
    allowInsecureHttp: readBoolean('allow-insecure-http'),
    concurrency: concurrencyText === '' ? undefined : Number(concurrencyText),
    stateRef: core.getInput('state-ref').trim(),
    environment: core.getInput('environment').trim(),
    quietPeriodMs: readDuration('quiet-period'),
    pendingTtlMs: readDuration('pending-ttl'),
  };
}

/** What the runner tells the job through its environment. */
export interface RunnerSettings {
  /** The whole environment: the deployments' auth variables are read from it, and git runs with it. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The checkout (the working directory the runner starts the action in). */
  readonly workspace: string;
  /** GITHUB_API_URL, default https://api.github.com. */
  readonly apiUrl: string;
  /** GITHUB_SERVER_URL, default https://github.com, for links to files. */
  readonly serverUrl: string;
  /** GITHUB_REPOSITORY (`owner/name`), when set. */
  readonly repository: string | undefined;
  /** GITHUB_SHA, or empty. */
  readonly sha: string;
  /** RUNNER_TEMP, else the workspace: where the plan file is written. */
  readonly tempDirectory: string;
}

/** Reads the runner's variables once. */
export function readRunnerSettings(env: Readonly<Record<string, string | undefined>>, workspace: string): RunnerSettings {
  return {
    env,
    workspace,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    repository: env.GITHUB_REPOSITORY,
    sha: env.GITHUB_SHA || '',
    tempDirectory: env.RUNNER_TEMP || workspace,
  };
}
