// Reads files at git revisions and in the working tree through simple-git, with errors that say what to fetch.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { GitError, type SimpleGit } from 'simple-git';
import { createGitProcess, gitFailure, LOCAL_GIT } from './git-process.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import { shortRefName } from '../core/git-refs.js';
import type { CheckoutBranches, FetchingInventoryRevisions } from '../ports/inventory-revisions.js';

/** Where the default branch is looked for, in order. `origin/HEAD` is what `git clone` records. */
const DEFAULT_BRANCH_CANDIDATES = ['refs/remotes/origin/HEAD', 'refs/heads/main', 'refs/heads/master', 'refs/remotes/origin/main', 'refs/remotes/origin/master'] as const;

/** How to open a repository. */
export interface GitRepositoryOptions {
  /**
   * The whole environment git runs with; default this process's. Of its GIT_* variables only
   * GIT_CONFIG_NOSYSTEM is passed on. `credledger demo` passes a sterile one (its own HOME).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const SHA_PATTERN = /^[0-9a-f]{7,64}$/i;

function rejectOption(revision: string): void {
  if (revision.startsWith('-')) throw new UsageError(`\`${revision}\` is not a revision`);
}

/** A git working tree, opened at its top level. Implements the {@link FetchingInventoryRevisions} and {@link CheckoutBranches} ports. */
export class GitRepository implements FetchingInventoryRevisions, CheckoutBranches {
  private constructor(
    /** The top level of the working tree (as git reports it, symlinks resolved). */
    readonly root: string,
    /** Where the directory it was opened from sits in the tree: `''` or `sub/dir/`. */
    private readonly prefix: string,
    private readonly git: SimpleGit,
  ) {}

  /**
   * Opens the repository containing `directory`.
   * @throws UsageError when it is not inside a git working tree; ExternalError when git cannot run.
   */
  static async open(directory: string, options: GitRepositoryOptions = {}): Promise<GitRepository> {
    const createGit = (baseDir: string): SimpleGit => createGitProcess({ baseDir, policy: LOCAL_GIT, env: options.env });
    const git = createGit(directory);
    let lines: string[];
    try {
      lines = (await git.raw(['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/not a git repository|must be run in a work tree/i.test(message)) {
        throw new UsageError(`${directory} is not inside a git working tree: plan compares revisions, so run it in a clone`);
      }
      throw gitFailure(['rev-parse'], error);
    }
    const [root = '', prefix = ''] = lines;
    return new GitRepository(root, prefix, createGit(root));
  }

  private async run(args: readonly string[]): Promise<string> {
    try {
      return await this.git.raw([...args]);
    } catch (error) {
      throw gitFailure(args, error);
    }
  }

  /** Runs a command whose failure means "no"; simple-git resolves with '' when git exits non-zero without output. */
  private async succeeds(args: readonly string[]): Promise<string | undefined> {
    try {
      const output = (await this.git.raw([...args])).trim();
      return output === '' ? undefined : output;
    } catch (error) {
      if (error instanceof GitError) return undefined;
      throw gitFailure(args, error);
    }
  }

  async locateFile(file: string): Promise<string> {
    let inRepository: string;
    if (path.isAbsolute(file)) {
      // Compare real paths: the top level git reports has its symlinks resolved.
      const directory = await realpath(path.dirname(file)).catch(() => path.dirname(file));
      inRepository = path.relative(this.root, path.join(directory, path.basename(file))).split(path.sep).join('/');
    } else {
      inRepository = path.posix.normalize(`${this.prefix}${file.split(path.sep).join('/')}`);
    }
    if (inRepository === '' || inRepository === '.' || inRepository.startsWith('../') || inRepository === '..' || path.isAbsolute(inRepository)) {
      throw new UsageError(`${file} is not a file inside the repository at ${this.root}`);
    }
    return inRepository;
  }

  /** Whether the clone has truncated history (`actions/checkout` fetches one commit by default). */
  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** Whether a commit is present in this clone (a shallow clone may lack the base). */
  async hasCommit(revision: string): Promise<boolean> {
    rejectOption(revision);
    return (await this.succeeds(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])) !== undefined;
  }

  /**
   * Fetches one commit from `origin` into a shallow clone (the pull request's base, which `actions/checkout`
   * leaves out by default). Returns whether the commit is present afterwards; a clone without `origin` says no.
   */
  async fetchCommit(sha: string): Promise<boolean> {
    if (!SHA_PATTERN.test(sha)) throw new UsageError(`not a commit id: ${sha}`);
    if (await this.hasCommit(sha)) return true;
    if ((await this.succeeds(['remote', 'get-url', 'origin'])) === undefined) return false;
    await this.succeeds(['fetch', '--no-tags', '--depth=1', 'origin', sha]);
    return this.hasCommit(sha);
  }

  async resolveCommit(revision: string): Promise<string> {
    rejectOption(revision);
    const sha = await this.succeeds(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    if (sha !== undefined) return sha;
    const shallow = await this.isShallow();
    // A revision the user named that is not here is a usage mistake (exit 64), not a failure of git.
    if (SHA_PATTERN.test(revision)) {
      throw new UsageError(
        `commit ${revision} is not in this clone${shallow ? ' (a shallow clone)' : ''}: fetch it with \`git fetch --no-tags --depth=1 origin ${revision}\`, or check out with \`fetch-depth: 0\` (actions/checkout)`,
      );
    }
    throw new UsageError(
      `unknown revision \`${revision}\`${shallow ? ' in this shallow clone: check out with `fetch-depth: 0` (actions/checkout), or fetch it (`git fetch origin <branch>`)' : ''}`,
    );
  }

  async defaultBranch(): Promise<string> {
    for (const ref of DEFAULT_BRANCH_CANDIDATES) {
      if ((await this.succeeds(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) === undefined) continue;
      if (ref !== 'refs/remotes/origin/HEAD') return ref;
      // origin/HEAD is symbolic: name the branch it points at.
      return (await this.succeeds(['symbolic-ref', '--quiet', ref])) ?? ref;
    }
    throw new ExternalError(
      'cannot find the default branch (origin/HEAD, main, master, origin/main or origin/master): pass --base, fetch the branch (`git fetch origin main`), or record it (`git remote set-head origin --auto`)',
    );
  }

  /** The branch HEAD is on (`main`), or undefined when HEAD is detached. */
  async currentBranch(): Promise<string | undefined> {
    return this.succeeds(['symbolic-ref', '--quiet', '--short', 'HEAD']);
  }

  /** Whether commit `ancestor` is `descendant` or one of its ancestors; false when either is missing. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    rejectOption(ancestor);
    rejectOption(descendant);
    const [first, second] = [await this.succeeds(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ancestor}^{commit}`]), await this.succeeds(['rev-parse', '--verify', '--quiet', '--end-of-options', `${descendant}^{commit}`])];
    if (first === undefined || second === undefined) return false;
    // `merge-base --is-ancestor` answers by exit code alone, which simple-git does not pass on: compare the merge base.
    return (await this.succeeds(['merge-base', first, second])) === first;
  }

  async mergeBase(a: string, b: string): Promise<string> {
    const [first, second] = [await this.resolveCommit(a), await this.resolveCommit(b)];
    // With no common ancestor git exits 1 and prints nothing, which simple-git resolves as ''.
    const base = (await this.run(['merge-base', first, second])).trim();
    if (base !== '') return base;
    const names = `${shortRefName(a)} and ${shortRefName(b)}`;
    if (await this.isShallow()) {
      throw new ExternalError(
        `${names} have no common ancestor in this shallow clone: check out with \`fetch-depth: 0\` (actions/checkout), run \`git fetch --unshallow\`, or pass --base`,
      );
    }
    throw new ExternalError(`${names} have no common ancestor: pass --base`);
  }

  async readFileAtRevision(revision: string, pathInRepository: string): Promise<string | undefined> {
    const commit = await this.resolveCommit(revision);
    // ls-tree tells "no such path" (no output) apart from every other failure (an error).
    const listing = await this.run(['ls-tree', '-z', '--full-tree', commit, '--', pathInRepository]);
    const entry = listing.split('\u0000').find((line) => line.endsWith(`\t${pathInRepository}`));
    if (entry === undefined) return undefined;
    const [mode = '', type = '', object = ''] = entry.slice(0, entry.indexOf('\t')).split(' ');
    if (type !== 'blob' || mode === '120000') {
      throw new ExternalError(`${pathInRepository} at ${commit.slice(0, 7)} is a ${mode === '120000' ? 'symbolic link' : type}, not a file`);
    }
    return this.run(['cat-file', 'blob', object]);
  }

  async findRenamedFrom(base: string, head: string | undefined, pathInRepository: string): Promise<string | undefined> {
    rejectOption(base);
    if (head !== undefined) rejectOption(head);
    const listing = await this.run(['diff', '-z', '--name-status', '--find-renames', '--diff-filter=R', base, ...(head === undefined ? [] : [head]), '--']);
    // -z: `R<score>\0<old>\0<new>\0` per rename.
    const fields = listing.split('\u0000');
    for (let index = 0; index + 2 < fields.length; index += 1) {
      if (/^R\d*$/.test(fields[index] ?? '') && fields[index + 2] === pathInRepository) return fields[index + 1];
    }
    return undefined;
  }

  async readWorkingTreeFile(pathInRepository: string): Promise<string | undefined> {
    try {
      return await readFile(path.join(this.root, pathInRepository), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new ExternalError(`cannot read ${pathInRepository} in the working tree: ${code ?? (error as Error).message}`, { cause: error });
    }
  }
}

/** Opens the repository containing `directory` (see {@link GitRepository.open}). */
export function openGitRepository(directory: string, options: GitRepositoryOptions = {}): Promise<GitRepository> {
  return GitRepository.open(directory, options);
}
