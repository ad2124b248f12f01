// rotate --due: nothing due means no issuer, git or GitHub call at all; a due generated secret goes through a pull
// request, apply and finish; a due credential without a driver gets the command to paste.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyInventory } from '../../src/app/apply.js';
import { finishRotations } from '../../src/app/rotate-finish.js';
import { rotateCredentials, type RotationOutcome } from '../../src/app/rotate.js';
import type { RotationDriver } from '../../src/ports/rotation-driver.js';
import { applyCollaborators } from '../../src/wiring/apply.js';
import { appliedStateReader, createRotationDrivers, gitHubRotationReview, openRotationRepository } from '../../src/wiring/rotation.js';
import type { RotationSpec } from '../../src/core/inventory.js';
import { openSealedValue, sealValue } from '../../src/crypto/sealed-value.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, type Sandbox } from '../support/apply-sandbox.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('rotate --due', () => {
  it('with 10,000 credentials and none due, calls no driver, no git and no GitHub', async () => {
    const sandbox = createSandbox();
    cleanups.push(() => sandbox.remove());
    const lines = ['version: 1', 'people:', '  alice: { github: alice }', 'credentials:'];
    for (let index = 0; index < 10_000; index += 1) {
      lines.push(`  token-${index}:`, `    setting: custom_token_${index}`, '    kind: api_key', '    custom: true', '    owner: alice', '    created: 2026-11-20');
      if (index % 3 === 0) lines.push('    rotation: { driver: generated-secret, length: 32 }');
      if (index % 3 === 1) lines.push(`    group: pair-${index}`, `    rotation: { driver: aws-iam-access-key, user: u${index}, secret: token-${index + 1} }`);
      if (index % 3 === 2) lines.push(`    group: pair-${index - 1}`);
    }
    const file = path.join(sandbox.root, 'credentials.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const calls: string[] = [];
    const recordingDriver = (spec: RotationSpec): RotationDriver => {
      calls.push(`driver ${spec.driver}`);
      return new Proxy({} as RotationDriver, { get: (_target, name) => (calls.push(`call ${String(name)}`), () => Promise.reject(new Error('no call expected'))) });
    };
    const result = await rotateCredentials({
      file,
      today: '2026-12-02',
      clock: () => new Date('2026-12-02T12:00:00Z'),
      due: true,
      drivers: recordingDriver,
      openGit: () => {
        calls.push('git');
        throw new Error('no git expected');
      },
      openReview: () => {
        calls.push('github');
        throw new Error('no GitHub expected');
      },
    });
    expect(result).toEqual({ outcomes: [], due: [] });
    expect(calls).toEqual([]);
  });

  it('rotates a due generated secret through a pull request, apply and finish, and names the command for one without a driver', async () => {
    const sandbox = createSandbox();
    cleanups.push(() => sandbox.remove());
    const bare = sandbox.initRepo('remote.git', { bare: true });
    const work = path.join(sandbox.root, 'work');
    sandbox.git(sandbox.root, ['clone', '-q', bare, work]);
    const docuelevate: DocuElevateServer = await startDocuElevateServer({ adminUsername: 'admin', adminPassword: 'due-test-admin-password-41' });
    cleanups.push(() => docuelevate.close());
    const github: FakeGitHub = await startFakeGitHub({
      git: {
        branchSha: (ref) => {
          try {
            return sandbox.git(bare, ['rev-parse', '--verify', '--quiet', `refs/heads/${ref}`]);
          } catch {
            return undefined;
          }
        },
        merge: (head, base) => {
          const scratch = path.join(sandbox.root, `merge-${head.replace(/\//g, '-')}`);
          sandbox.git(sandbox.root, ['clone', '-q', '--branch', base, bare, scratch]);
          sandbox.git(scratch, ['-c', 'user.name=GitHub', '-c', 'user.email=noreply@github.com', 'merge', '-q', '--no-ff', '-m', 'merge', `origin/${head}`]);
          sandbox.git(scratch, ['push', '-q', 'origin', base]);
          return sandbox.git(scratch, ['rev-parse', 'HEAD']);
        },
      },
    });
    cleanups.push(() => github.close());
    const { ring } = createTestKey();
    const sealedAt = Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000);
    const file = path.join(work, 'credentials.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'people:',
        '  alice: { github: alice }',
        'deployments:',
        `  production: { url: '${docuelevate.url}', auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD } }`,
        'credentials:',
        '  webdav-password:',
        '    setting: webdav_password',
        '    kind: password',
        '    owner: alice',
        '    created: 2025-01-01',
        '    rotation: { driver: generated-secret, length: 48, alphabet: hex }',
        `    value: ${sealValue(ring, { credentialId: 'webdav-password' }, 'old-webdav-password-value-0001', sealedAt)}`,
        '  openai:',
        '    setting: openai_api_key',
        '    kind: api_key',
        '    owner: alice',
        '    created: 2025-01-01',
        `    value: ${sealValue(ring, { credentialId: 'openai' }, 'sk-old-openai-due-test-0002', sealedAt)}`,
        '',
      ].join('\n'),
    );
    sandbox.git(work, ['add', '.']);
    sandbox.git(work, ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'inventory']);
    sandbox.git(work, ['push', '-q', 'origin', 'main']);
    const env = { ...sandbox.env, DE_USER: 'admin', DE_PASSWORD: 'due-test-admin-password-41' };
    const review = () => gitHubRotationReview({ token: github.token, repository: `${github.owner}/${github.repo}`, baseUrl: github.url, writeIntervalMs: 0, retryAfterUnitMs: 1 });
    const drivers = createRotationDrivers(env);
    const clock = () => new Date();
    const apply = async () => (await applyInventory({ file, today: '2026-12-02', ring, env, clock, ...applyCollaborators(env, { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2 }, requestTimeoutMs: 5_000 }) })).report;
    await apply();

    const result = await rotateCredentials({ file, today: '2026-12-02', clock, due: true, ring, drivers, openGit: () => openRotationRepository({ file, env }), openReview: review });
    expect(result.due).toEqual(['webdav-password', 'openai']);
    const byCredential = new Map<string, RotationOutcome>(result.outcomes.map((outcome) => [outcome.credential, outcome]));
    expect(byCredential.get('openai')).toEqual({ kind: 'manual', credential: 'openai', command: 'credledger set openai --value-stdin' });
    const opened = byCredential.get('webdav-password');
    if (opened?.kind !== 'opened') throw new Error(`expected a pull request, got ${JSON.stringify(opened)}`);
    expect(opened.probe.detail).toBe('generated locally: 48 characters (hex)');

    const merge = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/pulls/${opened.pullRequest.number}/merge`, { method: 'PUT', headers: { authorization: `token ${github.token}` } });
    expect(merge.status).toBe(200);
    sandbox.git(work, ['pull', '-q', '--ff-only', 'origin', 'main']);
    await apply();
    const running = docuelevate.runningValue('webdav_password') ?? '';
    expect(running).toMatch(/^[0-9a-f]{48}$/);
    const [finished] = await finishRotations({
      today: '2026-12-02',
      clock,
      drivers,
      git: await openRotationRepository({ file, env }),
      review: await review(),
      loadAppliedState: appliedStateReader(work, env),
    });
    expect(finished?.to).toBe('finished');
    const { readFileSync } = await import('node:fs');
    const sealed = /webdav-password:[\s\S]*?value: (\S+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    expect(openSealedValue(ring, { credentialId: 'webdav-password' }, sealed).reveal()).toBe(running);
    const published = github.listIssues({ includePullRequests: true, state: 'all' }).map((issue) => issue.body ?? '').join('\n');
    expect(published).not.toContain(running);
  });
});
