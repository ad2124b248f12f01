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
}
