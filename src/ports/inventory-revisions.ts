// The port through which use cases read the inventory at git revisions; src/adapters/git-repository.ts implements it.

/** What `plan` needs from version control: revisions, the default branch, and the file at a revision or in the working tree. */
export interface InventoryRevisions {
  /**
   * The repository path (posix, relative to the top level) of a file named relative to the working
   * directory or absolutely.
   * @throws UsageError when the file lies outside the repository.
   */
  locateFile(file: string): Promise<string>;
  /**
   * The commit sha a revision names (a branch, tag, sha, `HEAD~1` ...).
   * @throws ExternalError when it names no commit here, saying how to fetch it when the clone is shallow.
   */
  resolveCommit(revision: string): Promise<string>;
  /**
   * The default branch as a full ref (`refs/remotes/origin/main`): `origin/HEAD`, else `main`, else `master`.
   * @throws ExternalError when none exists.
   */
  defaultBranch(): Promise<string>;
  /**
   * The best common ancestor of two revisions.
   * @throws ExternalError when they have none here (often a shallow clone), saying what to fetch.
   */
  mergeBase(a: string, b: string): Promise<string>;
  /** The text of a file at a commit; undefined when the commit has no such file. */
  readFileAtRevision(revision: string, pathInRepository: string): Promise<string | undefined>;
  /** The text of a file in the working tree; undefined when it does not exist. */
  readWorkingTreeFile(pathInRepository: string): Promise<string | undefined>;
  /**
   * The path a file had at `base` when it was renamed on the way to `head` (the working tree when undefined), as
   * git's rename detection sees it; undefined when it was not renamed.
   */
  findRenamedFrom?(base: string, head: string | undefined, pathInRepository: string): Promise<string | undefined>;
}

/** What apply's branch guard needs of the checkout it runs from. */
export interface CheckoutBranches {
  /** As {@link InventoryRevisions.defaultBranch}. */
  defaultBranch(): Promise<string>;
  /** The checked-out branch's short name; undefined at a detached HEAD. */
  currentBranch(): Promise<string | undefined>;
  /** Whether `ancestor` is part of `descendant`'s history. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Whether a revision names a commit here. */
  hasCommit(revision: string): Promise<boolean>;
}

/**
 * Opens the checkout that contains `directory`.
 * @throws UsageError when it is not inside a working tree; ExternalError when version control cannot run.
 */
export type OpenCheckout = (directory: string) => Promise<CheckoutBranches>;

/** Revisions of a clone that may be shallow, which can fetch a commit it lacks (the Action's checkout). */
export interface FetchingInventoryRevisions extends InventoryRevisions {
  /** Fetches one commit from origin when it is not here; false when it could not be had. */
  fetchCommit(sha: string): Promise<boolean>;
}
