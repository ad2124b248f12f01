// The bundled action on the safe path: apply only on the default branch, and a warning for an environment without protection.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createGitFixture, type GitFixture } from '../support/git-fixture.js';
import { DEMO_KEY } from '../support/demo-plaintexts.js';
import { runAction, type ActionRun } from '../support/run-action.js';

// No values: apply has nothing to send, so these runs need no DocuElevate, only the branch and environment checks.
const INVENTORY = `version: 1
people:
  alice: { github: alice }
deployments:
  production: { url: 'https://docs.example.com' }
credentials:
  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    rotated: 2026-09-01
`;

const REPOSITORY = { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' };
const fixtures: GitFixture[] = [];
let fake: FakeGitHub | undefined;

afterEach(async () => {
  expect(fake?.unmatched() ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});
afterAll(() => {
  for (const fixture of fixtures) fixture.dispose();
});

function workspace(branch = 'main'): { repo: GitFixture; sha: string } {
  const repo = createGitFixture();
  fixtures.push(repo);
  repo.write('credentials.yaml', INVENTORY);
  const sha = repo.commit('inventory');
  if (branch !== 'main') repo.git('checkout', '-q', '-b', branch);
  return { repo, sha };
}

function errors(run: ActionRun): string[] {
  return run.commands.filter((command) => command.name === 'error').map((command) => command.message);
}

describe('apply in the action runs only on the default branch', () => {
  it('refuses a workflow_dispatch on a feature branch, and a push there with command: apply', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra' });
    const { repo, sha } = workspace('feature/unreviewed');
    for (const [eventName, eventPayload] of [
      ['workflow_dispatch', { ref: 'refs/heads/feature/unreviewed', repository: REPOSITORY }],
      ['push', { ref: 'refs/heads/feature/unreviewed', before: '0'.repeat(40), after: sha, repository: REPOSITORY }],
    ] as const) {
      const run = await runAction({
        eventName,
        eventPayload,
        workspace: repo.dir,
        repository: 'acme/infra',
        sha,
        ref: 'refs/heads/feature/unreviewed',
        apiUrl: fake.url,
        inputs: { command: 'apply', key: DEMO_KEY, 'github-token': fake.token },
        env: repo.env,
      });
      expect(run.code).toBe(1);
      expect(errors(run).join('\n')).toMatch(/apply runs only on the default branch \(main\), and this (workflow_dispatch|push) run is for branch feature\/unreviewed: .*allow-non-default-branch/);
      expect(repo.git('for-each-ref', 'refs/credledger')).toBe('');
    }
    expect(fake.requests).toEqual([]);
  });

  it('runs a workflow_dispatch on the default branch, and warns when its environment has no protection rules', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', environments: { production: [], guarded: ['required_reviewers', 'branch_policy'] } });
    const { repo, sha } = workspace();
    const dispatch = (environment: string) =>
      runAction({
        eventName: 'workflow_dispatch',
        eventPayload: { ref: 'refs/heads/main', repository: REPOSITORY },
        workspace: repo.dir,
        repository: 'acme/infra',
        sha,
        ref: 'refs/heads/main',
        apiUrl: (fake as FakeGitHub).url,
        inputs: { command: 'apply', key: DEMO_KEY, environment, 'github-token': (fake as FakeGitHub).token },
        env: repo.env,
      });
    const bare = await dispatch('production');
    expect(errors(bare)).toEqual([]);
    expect(bare.code).toBe(0);
    expect(bare.commands.filter((command) => command.name === 'warning').map((command) => command.message)).toContainEqual(
      expect.stringMatching(/^environment production has no protection rules: apply runs without review/),
    );
    const guarded = await dispatch('guarded');
    expect(guarded.code).toBe(0);
    expect(guarded.commands.filter((command) => command.name === 'warning')).toEqual([]);
    expect(fake.requests.map((request) => request.route)).toEqual([
      'GET /repos/{owner}/{repo}/environments/{environment_name}',
      'GET /repos/{owner}/{repo}/environments/{environment_name}',
    ]);
  });
});
