// The git side of the loopback GitHub's pull requests, on a bare remote: what the fake asks of a repository.
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FakeGitHubGit } from './fake-github.js';

/**
 * Branch heads read from `bare`, and the merge button: a merge commit of the pull request's branch onto its base,
 * made in a scratch clone under `scratchRoot` and pushed to the remote. `git` runs git in a directory.
 */
export function bareRemoteGit(git: (cwd: string, args: readonly string[]) => string, scratchRoot: string, bare: string): FakeGitHubGit {
  return {
    branchSha: (ref) => {
      try {
        return git(bare, ['rev-parse', '--verify', '--quiet', `refs/heads/${ref}`]);
      } catch {
        return undefined;
      }
    },
    merge: (head, base, message) => {
      const scratch = mkdtempSync(path.join(scratchRoot, 'merge-'));
      try {
        git(scratchRoot, ['clone', '-q', '--branch', base, bare, scratch]);
        git(scratch, ['-c', 'user.name=GitHub', '-c', 'user.email=noreply@github.com', 'merge', '-q', '--no-ff', '-m', message, `origin/${head}`]);
        git(scratch, ['push', '-q', 'origin', base]);
        return git(scratch, ['rev-parse', 'HEAD']);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}
