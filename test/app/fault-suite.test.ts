// The seeded fault suite: apply against a deployment behind a proxy that fails requests at random (5xx, 429, dropped
// connections before and after DocuElevate committed the write), seed after seed, until each run converges. It counts
// what matters: values lost (the deployment does not end with the inventory's value) and values duplicated (a setting
// written again in a later run after the applied state recorded it). `npm run fuzz` runs many more seeds.
import { afterAll, describe, expect, it } from 'vitest';
import { applyInventory } from '../../src/app/apply.js';
import { parseAppliedState } from '../../src/core/applied-state.js';
import { assessApplyReport } from '../../src/core/apply-report.js';
import { startDocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import type { FaultKind } from '../../src/devserver/fault-plan.js';
import { applyCollaborators } from '../../src/wiring/apply.js';
import { commitInventory, createSandbox, createTestKey, environmentCredentials, renderSealedInventory, type TestCredential } from '../support/apply-sandbox.js';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 6);
const FIRST_SEED = Number(process.env.FUZZ_FIRST_SEED ?? 1);
const RATE = 0.3;
const KINDS: FaultKind[] = ['500', '502', '503', '504', '429', 'drop'];
const ADMIN = { adminUsername: 'fault-admin', adminPassword: 'fault-suite-admin-password-01' };
const ENV = { FAULT_USER: ADMIN.adminUsername, FAULT_PASSWORD: ADMIN.adminPassword };
const CREDENTIALS: TestCredential[] = [
  { id: 'openai', setting: 'openai_api_key', value: 'sk-fault-suite-openai-0001' },
  { id: 'azure', setting: 'azure_ai_key', value: 'fault-suite-azure-0002' },
  { id: 'aws-id', setting: 'aws_access_key_id', value: 'AKIAFAULTSUITE0003', group: 'aws' },
  { id: 'aws-secret', setting: 'aws_secret_access_key', value: 'fault-suite-aws-secret-0004', group: 'aws' },
  { id: 'webdav', setting: 'webdav_password', kind: 'password', value: 'fault-suite-webdav-0005' },
  ...environmentCredentials(['production']),
];
/** Runs per seed before a seed counts as not converging. */
const MAX_RUNS = 8;

interface SeedOutcome {
  readonly faults: number;
  readonly lost: string[];
  readonly duplicated: string[];
  readonly runs: number;
}

async function runSeed(seed: number): Promise<SeedOutcome> {
  const sandbox = createSandbox();
  const server = await startDocuElevateServer({ ...ADMIN, faults: { seed, rate: RATE, kinds: KINDS } });
  try {
    const { ring } = createTestKey();
    const repo = sandbox.initRepo('work');
    const auth = '{ method: login, username_env: FAULT_USER, password_env: FAULT_PASSWORD }';
    commitInventory(sandbox, repo, renderSealedInventory(ring, [{ id: 'production', url: server.url, auth }], CREDENTIALS));
    const env = { ...sandbox.env, ...ENV };
    const apply = async () => {
      const { report } = await applyInventory({
        file: `${repo}/credentials.yaml`,
        today: '2026-03-01',
        ring,
        env,
        clock: () => new Date('2026-03-01T12:00:00.000Z'),
        ...applyCollaborators(env, { retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 5 }, requestTimeoutMs: 5_000 }),
      });
      if (!report) throw new Error('inventory invalid');
      return report;
    };
    const recorded = () => {
      try {
        const text = sandbox.git(repo, ['cat-file', 'blob', 'refs/credledger/applied:applied.json']);
        return new Set(parseAppliedState(text).deployments.get('production')?.keys() ?? []);
      } catch {
        return new Set<string>();
      }
    };
    const committedWrites = () => server.state.requests.filter((request) => request.committed && request.method === 'POST').map((request) => request.path.replace('/api/settings/', ''));
    const duplicated: string[] = [];
    let runs = 0;
    for (; runs < MAX_RUNS; runs += 1) {
      const recordedBefore = recorded();
      const writesBefore = committedWrites().length;
      const report = await apply();
      // A setting the state had recorded before this run must not be written again by it: that is a needless re-push.
      for (const setting of committedWrites().slice(writesBefore)) if (recordedBefore.has(setting)) duplicated.push(`seed ${seed}: ${setting}`);
      if (assessApplyReport(report) === 'ok') break;
    }
    const faults = server.state.requests.filter((request) => request.fault !== null).length;
    // Converged: one more run, without faults, has nothing to write.
    server.setFaults(undefined);
    const writesBefore = committedWrites().length;
    const final = await apply();
    for (const setting of committedWrites().slice(writesBefore)) duplicated.push(`seed ${seed}: ${setting} after convergence`);
    expect(assessApplyReport(final)).toBe('ok');
    const lost = CREDENTIALS.filter((credential) => credential.value !== undefined && server.storedValue(credential.setting) !== credential.value).map((credential) => `seed ${seed}: ${credential.setting}`);
    return { faults, lost, duplicated, runs: runs + 1 };
  } finally {
    await server.close();
    sandbox.remove();
  }
}

describe('fault suite', () => {
  const outcomes: SeedOutcome[] = [];
  afterAll(() => {
    const faults = outcomes.reduce((sum, outcome) => sum + outcome.faults, 0);
    const lost = outcomes.reduce((sum, outcome) => sum + outcome.lost.length, 0);
    const duplicated = outcomes.reduce((sum, outcome) => sum + outcome.duplicated.length, 0);
    console.log(`${outcomes.length} seeds, ${faults} faults, ${lost} lost, ${duplicated} duplicated`);
  });

  it(`converges for ${SEEDS} seeds with nothing lost and nothing written twice`, { timeout: 60_000 + SEEDS * 20_000 }, async () => {
    for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed += 1) {
      const outcome = await runSeed(seed);
      outcomes.push(outcome);
      expect(outcome.lost).toEqual([]);
      expect(outcome.duplicated).toEqual([]);
      expect(outcome.runs).toBeLessThanOrEqual(MAX_RUNS);
    }
    // The proxy did misbehave: a suite that met no fault would prove nothing.
    expect(outcomes.reduce((sum, outcome) => sum + outcome.faults, 0)).toBeGreaterThan(SEEDS);
  });
});
