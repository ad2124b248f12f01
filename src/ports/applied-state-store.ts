// The port through which apply and audit read and write the applied state; src/adapters/applied-state-store.ts implements it.
import type { AppliedState } from '../core/applied-state.js';

/** The state as read, and the commit it was read from. */
export interface AppliedStateSnapshot {
  readonly state: AppliedState;
  /** The ref's commit, or null when the ref does not exist yet. */
  readonly revision: string | null;
}

/** What apply needs from wherever the state is kept; the git store (src/adapters/applied-state-store.ts) is the real one. */
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

/** Where a store is opened: the inventory's repository, and the ref the state is kept on. */
export interface AppliedStateStoreOptions {
  /** A directory inside the repository, usually the inventory file's. */
  readonly directory: string;
  /** Default refs/credledger/applied. */
  readonly ref?: string;
}

/**
 * Opens the store of the repository that contains `directory`.
 * @throws UsageError when the directory is not in a repository or the ref name is not valid.
 */
export type OpenAppliedStateStore = (options: AppliedStateStoreOptions) => Promise<AppliedStateStore>;
