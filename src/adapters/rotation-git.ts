// Git for rotations: rotation branches committed in a throwaway worktree (the user's checkout is never touched),
// and the rotation state on its own ref (refs/credledger/rotation), each transition one commit, pushed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git';
import { ExternalError, UsageError } from '../ports/errors.js';
import type { RotationRepository } from '../ports/rotation-driver.js';
import {
  DEFAULT_ROTATION_REF,
  EMPTY_ROTATION_STATE,
  parseRotationState,
  ROTATION_STATE_FILE,
  serializeRotationState,
  type RotationStateDocument,
} from '../core/rotation-state.js';

const IDENTITY = ['user.name=credledger', 'user.email=credledger@users.noreply.invalid', 'commit.gpgsign=false', 'core.autocrlf=false'];
const PASSED_GIT_VARIABLES = ['GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];
const WITHHELD_VARIABLES = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

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

function createGit(baseDir: string, env: Record<string, string>, stdin?: string): SimpleGit {
  const options: Partial<SimpleGitOptions> = {
    baseDir,
    config: IDENTITY,
    allowEnvironment: PASSED_GIT_VARIABLES,
    ...(stdin === undefined ? {} : { input: () => stdin }),
  };
  return simpleGit(options).env(env);
}

async function runGit(git: SimpleGit, args: string[], what: string): Promise<string> {
  try {
    return await git.raw(args);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).trim().split('\n').slice(0, 4).join(' / ');
    throw new ExternalError(`git could not ${what}: ${message}`, { cause: error });
  }
}

/** The rotation repository port, as adapters name it. */
export type RotationGit = RotationRepository;

export interface RotationGitOptions {
  /** The inventory file. */
  readonly file: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default `origin`. */
  readonly remote?: string;
  /** Default refs/credledger/rotation. */
  readonly ref?: string;
}

/**
 * Opens the inventory's repository for rotations.
 * @throws UsageError when the file is not in a git repository with the remote (rotations go through pull requests).
 */
export async function openRotationGit(options: RotationGitOptions): Promise<RotationGit> {
  const env = gitEnvironment(options.env);
  const directory = path.dirname(path.resolve(options.file));
  const probe = createGit(directory, env);
  let root: string;
  try {
    root = (await probe.raw(['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (!/not a git repository/i.test(String(error))) throw new ExternalError(`git cannot run in ${directory}: ${String(error).split('\n')[0] ?? ''}`, { cause: error });
    throw new UsageError(`rotate commits to a branch and opens a pull request, so the inventory must be in a git clone (${directory} is not)`);
  }
  const remote = options.remote ?? 'origin';
  const git = createGit(root, env);
  const remotes = (await runGit(git, ['remote'], 'list remotes')).split('\n').map((line) => line.trim());
  if (!remotes.includes(remote)) throw new UsageError(`rotate pushes a branch for the pull request, and the repository at ${root} has no remote \`${remote}\``);
  const file = path.relative(root, path.join(await realDirectory(directory), path.basename(options.file))).split(path.sep).join('/');
  return new GitRotationRepository(root, env, git, remote, file, options.ref ?? DEFAULT_ROTATION_REF);
}

async function realDirectory(directory: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(directory).catch(() => directory);
}

class GitRotationRepository implements RotationGit {
  private loadedRevision: string | null = null;

  constructor(
    private readonly root: string,
    private readonly env: Record<string, string>,
    private readonly git: SimpleGit,
    readonly remote: string,
    readonly file: string,
    private readonly ref: string,
  ) {}

  private async remoteRef(ref: string): Promise<string | null> {
    const line = (await runGit(this.git, ['ls-remote', this.remote, ref], `ask ${this.remote} for ${ref}`)).trim().split('\n')[0] ?? '';
    const sha = line.split('\t')[0] ?? '';
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
  }

  async defaultBranch(): Promise<string> {
    const answer = await runGit(this.git, ['ls-remote', '--symref', this.remote, 'HEAD'], `ask ${this.remote} for its default branch`);
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(answer);
    if (match?.[1]) return match[1];
    throw new ExternalError(`cannot tell the default branch of ${this.remote}`);
  }

  async readRemoteBranchFile(branch: string): Promise<string | undefined> {
    const sha = await this.remoteRef(`refs/heads/${branch}`);
    if (sha === null) return undefined;
    const tracking = `refs/remotes/${this.remote}/${branch}`;
    await runGit(this.git, ['fetch', '--no-tags', '--quiet', this.remote, `+refs/heads/${branch}:${tracking}`], `fetch ${branch}`);
    const listing = await runGit(this.git, ['ls-tree', '--full-tree', tracking, '--', this.file], `list ${this.file} on ${branch}`);
    if (listing.trim() === '') return undefined;
    return runGit(this.git, ['cat-file', 'blob', `${tracking}:${this.file}`], `read ${this.file} on ${branch}`);
  }

  async commitBranch(branch: string, base: string, text: string, message: string): Promise<string> {
    const baseRef = `refs/remotes/${this.remote}/${base}`;
    await runGit(this.git, ['fetch', '--no-tags', '--quiet', this.remote, `+refs/heads/${base}:${baseRef}`], `fetch ${base}`);
    const scratch = await mkdtemp(path.join(tmpdir(), 'credledger-rotate-'));
    const worktree = path.join(scratch, 'tree');
    try {
      await runGit(this.git, ['worktree', 'add', '--quiet', '--detach', worktree, baseRef], 'make a worktree for the rotation branch');
      const tree = createGit(worktree, this.env);
      await writeFile(path.join(worktree, this.file), text);
      await runGit(tree, ['add', '--', this.file], 'stage the inventory');
      await runGit(tree, ['commit', '--quiet', '--no-verify', '--message', message], 'commit the rotation');
      const commit = (await runGit(tree, ['rev-parse', 'HEAD'], 'read the commit')).trim();
      // A branch left by a discarded rotation is replaced: its key no longer exists.
      await runGit(tree, ['push', '--quiet', '--no-verify', '--force', this.remote, `${commit}:refs/heads/${branch}`], `push ${branch}`);
      return commit;
    } finally {
      await runGit(this.git, ['worktree', 'remove', '--force', worktree], 'remove the rotation worktree').catch(() => undefined);
      await rm(scratch, { recursive: true, force: true });
      await this.git.raw(['worktree', 'prune']).catch(() => undefined);
    }
  }

  async remoteBranchCommit(branch: string): Promise<string | undefined> {
    return (await this.remoteRef(`refs/heads/${branch}`)) ?? undefined;
  }

  async commitIntroducing(base: string, text: string): Promise<string | undefined> {
    const tracking = `refs/remotes/${this.remote}/${base}`;
    await runGit(this.git, ['fetch', '--no-tags', '--quiet', this.remote, `+refs/heads/${base}:${tracking}`], `fetch ${base}`);
    const log = await runGit(this.git, ['log', '--format=%H', '--reverse', `-S${text}`, tracking, '--', this.file], `search ${base} for the rotation`);
    return log.trim().split('\n')[0] || undefined;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      return (await this.git.raw(['merge-base', ancestor, descendant])).trim() === (await this.git.raw(['rev-parse', '--verify', `${ancestor}^{commit}`])).trim();
    } catch {
      return false;
    }
  }

  async deleteRemoteBranch(branch: string): Promise<void> {
    if ((await this.remoteRef(`refs/heads/${branch}`)) === null) return;
    await runGit(this.git, ['push', '--quiet', '--no-verify', this.remote, `:refs/heads/${branch}`], `delete ${branch} on ${this.remote}`);
  }

  async loadState(): Promise<RotationStateDocument> {
    const remoteSha = await this.remoteRef(this.ref);
    this.loadedRevision = remoteSha;
    if (remoteSha === null) return EMPTY_ROTATION_STATE;
    await runGit(this.git, ['fetch', '--no-tags', '--quiet', this.remote, `+${this.ref}:${this.ref}`], `fetch ${this.ref}`);
    const text = await runGit(this.git, ['cat-file', 'blob', `${remoteSha}:${ROTATION_STATE_FILE}`], `read ${ROTATION_STATE_FILE}`);
    try {
      return parseRotationState(text);
    } catch (error) {
      throw new ExternalError(`${this.ref} (${remoteSha.slice(0, 12)}): ${(error as Error).message}`, { cause: error });
    }
  }

  async saveState(state: RotationStateDocument, message: string): Promise<void> {
    const parent = this.loadedRevision;
    const blob = (await runGit(createGit(this.root, this.env, serializeRotationState(state)), ['hash-object', '-w', '--stdin'], `store ${ROTATION_STATE_FILE}`)).trim();
    const tree = (await runGit(createGit(this.root, this.env, `100644 blob ${blob}\t${ROTATION_STATE_FILE}\n`), ['mktree'], 'store the state tree')).trim();
    const commit = (await runGit(this.git, ['commit-tree', tree, ...(parent === null ? [] : ['-p', parent]), '-m', message], 'commit the rotation state')).trim();
    const lease = `--force-with-lease=${this.ref}:${parent ?? ''}`;
    try {
      await this.git.raw(['push', '--quiet', '--no-verify', lease, this.remote, `${commit}:${this.ref}`]);
    } catch (error) {
      throw new ExternalError(`another run moved ${this.ref} on ${this.remote} meanwhile: run rotate again (${(error as Error).message.trim().split('\n')[0] ?? ''})`, { cause: error });
    }
    await runGit(this.git, ['update-ref', this.ref, commit], `update ${this.ref}`);
    this.loadedRevision = commit;
  }
}
