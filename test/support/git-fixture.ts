// Temporary git repositories for tests, with a sterile git configuration (no system or user config).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The variables that keep git away from the machine's and the user's configuration. */
export function sterileGitEnv(home: string): Record<string, string> {
  return { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: home, GIT_TERMINAL_PROMPT: '0' };
}

export interface GitFixture {
  readonly dir: string;
  /** The environment git runs with here; pass it to child processes that run git. */
  readonly env: Record<string, string>;
  git(...args: string[]): string;
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Stages everything and commits; returns the new commit's sha. */
  commit(message: string): string;
  /** Removes the repository. */
  dispose(): void;
}

/** A new repository on branch `main`, with user.name and user.email set in its own config. */
export function createGitFixture(options: { parentDir?: string; name?: string } = {}): GitFixture {
  const parent = options.parentDir ?? mkdtempSync(path.join(tmpdir(), 'credledger-git-'));
  const dir = path.join(parent, options.name ?? 'repo');
  mkdirSync(dir, { recursive: true });
  const env = { PATH: process.env.PATH ?? '', LANG: 'C', ...sterileGitEnv(parent) };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '--quiet', '-b', 'main');
  git('config', 'user.name', 'Credledger Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    env,
    git,
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    remove(file) {
      rmSync(path.join(dir, file));
    },
    commit(message) {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    dispose() {
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/**
 * Points this process's git (simple-git in the adapter) at a sterile configuration until the
 * returned function restores the environment.
 */
export function useSterileGitEnvironment(home: string): () => void {
  const saved = Object.fromEntries(Object.keys(sterileGitEnv(home)).map((name) => [name, process.env[name]]));
  Object.assign(process.env, sterileGitEnv(home));
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
