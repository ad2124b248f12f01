// Use case: `credledger rotate --finish`. Moves every rotation under way one evidence-backed step at a time:
// discard an unmerged one, note the apply, disable the old credential once the new one is in use and the old one quiet,
// restore it (and open a critical issue) if it is used again, and revoke it after the quiet period.
import type { AppliedState } from '../core/applied-state.js';
import { findAppliedSetting } from '../core/applied-state.js';
import type { CalendarDate } from '../core/dates.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import { findCredential, type Inventory } from '../core/inventory.js';
import {
  advance,
  DEFAULT_PENDING_TTL_MS,
  DEFAULT_QUIET_PERIOD_MS,
  isTerminal,
  nextFinishStep,
  withRecord,
  type FinishEvidence,
  type FinishStep,
  type RotationPhase,
  type RotationRecord,
  type RotationStateDocument,
} from '../core/rotation-state.js';
import { writeValuesInText } from '../core/inventory-edit.js';
import { removeSwapRequestFromText } from '../core/swap-rotation.js';
import { ExternalError } from '../ports/errors.js';
import type { PullRequestInfo, RotationDriver, RotationDriverFactory, RotationRepository, RotationReview, RotationTarget } from '../ports/rotation-driver.js';
import { resolveRotationTarget } from './rotate.js';

/** Where `rotate --finish` can die between changing the issuer and recording it. */
export type FinishCheckpoint = 'after-retire' | 'after-revoke' | 'after-discard' | 'after-restore';

export interface FinishRequest {
  readonly today: CalendarDate;
  readonly clock: () => Date;
  readonly drivers: RotationDriverFactory;
  readonly git: RotationRepository;
  readonly review: RotationReview;
  /** The applied state (refs/credledger/applied) as the remote holds it. */
  readonly loadAppliedState: () => Promise<AppliedState>;
  readonly quietPeriodMs?: number;
  readonly pendingTtlMs?: number;
  readonly checkpoint?: (step: FinishCheckpoint, credentialId: string) => void | Promise<void>;
}

/** One rotation's progress in this run. */
export interface FinishOutcome {
  readonly credential: string;
  readonly rotationId: string;
  readonly from: RotationPhase;
  readonly to: RotationPhase;
  /** What happened, or what it waits for: ids and times only. */
  readonly notes: readonly string[];
  /** The critical issue opened when the old credential was used after it was disabled. */
  readonly issue?: { readonly number: number; readonly url: string };
}

/** At most this many transitions per rotation and run: each is recorded, so a later run goes on from there. */
const MAX_STEPS = 8;

export async function finishRotations(request: FinishRequest): Promise<FinishOutcome[]> {
  let state = await request.git.loadState();
  const outcomes: FinishOutcome[] = [];
  const underWay = Object.values(state.rotations).filter((record) => !isTerminal(record.phase));
  if (underWay.length === 0) return outcomes;
  const base = await request.git.defaultBranch();
  const applied = await request.loadAppliedState();
  for (const start of underWay) {
    const result = await finishOne(request, base, applied, state, start);
    state = result.state;
    outcomes.push(result.outcome);
  }
  return outcomes;
}

async function finishOne(
  request: FinishRequest,
  base: string,
  applied: AppliedState,
  initial: RotationStateDocument,
  start: RotationRecord,
): Promise<{ state: RotationStateDocument; outcome: FinishOutcome }> {
  const { git } = request;
  let state = initial;
  let record = start;
  const notes: string[] = [];
  let issue: FinishOutcome['issue'];
  const mainText = await git.readRemoteBranchFile(base);
  const branchText = await git.readRemoteBranchFile(record.branch);
  const inventory = readInventory(mainText, request.today) ?? readInventory(branchText, request.today);
  const credential = inventory === undefined ? undefined : findCredential(inventory, record.credential);
  if (inventory === undefined || credential?.rotation === undefined) {
    notes.push(`no inventory with \`${record.credential}\`'s rotation: on ${base} or ${record.branch}; left as it is`);
    return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes } };
  }
  const branchInventory = readInventory(branchText, request.today);
  const branchCredential = branchInventory === undefined ? undefined : findCredential(branchInventory, record.credential);
  // While pending, the branch knows the partner credential as it will be; afterwards the default branch does.
  const target = resolveRotationTarget(record.phase === 'pending' && branchCredential?.rotation !== undefined && branchInventory ? branchInventory : inventory, record.phase === 'pending' && branchCredential?.rotation !== undefined ? branchCredential : credential);
  const driver = await request.drivers(target.spec);
  const policy = { quietPeriodMs: request.quietPeriodMs ?? DEFAULT_QUIET_PERIOD_MS, pendingTtlMs: request.pendingTtlMs ?? DEFAULT_PENDING_TTL_MS };
  let pullRequest: PullRequestInfo | undefined;
  if (record.phase === 'pending') pullRequest = await request.review.findPullRequest(record.branch);

  const save = async (next: RotationRecord, message: string): Promise<void> => {
    record = next;
    state = withRecord(state, next);
    await git.saveState(state, `credledger rotate --finish: ${next.credential} ${next.phase}: ${message}`);
  };
  if (record.strategy === 'swap') {
    await finishSwap(request, { base, applied, target, mainText, pullRequest, policy, notes, save, current: () => record });
    return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes } };
  }

  for (let stepCount = 0; stepCount < MAX_STEPS; stepCount += 1) {
    const evidence = await gatherEvidence(request, driver, target, record, base, applied, pullRequest);
    const step: FinishStep = nextFinishStep(record, evidence, policy);
    const now = request.clock();
    switch (step.kind) {
      case 'wait':
        notes.push(step.reason);
        return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes, issue } };
      case 'discard':
        await driver.discard(target, record.id, record.newIssuerId);
        await request.checkpoint?.('after-discard', record.credential);
        if (pullRequest?.state === 'open') {
          await request.review.closePullRequest(pullRequest.number, `credledger discarded this rotation: ${step.reason}. The new credential${record.newIssuerId === undefined ? '' : ` ${record.newIssuerId}`} was deleted; the old one was never touched.`);
        }
        await git.deleteRemoteBranch(record.branch);
        notes.push(`discarded: ${step.reason}${record.newIssuerId === undefined ? '' : `; deleted ${record.newIssuerId}`}`);
        await save(advance(record, 'discarded', now, step.reason), step.reason);
        break;
      case 'mark-applied':
        notes.push(`applied to every deployment by ${step.at.toISOString()}`);
        await save({ ...advance(record, 'applied', now), appliedAt: step.at.toISOString() }, 'every deployment holds the new value');
        break;
      case 'mark-verified':
        notes.push(`${record.newIssuerId ?? 'the new credential'} in use since the apply; ${record.oldIssuerId ?? 'the old one'} quiet`);
        await save(advance(record, 'verified', now), 'the new credential is in use, the old one quiet');
        break;
      case 'retire':
        if (record.oldIssuerId !== undefined) await driver.retire(target, record.oldIssuerId);
        await request.checkpoint?.('after-retire', record.credential);
        notes.push(`disabled ${record.oldIssuerId ?? 'the old credential'}`);
        await save(advance(record, 'retiring', now), `disabled ${record.oldIssuerId ?? 'the old credential'}`);
        break;
      case 'mark-retiring':
        notes.push(step.reason);
        await save(advance(record, 'retiring', now), step.reason);
        break;
      case 'restore': {
        if (record.oldIssuerId !== undefined) await driver.restore(target, record.oldIssuerId);
        await request.checkpoint?.('after-restore', record.credential);
        issue = await request.review.openIssue({
          title: `Critical: ${record.credential}'s old credential ${record.oldIssuerId ?? ''} was used after it was disabled`,
          body: restoreIssueBody(record, step.reason),
          labels: ['credledger', 'critical'],
        });
        notes.push(`restored ${record.oldIssuerId ?? 'the old credential'}: ${step.reason}; opened #${issue.number}`);
        await save({ ...advance(record, 'applied', now, `restored: ${step.reason}`), appliedAt: record.appliedAt ?? now.toISOString() }, `restored: ${step.reason}`);
        // Wait for people: the old credential is live again and something uses it.
        return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes, issue } };
      }
      case 'revoke':
        if (record.oldIssuerId !== undefined) await driver.revoke(target, record.oldIssuerId);
        await request.checkpoint?.('after-revoke', record.credential);
        notes.push(`revoked ${record.oldIssuerId ?? 'the old credential'}`);
        await save(advance(record, 'finished', now), `revoked ${record.oldIssuerId ?? 'the old credential'}`);
        break;
      case 'mark-finished':
        notes.push(step.reason);
        await save(advance(record, 'finished', now), step.reason);
        break;
    }
    if (isTerminal(record.phase)) break;
  }
  return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes, issue } };
}

interface SwapContext {
  readonly base: string;
  readonly applied: AppliedState;
  readonly target: RotationTarget;
  readonly mainText: string | undefined;
  readonly pullRequest: PullRequestInfo | undefined;
  readonly policy: { readonly pendingTtlMs: number };
  readonly notes: string[];
  readonly save: (next: RotationRecord, message: string) => Promise<void>;
  readonly current: () => RotationRecord;
}

/**
 * A swap: pending until its request is merged and apply minted, recorded and confirmed the password on every deployment
 * (applied); then a pull request writes the recorded sealed value into the inventory, and once the default branch holds
 * it the swap is finished. There is nothing to retire: the old password died when the new one was set.
 */
async function finishSwap(request: FinishRequest, context: SwapContext): Promise<void> {
  const { git, review } = request;
  const { base, notes, save } = context;
  for (let stepCount = 0; stepCount < MAX_STEPS; stepCount += 1) {
    const record = context.current();
    const now = request.clock();
    if (record.phase === 'pending') {
      const introducing = await git.commitIntroducing(base, record.id);
      if (introducing === undefined) {
        const pullRequest = context.pullRequest;
        const expired = now.getTime() - Date.parse(record.createdAt) > context.policy.pendingTtlMs;
        if (pullRequest?.state === 'open' && !expired) {
          notes.push('waiting for its pull request (the swap request) to be merged');
          return;
        }
        const reason = pullRequest === undefined ? 'no pull request carries it' : pullRequest.state === 'open' ? 'its pull request stayed open past the time to live' : 'its pull request was closed without merging';
        if (pullRequest?.state === 'open') await review.closePullRequest(pullRequest.number, `credledger cancelled this swap request: ${reason}. Nothing was minted; the password is unchanged.`);
        await git.deleteRemoteBranch(record.branch);
        notes.push(`discarded: ${reason}; nothing was minted`);
        await save(advance(record, 'discarded', now, reason), reason);
        return;
      }
      if (record.sealedValue === undefined) {
        notes.push('merged; the next apply mints the new password, records it sealed and pushes it (re-run apply)');
        return;
      }
      const appliedAt = await appliedSince(git, context.target, context.applied, introducing);
      if (appliedAt === undefined) {
        notes.push('minted and recorded; waiting for apply to push it to every deployment and confirm it (re-run apply)');
        return;
      }
      notes.push(`applied to every deployment by ${appliedAt.toISOString()}`);
      await save({ ...advance(record, 'applied', now), appliedAt: appliedAt.toISOString() }, 'every deployment holds the new password');
      continue;
    }
    if (record.phase !== 'applied' || record.sealedValue === undefined) return;
    if (context.mainText?.includes(record.sealedValue)) {
      notes.push(`${base} holds the new sealed value`);
      await save(advance(record, 'finished', now), 'the inventory holds the new value');
      return;
    }
    const open = await review.findPullRequest(record.branch);
    if (open?.state === 'open' && open.number === record.valuePullRequest) {
      notes.push(`waiting for #${open.number}, which writes the new sealed value into the inventory`);
      return;
    }
    if (context.mainText === undefined) {
      notes.push(`no inventory on ${base}; left as it is`);
      return;
    }
    const edited = catchUpText(context.mainText, context.target, record, request.today);
    await git.commitBranch(record.branch, base, edited, `Record the swapped ${record.credential} (${record.id})\n\nMade by credledger rotate --finish: the sealed value apply minted, recorded and pushed.\n`);
    const opened = await review.openPullRequest({ branch: record.branch, base, title: `Record the swapped ${record.credential}`, body: catchUpBody(record) });
    notes.push(`opened #${opened.number}, which writes the new sealed value into the inventory`);
    await save({ ...record, valuePullRequest: opened.number }, `pull request #${opened.number} writes the new value`);
    return;
  }
}

/** The inventory with the swap's recorded sealed value, today's `rotated`, and the spent request removed. */
function catchUpText(text: string, target: RotationTarget, record: RotationRecord, today: CalendarDate): string {
  const credential = findCredential(target.inventory, record.credential);
  const written = writeValuesInText(
    text,
    [{ place: { credentialId: record.credential }, sealed: record.sealedValue as string, ...(credential?.rotated === today ? {} : { rotated: today }) }],
    [...target.inventory.deployments.keys()],
  );
  const withoutRequest = removeSwapRequestFromText(written, record.id);
  const edited = withoutRequest !== undefined && readInventory(withoutRequest, today) !== undefined ? withoutRequest : written;
  if (readInventory(edited, today) === undefined) throw new ExternalError(`the inventory with ${record.credential}'s new sealed value does not validate; nothing was pushed`);
  return edited;
}

function catchUpBody(record: RotationRecord): string {
  return [
    `credledger swapped \`${record.credential}\` (rotation ${record.id}): apply minted the new password${record.mintedAt === undefined ? '' : ` at ${record.mintedAt}`},`,
    `recorded it sealed on \`refs/credledger/rotation\` and pushed it to every deployment${record.appliedAt === undefined ? '' : ` (confirmed by ${record.appliedAt})`}.`,
    '',
    'This pull request writes that same sealed value into the inventory (and removes the spent `rotation.swap`). Merging',
    'it changes nothing at DocuElevate: apply sees the value it already pushed. Until it is merged, apply and audit use',
    'the recorded value, so the old password is never pushed back.',
    '',
    `<!-- credledger-rotation-value: ${record.credential} ${record.id} -->`,
    '',
  ].join('\n');
}

function readInventory(text: string | undefined, today: CalendarDate): Inventory | undefined {
  if (text === undefined) return undefined;
  const check = checkInventoryText(text, 'credentials.yaml', today);
  return check.inventory !== undefined && check.errors.length === 0 ? check.inventory : undefined;
}

async function gatherEvidence(
  request: FinishRequest,
  driver: RotationDriver,
  target: RotationTarget,
  record: RotationRecord,
  base: string,
  applied: AppliedState,
  pullRequest: PullRequestInfo | undefined,
): Promise<FinishEvidence> {
  const now = request.clock();
  const merged = record.sealedPrefix === undefined ? undefined : await request.git.commitIntroducing(base, record.sealedPrefix);
  const evidence: { -readonly [K in keyof FinishEvidence]: FinishEvidence[K] } = {
    now,
    merged: merged !== undefined,
    tracksUse: driver.tracksUse,
    ...(pullRequest === undefined ? {} : { pullRequest: pullRequest.state }),
  };
  if (merged !== undefined) evidence.appliedAt = await appliedSince(request.git, target, applied, merged);
  if (record.phase !== 'pending' && driver.tracksUse) {
    if (record.newIssuerId !== undefined) evidence.newLastUsed = await driver.usage(target, record.newIssuerId);
    if (record.oldIssuerId !== undefined) {
      const old = await driver.describe(target, record.oldIssuerId);
      evidence.oldStatus = old === undefined ? 'gone' : old.status;
      evidence.oldLastUsed = old?.lastUsed;
    }
  }
  return evidence;
}

/**
 * The time every deployment of the target's credentials confirmed a value applied from a commit that holds the
 * rotation (apply records a setting only after its read-back matched); undefined while any of them lacks it.
 */
async function appliedSince(git: RotationRepository, target: RotationTarget, applied: AppliedState, introducing: string): Promise<Date | undefined> {
  let latest = 0;
  for (const credential of target.credentials) {
    const inventoryCredential = findCredential(target.inventory, credential.id) ?? credential;
    for (const deployment of inventoryCredential.deployments) {
      const record = findAppliedSetting(applied, deployment, inventoryCredential.setting);
      if (record === undefined || record.credential !== credential.id || record.commit === null) return undefined;
      if (!(await git.isAncestor(introducing, record.commit))) return undefined;
      latest = Math.max(latest, Date.parse(record.appliedAt));
    }
  }
  return latest === 0 ? undefined : new Date(latest);
}

function restoreIssueBody(record: RotationRecord, reason: string): string {
  return [
    `credledger disabled \`${record.oldIssuerId ?? ''}\`, the old credential of \`${record.credential}\`, after the new one \`${record.newIssuerId ?? ''}\``,
    `was in use and the old one had gone quiet. ${reason}, so credledger enabled it again: something still holds the old credential.`,
    '',
    'Find what uses it (for AWS: CloudTrail events for that access key id) and move it to the new credential, or, if',
    'the use was not yours, treat the old credential as compromised: disable it at the issuer and mark the credential',
    '`compromised:` in the inventory. `credledger rotate --finish` retires it again once it stays quiet.',
    '',
    `<!-- credledger-rotation-restore: ${record.credential} ${record.id} -->`,
  ].join('\n');
}
