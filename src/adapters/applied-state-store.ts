// The applied state on a git ref (default refs/credledger/applied): read, compare-and-swap after every operation, push with a lease.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git';
import {
  APPLIED_STATE_FILE,
  DEFAULT_STATE_REF,
  deploymentsChangedBetween,
  EMPTY_APPLIED_STATE,
  parseAppliedState,
  serializeAppliedState,
  withDeploymentsFrom,
  withLocks,
  type AppliedState,
  type ApplyLock,
} from '../core/applied-state.js';
import { ExternalError, UsageError } from '../app/errors.js';

/** The state as read, and the commit it was read from. */
export interface AppliedStateSnapshot {
  readonly state: AppliedState;
  /** The ref's commit, or null when the ref does not exist yet. */
  readonly revision: string | null;
}

/** What apply needs from wherever the state is kept; the git store below is the real one. */
export interface AppliedStateStore {
  readonly ref: string;
  /** The remote the ref is shared through, or null. */
  readonly remote: string | null;
  /** Fetches the ref from the remote (when there is one) and reads it. */
  load(): Promise<AppliedStateSnapshot>;
  /** The commit the inventory is applied from (HEAD), or null in a repository without commits. */
  inventoryCommit(): Promise<string | null>;
  /** HEAD's committer time in Unix seconds (available in a shallow clone too), or null without commits. */
  inventoryCommitTime(): Promise<number | null>;
  /**
   * Whether `commit` is HEAD itself or a descendant of it (HEAD is its ancestor, `git merge-base --is-ancestor`);
   * undefined when the clone does not hold `commit` (a shallow checkout), so the caller falls back to another clue.
   */
  descendsFromInventoryCommit?(commit: string): Promise<boolean | undefined>;
  /** Whether the inventory file differs from HEAD's (uncommitted edits, which the recorded commit would not hold). */
  hasUncommittedChanges(file: string): Promise<boolean>;
  /**
   * Takes the ref before any write: a new commit on top of the loaded one, compare-and-swapped locally
   * and pushed with a lease, so of two applies that loaded the same state only one gets to write.
   * `scope` names the deployments this run will write (default: all of them). Another apply that moves
   * the ref meanwhile wins only if it claimed or recorded one of those deployments: the apply jobs of a
   * matrix over deployments each claim their own, and their commits are replayed onto one another.
   * @throws AppliedStateConflictError when another apply moved the ref for a deployment in scope.
   */
  claim(message: string, scope?: readonly string[]): Promise<void>;
  /**
   * Records a change as a new commit and moves the local ref with a compare-and-swap. Calls are
   * serialised in call order.
   * @throws AppliedStateConflictError when the ref moved under this run.
   */
  record(change: (state: AppliedState) => AppliedState, message: string): Promise<void>;
  /** Pushes the ref with a lease on what this run last saw on the remote; a no-op without a remote or when up to date. */
  publish(): Promise<void>;
  /** Releases the locks this run's claim took, and publishes. */
  release(message: string): Promise<void>;
  /** The ref's current commit as this run knows it. */
  revision(): string | null;
  /** Whether the remote holds {@link revision} (true without a remote). */
  published(): boolean;
}

/** Another apply moved the ref: this run stops rather than overwrite it. */
export class AppliedStateConflictError extends Error {
  override readonly name = 'AppliedStateConflictError';
  constructor(
    message: string,
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(message);
  }
}

export interface GitAppliedStateStoreOptions {
  /** A directory inside the repository, usually the inventory file's. */
  readonly directory: string;
  /** Default refs/credledger/applied. */
  readonly ref?: string;
  /** The remote to share the ref through: default `origin` when the repository has one; null for none. */
  readonly remote?: string | null;
  /**
   * Environment for git; default process.env. Like simple-git's own guard, GIT_* variables are not
   * passed on, except GIT_CONFIG_NOSYSTEM and the TLS trust settings (GIT_SSL_CAINFO, GIT_SSL_CAPATH);
   * GIT_TERMINAL_PROMPT=0 keeps a push from waiting for a password nobody will type.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The trailer of a claim commit that names the deployments the claiming apply will write. */
const CLAIM_TRAILER = 'Credledger-Claim';
/** How long a lock holds when its run neither finishes nor can be seen to have died (a runner lost mid-apply). */
const LOCK_LIFETIME_MS = 15 * 60_000;
/** How far ahead of this machine's clock another machine's lock may start and still be believed. */
const LOCK_CLOCK_SKEW_MS = 5 * 60_000;

/** What a held lock says about its run, for refusals and dry runs. */
export function describeHeldLock(deployment: string, lock: ApplyLock): string {
  return `${deployment} is being applied by another run (host ${lock.host}, pid ${lock.pid}, since ${lock.since}); its lock lapses at ${lock.until}`;
}

/**
 * Whether a lock still holds: not lapsed, and not left by a process of this machine that no longer runs (an apply
 * killed with SIGKILL). Another run in this very process, or a process elsewhere, is taken to be alive.
 */
export function isLockLive(lock: ApplyLock, now = Date.now()): boolean {
  const until = Date.parse(lock.until);
  const since = Date.parse(lock.since);
  // A time that does not parse, a lock taken in the future, or an `until` further than one lifetime after `since`
  // is not trusted: such a lock lapses one lifetime after it was taken (or at once), never "never".
  if (!Number.isFinite(until) || !Number.isFinite(since) || since > now + LOCK_CLOCK_SKEW_MS) return false;
  if (Math.min(until, since + LOCK_LIFETIME_MS) <= now) return false;
  if (lock.host !== hostname() || lock.pid === process.pid) return true;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How many times one push replays this run's progress onto other applies' before giving up. */
const MAX_REPLAYS = 5;

/** Identity of the state commits: machine-written, the same on every machine, needing no git configuration. */
const STATE_COMMIT_IDENTITY = ['user.name=credledger', 'user.email=credledger@users.noreply.invalid'];
const PASSED_GIT_VARIABLES = ['GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];
// Variables simple-git refuses when given explicitly (they can run programs); git never needs them here.
const WITHHELD_VARIABLES = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

/**
 * Opens the state store of the repository that contains `directory`.
 * @throws UsageError when the directory is not in a git repository or the ref name is not valid.
 */
export async function openGitAppliedStateStore(options: GitAppliedStateStoreOptions): Promise<AppliedStateStore> {
  const ref = options.ref ?? DEFAULT_STATE_REF;
  const env = gitEnvironment(options.env ?? process.env);
  const git = createGit(options.directory, env);
  let root: string;
  try {
    root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new UsageError(`apply keeps its applied state in the inventory's git repository, and ${path.resolve(options.directory)} is not in one`);
  }
  if (!ref.startsWith('refs/') || !(await isValidRefName(git, ref))) {
    throw new UsageError(`--state-ref must be a full ref name such as ${DEFAULT_STATE_REF} (got ${ref})`);
  }
  let remote = options.remote;
  if (remote === undefined) {
    const remotes = (await runGit(git, ['remote'], 'list remotes')).split('\n').map((line) => line.trim());
    remote = remotes.includes('origin') ? 'origin' : null;
  }
  return new GitAppliedStateStore(root, env, ref, remote);
}

class GitAppliedStateStore implements AppliedStateStore {
  private readonly git: SimpleGit;
  private current: AppliedStateSnapshot = { state: EMPTY_APPLIED_STATE, revision: null };
  /** What the remote held when this run last looked or pushed. */
  private remoteRevision: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** This run's id in the locks it takes. */
  private readonly run = randomBytes(6).toString('hex');
  private conflict: AppliedStateConflictError | undefined;
  /** The deployments this run claimed; undefined before a claim, or for a claim of everything. */
  private scope: ReadonlySet<string> | undefined;

  constructor(
    private readonly root: string,
    private readonly env: Record<string, string>,
    readonly ref: string,
    readonly remote: string | null,
  ) {
    this.git = createGit(root, env);
  }

  load(): Promise<AppliedStateSnapshot> {
    return this.serialise(async () => {
      if (this.remote !== null) {
        this.remoteRevision = await this.readRemoteRevision();
        if (this.remoteRevision !== null) {
          // Custom refs are not fetched by default; `+` because the remote's state is the one that counts.
          await runGit(this.git, ['fetch', '--no-tags', '--quiet', this.remote, `+${this.ref}:${this.ref}`], `fetch ${this.ref} from ${this.remote}`);
        }
      }
      const revision = await this.readLocalRevision();
      const state = revision === null ? EMPTY_APPLIED_STATE : await this.readState(revision);
      this.current = { state, revision };
      return this.current;
    });
  }

  async inventoryCommit(): Promise<string | null> {
    try {
      return (await this.git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim() || null;
    } catch {
      return null;
    }
  }

  async inventoryCommitTime(): Promise<number | null> {
    try {
      const seconds = Number((await this.git.raw(['log', '-1', '--format=%ct', 'HEAD'])).trim());
      return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
    } catch {
      return null;
    }
  }

  async descendsFromInventoryCommit(commit: string): Promise<boolean | undefined> {
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    try {
      const known = (await this.git.raw(['cat-file', '-t', commit]).catch(() => '')).trim() === 'commit';
      if (!known) return undefined;
      // The merge base of HEAD and the commit is HEAD exactly when HEAD is an ancestor of it (or it is HEAD).
      const head = (await this.git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
      const base = (await this.git.raw(['merge-base', head, commit])).trim();
      return base === head;
    } catch {
      return undefined;
    }
  }

  async hasUncommittedChanges(file: string): Promise<boolean> {
    try {
      return (await this.git.raw(['status', '--porcelain', '--', path.resolve(file)])).trim() !== '';
    } catch {
      return false;
    }
  }

  claim(message: string, scope?: readonly string[]): Promise<void> {
    return this.serialise(async () => {
      this.scope = scope === undefined ? undefined : new Set(scope);
      const held = (scope ?? []).map((deployment) => [deployment, this.current.state.locks?.get(deployment)] as const).find(([, lock]) => lock !== undefined && isLockLive(lock));
      if (held !== undefined) {
        const [deployment, lock] = held as [string, ApplyLock];
        this.conflict = new AppliedStateConflictError(
          `${describeHeldLock(deployment, lock)}: apply again once it has finished`,
          this.current.revision,
          this.current.revision,
        );
        throw this.conflict;
      }
      // Two claims of the same state, from the same commit, in the same second would otherwise be one
      // identical commit, which git pushes a second time as "up to date": both runs would win.
      const trailer = scope === undefined ? '' : `\n${CLAIM_TRAILER}: ${[...scope].sort().join(',')}`;
      const locked = scope === undefined ? this.current.state : withLocks(this.current.state, scope, this.newLock());
      await this.commitAndSwap(locked, `${message}\n\nclaim ${randomBytes(8).toString('hex')}${trailer}`);
      await this.push();
    });
  }

  release(message: string): Promise<void> {
    return this.serialise(async () => {
      if (this.scope !== undefined && [...this.scope].some((deployment) => this.current.state.locks?.get(deployment)?.run === this.run)) {
        await this.commitAndSwap(withLocks(this.current.state, [...this.scope], undefined), message);
      }
      await this.push();
    });
  }

  private newLock(): ApplyLock {
    const now = Date.now();
    return { run: this.run, host: hostname(), pid: process.pid, since: new Date(now).toISOString(), until: new Date(now + LOCK_LIFETIME_MS).toISOString() };
  }

  record(change: (state: AppliedState) => AppliedState, message: string): Promise<void> {
    return this.serialise(() => this.commitAndSwap(change(this.current.state), message));
  }

  publish(): Promise<void> {
    return this.serialise(() => this.push());
  }

  revision(): string | null {
    return this.current.revision;
  }

  published(): boolean {
    return this.remote === null || this.remoteRevision === this.current.revision;
  }

  /** Runs state changes one at a time, in call order; after a conflict every later change fails with it. */
  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.conflict !== undefined) throw this.conflict;
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes a commit whose tree holds the state as applied.json, without touching any ref. */
  private async writeStateCommit(state: AppliedState, parent: string | null, message: string): Promise<string> {
    const blob = (await runGit(createGit(this.root, this.env, serializeAppliedState(state)), ['hash-object', '-w', '--stdin'], 'store applied.json')).trim();
    const tree = (await runGit(createGit(this.root, this.env, `100644 blob ${blob}\t${APPLIED_STATE_FILE}\n`), ['mktree'], 'store the state tree')).trim();
    return (await runGit(this.git, ['commit-tree', tree, ...(parent === null ? [] : ['-p', parent]), '-m', message], 'commit the applied state')).trim();
  }

  private async commitAndSwap(state: AppliedState, message: string): Promise<void> {
    const parent = this.current.revision;
    const commit = await this.writeStateCommit(state, parent, message);
    try {
      // The old value makes this a compare-and-swap: it fails when anyone else moved the ref since.
      await this.git.raw(['update-ref', '-m', message, this.ref, commit, parent ?? '']);
    } catch (error) {
      const actual = await this.readLocalRevision();
      if (actual !== parent && actual !== null && (await this.othersLeftScopeAlone(actual, parent))) {
        // Another local apply wrote other deployments: replay this change onto its state and try again.
        this.current = { state: withDeploymentsFrom(await this.readState(actual), this.current.state, this.scope ?? new Set()), revision: actual };
        const replayed = this.scope === undefined ? state : withDeploymentsFrom(this.current.state, state, this.scope);
        return this.commitAndSwap(replayed, message);
      }
      if (actual !== parent) {
        this.conflict = new AppliedStateConflictError(
          `${this.ref} moved from ${short(parent)} to ${short(actual)} while this apply ran: another apply is writing the same state; this run stopped (apply again once it has finished)`,
          parent,
          actual,
        );
        throw this.conflict;
      }
      throw new ExternalError(`cannot update ${this.ref}: ${gitMessage(error)}`, { cause: error });
    }
    this.current = { state, revision: commit };
  }

  private async push(attempt = 1): Promise<void> {
    if (this.remote === null || this.current.revision === this.remoteRevision || this.current.revision === null) return;
    const lease = `--force-with-lease=${this.ref}:${this.remoteRevision ?? ''}`;
    try {
      await this.git.raw(['push', '--quiet', '--no-verify', lease, this.remote, `${this.current.revision}:${this.ref}`]);
    } catch (error) {
      const message = gitMessage(error);
      // Only a ref that really moved is another apply; a hook or a branch rule refusing the push is not.
      const theirs = /stale info|\(fetch first\)|non-fast-forward|rejected/i.test(message) ? await this.readRemoteRevision().catch(() => this.remoteRevision) : this.remoteRevision;
      if (theirs !== this.remoteRevision) {
        if (theirs !== null && attempt <= MAX_REPLAYS && (await this.replayOntoRemote(theirs))) return this.push(attempt + 1);
        this.conflict = new AppliedStateConflictError(
          `${this.ref} on ${this.remote} moved from ${short(this.remoteRevision)} to ${short(theirs)}: another apply recorded its state first; this run stopped (apply again to reconcile)`,
          this.remoteRevision,
          theirs,
        );
        throw this.conflict;
      }
      throw new ExternalError(`cannot push ${this.ref} to ${this.remote}: ${message}`, { cause: error });
    }
    this.remoteRevision = this.current.revision;
  }

  /**
   * Whether every commit that `theirs` has and this run's base does not came from applies to other
   * deployments: claims that name none of ours, and records that change none of ours.
   */
  private async othersLeftScopeAlone(theirs: string, base: string | null): Promise<boolean> {
    if (this.scope === undefined) return false;
    const range = base === null ? [theirs] : [theirs, '--not', base];
    const commits = (await runGit(this.git, ['rev-list', '--reverse', ...range], 'list the commits of other applies')).split('\n').filter(Boolean);
    for (const commit of commits) {
      const body = await runGit(this.git, ['log', '-1', '--format=%B', commit], 'read a state commit');
      const claim = new RegExp(`^${CLAIM_TRAILER}: (.*)$`, 'm').exec(body);
      if (/^claim [0-9a-f]{16}$/m.test(body) && claim === null) return false; // a claim of everything
      const claimed = claim?.[1]?.split(',').filter(Boolean) ?? [];
      if (claimed.some((deployment) => this.scope?.has(deployment))) return false;
      const parent = (await runGit(this.git, ['rev-list', '--parents', '-n', '1', commit], 'read a state commit')).trim().split(' ')[1];
      const before = parent === undefined ? EMPTY_APPLIED_STATE : await this.readState(parent);
      const changed = deploymentsChangedBetween(before, await this.readState(commit));
      if ([...changed].some((deployment) => this.scope?.has(deployment))) return false;
    }
    return true;
  }

  /**
   * After a refused push: fetches what the remote now holds and, when only other deployments moved, replays
   * this run's deployments onto it as one new commit. Returns false when the runs really collide.
   */
  private async replayOntoRemote(theirs: string): Promise<boolean> {
    const remote = this.remote as string;
    await runGit(this.git, ['fetch', '--no-tags', '--quiet', remote, this.ref], `fetch ${this.ref} from ${remote}`);
    if (!(await this.othersLeftScopeAlone(theirs, this.remoteRevision))) return false;
    const merged = withDeploymentsFrom(await this.readState(theirs), this.current.state, this.scope ?? new Set());
    const scope = [...(this.scope ?? [])].sort().join(',');
    const commit = await this.writeStateCommit(merged, theirs, `credledger apply: ${scope} replayed onto ${short(theirs)}\n\nclaim ${randomBytes(8).toString('hex')}\n${CLAIM_TRAILER}: ${scope}`);
    await runGit(this.git, ['update-ref', '-m', 'credledger apply: replay', this.ref, commit, this.current.revision ?? ''], `update ${this.ref}`);
    this.current = { state: merged, revision: commit };
    this.remoteRevision = theirs;
    return true;
  }

  private async readRemoteRevision(): Promise<string | null> {
    const remote = this.remote as string;
    const listing = await runGit(this.git, ['ls-remote', remote, this.ref], `read ${this.ref} on ${remote}`);
    for (const line of listing.split('\n')) {
      const [sha, name] = line.trim().split(/\s+/);
      if (name === this.ref && sha !== undefined) return sha;
    }
    return null;
  }

  private async readLocalRevision(): Promise<string | null> {
    const listing = await runGit(this.git, ['for-each-ref', '--format=%(objectname)', this.ref], `read ${this.ref}`);
    return listing.trim() || null;
  }

  private async readState(revision: string): Promise<AppliedState> {
    const text = await runGit(this.git, ['cat-file', 'blob', `${revision}:${APPLIED_STATE_FILE}`], `read ${APPLIED_STATE_FILE} at ${short(revision)}`);
    try {
      return parseAppliedState(text);
    } catch (error) {
      throw new ExternalError(`${this.ref} (${short(revision)}): ${(error as Error).message}`, { cause: error });
    }
  }
}

function createGit(baseDir: string, env: Record<string, string>, stdin?: string): SimpleGit {
  const options: Partial<SimpleGitOptions> = {
    baseDir,
    config: STATE_COMMIT_IDENTITY,
    allowEnvironment: PASSED_GIT_VARIABLES,
    ...(stdin === undefined ? {} : { input: () => stdin }),
  };
  return simpleGit(options).env(env);
}

/** The environment git runs with: see {@link GitAppliedStateStoreOptions.env}. */
function gitEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const passed = new Set(PASSED_GIT_VARIABLES.map((name) => name.toLowerCase()));
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value === undefined || WITHHELD_VARIABLES.has(lower) || (lower.startsWith('git_') && !passed.has(lower))) continue;
    result[name] = value;
  }
  result.GIT_TERMINAL_PROMPT = '0';
  return result;
}

async function isValidRefName(git: SimpleGit, ref: string): Promise<boolean> {
  // simple-git resolves a failing command that wrote nothing to stderr, so the printed name is the verdict.
  try {
    return (await git.raw(['check-ref-format', '--normalize', ref])).trim() === ref;
  } catch {
    return false;
  }
}

async function runGit(git: SimpleGit, args: string[], what: string): Promise<string> {
  try {
    return await git.raw(args);
  } catch (error) {
    throw new ExternalError(`git could not ${what}: ${gitMessage(error)}`, { cause: error });
  }
}

function gitMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n').slice(0, 6).join(' / ');
}

function short(sha: string | null): string {
  return sha === null ? 'nothing' : sha.slice(0, 12);
}
