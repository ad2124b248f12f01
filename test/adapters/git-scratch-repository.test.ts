import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openGitRepository } from '../../src/adapters/git-repository.js';
import { createScratchRepository } from '../../src/adapters/git-scratch-repository.js';
import { ExternalError } from '../../src/ports/errors.js';

const scratch: string[] = [];

afterEach(() => {
  for (const directory of scratch.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A sandbox whose HOME has a git config that breaks every commit, and an environment naming another repository. */
function sandbox(): { root: string; env: Record<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), 'credledger-scratch-'));
  scratch.push(root);
  writeFileSync(path.join(root, '.gitconfig'), '[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = false\n[init]\n\tdefaultBranch = trunk\n');
  return {
    root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: root,
      GIT_CONFIG_NOSYSTEM: '1',
      // Ambient variables a user's shell might hold: git must not see them.
      GIT_DIR: path.join(root, 'elsewhere.git'),
      GIT_WORK_TREE: root,
      EDITOR: 'false',
    },
  };
}

function git(cwd: string, args: readonly string[]): string {
  const env = { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' };
  return execFileSync('git', [...args], { cwd, env, encoding: 'utf8' }).trim();
}

describe('createScratchRepository', () => {
  it('commits, branches and fast-forwards with its own identity, whatever HOME and the environment say', async () => {
    const { root, env } = sandbox();
    const directory = path.join(root, 'repo');
    const repo = await createScratchRepository({ directory, branch: 'main', env });
    writeFileSync(path.join(directory, 'credentials.yaml'), 'version: 1\n');
    const first = await repo.commitAll('first');
    await repo.createBranch('topic');
    writeFileSync(path.join(directory, 'credentials.yaml'), 'version: 1\n# changed\n');
    const second = await repo.commitAll('second');
    await repo.switchBranch('main');
    expect(git(directory, ['rev-parse', 'HEAD'])).toBe(first);
    await repo.mergeFastForward('topic');
    expect(git(directory, ['rev-parse', 'main'])).toBe(second);
    expect(git(directory, ['log', '--format=%an <%ae> %s', 'main'])).toBe('credledger demo <demo@credledger.invalid> second\ncredledger demo <demo@credledger.invalid> first');
    expect(git(directory, ['rev-list', '--parents', '-n', '1', 'main']).split(' ')).toHaveLength(2);

    // The read side, given the same environment, reads the repository it was opened in.
    const revisions = await openGitRepository(directory, { env });
    expect(await revisions.readFileAtRevision('main', 'credentials.yaml')).toBe('version: 1\n# changed\n');
    expect(await revisions.defaultBranch()).toBe('refs/heads/main');
  });

  it('refuses a merge that is not a fast-forward', async () => {
    const { root, env } = sandbox();
    const directory = path.join(root, 'repo');
    const repo = await createScratchRepository({ directory, branch: 'main', env });
    writeFileSync(path.join(directory, 'a'), 'a\n');
    await repo.commitAll('base');
    await repo.createBranch('topic');
    writeFileSync(path.join(directory, 'b'), 'b\n');
    await repo.commitAll('on topic');
    await repo.switchBranch('main');
    writeFileSync(path.join(directory, 'c'), 'c\n');
    await repo.commitAll('on main');
    await expect(repo.mergeFastForward('topic')).rejects.toBeInstanceOf(ExternalError);
  });
});
