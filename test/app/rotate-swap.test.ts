// A swap rotation of DocuElevate's admin password (docuelevate-admin-password) through a git clone with a bare remote,
// the loopback GitHub and two loopback DocuElevates: rotate opens a pull request with the request only; the apply after
// the merge mints, seals, records and pushes; rotate --finish writes the value into the inventory. Crash points converge,
// the old password is never pushed back, and no plaintext appears anywhere.
import { chmodSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RotationOutcome } from '../../src/app/rotate.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import { openGitAppliedStateStore } from '../../src/adapters/applied-state-store.js';
import { LOCK_LIFETIME_MS } from '../../src/core/applied-state.js';
import type { SwapRotations } from '../../src/app/swap-rotation.js';
import { ExternalError } from '../../src/ports/errors.js';
import { swapRotations } from '../../src/wiring/apply.js';
import { acceptsLogin, createSwapWorld, CREDENTIAL, OLD_PASSWORD, type SwapWorld } from '../support/swap-world.js';

const worlds: SwapWorld[] = [];

afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.remove()));
});

async function world(): Promise<SwapWorld> {
  const created = await createSwapWorld();
  worlds.push(created);
  return created;
}

class SimulatedCrash extends Error {}

function opened(outcome: RotationOutcome | undefined): Extract<RotationOutcome, { kind: 'opened' }> {
  if (outcome?.kind !== 'opened') throw new Error(`expected a pull request, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The admin_password operation of each deployment: outcome, or absent when apply had nothing to do there. */
function adminOutcomes(report: ApplyReport): Record<string, string | undefined> {
  return Object.fromEntries(report.deployments.map((deployment) => [deployment.deployment, deployment.operations.find((operation) => operation.setting === 'admin_password')?.outcome]));
}

/** Everything people and git can read: pull requests, comments, the inventory, every commit of every ref of the remote. */
function publishedText(w: SwapWorld): string {
  const issues = w.github.listIssues({ includePullRequests: true, state: 'all' });
  return [
    ...issues.map((issue) => `${issue.title}\n${issue.body ?? ''}`),
    ...issues.flatMap((issue) => w.github.listComments(issue.number).map((comment) => comment.body)),
    w.inventoryText(),
    w.sandbox.git(w.bare, ['log', '--all', '-p', '--format=%H %s%n%b']),
  ].join('\n');
}

/** rotate, then merge its pull request: main now carries the swap request. */
async function requestAndMerge(w: SwapWorld): Promise<{ rotationId: string; number: number }> {
  const outcome = opened((await w.rotate()).outcomes[0]);
  await w.merge(outcome.pullRequest.number);
  const record = w.rotationState().rotations[CREDENTIAL];
  return { rotationId: record?.id ?? '', number: outcome.pullRequest.number };
}

async function bothAccept(w: SwapWorld, password: string): Promise<[boolean, boolean]> {
  return [await acceptsLogin(w.production, password), await acceptsLogin(w.staging, password)];
}

describe('rotate docuelevate-admin-password (a swap)', { timeout: 180_000 }, () => {
  it('runs end to end: request PR → merge → apply mints, records and pushes → the inventory catches up → finished', async () => {
    const w = await world();
    const outputs: unknown[] = [];
    const mainBefore = w.sandbox.git(w.bare, ['rev-parse', 'main']);

    // 1. rotate: a pull request carrying only the request; nothing minted, main untouched.
    const result = await w.rotate();
    outputs.push(result);
    const outcome = opened(result.outcomes[0]);
    const pending = w.rotationState().rotations[CREDENTIAL];
    expect(pending).toMatchObject({ phase: 'pending', strategy: 'swap', driver: 'docuelevate-admin-password', pullRequest: outcome.pullRequest.number });
    expect(pending?.sealedValue).toBeUndefined();
    expect(pending?.id).toMatch(/^rot-[0-9a-f]{12}$/);
    expect(w.sandbox.git(w.bare, ['rev-parse', 'main'])).toBe(mainBefore);
    const diff = w.sandbox.git(w.bare, ['diff', 'main', `credledger/rotate/${CREDENTIAL}`]);
    expect(diff.split('\n').filter((line) => /^[+-][^+-]/.test(line))).toEqual([
      '-    rotation: { driver: docuelevate-admin-password, length: 32 }',
      `+    rotation: { driver: docuelevate-admin-password, length: 32, swap: ${pending?.id} }`,
    ]);
    const body = w.github.getIssue(outcome.pullRequest.number)?.body ?? '';
    expect(body).toContain('This pull request carries no value');
    expect(body).toContain('pushes it to every deployment that holds the credential, after every other setting');
    // Before the merge, rotate again finds the same request and --finish waits for it.
    expect(opened((await w.rotate()).outcomes[0]).pullRequest.number).toBe(outcome.pullRequest.number);
    expect((await w.finish()).map((step) => step.notes)).toEqual([['waiting for its pull request (the swap request) to be merged']]);

    // 2. merge; --finish knows apply is next; apply mints, seals, records, pushes last.
    await w.merge(outcome.pullRequest.number);
    expect((await w.finish())[0]?.notes[0]).toMatch(/^merged; the next apply mints/);
    // A dry run says what the apply will do and mints nothing.
    const dry = await w.apply({ dryRun: true });
    expect(dry.warnings).toContain(`${CREDENTIAL}: a swap was requested: a real apply mints a new admin_password, records it sealed and pushes it last`);
    expect(w.rotationState().rotations[CREDENTIAL]?.sealedValue).toBeUndefined();
    const applied = await w.apply();
    outputs.push(applied);
    expect(adminOutcomes(applied)).toEqual({ production: 'done', staging: 'done' });
    expect(applied.warnings.some((warning) => warning.startsWith(`minted a new admin_password for ${CREDENTIAL} (swap ${pending?.id})`))).toBe(true);
    const recorded = w.rotationState().rotations[CREDENTIAL];
    expect(recorded?.sealedValue).toMatch(/^fernet:/);
    const minted = w.mintedPassword();
    expect(minted).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await bothAccept(w, minted)).toEqual([true, true]);
    expect(await bothAccept(w, OLD_PASSWORD)).toEqual([false, false]);
    // The rotation ref got the sealed value before DocuElevate got the password: its commit says so, and it is the only mint.
    expect(w.sandbox.git(w.bare, ['log', '--format=%s', 'refs/credledger/rotation']).split('\n').filter((line) => line.includes('minted'))).toHaveLength(1);

    // 3. The inventory still holds the old value: a later apply, even --all, pushes the minted one, never the old one,
    // and logs in with the minted one although DE_PASSWORD is the old one.
    const again = await w.apply({ all: true });
    outputs.push(again);
    expect(adminOutcomes(again)).toEqual({ production: 'done', staging: 'done' });
    expect(await bothAccept(w, minted)).toEqual([true, true]);
    expect(w.production.runningValue('admin_password')).toBe(minted);
    const quiet = await w.apply();
    expect(quiet.deployments.map((deployment) => deployment.outcome)).toEqual(['unchanged', 'unchanged']);
    // audit logs in with the minted password and finds no drift: it compares with the recorded value.
    const audit = await w.audit();
    outputs.push(audit);
    expect(audit.deployments.map((deployment) => deployment.outcome)).toEqual(['audited', 'audited']);
    expect(audit.deployments.flatMap((deployment) => deployment.findings).filter((finding) => finding.setting === 'admin_password')).toEqual([]);

    // 4. --finish: applied everywhere, then a pull request writes the recorded sealed value into the inventory.
    const finishing = await w.finish();
    outputs.push(finishing);
    expect(finishing.map((step) => [step.from, step.to])).toEqual([['pending', 'applied']]);
    const valuePull = w.rotationState().rotations[CREDENTIAL]?.valuePullRequest as number;
    expect(finishing[0]?.notes.at(-1)).toBe(`opened #${valuePull}, which writes the new sealed value into the inventory`);
    expect((await w.finish())[0]?.notes).toEqual([`waiting for #${valuePull}, which writes the new sealed value into the inventory`]);
    await w.merge(valuePull);
    expect(w.inventoryText()).toContain(`    value: ${recorded?.sealedValue}`);
    expect(w.inventoryText()).toContain('    rotation: { driver: docuelevate-admin-password, length: 32 }\n');
    expect(w.inventoryText()).toContain(`    rotated: 2026-12-02\n`);
    const done = await w.finish();
    outputs.push(done);
    expect(done.map((step) => [step.from, step.to])).toEqual([['applied', 'finished']]);
    expect(await w.finish()).toEqual([]);
    // The inventory now holds what DocuElevate holds: nothing to push, and the login falls back to the inventory's value.
    const after = await w.apply({ all: true });
    expect(adminOutcomes(after)).toEqual({ production: 'done', staging: 'done' });
    expect(await bothAccept(w, minted)).toEqual([true, true]);

    // No plaintext anywhere: outputs, pull requests, the inventory, any commit of any ref.
    const everything = `${JSON.stringify(outputs)}\n${publishedText(w)}`;
    expect(everything).not.toContain(minted);
    expect(everything).not.toContain(OLD_PASSWORD);
  });

  it('crash after recording the sealed value, before pushing: the re-run pushes that same value, no second mint', async () => {
    const w = await world();
    await requestAndMerge(w);
    await expect(
      w.apply({
        checkpoint: (step) => {
          if (step === 'after-swap-record') throw new SimulatedCrash('killed');
        },
      }),
    ).rejects.toThrow(SimulatedCrash);
    const sealed = w.rotationState().rotations[CREDENTIAL]?.sealedValue;
    expect(sealed).toMatch(/^fernet:/);
    // Nothing was pushed: the old password still opens both deployments.
    expect(await bothAccept(w, OLD_PASSWORD)).toEqual([true, true]);
    const report = await w.apply();
    expect(adminOutcomes(report)).toEqual({ production: 'done', staging: 'done' });
    expect(w.rotationState().rotations[CREDENTIAL]?.sealedValue).toBe(sealed);
    expect(await bothAccept(w, w.mintedPassword())).toEqual([true, true]);
    expect(await bothAccept(w, OLD_PASSWORD)).toEqual([false, false]);
    expect((await w.finish()).map((step) => step.to)).toEqual(['applied']);
  });

  it('crash after pushing, before recording applied: the re-run logs in with the minted password and records it', async () => {
    const w = await world();
    await requestAndMerge(w);
    // Production dies between DocuElevate taking the password and the applied state recording it.
    await expect(
      w.apply({
        deployments: ['production'],
        checkpoint: (step) => {
          if (step === 'after-swap-push') throw new SimulatedCrash('killed after the push');
        },
      }),
    ).rejects.toThrow(SimulatedCrash);
    const crashed = ['production'];
    const minted = w.mintedPassword();
    expect(await bothAccept(w, minted)).toEqual([true, false]);
    // Not recorded there, so --finish still waits.
    expect((await w.finish())[0]?.notes).toEqual(['minted and recorded; waiting for apply to push it to every deployment and confirm it (re-run apply)']);
    // DE_PASSWORD (the old password) is refused now; the re-run opens with the recorded one, pushes the same value, records it.
    // (In this process the dead run's lock on production does not look dead: the re-run comes after it lapsed. The
    // built-CLI test kills a real process instead.)
    const later = () => Date.now() + LOCK_LIFETIME_MS + 60_000;
    const rerun = await w.apply({ openStateStore: (options) => openGitAppliedStateStore({ ...options, env: w.env, clock: later }) });
    const deployment = rerun.deployments.find((entry) => entry.deployment === crashed[0]);
    expect(deployment?.operations.map((operation) => [operation.setting, operation.outcome])).toEqual([['admin_password', 'done']]);
    expect(deployment?.warnings.join('\n')).not.toContain(minted);
    expect(await bothAccept(w, minted)).toEqual([true, true]);
    expect(w.rotationState().rotations[CREDENTIAL]?.sealedValue).toBeDefined();
    expect(w.sandbox.git(w.bare, ['log', '--format=%s', 'refs/credledger/rotation']).split('\n').filter((line) => line.includes('minted'))).toHaveLength(1);
    expect((await w.finish()).map((step) => step.to)).toEqual(['applied']);
  });

  it('when the sealed value cannot be recorded, nothing is minted for good and nothing is pushed', async () => {
    const w = await world();
    await requestAndMerge(w);
    // The remote refuses the rotation ref (as a broken remote would): the record fails.
    const hook = path.join(w.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do [ "$ref" = refs/credledger/rotation ] && { echo "rotation ref refused" >&2; exit 1; }; done\nexit 0\n');
    chmodSync(hook, 0o755);
    const writesBefore = w.production.state.requests.length;
    const error = await w.apply().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toMatch(/^credentials\.admin-password\.rotation\.swap rot-[0-9a-f]{12}: the sealed new password could not be recorded on origin, so nothing was pushed and it was dropped/);
    expect(w.rotationState().rotations[CREDENTIAL]?.sealedValue).toBeUndefined();
    expect(await bothAccept(w, OLD_PASSWORD)).toEqual([true, true]);
    expect(w.production.state.requests.slice(writesBefore).filter((request) => request.method === 'PUT' || request.method === 'POST' && request.path.startsWith('/api/'))).toEqual([]);
    rmSync(hook);
    const report = await w.apply();
    expect(adminOutcomes(report)).toEqual({ production: 'done', staging: 'done' });
    expect(await bothAccept(w, w.mintedPassword())).toEqual([true, true]);
  });

  it('two applies of different deployments (the matrix jobs) mint once: the one that records second uses the first one\'s', async () => {
    const w = await world();
    await requestAndMerge(w);
    const real = swapRotations(w.env);
    // Both jobs read the rotation state before either records its mint, as two jobs started together do.
    let loaded = 0;
    let release: () => void = () => undefined;
    const bothLoaded = new Promise<void>((resolve) => (release = resolve));
    const rotations: SwapRotations = {
      drivers: real.drivers,
      openRepository: async (file) => {
        const git = await real.openRepository(file);
        let first = true;
        return new Proxy(git, {
          get(target, property) {
            if (property === 'loadState' && first) {
              first = false;
              return async () => {
                const state = await target.loadState();
                loaded += 1;
                if (loaded === 2) release();
                await bothLoaded;
                return state;
              };
            }
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    // Each job has a clone of its own, as each runner has.
    const other = path.join(w.sandbox.root, 'staging-job');
    w.sandbox.git(w.sandbox.root, ['clone', '-q', w.bare, other]);
    const [production, staging] = await Promise.all([
      w.apply({ deployments: ['production'], rotations }),
      w.apply({ deployments: ['staging'], rotations, file: path.join(other, 'credentials.yaml') }),
    ]);
    expect([adminOutcomes(production).production, adminOutcomes(staging).staging]).toEqual(['done', 'done']);
    expect([...production.warnings, ...staging.warnings].filter((warning) => warning.startsWith('minted a new admin_password'))).toHaveLength(1);
    expect(w.sandbox.git(w.bare, ['log', '--format=%s', 'refs/credledger/rotation']).split('\n').filter((line) => line.includes('minted'))).toHaveLength(1);
    expect(await bothAccept(w, w.mintedPassword())).toEqual([true, true]);
    expect((await w.finish()).map((step) => step.to)).toEqual(['applied']);
  });

  it('seals the new password for encryption.recipients, so apply needs only the sealing key', async () => {
    const w = await createSwapWorld({ recipients: true });
    worlds.push(w);
    await requestAndMerge(w);
    const report = await w.apply();
    expect(adminOutcomes(report)).toEqual({ production: 'done', staging: 'done' });
    expect(w.rotationState().rotations[CREDENTIAL]?.sealedValue).toMatch(/^sealed:ci:/);
    const minted = w.mintedPassword();
    expect(await bothAccept(w, minted)).toEqual([true, true]);
    const finishing = await w.finish();
    await w.merge(w.rotationState().rotations[CREDENTIAL]?.valuePullRequest as number);
    expect((await w.finish()).map((step) => step.to)).toEqual(['finished']);
    expect(JSON.stringify([report, finishing])).not.toContain(minted);
    expect(publishedText(w)).not.toContain(minted);
  });

  it('a swap request closed unmerged is discarded with nothing minted', async () => {
    const w = await world();
    const outcome = opened((await w.rotate()).outcomes[0]);
    await w.closePullRequest(outcome.pullRequest.number);
    const steps = await w.finish();
    expect(steps.map((step) => [step.from, step.to])).toEqual([['pending', 'discarded']]);
    expect(steps[0]?.notes).toEqual(['discarded: its pull request was closed without merging; nothing was minted']);
    expect(await bothAccept(w, OLD_PASSWORD)).toEqual([true, true]);
    expect(w.sandbox.git(w.bare, ['branch', '--list', `credledger/rotate/${CREDENTIAL}`])).toBe('');
  });
});
