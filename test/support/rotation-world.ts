// A whole rotation setting: a work clone with a bare remote, moto (IAM/STS), the loopback GitHub and DocuElevate servers.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { applyInventory, type ApplyRequest } from '../../src/app/apply.js';
import { finishRotations, type FinishOutcome, type FinishRequest } from '../../src/app/rotate-finish.js';
import { rotateCredentials, type RotateRequest, type RotateResult } from '../../src/app/rotate.js';
import type { RotationDriverFactory, RotationRepository } from '../../src/ports/rotation-driver.js';
import { applyCollaborators } from '../../src/wiring/apply.js';
import { appliedStateReader, createRotationDrivers, gitHubRotationReview, openRotationRepository } from '../../src/wiring/rotation.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import type { KeyRing } from '../../src/crypto/key-ring.js';
import { sealValue } from '../../src/crypto/sealed-value.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, type Sandbox } from './apply-sandbox.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { rotatorEnv, type MotoServer } from './moto.js';
import { bareRemoteGit } from './bare-remote.js';

export const ADMIN = { adminUsername: 'rotation-admin', adminPassword: 'rotation-admin-login-password-31' };
export const TODAY = '2026-12-02';

export interface AccessKey {
  readonly id: string;
  readonly secret: string;
}

export interface RotationWorld {
  readonly sandbox: Sandbox;
  readonly work: string;
  readonly bare: string;
  readonly file: string;
  readonly ring: KeyRing;
  readonly key: string;
  readonly user: string;
  readonly original: AccessKey;
  readonly docuelevate: DocuElevateServer;
  readonly github: FakeGitHub;
  readonly iam: IAMClient;
  /** The environment of every run: git's sterile config, DocuElevate's login, the rotator's AWS credentials and moto. */
  readonly env: Record<string, string>;
  /** Added to the real time by the clock every run uses: the quiet period passes by moving it. */
  offsetMs: number;
  clock(): Date;
  drivers: RotationDriverFactory;
  rotate(extra?: Partial<RotateRequest>): Promise<RotateResult>;
  finish(extra?: Partial<FinishRequest>): Promise<FinishOutcome[]>;
  apply(extra?: Partial<ApplyRequest>): Promise<ApplyReport>;
  /** Merges a pull request through the fake's merge endpoint (which merges in the bare remote) and pulls main. */
  merge(number: number): Promise<void>;
  closePullRequest(number: number): Promise<void>;
  /** The access keys of the user at moto: id → status. */
  keys(): Promise<Map<string, string>>;
  /** Does what DocuElevate does with its S3 key pair: a signed call with it. */
  useKey(key: AccessKey): Promise<void>;
  /** The key pair DocuElevate holds now. */
  deployedKey(): AccessKey;
  inventoryText(): string;
  git(args: readonly string[]): string;
  remove(): Promise<void>;
}

let userCount = 0;

/** Builds the world: IAM user with one key (the original), pushed to DocuElevate by a first apply. */
export async function createRotationWorld(moto: MotoServer, options: { secondKey?: boolean } = {}): Promise<RotationWorld> {
  const sandbox = createSandbox();
  const bare = sandbox.initRepo('remote.git', { bare: true });
  const work = path.join(sandbox.root, 'work');
  sandbox.git(sandbox.root, ['clone', '-q', bare, work]);
  sandbox.git(work, ['config', 'user.name', 'Test Person']);
  sandbox.git(work, ['config', 'user.email', 'test@example.com']);
  const { key, ring } = createTestKey();
  userCount += 1;
  const user = `docuelevate-s3-${process.pid}-${userCount}`;
  const iam = new IAMClient({ endpoint: moto.url, region: 'us-east-1', credentials: moto.rotator });
  await iam.send(new CreateUserCommand({ UserName: user }));
  const created = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
  const original = { id: created.AccessKey?.AccessKeyId ?? '', secret: created.AccessKey?.SecretAccessKey ?? '' };
  if (options.secondKey) await iam.send(new CreateAccessKeyCommand({ UserName: user }));
  const docuelevate = await startDocuElevateServer(ADMIN);
  const github = await startFakeGitHub({
    git: bareRemoteGit(sandbox.git, sandbox.root, bare),
  });
  const file = path.join(work, 'credentials.yaml');
  const sealedAt = Math.floor(Date.parse('2026-06-01T00:00:00Z') / 1000);
  const text = [
    'version: 1',
    'people:',
    '  dave: { github: dave }',
    'deployments:',
    '  production:',
    `    url: '${docuelevate.url}'`,
    '    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }',
    'credentials:',
    '  aws-access-key-id:',
    '    setting: aws_access_key_id',
    '    kind: api_key',
    '    owner: dave',
    `    issuer: AWS IAM user ${user}`,
    '    group: aws-s3',
    '    created: 2026-06-01',
    '    rotated: 2026-06-01',
    `    rotation: { driver: aws-iam-access-key, user: ${user}, secret: aws-secret-access-key, key_id: ${original.id} }`,
    `    value: ${sealValue(ring, { credentialId: 'aws-access-key-id' }, original.id, sealedAt)}`,
    '  aws-secret-access-key:',
    '    setting: aws_secret_access_key',
    '    kind: api_key',
    '    owner: dave',
    `    issuer: AWS IAM user ${user}`,
    '    group: aws-s3',
    '    created: 2026-06-01',
    '    rotated: 2026-06-01',
    `    value: ${sealValue(ring, { credentialId: 'aws-secret-access-key' }, original.secret, sealedAt)}`,
    '',
  ].join('\n');
  writeFileSync(file, text);
  sandbox.git(work, ['add', 'credentials.yaml']);
  sandbox.git(work, ['commit', '-q', '-m', 'inventory']);
  sandbox.git(work, ['push', '-q', 'origin', 'main']);
  const env: Record<string, string> = {
    ...sandbox.env,
    DE_USER: ADMIN.adminUsername,
    DE_PASSWORD: ADMIN.adminPassword,
    ...rotatorEnv(moto),
  };
  const review = () =>
    gitHubRotationReview({ token: github.token, repository: `${github.owner}/${github.repo}`, baseUrl: github.url, writeIntervalMs: 0, retryAfterUnitMs: 1 });
  const openGit = (): Promise<RotationRepository> => openRotationRepository({ file, env });
  const world: RotationWorld = {
    sandbox,
    work,
    bare,
    file,
    ring,
    key,
    user,
    original,
    docuelevate,
    github,
    iam,
    env,
    offsetMs: 0,
    clock: () => new Date(Date.now() + world.offsetMs),
    drivers: createRotationDrivers(env, { probeDelayMs: 50 }),
    rotate: (extra = {}) =>
      rotateCredentials({ file, today: TODAY, clock: () => world.clock(), ring, drivers: world.drivers, openGit, openReview: review, credentialId: 'aws-access-key-id', ...extra }),
    finish: async (extra = {}) =>
      finishRotations({
        today: TODAY,
        clock: () => world.clock(),
        drivers: world.drivers,
        git: await openGit(),
        review: await review(),
        loadAppliedState: appliedStateReader(work, env),
        ...extra,
      }),
    async apply(extra = {}) {
      const { report, check } = await applyInventory({
        file,
        today: TODAY,
        ring,
        env,
        clock: () => world.clock(),
        ...applyCollaborators(env, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 5 }, requestTimeoutMs: 5_000 }),
        ...extra,
      });
      if (!report) throw new Error(`inventory invalid: ${JSON.stringify(check.diagnostics)}`);
      return report;
    },
    async merge(number) {
      const answer = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/pulls/${number}/merge`, {
        method: 'PUT',
        headers: { authorization: `token ${github.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      if (answer.status !== 200) throw new Error(`merge #${number} answered ${answer.status}: ${await answer.text()}`);
      sandbox.git(work, ['pull', '-q', '--ff-only', 'origin', 'main']);
    },
    async closePullRequest(number) {
      const answer = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/pulls/${number}`, {
        method: 'PATCH',
        headers: { authorization: `token ${github.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'closed' }),
      });
      if (answer.status !== 200) throw new Error(`closing #${number} answered ${answer.status}`);
    },
    async keys() {
      const listed = await iam.send(new ListAccessKeysCommand({ UserName: user }));
      return new Map((listed.AccessKeyMetadata ?? []).map((entry) => [entry.AccessKeyId ?? '', entry.Status ?? '']));
    },
    async useKey(accessKey) {
      const sts = new STSClient({ endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId: accessKey.id, secretAccessKey: accessKey.secret } });
      await sts.send(new GetCallerIdentityCommand({}));
    },
    deployedKey() {
      return { id: docuelevate.runningValue('aws_access_key_id') ?? '', secret: docuelevate.runningValue('aws_secret_access_key') ?? '' };
    },
    inventoryText: () => readFileSync(file, 'utf8'),
    git: (args) => sandbox.git(work, args),
    async remove() {
      await docuelevate.close();
      await github.close();
      sandbox.remove();
    },
  };
  return world;
}

/** Runs git in any directory with the world's sterile environment. */
export function gitIn(world: RotationWorld, cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd, env: world.sandbox.env, encoding: 'utf8' }).trim();
}
