// A throwaway git repository that commits, branches and merges with its own fixed identity and a given environment.
import { mkdir } from 'node:fs/promises';
import type { SimpleGit } from 'simple-git';
import { ExternalError } from '../ports/errors.js';
import type { ScratchRepository } from '../ports/scratch-repository.js';
import { createGitProcess, gitFailure, LOCAL_GIT } from './git-process.js';

export interface ScratchRepositoryOptions {
  /** Where the repository is created (made when missing). */
  readonly directory: string;
  /** The initial branch. */
  readonly branch: string;
  /**
   * The whole environment git runs with. Pass a HOME of its own and GIT_CONFIG_NOSYSTEM=1, so no
   * user or system configuration (hooks, signing, templates) plays a part. Other GIT_* variables
   * are left out.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Author and committer; by default `credledger demo`. */
  readonly identity?: { readonly name: string; readonly email: string };
}

/**
 * Creates an empty repository with its identity and `commit.gpgsign=false` given on every command
 * line (`-c`), so it commits the same way on every machine, whatever the user's git config says.
 * @throws ExternalError when git cannot run or the directory cannot be made.
 */
export async function createScratchRepository(options: ScratchRepositoryOptions): Promise<ScratchRepository> {
  const identity = options.identity ?? { name: 'credledger demo', email: 'demo@credledger.invalid' };
  try {
    await mkdir(options.directory, { recursive: true });
  } catch (error) {
    throw new ExternalError(`cannot create ${options.directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const git = createGitProcess({
    baseDir: options.directory,
    policy: LOCAL_GIT,
    env: options.env,
    config: [`user.name=${identity.name}`, `user.email=${identity.email}`, 'commit.gpgsign=false', 'core.autocrlf=false'],
  });
  await run(git, ['init', '--quiet', '--initial-branch', options.branch]);
  return {
    directory: options.directory,
    async commitAll(message) {
      await run(git, ['add', '--all']);
      await run(git, ['commit', '--quiet', '--no-verify', '--message', message]);
      return (await run(git, ['rev-parse', 'HEAD'])).trim();
    },
    async createBranch(name) {
      await run(git, ['switch', '--quiet', '--create', name]);
    },
    async switchBranch(name) {
      await run(git, ['switch', '--quiet', name]);
    },
    async mergeFastForward(name) {
      await run(git, ['merge', '--quiet', '--ff-only', name]);
    },
  };
}

async function run(git: SimpleGit, args: readonly string[]): Promise<string> {
  try {
    return await git.raw([...args]);
  } catch (error) {
    throw gitFailure(args, error);
  }
}
