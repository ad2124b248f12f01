// The port through which the demo plays reviewer and merge button; src/adapters/git-scratch-repository.ts implements it.

/** A throwaway repository that commits, branches and merges as a reviewer and a merge button would. */
export interface ScratchRepository {
  readonly directory: string;
  /** Stages every change and commits it; returns the new commit's sha. */
  commitAll(message: string): Promise<string>;
  /** Creates a branch at HEAD and switches to it. */
  createBranch(name: string): Promise<void>;
  switchBranch(name: string): Promise<void>;
  /** Merges a branch into the current one, refusing anything but a fast-forward. */
  mergeFastForward(name: string): Promise<void>;
}
