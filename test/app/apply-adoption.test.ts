// Apply's safe path: only from the default branch, and a re-key merged with both keys in the ring pushes nothing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyInventory, type ApplyRequest } from '../../src/app/apply.js';
import { applyCollaborators } from '../../src/wiring/apply.js';
import { UsageError } from '../../src/ports/errors.js';
import { parseAppliedState } from '../../src/core/applied-state.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import { generateFernetKey } from '../../src/crypto/fernet.js';
import { parseKeyRing, type KeyRing } from '../../src/crypto/key-ring.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { commitInventory, createSandbox, renderSealedInventory, type Sandbox, type TestCredential } from '../support/apply-sandbox.js';

const ADMIN = { adminUsername: 'adoption-admin', adminPassword: 'adoption-admin-login-password-31' };
const AUTH = '{ method: login, username_env: DE_USER, password_env: DE_PASSWORD }';
const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: 'sk-proj-adoption-openai-plaintext-0001' },
  { id: 'admin', setting: 'admin_password', kind: 'admin_password', value: 'adoption-admin-password-value-0002' },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function createWorld(): Promise<{ sandbox: Sandbox; repo: string; server: DocuElevateServer; commit(ring: KeyRing): string; apply(ring: KeyRing, extra?: Partial<ApplyRequest>): Promise<ApplyReport>; writes(): number }> {
  const sandbox = createSandbox();
  cleanups.push(() => sandbox.remove());
  const server = await startDocuElevateServer(ADMIN);
  cleanups.push(() => server.close());
  const repo = sandbox.initRepo('work');
  return {
    sandbox,
    repo,
    server,
    commit: (ring) => commitInventory(sandbox, repo, renderSealedInventory(ring, [{ id: 'production', url: server.url, auth: AUTH }], CREDENTIALS)),
    async apply(ring, extra = {}) {
      const { report, check } = await applyInventory({
        file: path.join(repo, 'credentials.yaml'),
        today: '2026-03-01',
        ring,
        env: { ...sandbox.env, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword },
        clock: () => new Date('2026-03-01T12:00:00.000Z'),
        ...applyCollaborators({ ...sandbox.env, DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword }),
        ...extra,
      });
      if (!report) throw new Error(`inventory invalid: ${JSON.stringify(check.diagnostics)}`);
      return report;
    },
    writes: () => server.state.requests.filter((request) => request.committed).length,
  };
}

describe('apply from the default branch only', () => {
  it('refuses a checkout on a feature branch before anything is sent, unless --allow-non-default-branch', async () => {
    const world = await createWorld();
    const ring = parseKeyRing(generateFernetKey());
    world.commit(ring);
    world.sandbox.git(world.repo, ['checkout', '-q', '-b', 'feature/unreviewed']);
    const refusal = world.apply(ring);
    await expect(refusal).rejects.toBeInstanceOf(UsageError);
    await expect(refusal).rejects.toThrow(/apply runs only from the default branch \(main\), and this checkout is on branch feature\/unreviewed: .*--allow-non-default-branch/);
    expect(world.writes()).toBe(0);
    expect(world.sandbox.git(world.repo, ['for-each-ref', 'refs/credledger'])).toBe('');
    // A dry run sends nothing, so it may show a branch's effect.
    expect((await world.apply(ring, { dryRun: true })).summary.planned).toBeGreaterThan(0);

    const allowed = await world.apply(ring, { allowNonDefaultBranch: true });
    expect(allowed.summary.done).toBe(2);
  });

  it('accepts the default branch, and a detached HEAD that is part of it', async () => {
    const world = await createWorld();
    const ring = parseKeyRing(generateFernetKey());
    const sha = world.commit(ring);
    world.sandbox.git(world.repo, ['checkout', '-q', '--detach', sha]);
    expect((await world.apply(ring)).summary.done).toBe(2);
  });
});

describe('a master-key change', () => {
  it('pushes nothing for a re-key merged with both keys in the ring, and nothing once the old key has left', async () => {
    const world = await createWorld();
    const oldKey = generateFernetKey();
    const newKey = generateFernetKey();
    world.commit(parseKeyRing(oldKey));
    expect((await world.apply(parseKeyRing(oldKey))).summary.done).toBe(2);
    const writes = world.writes();

    // The re-key: the same plaintexts (and sealing times) under the new key, merged while CI holds "new,old".
    world.commit(parseKeyRing(newKey));
    const both = parseKeyRing(`${newKey},${oldKey}`);
    const merged = await world.apply(both);
    expect(merged.summary.done).toBe(0);
    expect(merged.deployments[0]?.restartRequired).toEqual([]);
    expect(merged.warnings.join('\n')).toMatch(/2 values re-encrypted under key [0-9a-f]{8} \(production\): plaintexts unchanged, nothing pushed/);
    expect(world.writes()).toBe(writes);
    const state = parseAppliedState(world.sandbox.git(world.repo, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']));
    expect([...(state.deployments.get('production')?.values() ?? [])].map((record) => record.keyId)).toEqual([both.keys[0].id, both.keys[0].id]);

    // The old key leaves CI's secret: still nothing to push.
    const after = await world.apply(parseKeyRing(newKey));
    expect(after.summary.done).toBe(0);
    expect(after.warnings).toEqual([]);
    expect(world.writes()).toBe(writes);
  });

  it('says why every value is pushed again when the old key left the ring too early', async () => {
    const world = await createWorld();
    const oldKey = generateFernetKey();
    const newKey = generateFernetKey();
    world.commit(parseKeyRing(oldKey));
    await world.apply(parseKeyRing(oldKey));
    world.commit(parseKeyRing(newKey));
    const report = await world.apply(parseKeyRing(newKey), { dryRun: true });
    expect(report.summary.planned).toBe(2);
    expect(report.warnings.join('\n')).toMatch(/2 applied settings were fingerprinted under key [0-9a-f]{8}, which CREDLEDGER_KEY does not hold: .*keep the old key after the new one/);
  });
});
