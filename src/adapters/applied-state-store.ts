// The applied state on a git ref (default refs/credledger/applied): read, compare-and-swap after every operation, push with a lease.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { createGitProcess, REMOTE_GIT, selectGitEnvironment } from './git-process.js';
import {
  describeHeldLock,
  LOCK_LIFETIME_MS,
  lockHasLapsed,
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
import type { AppliedStateSnapshot, AppliedStateStore, AppliedStateStoreOptions } from '../ports/applied-state-store.js';
import { AppliedStateConflictError, ExternalError, UsageError } from '../ports/errors.js';

/** Where the git store keeps the state (the port's {@link AppliedStateStoreOptions}) and how git runs. */
export interface GitAppliedStateStoreOptions extends AppliedStateStoreOptions {
  /** The remote to share the ref through: default `origin` when the repository has one; null for none. */
  readonly remote?: string | null;
  /**
   * Environment for git; default process.env. Like simple-git's own guard, GIT_* variables are not
   * passed on, except GIT_CONFIG_NOSYSTEM and the TLS trust settings (GIT_SSL_CAINFO, GIT_SSL_CAPATH);
   * GIT_TERMINAL_PROMPT=0 keeps a push from waiting for a password nobody will type.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock for the locks a claim takes and for whether another run's has lapsed, in epoch ms; default Date.now. */
  readonly clock?: () => number;
  /** Who this process is, and whether another process of this machine still runs; default the real process. */
  readonly processProbe?: ProcessProbe;
}

/** This process as a lock names it, and a way to tell whether a lock's process still runs. */
export interface ProcessProbe {
  readonly host: string;
  readonly pid: number;
  /** Whether a process of this host with this pid runs (one that may not be signalled counts as running). */
  isRunning(pid: number): boolean;
}

/** The real process: its hostname and pid, and signal 0 to probe another. */
export const LOCAL_PROCESS: ProcessProbe = {
  host: hostname(),
  pid: process.pid,
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

/** The trailer of a claim commit that names the deployments the claiming apply will write. */
const CLAIM_TRAILER = 'Credledger-Claim';
/**
 * Whether a lock still holds: not lapsed, and not left by a process of this machine that no longer runs (an apply
 * killed with SIGKILL). Another run in this very process, or a process elsewhere, is taken to be alive.
 */
export function isLockLive(lock: ApplyLock, now: number = Date.now(), probe: ProcessProbe = LOCAL_PROCESS): boolean {
  if (lockHasLapsed(lock, now)) return false;
  if (lock.host !== probe.host || lock.pid === probe.pid) return true;
  return probe.isRunning(lock.pid);
}

/** How many times one push replays this run's progress onto other applies' before giving up. */
const MAX_REPLAYS = 5;

/** Identity of the state commits: machine-written, the same on every machine, needing no git configuration. */
const STATE_COMMIT_IDENTITY = ['user.name=credledger', 'user.email=credledger@users.noreply.invalid'];

/**
 * Opens the state store of the repository that contains `directory`.
 * @throws UsageError when the directory is not in a git repository or the ref name is not valid.
 */
export async function openGitAppliedStateStore(options: GitAppliedStateStoreOptions): Promise<AppliedStateStore> {
  const ref = options.ref ?? DEFAULT_STATE_REF;
  const env = selectGitEnvironment(options.env ?? process.env, REMOTE_GIT);
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
  return new GitAppliedStateStore(root, env, ref, remote, options.clock ?? Date.now, options.processProbe ?? LOCAL_PROCESS);
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
    private readonly clock: () => number,
    private readonly probe: ProcessProbe,
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
      const held = (scope ?? []).map((deployment) => [deployment, this.current.state.locks?.get(deployment)] as const).find(([, lock]) => lock !== undefined && isLockLive(lock, this.clock(), this.probe));
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
    const now = this.clock();
    return { run: this.run, host: this.probe.host, pid: this.probe.pid, since: new Date(now).toISOString(), until: new Date(now + LOCK_LIFETIME_MS).toISOString() };
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
  return createGitProcess({ baseDir, policy: REMOTE_GIT, env, config: STATE_COMMIT_IDENTITY, ...(stdin === undefined ? {} : { stdin }) });
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
