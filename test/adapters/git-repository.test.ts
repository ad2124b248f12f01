import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepository, openGitRepository } from '../../src/adapters/git-repository.js';
import { ExternalError, UsageError } from '../../src/ports/errors.js';
import { createGitFixture, useSterileGitEnvironment, type GitFixture } from '../support/git-fixture.js';

let restoreEnvironment: () => void;
const fixtures: GitFixture[] = [];
const sandbox = mkdtempSync(path.join(tmpdir(), 'credledger-git-home-'));

function fixture(name = 'repo'): GitFixture {
  const created = createGitFixture({ parentDir: mkdtempSync(path.join(sandbox, 'f-')), name });
  fixtures.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a failure');
}

beforeAll(() => {
  restoreEnvironment = useSterileGitEnvironment(sandbox);
});

afterAll(() => {
  restoreEnvironment();
  for (const created of fixtures) created.dispose();
});

describe('opening a repository', () => {
  it('finds the top level from a subdirectory and places files given from there', async () => {
    const repo = fixture();
    repo.write('config/credentials.yaml', 'a: 1\n');
    repo.commit('one');
    const opened = await openGitRepository(path.join(repo.dir, 'config'));
    expect(opened.root).toBe(realpathSync(repo.dir));
    expect(await opened.locateFile('credentials.yaml')).toBe('config/credentials.yaml');
    expect(await opened.locateFile('../README.md')).toBe('README.md');
    expect(await opened.locateFile(path.join(repo.dir, 'config', 'credentials.yaml'))).toBe('config/credentials.yaml');
    expect(await failure(opened.locateFile('../../elsewhere.yaml'))).toBeInstanceOf(UsageError);
    expect(await failure(opened.locateFile('/etc/passwd'))).toBeInstanceOf(UsageError);
  });

  it('refuses a directory outside any repository with a usage error', async () => {
    const error = await failure(openGitRepository(mkdtempSync(path.join(sandbox, 'plain-'))));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/is not inside a git working tree/);
  });
});

describe('reading files at revisions', () => {
  it('reads a file at a commit, and says undefined when the commit has no such file', async () => {
    const repo = fixture();
    repo.write('credentials.yaml', 'first\n');
    const first = repo.commit('one');
    repo.write('credentials.yaml', 'second\n');
    repo.write('nested/deeper/file.yaml', 'deep\n');
    const second = repo.commit('two');
    const opened = await openGitRepository(repo.dir);
    expect(await opened.readFileAtRevision(first, 'credentials.yaml')).toBe('first\n');
    expect(await opened.readFileAtRevision('HEAD', 'credentials.yaml')).toBe('second\n');
    expect(await opened.readFileAtRevision('HEAD~1', 'nested/deeper/file.yaml')).toBeUndefined();
    expect(await opened.readFileAtRevision(second, 'nested/deeper/file.yaml')).toBe('deep\n');
    expect(await opened.readFileAtRevision('main', 'missing.yaml')).toBeUndefined();
  });

  it('treats a directory at the path and an unknown revision as failures, not as an absent file', async () => {
    const repo = fixture();
    repo.write('credentials.yaml/inside', 'x\n');
    repo.commit('one');
    const opened = await openGitRepository(repo.dir);
    const directory = await failure(opened.readFileAtRevision('HEAD', 'credentials.yaml'));
    expect(directory).toBeInstanceOf(ExternalError);
    expect(directory.message).toMatch(/is a tree, not a file/);
    const unknown = await failure(opened.readFileAtRevision('no-such-branch', 'credentials.yaml'));
    expect(unknown).toBeInstanceOf(UsageError);
    expect(unknown.message).toBe('unknown revision `no-such-branch`');
    expect(await failure(opened.resolveCommit('--output=/tmp/x'))).toBeInstanceOf(UsageError);
  });

  it('reads the working tree, uncommitted changes included', async () => {
    const repo = fixture();
    repo.write('credentials.yaml', 'committed\n');
    repo.commit('one');
    repo.write('credentials.yaml', 'edited\n');
    const opened = await openGitRepository(repo.dir);
    expect(await opened.readWorkingTreeFile('credentials.yaml')).toBe('edited\n');
    expect(await opened.readWorkingTreeFile('absent.yaml')).toBeUndefined();
    expect(await opened.readWorkingTreeFile('credentials.yaml/below')).toBeUndefined();
  });
});

describe('revisions and the default branch', () => {
  it('resolves names to shas and finds the merge-base of a diverged branch', async () => {
    const repo = fixture();
    const root = repo.commit('root');
    repo.git('checkout', '--quiet', '-b', 'feature');
    const onFeature = repo.commit('feature work');
    repo.git('checkout', '--quiet', 'main');
    const onMain = repo.commit('main moves on');
    const opened = await openGitRepository(repo.dir);
    expect(await opened.resolveCommit('feature')).toBe(onFeature);
    expect(await opened.resolveCommit(onMain.slice(0, 10))).toBe(onMain);
    expect(await opened.mergeBase('feature', 'main')).toBe(root);
    expect(await opened.defaultBranch()).toBe('refs/heads/main');
    expect(await opened.hasCommit(root)).toBe(true);
    expect(await opened.hasCommit('0'.repeat(40))).toBe(false);
  });

  it('reports two histories without a common ancestor', async () => {
    const repo = fixture();
    repo.commit('root');
    repo.git('checkout', '--quiet', '--orphan', 'unrelated');
    repo.commit('another root');
    const opened = await openGitRepository(repo.dir);
    const error = await failure(opened.mergeBase('HEAD', 'main'));
    expect(error).toBeInstanceOf(ExternalError);
    expect(error.message).toBe('HEAD and main have no common ancestor: pass --base');
  });

  it('prefers origin/HEAD, then main, then master', async () => {
    const upstream = fixture('upstream');
    upstream.git('checkout', '--quiet', '-b', 'trunk');
    upstream.commit('root');
    const clone = path.join(path.dirname(upstream.dir), 'clone');
    execFileSync('git', ['clone', '--quiet', upstream.dir, clone], { env: upstream.env });
    expect(await (await openGitRepository(clone)).defaultBranch()).toBe('refs/remotes/origin/trunk');

    const masterOnly = fixture('master-only');
    masterOnly.git('checkout', '--quiet', '-b', 'master');
    masterOnly.commit('root');
    expect(await (await openGitRepository(masterOnly.dir)).defaultBranch()).toBe('refs/heads/master');

    const neither = fixture('neither');
    neither.git('checkout', '--quiet', '-b', 'develop');
    neither.commit('root');
    const error = await failure((await openGitRepository(neither.dir)).defaultBranch());
    expect(error).toBeInstanceOf(ExternalError);
    expect(error.message).toMatch(/cannot find the default branch .*pass --base/);
  });
});

describe('shallow clones', () => {
  async function shallowCloneOf(upstream: GitFixture): Promise<GitRepository> {
    const clone = path.join(path.dirname(upstream.dir), 'shallow');
    execFileSync('git', ['clone', '--quiet', '--depth=1', '--no-single-branch', `file://${upstream.dir}`, clone], { env: upstream.env });
    return openGitRepository(clone);
  }

  it('says which fetch brings a missing base commit', async () => {
    const upstream = fixture();
    upstream.write('credentials.yaml', 'one\n');
    const first = upstream.commit('one');
    upstream.write('credentials.yaml', 'two\n');
    upstream.commit('two');
    const opened = await shallowCloneOf(upstream);
    expect(await opened.isShallow()).toBe(true);
    expect(await opened.hasCommit(first)).toBe(false);
    const error = await failure(opened.readFileAtRevision(first, 'credentials.yaml'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `commit ${first} is not in this clone (a shallow clone): fetch it with \`git fetch --no-tags --depth=1 origin ${first}\`, or check out with \`fetch-depth: 0\` (actions/checkout)`,
    );
  });

  it('says how to deepen the clone when the merge-base is cut off', async () => {
    const upstream = fixture();
    upstream.commit('root');
    upstream.git('checkout', '--quiet', '-b', 'feature');
    upstream.commit('feature');
    upstream.git('checkout', '--quiet', 'main');
    upstream.commit('main');
    const opened = await shallowCloneOf(upstream);
    const error = await failure(opened.mergeBase('origin/feature', await opened.defaultBranch()));
    expect(error).toBeInstanceOf(ExternalError);
    expect(error.message).toBe(
      'origin/feature and origin/main have no common ancestor in this shallow clone: check out with `fetch-depth: 0` (actions/checkout), run `git fetch --unshallow`, or pass --base',
    );
  });
});
