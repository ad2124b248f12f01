import path from 'node:path';
import { ExternalError } from '../../src/ports/errors.js';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isLockLive, openGitAppliedStateStore, type GitAppliedStateStoreOptions, type ProcessProbe } from '../../src/adapters/applied-state-store.js';
import type { AppliedStateStore } from '../../src/ports/applied-state-store.js';
import { AppliedStateConflictError } from '../../src/ports/errors.js';
import { UsageError } from '../../src/ports/errors.js';
import { hostname } from 'node:os';
import { parseAppliedState, recordSettingApplied, recordSettingRemoved, type AppliedSetting } from '../../src/core/applied-state.js';
import { createSandbox, type Sandbox } from '../support/apply-sandbox.js';

const REF = 'refs/credledger/applied';
const sandboxes: Sandbox[] = [];

afterEach(() => {
  for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

function sandbox(): Sandbox {
  const created = createSandbox();
  sandboxes.push(created);
  return created;
}

function record(credential: string, fingerprint = 'a'.repeat(64)): AppliedSetting {
  return { credential, keyId: '0123abcd', fingerprint, commit: null, appliedAt: '2026-01-01T00:00:00.000Z' };
}

function open(box: Sandbox, directory: string, options: Omit<GitAppliedStateStoreOptions, 'directory' | 'env'> = {}): Promise<AppliedStateStore> {
  return openGitAppliedStateStore({ directory, env: box.env, ...options });
}

function readRefFile(box: Sandbox, repo: string, ref = REF): string {
  return box.git(repo, ['cat-file', 'blob', `${ref}:applied.json`]);
}

describe('applied state on a local ref', () => {
  it('starts empty, records each change as a commit and reads it back', async () => {
    const box = sandbox();
    const repo = box.initRepo('work');
    const store = await open(box, repo);
    expect(store.remote).toBeNull();
    const loaded = await store.load();
    expect(loaded.revision).toBeNull();
    expect(loaded.state.deployments.size).toBe(0);
    expect(await store.inventoryCommit()).toBeNull();

    await store.claim('credledger apply: started');
    await store.record((state) => recordSettingApplied(state, 'production', 'openai_api_key', record('openai')), 'set openai_api_key');
    await store.record((state) => recordSettingApplied(state, 'production', 'azure_ai_key', record('azure')), 'set azure_ai_key');
    await store.record((state) => recordSettingRemoved(state, 'production', 'azure_ai_key'), 'delete azure_ai_key');

    const head = box.git(repo, ['rev-parse', REF]);
    expect(store.revision()).toBe(head);
    expect(store.published()).toBe(true);
    expect(box.git(repo, ['log', '--format=%s', REF]).split('\n')).toEqual([
      'delete azure_ai_key',
      'set azure_ai_key',
      'set openai_api_key',
      'credledger apply: started',
    ]);
    expect(box.git(repo, ['log', '-1', '--format=%b', `${REF}~3`])).toMatch(/^claim [0-9a-f]{16}$/);
    expect(box.git(repo, ['log', '-1', '--format=%an <%ae>', REF])).toBe('credledger <credledger@users.noreply.invalid>');
    const state = parseAppliedState(readRefFile(box, repo));
    expect([...(state.deployments.get('production')?.keys() ?? [])]).toEqual(['openai_api_key']);

    const again = await open(box, repo);
    const reloaded = await again.load();
    expect(reloaded.revision).toBe(head);
    expect(reloaded.state.deployments.get('production')?.get('openai_api_key')).toEqual(record('openai'));
  });

  it('names the inventory commit, and refuses a directory outside any repository or a bad ref', async () => {
    const box = sandbox();
    const repo = box.initRepo('work');
    box.git(repo, ['commit', '-q', '--allow-empty', '-m', 'first']);
    const store = await open(box, repo);
    expect(await store.inventoryCommit()).toBe(box.git(repo, ['rev-parse', 'HEAD']));
    await expect(open(box, box.root)).rejects.toBeInstanceOf(UsageError);
    await expect(open(box, repo, { ref: 'credledger/applied' })).rejects.toThrow(/full ref name/);
    await expect(open(box, repo, { ref: 'refs/credledger/bad..name' })).rejects.toThrow(/full ref name/);
  });

  it('stops the second of two stores that loaded the same revision (compare-and-swap)', async () => {
    const box = sandbox();
    const repo = box.initRepo('work');
    const first = await open(box, repo);
    const second = await open(box, repo);
    await first.load();
    await second.load();
    await first.claim('first');
    const conflict = await second.claim('second').catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(AppliedStateConflictError);
    expect((conflict as AppliedStateConflictError).actual).toBe(first.revision());
    // After a conflict the store refuses every further change.
    await expect(second.record((state) => state, 'later')).rejects.toBeInstanceOf(AppliedStateConflictError);
    expect(box.git(repo, ['log', '--format=%s', REF])).toBe('first');
  });
});

describe('applied state shared through a remote', () => {
  function cloneOf(box: Sandbox, bare: string, name: string): string {
    box.git(box.root, ['clone', '-q', bare, name]);
    const dir = `${box.root}/${name}`;
    box.git(dir, ['config', 'user.name', 'Test Person']);
    box.git(dir, ['config', 'user.email', 'test@example.com']);
    return dir;
  }

  it('tolerates a missing remote ref, pushes with a lease, and the next clone fetches it', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const one = cloneOf(box, origin, 'one');
    const store = await open(box, one);
    expect(store.remote).toBe('origin');
    expect((await store.load()).revision).toBeNull();
    await store.claim('claim');
    expect(box.git(origin, ['rev-parse', REF])).toBe(store.revision());
    await store.record((state) => recordSettingApplied(state, 'production', 'openai_api_key', record('openai')), 'set');
    expect(store.published()).toBe(false);
    await store.publish();
    expect(store.published()).toBe(true);
    expect(box.git(origin, ['rev-parse', REF])).toBe(store.revision());

    // A fresh clone does not carry the custom ref; load fetches it.
    const two = cloneOf(box, origin, 'two');
    expect(box.git(two, ['for-each-ref', REF])).toBe('');
    const other = await open(box, two);
    const loaded = await other.load();
    expect(loaded.revision).toBe(store.revision());
    expect(loaded.state.deployments.get('production')?.get('openai_api_key')?.credential).toBe('openai');
  });

  it('lets only one of two concurrent claims win; the loser learns the winner', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const a = await open(box, cloneOf(box, origin, 'a'));
    const b = await open(box, cloneOf(box, origin, 'b'));
    await a.load();
    await b.load();
    const results = await Promise.allSettled([a.claim('a'), b.claim('b')]);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const conflict = rejected[0]?.reason as AppliedStateConflictError;
    expect(conflict).toBeInstanceOf(AppliedStateConflictError);
    const winner = results[0]?.status === 'fulfilled' ? a : b;
    expect(conflict.actual).toBe(winner.revision());
    expect(conflict.message).toMatch(/another apply recorded its state first/);
    expect(box.git(origin, ['rev-parse', REF])).toBe(winner.revision());
  });

  it('keeps two identical claims of the same state apart, so only one wins', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const a = await open(box, cloneOf(box, origin, 'a'));
    const b = await open(box, cloneOf(box, origin, 'b'));
    await a.load();
    await b.load();
    // Same message, same (empty) state, same second: without a nonce both would be one commit.
    await a.claim('credledger apply: started');
    await expect(b.claim('credledger apply: started')).rejects.toBeInstanceOf(AppliedStateConflictError);
    expect(b.revision()).not.toBe(a.revision());
  });

  it('stops a run whose publish meets a ref moved by a later run', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const early = await open(box, cloneOf(box, origin, 'early'));
    await early.load();
    await early.claim('early claim');
    const late = await open(box, cloneOf(box, origin, 'late'));
    await late.load();
    await late.claim('late claim');
    await early.record((state) => recordSettingApplied(state, 'production', 'openai_api_key', record('openai')), 'early set');
    await expect(early.publish()).rejects.toBeInstanceOf(AppliedStateConflictError);
    expect(box.git(origin, ['log', '--format=%s', REF]).split('\n')).toEqual(['late claim', 'early claim']);
  });

  it('lets applies of different deployments run at once, each replayed onto the other', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const production = await open(box, cloneOf(box, origin, 'production'));
    const staging = await open(box, cloneOf(box, origin, 'staging'));
    await production.load();
    await staging.load();
    // A matrix over deployments: both claim from the same state, each for its own deployment.
    await production.claim('production claim', ['production']);
    await staging.claim('staging claim', ['staging']);
    await production.record((state) => recordSettingApplied(state, 'production', 'openai_api_key', record('openai')), 'production set');
    await staging.record((state) => recordSettingApplied(state, 'staging', 'openai_api_key', record('openai')), 'staging set');
    await staging.publish();
    await production.publish();
    const fresh = await open(box, cloneOf(box, origin, 'fresh'));
    const { state } = await fresh.load();
    expect([...state.deployments.keys()].sort()).toEqual(['production', 'staging']);
    expect(box.git(origin, ['rev-parse', REF])).toBe(production.revision());
  });

  describe('a lock left by a run that did not finish', () => {
    const START = Date.parse('2026-03-01T12:00:00.000Z');
    const LIFETIME = 15 * 60_000;
    /** A process of host `host` with `pid`, which sees the processes in `running` as alive. */
    const processOf = (host: string, pid: number, running: readonly number[] = []): ProcessProbe => ({ host, pid, isRunning: (other) => running.includes(other) });

    async function leaveLock(box: Sandbox, origin: string, holder: ProcessProbe): Promise<void> {
      const killed = await open(box, cloneOf(box, origin, 'killed'), { clock: () => START, processProbe: holder });
      await killed.load();
      await killed.claim('killed claim', ['production']);
      // The run dies here: no release, the lock stays in the state.
    }

    async function claimFrom(box: Sandbox, origin: string, name: string, now: number, probe: ProcessProbe): Promise<unknown> {
      const next = await open(box, cloneOf(box, origin, name), { clock: () => now, processProbe: probe });
      await next.load();
      return next.claim(`${name} claim`, ['production']).then(() => 'claimed', (error: unknown) => error);
    }

    it('holds until it lapses, then is taken over', async () => {
      const box = sandbox();
      const origin = box.initRepo('origin.git', { bare: true });
      await leaveLock(box, origin, processOf('runner-a', 100));
      const elsewhere = processOf('runner-b', 200);
      const early = await claimFrom(box, origin, 'early', START + LIFETIME - 1, elsewhere);
      expect(early).toBeInstanceOf(AppliedStateConflictError);
      expect((early as Error).message).toBe(
        'production is being applied by another run (host runner-a, pid 100, since 2026-03-01T12:00:00.000Z); its lock lapses at 2026-03-01T12:15:00.000Z: apply again once it has finished',
      );
      expect(await claimFrom(box, origin, 'late', START + LIFETIME, elsewhere)).toBe('claimed');
    });

    it('is taken over at once when its process on this machine no longer runs, and holds while it does', async () => {
      const box = sandbox();
      const origin = box.initRepo('origin.git', { bare: true });
      await leaveLock(box, origin, processOf('runner-a', 100));
      expect(await claimFrom(box, origin, 'alive', START + 1_000, processOf('runner-a', 300, [100]))).toBeInstanceOf(AppliedStateConflictError);
      expect(await claimFrom(box, origin, 'after', START + 2_000, processOf('runner-a', 300, []))).toBe('claimed');
    });

    it('holds for another run of this very process, which cannot be probed', async () => {
      const box = sandbox();
      const origin = box.initRepo('origin.git', { bare: true });
      await leaveLock(box, origin, processOf('runner-a', 100));
      expect(await claimFrom(box, origin, 'same', START + 1_000, processOf('runner-a', 100, []))).toBeInstanceOf(AppliedStateConflictError);
    });
  });

  it('still stops the second of two applies that claim the same deployment', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const a = await open(box, cloneOf(box, origin, 'a'));
    const b = await open(box, cloneOf(box, origin, 'b'));
    await a.load();
    await b.load();
    await a.claim('a', ['production', 'staging']);
    await expect(b.claim('b', ['staging'])).rejects.toBeInstanceOf(AppliedStateConflictError);
    // And a run that replayed its claim still holds it against a third run of the same deployment.
    const c = await open(box, cloneOf(box, origin, 'c'));
    const d = await open(box, cloneOf(box, origin, 'd'));
    await c.load();
    await d.load();
    await c.claim('c', ['qa']);
    await expect(d.claim('d', ['qa'])).rejects.toBeInstanceOf(AppliedStateConflictError);
  });

  it('stops a run when an apply that claimed every deployment moved the ref meanwhile', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    const early = await open(box, cloneOf(box, origin, 'early'));
    await early.load();
    await early.claim('early', ['production']);
    const other = await open(box, cloneOf(box, origin, 'other'));
    await other.load();
    // A run without a scope (an older credledger) claims everything: the early run must not replay over it.
    await other.claim('other');
    await early.record((state) => recordSettingApplied(state, 'production', 'openai_api_key', record('openai')), 'early set');
    await expect(early.publish()).rejects.toBeInstanceOf(AppliedStateConflictError);
  });

  it('reports a push the remote refuses (a hook, a rule) as an external failure with git\'s reason, not as another apply', async () => {
    const box = sandbox();
    const origin = box.initRepo('origin.git', { bare: true });
    writeFileSync(path.join(origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho "refs/credledger/* is protected" >&2\nexit 1\n', { mode: 0o755 });
    const store = await open(box, cloneOf(box, origin, 'work'));
    await store.load();
    const failure = await store.claim('claim', ['production']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExternalError);
    expect((failure as Error).message).toMatch(/cannot push refs\/credledger\/applied to origin: .*protected/);
  });

  it('reports an unreachable remote as an external failure', async () => {
    const box = sandbox();
    const repo = box.initRepo('work');
    box.git(repo, ['remote', 'add', 'origin', `${box.root}/missing.git`]);
    const store = await open(box, repo);
    await expect(store.load()).rejects.toThrow(/git could not read refs\/credledger\/applied on origin/);
  });
});

// Issue #12 item 16: a lock whose `until` did not parse, or lay far in the future, never lapsed.
describe('isLockLive', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  const lock = (since: string, until: string) => ({ run: 'r', host: `elsewhere-${hostname()}`, pid: 1, since, until });
  it.each([
    ['a lock within its lifetime', lock('2026-12-02T11:55:00Z', '2026-12-02T12:10:00Z'), true],
    ['a lock past its until', lock('2026-12-02T11:00:00Z', '2026-12-02T11:15:00Z'), false],
    ['a malformed until', lock('2026-12-02T11:55:00Z', 'soon'), false],
    ['a malformed since', lock('yesterday', '2026-12-02T12:10:00Z'), false],
    ['an until in 2099, taken 20 minutes ago', lock('2026-12-02T11:40:00Z', '2099-01-01T00:00:00Z'), false],
    ['an until in 2099, taken a minute ago', lock('2026-12-02T11:59:00Z', '2099-01-01T00:00:00Z'), true],
    ['a lock taken in the future', lock('2099-01-01T00:00:00Z', '2099-01-01T00:15:00Z'), false],
  ])('%s', (_, candidate, live) => {
    expect(isLockLive(candidate, now)).toBe(live);
  });
});
