// A swap rotation's setting: a work clone with a bare remote, the loopback GitHub, and two loopback DocuElevates that
// share one admin password (the inventory's `admin-password`, rotation driver docuelevate-admin-password).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyInventory, type ApplyRequest } from '../../src/app/apply.js';
import { auditDeployments, type AuditRequest } from '../../src/app/audit.js';
import { finishRotations, type FinishOutcome, type FinishRequest } from '../../src/app/rotate-finish.js';
import { rotateCredentials, type RotateRequest, type RotateResult } from '../../src/app/rotate.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import type { AuditReport } from '../../src/core/audit.js';
import { parseRotationState, type RotationStateDocument } from '../../src/core/rotation-state.js';
import { parseKeyRing, type KeyRing } from '../../src/crypto/key-ring.js';
import { openSealedValue, sealValue, sealValueForRecipient } from '../../src/crypto/sealed-value.js';
import { generateSealingKeyPair, type RecipientPublicKey } from '../../src/crypto/sealing-key.js';
import type { RotationRepository } from '../../src/ports/rotation-driver.js';
import { applyCollaborators, auditCollaborators } from '../../src/wiring/apply.js';
import { appliedStateReader, createRotationDrivers, gitHubRotationReview, openRotationRepository } from '../../src/wiring/rotation.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, type Sandbox } from './apply-sandbox.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { bareRemoteGit } from './bare-remote.js';

export const ADMIN_USER = 'swap-admin';
export const OLD_PASSWORD = 'swap-old-admin-password-value-0001';
export const TODAY = '2026-12-02';
export const CREDENTIAL = 'admin-password';

export interface SwapWorld {
  readonly sandbox: Sandbox;
  readonly work: string;
  readonly bare: string;
  readonly file: string;
  readonly ring: KeyRing;
  readonly key: string;
  readonly production: DocuElevateServer;
  readonly staging: DocuElevateServer;
  readonly github: FakeGitHub;
  /** Git's sterile environment, DocuElevate's login (DE_PASSWORD: the old password, never updated) and the key. */
  readonly env: Record<string, string>;
  clock(): Date;
  rotate(extra?: Partial<RotateRequest>): Promise<RotateResult>;
  finish(extra?: Partial<FinishRequest>): Promise<FinishOutcome[]>;
  apply(extra?: Partial<ApplyRequest>): Promise<ApplyReport>;
  audit(extra?: Partial<AuditRequest>): Promise<AuditReport>;
  merge(number: number): Promise<void>;
  closePullRequest(number: number): Promise<void>;
  /** The rotation state as the bare remote holds it. */
  rotationState(): RotationStateDocument;
  /** The swap's recorded password, opened with the world's key (test side only). */
  mintedPassword(): string;
  inventoryText(): string;
  git(args: readonly string[]): string;
  remove(): Promise<void>;
}

/** Whether DocuElevate's login form takes this password: GET /login (cookie, CSRF field), POST /auth. */
export async function acceptsLogin(server: DocuElevateServer, password: string): Promise<boolean> {
  const page = await fetch(`${server.url}/login`);
  const html = await page.text();
  const csrf = /<input type="hidden" name="csrf_token" value="([^"]+)">/.exec(html)?.[1] ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const answer = await fetch(`${server.url}/auth`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: ADMIN_USER, password, csrf_token: csrf }).toString(),
  });
  await answer.text();
  return answer.status === 302 && !(answer.headers.get('location') ?? '').startsWith('/login');
}

export function inventoryFor(urls: { production: string; staging: string }, ring: KeyRing, recipient?: RecipientPublicKey): string {
  const sealedAt = Math.floor(Date.parse('2026-06-01T00:00:00Z') / 1000);
  const seal = (credentialId: string, plaintext: string) =>
    recipient === undefined ? sealValue(ring, { credentialId }, plaintext, sealedAt) : sealValueForRecipient(recipient, { credentialId }, plaintext, sealedAt);
  return [
    'version: 1',
    ...(recipient === undefined ? [] : ['encryption:', '  recipients:', `    - id: ${recipient.id}`, `      public_key: ${recipient.publicKey}`]),
    'people:',
    '  dave: { github: dave }',
    'deployments:',
    '  production:',
    `    url: '${urls.production}'`,
    '    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }',
    '  staging:',
    `    url: '${urls.staging}'`,
    '    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }',
    'credentials:',
    `  ${CREDENTIAL}:`,
    '    setting: admin_password',
    '    kind: admin_password',
    '    owner: dave',
    '    created: 2026-06-01',
    '    rotated: 2026-06-01',
    '    rotation: { driver: docuelevate-admin-password, length: 32 }',
    `    value: ${seal(CREDENTIAL, OLD_PASSWORD)}`,
    '  openai:',
    '    setting: openai_api_key',
    '    kind: api_key',
    '    owner: dave',
    '    created: 2026-06-01',
    '    rotated: 2026-06-01',
    `    value: ${seal('openai', 'sk-swap-world-openai-key-000000000001')}`,
    '',
  ].join('\n');
}

/** Builds the world and applies the inventory once: both deployments hold the old password (and the OpenAI key). */
export async function createSwapWorld(options: { recipients?: boolean } = {}): Promise<SwapWorld> {
  const sandbox = createSandbox();
  const bare = sandbox.initRepo('remote.git', { bare: true });
  const work = path.join(sandbox.root, 'work');
  sandbox.git(sandbox.root, ['clone', '-q', bare, work]);
  sandbox.git(work, ['config', 'user.name', 'Test Person']);
  sandbox.git(work, ['config', 'user.email', 'test@example.com']);
  // With recipients the values are sealed for `ci`, and every run holds only its sealing key (CREDLEDGER_SEALING_KEY).
  const ci = options.recipients ? generateSealingKeyPair('ci') : undefined;
  const { key, ring } = ci === undefined ? createTestKey() : { key: ci.privateKey.encode(), ring: parseKeyRing(ci.privateKey.encode(), 'CREDLEDGER_SEALING_KEY') };
  const production = await startDocuElevateServer({ adminUsername: ADMIN_USER, adminPassword: OLD_PASSWORD });
  const staging = await startDocuElevateServer({ adminUsername: ADMIN_USER, adminPassword: OLD_PASSWORD });
  const github = await startFakeGitHub({
    git: bareRemoteGit(sandbox.git, sandbox.root, bare),
  });
  const file = path.join(work, 'credentials.yaml');
  writeFileSync(file, inventoryFor({ production: production.url, staging: staging.url }, ring, ci?.recipient));
  sandbox.git(work, ['add', 'credentials.yaml']);
  sandbox.git(work, ['commit', '-q', '-m', 'inventory']);
  sandbox.git(work, ['push', '-q', 'origin', 'main']);
  const env: Record<string, string> = { ...sandbox.env, DE_USER: ADMIN_USER, DE_PASSWORD: OLD_PASSWORD, [ci === undefined ? 'CREDLEDGER_KEY' : 'CREDLEDGER_SEALING_KEY']: key };
  const review = () =>
    gitHubRotationReview({ token: github.token, repository: `${github.owner}/${github.repo}`, baseUrl: github.url, writeIntervalMs: 0, retryAfterUnitMs: 1 });
  const openGit = (): Promise<RotationRepository> => openRotationRepository({ file, env });
  const drivers = createRotationDrivers(env);
  const http = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 5 }, requestTimeoutMs: 5_000 };
  const world: SwapWorld = {
    sandbox,
    work,
    bare,
    file,
    ring,
    key,
    production,
    staging,
    github,
    env,
    clock: () => new Date(),
    rotate: (extra = {}) => rotateCredentials({ file, today: TODAY, clock: () => world.clock(), ring, drivers, openGit, openReview: review, credentialId: CREDENTIAL, ...extra }),
    finish: async (extra = {}) =>
      finishRotations({ today: TODAY, clock: () => world.clock(), drivers, git: await openGit(), review: await review(), loadAppliedState: appliedStateReader(work, env), ...extra }),
    async apply(extra = {}) {
      const { report, check } = await applyInventory({ file, today: TODAY, ring, env, clock: () => world.clock(), ...applyCollaborators(env, http), ...extra });
      if (!report) throw new Error(`inventory invalid: ${JSON.stringify(check.diagnostics)}`);
      return report;
    },
    async audit(extra = {}) {
      const { report, check } = await auditDeployments({ file, today: TODAY, ring, env, ...auditCollaborators(env, http), ...extra });
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
    rotationState() {
      try {
        return parseRotationState(sandbox.git(bare, ['cat-file', 'blob', 'refs/credledger/rotation:rotation.json']));
      } catch {
        return { version: 1, rotations: {} };
      }
    },
    mintedPassword() {
      const sealed = world.rotationState().rotations[CREDENTIAL]?.sealedValue;
      if (sealed === undefined) throw new Error('no swap value is recorded');
      return openSealedValue(ring, { credentialId: CREDENTIAL }, sealed).reveal();
    },
    inventoryText: () => readFileSync(file, 'utf8'),
    git: (args) => sandbox.git(work, args),
    async remove() {
      await Promise.all([production.close(), staging.close(), github.close()]);
      sandbox.remove();
    },
  };
  const first = await world.apply();
  if (!first.deployments.every((deployment) => deployment.outcome === 'done')) throw new Error(`the first apply did not go through: ${JSON.stringify(first.deployments)}`);
  return world;
}

/** Runs git in any directory with the world's sterile environment. */
export function gitIn(world: SwapWorld, cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd, env: world.sandbox.env, encoding: 'utf8' }).trim();
}
