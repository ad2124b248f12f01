// A real rotation of an IAM user's key pair against moto, through a git clone with a bare remote, the loopback GitHub
// and DocuElevate servers: create → PR → merge → apply → finish, crash points that converge, and the refusals.
// Each test spawns git some fifty times and talks to three servers: under a loaded CI machine that takes longer than
// the suite's default timeout, hence the generous one below (no test asserts on time).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DocuElevateError } from '../../src/adapters/docuelevate-client.js';
import type { RotationOutcome } from '../../src/app/rotate.js';
import { startMotoServer, type MotoServer } from '../support/moto.js';
import { createRotationWorld, type RotationWorld } from '../support/rotation-world.js';

let moto: MotoServer;
const worlds: RotationWorld[] = [];

beforeAll(async () => {
  moto = await startMotoServer();
});

afterAll(async () => {
  await moto?.stop();
});

afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.remove()));
});

async function world(options: { secondKey?: boolean } = {}): Promise<RotationWorld> {
  const created = await createRotationWorld(moto, options);
  worlds.push(created);
  return created;
}

const HOUR = 3_600_000;

class SimulatedCrash extends Error {}

function opened(outcome: RotationOutcome | undefined): Extract<RotationOutcome, { kind: 'opened' }> {
  if (outcome?.kind !== 'opened') throw new Error(`expected a pull request, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Everything the run wrote where people read: the pull request bodies, comments and issues. */
function publishedText(w: RotationWorld): string {
  const issues = w.github.listIssues({ includePullRequests: true, state: 'all' });
  return [...issues.map((issue) => `${issue.title}\n${issue.body ?? ''}`), ...issues.flatMap((issue) => w.github.listComments(issue.number).map((comment) => comment.body))].join('\n');
}

/** Applies the first time, so DocuElevate holds the original key pair, as before any rotation. */
async function deployOriginal(w: RotationWorld): Promise<void> {
  await w.apply();
  expect(w.deployedKey()).toEqual(w.original);
}

/** After a merge: apply, DocuElevate uses the new key, then finish until the quiet period is over. */
async function applyUseAndFinish(w: RotationWorld, newKeyId: string): Promise<void> {
  const report = await w.apply();
  expect(report.deployments.every((deployment) => deployment.operations.every((operation) => operation.outcome !== 'failed'))).toBe(true);
  expect(w.deployedKey().id).toBe(newKeyId);
  await w.useKey(w.deployedKey());
  const first = await w.finish();
  expect(first.map((outcome) => [outcome.credential, outcome.to])).toEqual([['aws-access-key-id', 'retiring']]);
  expect(await w.keys()).toEqual(new Map([[w.original.id, 'Inactive'], [newKeyId, 'Active']]));
  w.offsetMs = 25 * HOUR;
  const second = await w.finish();
  expect(second.map((outcome) => outcome.to)).toEqual(['finished']);
}

describe('rotate aws-iam-access-key against moto', { timeout: 180_000 }, () => {
  it('rotates the key pair end to end: one active key at the end, the new one, and DocuElevate holding it', async () => {
    const w = await world();
    await deployOriginal(w);
    const result = await w.rotate();
    const outcome = opened(result.outcomes[0]);
    expect(outcome.oldIssuerId).toBe(w.original.id);
    expect(outcome.newIssuerId).toMatch(/^AKIA/);
    expect(outcome.probe.ok).toBe(true);
    expect(outcome.probe.detail).toContain(`:user/${w.user}`);
    const newKeyId = outcome.newIssuerId as string;
    expect(await w.keys()).toEqual(new Map([[w.original.id, 'Active'], [newKeyId, 'Active']]));
    // The pull request shows the ids and the probe, never a value; main is untouched until the merge.
    const pull = w.github.getIssue(outcome.pullRequest.number);
    // This test applied the original pair in this same process, so the run decrypted the old key id: as a declared
    // identifier (the value of the credential carrying the aws-iam-access-key rotation) it is not redacted, and the
    // pull request shows old → new whole, as a separate rotate process does (test/e2e/cli-rotate.test.ts).
    expect(pull?.body).toContain(`| old | \`${w.original.id}\` |`);
    expect(pull?.body).toContain(`| new | \`${newKeyId}\` |`);
    expect(pull?.body).not.toContain('[redacted]');
    expect(w.inventoryText()).toContain(`key_id: ${w.original.id}`);

    // Nothing due yet at finish: the pull request is open.
    expect((await w.finish()).map((o) => [o.to, o.notes[0]])).toEqual([['pending', 'waiting for its pull request to be merged']]);

    await w.merge(outcome.pullRequest.number);
    expect(w.inventoryText()).toContain(`key_id: ${newKeyId}`);
    // Merged but not applied: finish waits and touches no key.
    expect((await w.finish()).map((o) => o.to)).toEqual(['pending']);
    expect(await w.keys()).toEqual(new Map([[w.original.id, 'Active'], [newKeyId, 'Active']]));

    await applyUseAndFinish(w, newKeyId);
    expect(await w.keys()).toEqual(new Map([[newKeyId, 'Active']]));
    expect(w.deployedKey().id).toBe(newKeyId);
    const secret = w.deployedKey().secret;
    expect(secret).not.toBe(w.original.secret);
    expect(publishedText(w)).not.toContain(secret);
    expect(w.inventoryText()).not.toContain(secret);
  });

  it('waits while the old key is still used after the apply, and retires nothing', async () => {
    const w = await world();
    await deployOriginal(w);
    const outcome = opened((await w.rotate()).outcomes[0]);
    await w.merge(outcome.pullRequest.number);
    await w.apply();
    await w.useKey(w.deployedKey());
    await w.useKey(w.original);
    const [progress] = await w.finish();
    expect(progress?.to).toBe('applied');
    expect(progress?.notes.at(-1)).toMatch(/old credential was used .* after the apply/);
    expect((await w.keys()).get(w.original.id)).toBe('Active');
  });

  it('restores the old key and opens a critical issue when it is used after it was disabled', async () => {
    const w = await world();
    await deployOriginal(w);
    const outcome = opened((await w.rotate()).outcomes[0]);
    await w.merge(outcome.pullRequest.number);
    await w.apply();
    await w.useKey(w.deployedKey());
    expect((await w.finish()).map((o) => o.to)).toEqual(['retiring']);
    // moto still lets an inactive key sign requests, and records the use: exactly the evidence needed.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await w.useKey(w.original);
    const [restored] = await w.finish();
    expect(restored?.to).toBe('applied');
    expect(restored?.issue?.number).toBeGreaterThan(0);
    expect((await w.keys()).get(w.original.id)).toBe('Active');
    const issue = w.github.getIssue(restored?.issue?.number ?? 0);
    expect(issue?.title).toContain('Critical');
    expect(issue?.labels.map((label) => label.name)).toContain('critical');
  });

  it('refuses when both access-key slots are taken, and creates nothing', async () => {
    const w = await world({ secondKey: true });
    const before = await w.keys();
    expect(before.size).toBe(2);
    const [outcome] = (await w.rotate()).outcomes;
    expect(outcome?.kind).toBe('refused');
    expect(outcome?.kind === 'refused' ? outcome.reason : '').toMatch(/both access-key slots of IAM user .* are taken/);
    expect(outcome?.kind === 'refused' ? outcome.reason : '').toContain('aws iam delete-access-key');
    expect(await w.keys()).toEqual(before);
    expect(w.github.listIssues({ includePullRequests: true, state: 'all' })).toEqual([]);
    expect(w.sandbox.git(w.bare, ['branch', '--list', 'credledger/*'])).toBe('');
  });

  it('deletes the new key at once when the push fails: nothing is minted and left unrecorded', async () => {
    const w = await world();
    const { openRotationRepository } = await import('../../src/wiring/rotation.js');
    const { ExternalError } = await import('../../src/ports/errors.js');
    const failingGit = async () => {
      const git = await openRotationRepository({ file: w.file, env: w.env });
      const failing: typeof git = Object.assign(Object.create(Object.getPrototypeOf(git) as object) as typeof git, git);
      return Object.assign(failing, { commitBranch: () => Promise.reject(new ExternalError('git could not push credledger/rotate/aws-access-key-id: rejected')) });
    };
    await expect(w.rotate({ openGit: failingGit })).rejects.toThrow(/could not push/);
    expect(await w.keys()).toEqual(new Map([[w.original.id, 'Active']]));
    const { ListUserTagsCommand } = await import('@aws-sdk/client-iam');
    expect((await w.iam.send(new ListUserTagsCommand({ UserName: w.user }))).Tags ?? []).toEqual([]);
    expect(w.github.listIssues({ includePullRequests: true, state: 'all' })).toEqual([]);
  });

  it('discards the new key when the pull request is closed unmerged', async () => {
    const w = await world();
    const outcome = opened((await w.rotate()).outcomes[0]);
    await w.closePullRequest(outcome.pullRequest.number);
    const [discarded] = await w.finish();
    expect(discarded?.to).toBe('discarded');
    expect(await w.keys()).toEqual(new Map([[w.original.id, 'Active']]));
    expect(w.sandbox.git(w.bare, ['branch', '--list', 'credledger/*'])).toBe('');
    // The next rotation starts afresh.
    expect((await w.rotate()).outcomes[0]?.kind).toBe('opened');
  });

  it('discards the new key when the pull request stays open past its time to live', async () => {
    const w = await world();
    opened((await w.rotate()).outcomes[0]);
    w.offsetMs = 8 * 24 * HOUR;
    const [discarded] = await w.finish();
    expect(discarded?.to).toBe('discarded');
    expect(discarded?.notes[0]).toMatch(/open longer than 7 days/);
    expect(await w.keys()).toEqual(new Map([[w.original.id, 'Active']]));
    expect(w.github.listIssues({ includePullRequests: true, state: 'all' })[0]?.state).toBe('closed');
  });
});

describe('rotate converges after a crash at every step', { timeout: 180_000 }, () => {
  it('between create and commit: the re-run deletes the orphan key and rotates once', async () => {
    const w = await world();
    await deployOriginal(w);
    await expect(
      w.rotate({
        checkpoint: (step) => {
          if (step === 'after-create') throw new SimulatedCrash(step);
        },
      }),
    ).rejects.toThrow(SimulatedCrash);
    const afterCrash = await w.keys();
    expect(afterCrash.size).toBe(2);
    const orphan = [...afterCrash.keys()].find((id) => id !== w.original.id) as string;
    const outcome = opened((await w.rotate()).outcomes[0]);
    expect(outcome.discarded).toEqual([orphan]);
    expect(outcome.resumed).toBe(false);
    const newKeyId = outcome.newIssuerId as string;
    expect(await w.keys()).toEqual(new Map([[w.original.id, 'Active'], [newKeyId, 'Active']]));
    await w.merge(outcome.pullRequest.number);
    await applyUseAndFinish(w, newKeyId);
    expect(await w.keys()).toEqual(new Map([[newKeyId, 'Active']]));
  });

  it('between commit and pull request: the re-run opens the pull request for the key it pushed', async () => {
    const w = await world();
    await deployOriginal(w);
    await expect(
      w.rotate({
        checkpoint: (step) => {
          if (step === 'after-commit') throw new SimulatedCrash(step);
        },
      }),
    ).rejects.toThrow(SimulatedCrash);
    expect(w.github.listIssues({ includePullRequests: true, state: 'all' })).toEqual([]);
    const pushedKey = [...(await w.keys()).keys()].find((id) => id !== w.original.id) as string;
    const outcome = opened((await w.rotate()).outcomes[0]);
    expect(outcome.resumed).toBe(true);
    expect(outcome.newIssuerId).toBe(pushedKey);
    expect((await w.keys()).size).toBe(2);
    // A third run finds the rotation under way and creates nothing.
    const again = opened((await w.rotate()).outcomes[0]);
    expect(again.pullRequest.number).toBe(outcome.pullRequest.number);
    expect((await w.keys()).size).toBe(2);
    await w.merge(outcome.pullRequest.number);
    await applyUseAndFinish(w, pushedKey);
    expect(await w.keys()).toEqual(new Map([[pushedKey, 'Active']]));
  });

  it('during apply: finish waits for every deployment, and a re-run of apply lets it go on', async () => {
    const w = await world();
    await deployOriginal(w);
    const outcome = opened((await w.rotate()).outcomes[0]);
    const newKeyId = outcome.newIssuerId as string;
    await w.merge(outcome.pullRequest.number);
    // The deployment drops away after DocuElevate took the key id and before it took the secret.
    const { connectToDocuElevate } = await import('../../src/wiring/docuelevate.js');
    const connect = connectToDocuElevate({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 }, requestTimeoutMs: 5_000 });
    await w.apply({
      connect: (deployment, auth) => {
        const client = connect(deployment, auth);
        const setSetting = client.setSetting.bind(client);
        client.setSetting = async (key, value) => {
          if (key === 'aws_secret_access_key') throw new DocuElevateError('the connection dropped', 'network');
          return setSetting(key, value);
        };
        return client;
      },
    });
    expect(w.deployedKey().secret).toBe(w.original.secret);
    const [waiting] = await w.finish();
    expect(waiting?.to).toBe('pending');
    expect(waiting?.notes[0]).toMatch(/waiting for apply/);
    expect((await w.keys()).get(w.original.id)).toBe('Active');
    await applyUseAndFinish(w, newKeyId);
    expect(await w.keys()).toEqual(new Map([[newKeyId, 'Active']]));
  });

  it('during finish, after disabling the old key: the re-run records it and still waits the quiet period', async () => {
    const w = await world();
    await deployOriginal(w);
    const outcome = opened((await w.rotate()).outcomes[0]);
    const newKeyId = outcome.newIssuerId as string;
    await w.merge(outcome.pullRequest.number);
    await w.apply();
    await w.useKey(w.deployedKey());
    await expect(
      w.finish({
        checkpoint: (step) => {
          if (step === 'after-retire') throw new SimulatedCrash(step);
        },
      }),
    ).rejects.toThrow(SimulatedCrash);
    expect((await w.keys()).get(w.original.id)).toBe('Inactive');
    const [recorded] = await w.finish();
    expect(recorded?.from).toBe('verified');
    expect(recorded?.to).toBe('retiring');
    w.offsetMs = 25 * HOUR;
    expect((await w.finish()).map((o) => o.to)).toEqual(['finished']);
    expect(await w.keys()).toEqual(new Map([[newKeyId, 'Active']]));
  });

  it('during finish, after deleting the old key: the re-run records the rotation finished', async () => {
    const w = await world();
    await deployOriginal(w);
    const outcome = opened((await w.rotate()).outcomes[0]);
    const newKeyId = outcome.newIssuerId as string;
    await w.merge(outcome.pullRequest.number);
    await w.apply();
    await w.useKey(w.deployedKey());
    await w.finish();
    w.offsetMs = 25 * HOUR;
    await expect(
      w.finish({
        checkpoint: (step) => {
          if (step === 'after-revoke') throw new SimulatedCrash(step);
        },
      }),
    ).rejects.toThrow(SimulatedCrash);
    expect(await w.keys()).toEqual(new Map([[newKeyId, 'Active']]));
    const [recorded] = await w.finish();
    expect(recorded?.to).toBe('finished');
    expect(await w.finish()).toEqual([]);
  });
});
