// The one way credledger starts git: simple-git with a named environment policy, fixed `-c` settings, and failures
// mapped to ExternalError. Every git adapter (revisions, the applied-state ref, the demo's scratch repository) uses it.
import { simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git';
import { ExternalError } from '../ports/errors.js';

/**
 * Which variables git gets. simple-git strips GIT_* variables from what it passes on unless they are allowed, and
 * refuses outright the ones that can make git run a program (EDITOR, PAGER, ...): those are never passed.
 */
export interface GitEnvironmentPolicy {
  /** GIT_* variables passed on from the given environment. */
  readonly passed: readonly string[];
  /** GIT_* variables passed on when git inherits this process's environment (no environment given). */
  readonly inherited: readonly string[];
  /** Set GIT_TERMINAL_PROMPT=0, so a fetch or push never waits for a password nobody will type. */
  readonly noPrompt: boolean;
}

/** Local work (reading revisions, committing in a scratch repository): only which config files git reads. */
export const LOCAL_GIT: GitEnvironmentPolicy = { passed: ['GIT_CONFIG_NOSYSTEM'], inherited: ['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'], noPrompt: false };

/** Sharing a ref with a remote: also the TLS trust settings, and never a prompt. */
export const REMOTE_GIT: GitEnvironmentPolicy = {
  passed: ['GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'],
  inherited: ['GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'],
  noPrompt: true,
};

// Variables simple-git refuses when given explicitly (they can run programs); git never needs them here.
const WITHHELD_VARIABLES = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

export interface GitProcessOptions {
  readonly baseDir: string;
  readonly policy: GitEnvironmentPolicy;
  /** The whole environment git runs with; undefined to inherit this process's (filtered by the policy). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** `-c name=value` settings given on every command line (an identity, `commit.gpgsign=false`). */
  readonly config?: readonly string[];
  /** Text written to git's stdin. */
  readonly stdin?: string;
}

/** The variables of an explicitly given environment that git gets under `policy`. */
export function selectGitEnvironment(env: Readonly<Record<string, string | undefined>>, policy: GitEnvironmentPolicy): Record<string, string> {
  const passed = new Set(policy.passed.map((name) => name.toLowerCase()));
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value === undefined || WITHHELD_VARIABLES.has(lower) || (lower.startsWith('git_') && !passed.has(lower))) continue;
    result[name] = value;
  }
  if (policy.noPrompt) result.GIT_TERMINAL_PROMPT = '0';
  return result;
}

/** A simple-git instance for one directory under a policy. */
export function createGitProcess(options: GitProcessOptions): SimpleGit {
  const settings: Partial<SimpleGitOptions> = {
    baseDir: options.baseDir,
    allowEnvironment: [...(options.env === undefined ? options.policy.inherited : options.policy.passed)],
    ...(options.config === undefined ? {} : { config: [...options.config] }),
    ...(options.stdin === undefined ? {} : { input: () => options.stdin as string }),
  };
  const git = simpleGit(settings);
  return options.env === undefined ? git : git.env(selectGitEnvironment(options.env, options.policy));
}

/** git's message without its `fatal: ` prefix, first line only. */
export function firstGitLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') ?? '';
}

/**
 * A git failure as an ExternalError: git missing from PATH said so, anything else as `git <command> failed: <first
 * line>` with the whole message as detail.
 */
export function gitFailure(args: readonly string[], error: unknown): ExternalError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT/.test(message) && /spawn/.test(message)) return new ExternalError('git is not installed or not on PATH', { cause: error });
  return new ExternalError(`git ${args[0] ?? ''} failed: ${firstGitLine(message)}`, { detail: message, cause: error });
}
