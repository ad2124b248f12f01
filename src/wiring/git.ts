// Composition root, git side: the real adapters behind the inventory-revisions, checkout and applied-state ports.
import { openGitAppliedStateStore } from '../adapters/applied-state-store.js';
import { openGitRepository } from '../adapters/git-repository.js';
import { createScratchRepository, type ScratchRepositoryOptions } from '../adapters/git-scratch-repository.js';
import type { OpenAppliedStateStore } from '../ports/applied-state-store.js';
import type { FetchingInventoryRevisions, OpenCheckout } from '../ports/inventory-revisions.js';
import type { ScratchRepository } from '../ports/scratch-repository.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** The git repository containing `directory`, read with `env` (default process.env). */
export function openInventoryRevisions(directory: string, env?: Environment): Promise<FetchingInventoryRevisions> {
  return openGitRepository(directory, env === undefined ? {} : { env });
}

/** Opens the git checkout for apply's branch guard, git running with `env`. */
export function gitCheckout(env: Environment): OpenCheckout {
  return (directory) => openGitRepository(directory, { env });
}

/** Opens the applied state on a git ref of the inventory's repository, shared through origin when it has one. */
export function gitStateStore(env: Environment): OpenAppliedStateStore {
  return (options) => openGitAppliedStateStore({ ...options, env });
}

/** A throwaway git repository for the demo (see {@link createScratchRepository} for the environment it needs). */
export function createGitScratchRepository(options: ScratchRepositoryOptions): Promise<ScratchRepository> {
  return createScratchRepository(options);
}
