// The "done when" of sealed values through the bundled action: a contributor with no secret seals a rotation, the
// pull request's plan comment shows it (loopback fake GitHub), and the push to main applies it (loopback DocuElevate).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAN_COMMENT_MARKER } from '../../src/action/main.js';
import { sealValueForRecipient } from '../../src/crypto/sealed-value.js';
import { generateSealingKeyPair } from '../../src/crypto/sealing-key.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createGitFixture, type GitFixture } from '../support/git-fixture.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { runBuiltCli } from '../support/run-built-cli.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'action-sealed-admin-password-0000' };
const PLAINTEXTS = { openai: 'sk-proj-action-sealed-plaintext-0001', azure: 'action-sealed-azure-plaintext-0002' };
const ROTATED = 'sk-proj-action-sealed-rotated-by-a-contributor-0003';
const REPOSITORY = { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' };
const JAN = Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000);

let fake: FakeGitHub | undefined;
let server: DocuElevateServer | undefined;
const fixtures: GitFixture[] = [];
afterEach(async () => {
  expect(fake?.unmatched() ?? []).toEqual([]);
  await Promise.all([fake?.close(), server?.close()]);
  fake = server = undefined;
  for (const fixture of fixtures.splice(0)) fixture.dispose();
});

function expectNoSecret(runs: readonly { stdout: string; stderr: string; summary?: string }[], secrets: readonly string[]): void {
  for (const run of runs) {
    for (const secret of secrets) {
      for (const text of [run.stdout, run.stderr, run.summary ?? '']) expect(text).not.toContain(secret);
    }
  }
}

describe('sealed values through the action', () => {
  it('a contributor with no secret seals a rotation; the PR comment shows it; the push to main applies it with CREDLEDGER_SEALING_KEY', async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', collaborators: ['alice'] });
    server = await startDocuElevateServer(ADMIN);
    const ci = generateSealingKeyPair('ci');
    const sealingKey = ci.privateKey.encode();
    const repo = createGitFixture();
    fixtures.push(repo);
    repo.write(
      'credentials.yaml',
      `version: 1
encryption:
  recipients:
    - id: ci
      public_key: ${ci.recipient.publicKey}
people:
  alice: { github: alice, seal_only: true }
deployments:
  production:
    url: '${server.url}'
    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }
credentials:
  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    created: 2026-01-01
    value: ${sealValueForRecipient(ci.recipient, { credentialId: 'openai' }, PLAINTEXTS.openai, JAN)}
  azure:
    setting: azure_ai_key
    kind: api_key
    owner: alice
    created: 2026-01-01
    value: ${sealValueForRecipient(ci.recipient, { credentialId: 'azure' }, PLAINTEXTS.azure, JAN)}
`,
    );
    const base = repo.commit('inventory, sealed for ci');
    const originDir = path.join(path.dirname(repo.dir), 'origin.git');
    execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', originDir], { env: repo.env });
    repo.git('remote', 'add', 'origin', originDir);
    repo.git('push', '--quiet', 'origin', 'main');
    const deEnv = { ...repo.env, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
    const push = (sha: string, before: string): Promise<ActionRun> =>
      runAction({
        eventName: 'push',
        eventPayload: { ref: 'refs/heads/main', before, after: sha, repository: REPOSITORY },
        workspace: repo.dir,
        repository: 'acme/infra',
        sha,
        ref: 'refs/heads/main',
        apiUrl: fake!.url,
        inputs: { key: sealingKey },
        env: deEnv,
      });
    const first = await push(base, '0'.repeat(40));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(server.storedValue('openai_api_key')).toBe(PLAINTEXTS.openai);
    const writesBefore = server.state.requests.filter((request) => request.committed).length;

    // The contributor: the checkout and nothing else in the environment (no CREDLEDGER_KEY, no sealing key).
    repo.git('switch', '--quiet', '-c', 'rotate-openai');
    const seal = await runBuiltCli(['seal', 'openai', '--value-stdin'], { cwd: repo.dir, env: repo.env, input: `${ROTATED}\n` });
    expect(seal.stderr).toBe('');
    expect(seal.code).toBe(0);
    const head = repo.commit('Rotate openai');

    // The pull request: the action plans without any key and comments the rotation.
    const pull = fake.addPullRequest({ title: 'Rotate openai', baseSha: base, headSha: head }).number;
    const planned = await runAction({
      eventName: 'pull_request',
      eventPayload: {
        action: 'opened',
        number: pull,
        pull_request: { number: pull, head: { sha: head, ref: 'rotate-openai', repo: { full_name: 'acme/infra', fork: false } }, base: { sha: base, ref: 'main', repo: { full_name: 'acme/infra' } } },
        repository: REPOSITORY,
      },
      workspace: repo.dir,
      repository: 'acme/infra',
      sha: head,
      ref: `refs/pull/${pull}/merge`,
      apiUrl: fake.url,
      inputs: { 'github-token': fake.token },
      env: repo.env,
    });
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    expect(planned.outputs.changed).toBe('true');
    const comments = fake.listComments(pull);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(PLAN_COMMENT_MARKER);
    expect(comments[0]?.body).toMatch(/\| `openai` \| 🔄 rotated \| `rotated`, `value` \| `production` \|/);
    expect(comments[0]?.body).not.toContain('azure`');

    // The merge: the push to main applies the rotated value, and only it.
    repo.git('switch', '--quiet', 'main');
    repo.git('merge', '--quiet', '--ff-only', 'rotate-openai');
    repo.git('push', '--quiet', 'origin', 'main');
    const applied = await push(head, base);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(server.storedValue('openai_api_key')).toBe(ROTATED);
    expect(server.storedValue('azure_ai_key')).toBe(PLAINTEXTS.azure);
    expect(server.state.requests.filter((request) => request.committed).length).toBe(writesBefore + 1);

    const unmasked = (run: ActionRun) => ({ ...run, stdout: run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n') });
    expectNoSecret([seal, unmasked(first), planned, unmasked(applied), ...comments.map((comment) => ({ stdout: comment.body, stderr: '' }))], [
      ...Object.values(PLAINTEXTS),
      ROTATED,
      ADMIN.adminPassword,
      sealingKey.split(':')[2] as string,
    ]);
  });
});
