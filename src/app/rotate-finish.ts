// Use case: `credledger rotate --finish`. Moves every rotation under way one evidence-backed step at a time:
// discard an unmerged one, note the apply, disable the old credential once the new one is in use and the old one quiet,
// restore it (and open a critical issue) if it is used again, and revoke it after the quiet period.
import type { AppliedState } from '../core/applied-state.js';
import { findAppliedSetting } from '../core/applied-state.js';
import type { CalendarDate } from '../core/dates.js';
import { hasErrors } from '../core/diagnostics.js';
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

function readInventory(text: string | undefined, today: CalendarDate): Inventory | undefined {
  if (text === undefined) return undefined;
  const check = checkInventoryText(text, 'credentials.yaml', today);
  return check.inventory !== undefined && !hasErrors(check.diagnostics) ? check.inventory : undefined;
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
