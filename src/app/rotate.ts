// Use case: `credledger rotate [<id>|--due]`. Creates the new credential at its issuer, tests it, seals it into a
// branch and opens the pull request; nothing is minted and left unrecorded (a failure before the push discards it).
import { createHash } from 'node:crypto';
import type { CalendarDate } from '../core/dates.js';
import { writeValuesInText } from '../core/inventory-edit.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import { findCredential, type Credential, type Inventory } from '../core/inventory.js';
import { rotationDueRule } from '../core/rotation.js';
import {
  isTerminal,
  rotationBranchFor,
  rotationIdFor,
  withRecord,
  type RotationRecord,
  type RotationStateDocument,
} from '../core/rotation-state.js';
import { editYamlScalars } from '../core/yaml-edit.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { sealValue, sealValueForRecipient } from '../crypto/sealed-value.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import { loadInventoryFile } from './inventory-file.js';
import type {
  MintedCredential,
  ProbeResult,
  PullRequestInfo,
  RotationDriver,
  RotationDriverFactory,
  RotationRepository,
  RotationReview,
  RotationTarget,
} from '../ports/rotation-driver.js';

export type { PullRequestInfo, RotationReview } from '../ports/rotation-driver.js';

/** The points of a rotation where a process can die; tests stop the run there (see {@link RotateRequest.checkpoint}). */
export type RotateStep = 'after-create' | 'after-commit' | 'after-pull-request';

export interface RotateRequest {
  readonly file: string;
  /** Today's UTC date: what is due is assessed on it. */
  readonly today: CalendarDate;
  readonly clock: () => Date;
  /** One credential (`rotate <id>`), or every due credential with a driver (`--due`). */
  readonly credentialId?: string;
  readonly due?: boolean;
  /** Seals under the master key when the inventory lists no encryption.recipients. */
  readonly ring?: KeyRing;
  readonly drivers: RotationDriverFactory;
  /** Opened only when something is to be rotated, so `--due` with nothing due touches neither git nor GitHub. */
  readonly openGit: () => Promise<RotationRepository>;
  readonly openReview: () => RotationReview | Promise<RotationReview>;
  /** Called at each point a process could die; a test throws here to stop the run as a kill would. */
  readonly checkpoint?: (step: RotateStep, credentialId: string) => void | Promise<void>;
}

export type RotationOutcome =
  | {
      readonly kind: 'opened';
      readonly credential: string;
      readonly oldIssuerId?: string;
      readonly newIssuerId?: string;
      readonly probe: ProbeResult;
      readonly pullRequest: PullRequestInfo;
      /** True when an earlier run had created and pushed it, and this run only finished the job. */
      readonly resumed: boolean;
      /** Issuer credentials of earlier, unrecorded attempts that were deleted. */
      readonly discarded: readonly string[];
    }
  | { readonly kind: 'in-progress'; readonly credential: string; readonly record: RotationRecord }
  | { readonly kind: 'refused'; readonly credential: string; readonly reason: string }
  | { readonly kind: 'manual'; readonly credential: string; readonly command: string };

export interface RotateResult {
  readonly outcomes: readonly RotationOutcome[];
  /** Credentials `--due` found due (with a driver or not). */
  readonly due: readonly string[];
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The credentials one rotation writes: the spec's own, and for a key pair the credential named by `secret`. */
export function resolveRotationTarget(inventory: Inventory, credential: Credential): RotationTarget {
  const spec = credential.rotation;
  if (spec === undefined) throw new UsageError(`\`${credential.id}\` has no rotation: in the inventory, so credledger cannot rotate it (see docs/rotation.md)`);
  const credentials = [credential];
  if (spec.driver === 'aws-iam-access-key') {
    if (spec.user === undefined) throw new UsageError(`credentials.${credential.id}.rotation needs \`user\`: the IAM user whose access key this is`);
    const partner = spec.secret === undefined ? undefined : findCredential(inventory, spec.secret);
    if (partner === undefined) throw new UsageError(`credentials.${credential.id}.rotation.secret must name the credential holding the secret access key${spec.secret === undefined ? '' : ` (there is no \`${spec.secret}\`)`}`);
    credentials.push(partner);
  }
  for (const member of credentials) {
    if (member.values !== undefined && Object.keys(member.values).length > 0) {
      throw new UsageError(`\`${member.id}\` has a value per deployment: rotate writes one value for every deployment, so rotate it with \`credledger set\` instead`);
    }
  }
  return { inventory, credential, spec, credentials };
}

/** What a credential rotated by hand needs pasted: the exact command for its new value. */
export function manualRotationCommand(inventory: Inventory, credential: Credential): string {
  const verb = (inventory.recipients ?? []).length > 0 ? 'seal' : 'set';
  return `credledger ${verb} ${credential.id} --value-stdin`;
}

/**
 * Rotates one credential, or every due one. With `--due` and nothing due, it returns before opening git,
 * GitHub or any driver: the cost is reading the inventory, as `status` does.
 */
export async function rotateCredentials(request: RotateRequest): Promise<RotateResult> {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) {
    throw new UsageError(`${request.file} has errors: run \`credledger validate\` and fix them first`);
  }
  const local = check.inventory;
  let selected: Credential[];
  let due: string[] = [];
  if (request.credentialId !== undefined) {
    const credential = findCredential(local, request.credentialId);
    if (credential === undefined) throw new UsageError(`no credential \`${request.credentialId}\` in ${request.file}`);
    selected = [credential];
  } else if (request.due) {
    const partners = new Set(local.credentials.flatMap((credential) => (credential.rotation?.secret === undefined ? [] : [credential.rotation.secret])));
    const isDue = rotationDueRule(local, request.today);
    selected = local.credentials.filter((credential) => !partners.has(credential.id) && isDue(credential));
    due = selected.map((credential) => credential.id);
  } else {
    throw new UsageError('rotate needs a credential id, --due or --finish');
  }
  const manual = selected.filter((credential) => credential.rotation === undefined);
  const automatic = selected.filter((credential) => credential.rotation !== undefined);
  const outcomes: RotationOutcome[] = manual.map((credential) => ({ kind: 'manual', credential: credential.id, command: manualRotationCommand(local, credential) }));
  if (automatic.length === 0) {
    if (request.credentialId !== undefined && manual.length > 0) {
      throw new UsageError(`\`${request.credentialId}\` has no rotation: in the inventory, so credledger cannot rotate it; rotate it at its issuer and run \`${manualRotationCommand(local, manual[0] as Credential)}\``);
    }
    return { outcomes, due };
  }
  const git = await request.openGit();
  const review = await request.openReview();
  const base = await git.defaultBranch();
  let state = await git.loadState();
  for (const credential of automatic) {
    const outcome = await rotateOne(request, git, review, base, state, credential.id);
    state = outcome.state;
    outcomes.push(outcome.outcome);
  }
  return { outcomes, due };
}

interface Step {
  readonly outcome: RotationOutcome;
  readonly state: RotationStateDocument;
}

async function rotateOne(request: RotateRequest, git: RotationRepository, review: RotationReview, base: string, state: RotationStateDocument, credentialId: string): Promise<Step> {
  // The rotation starts from the default branch as the remote has it, not from whatever the checkout holds.
  const baseText = await git.readRemoteBranchFile(base);
  if (baseText === undefined) throw new ExternalError(`${git.file} is not on ${git.remote}/${base}: commit and push the inventory first`);
  const baseCheck = checkInventoryText(baseText, git.file, request.today);
  if (!baseCheck.inventory || baseCheck.errors.length > 0) throw new ExternalError(`${git.file} on ${git.remote}/${base} has errors: fix them there first`);
  const inventory = baseCheck.inventory;
  const credential = findCredential(inventory, credentialId);
  if (credential?.rotation === undefined) throw new UsageError(`\`${credentialId}\` has no rotation: on ${git.remote}/${base}: merge the inventory change that adds it first`);
  const target = resolveRotationTarget(inventory, credential);
  const replacing = target.spec.keyId ?? sha256(credential.value ?? credential.rotated ?? '');
  const rotationId = rotationIdFor(credentialId, replacing, sha256);
  const existing = state.rotations[credentialId];
  if (existing !== undefined && !isTerminal(existing.phase) && (existing.phase !== 'pending' || existing.id !== rotationId || existing.sealedValue !== undefined)) {
    return { outcome: { kind: 'in-progress', credential: credentialId, record: existing }, state };
  }
  const driver = await request.drivers(target.spec);
  const branch = rotationBranchFor(credentialId);
  if (driver.strategy === 'swap') return requestSwap(request, git, review, base, state, { baseText, credentialId, rotationId, driver, branch, existing });

  const preflight = await driver.preflight(target, rotationId);
  if (!preflight.ok) return { outcome: { kind: 'refused', credential: credentialId, reason: preflight.reason }, state };
  const oldIssuerId = preflight.current?.issuerId;

  // An earlier run of this very rotation: pushed (resume it) or not (its secret is gone: discard it).
  const branchText = await git.readRemoteBranchFile(branch);
  const pushed = branchText === undefined ? undefined : checkInventoryText(branchText, git.file, request.today).inventory;
  const pushedKeyId = pushed === undefined ? undefined : findCredential(pushed, credentialId)?.rotation?.keyId;
  const pushedRecord = existing?.phase === 'pending' && existing.id === rotationId ? existing : undefined;
  const resumable = driver.strategy === 'overlap' && pushed !== undefined && (driver.tracksUse ? preflight.leftovers.some((key) => key.issuerId === pushedKeyId) : pushedRecord !== undefined);
  if (resumable) {
    const facts = { commit: await git.remoteBranchCommit(branch), sealedPrefix: sealedPrefixOf(pushed, credentialId) };
    const record = pushedRecord ?? pendingRecord(rotationId, credentialId, driver, branch, oldIssuerId, pushedKeyId, request.clock(), facts);
    return openReview(request, git, review, base, state, record, { oldIssuerId, newIssuerId: record.newIssuerId, probe: { ok: true, detail: 'tested by the run that created it' }, resumed: true, discarded: [] });
  }
  const discarded: string[] = [];
  for (const leftover of preflight.leftovers) {
    await driver.discard(target, rotationId, leftover.issuerId);
    discarded.push(leftover.issuerId);
  }

  const minted = await driver.create(target, rotationId);
  await request.checkpoint?.('after-create', credentialId);
  const newIssuerId = minted.issuerId;
  // From here until the push, any failure deletes the new credential: nothing is minted and left unrecorded.
  let probe: ProbeResult;
  let sealed: { sealedPrefix: string | undefined; commit: string };
  try {
    probe = await driver.test(target, minted);
    if (!probe.ok) {
      await driver.discard(target, rotationId, newIssuerId);
      return { outcome: { kind: 'refused', credential: credentialId, reason: `the new credential failed its test and was deleted: ${probe.detail}` }, state };
    }
    const edited = sealIntoText(baseText, inventory, target, minted, request);
    const editedCheck = checkInventoryText(edited, git.file, request.today);
    if (!editedCheck.inventory || editedCheck.errors.length > 0) throw new ExternalError('the inventory with the new values does not validate');
    sealed = { sealedPrefix: sealedPrefixOf(editedCheck.inventory, credentialId), commit: '' };
    sealed.commit = await git.commitBranch(branch, base, edited, commitMessage(credentialId, oldIssuerId, newIssuerId, probe));
  } catch (error) {
    await driver.discard(target, rotationId, newIssuerId).catch(() => undefined);
    throw error;
  }
  await request.checkpoint?.('after-commit', credentialId);
  const record = pendingRecord(rotationId, credentialId, driver, branch, oldIssuerId, newIssuerId, request.clock(), sealed);
  return openReview(request, git, review, base, state, record, { oldIssuerId, newIssuerId, probe, resumed: false, discarded });
}

/**
 * A swap (DocuElevate's admin_password): nothing is minted here. The branch carries only the request, the rotation id
 * in `rotation.swap`; the apply after the merge mints, seals, records and pushes the password (src/app/swap-rotation.ts).
 */
async function requestSwap(
  request: RotateRequest,
  git: RotationRepository,
  review: RotationReview,
  base: string,
  state: RotationStateDocument,
  facts: { baseText: string; credentialId: string; rotationId: string; driver: RotationDriver; branch: string; existing: RotationRecord | undefined },
): Promise<Step> {
  const { baseText, credentialId, rotationId, driver, branch, existing } = facts;
  const onBase = checkInventoryText(baseText, git.file, request.today).inventory;
  const requested = onBase === undefined ? undefined : findCredential(onBase, credentialId)?.rotation?.swap;
  if (requested === rotationId) {
    const record = existing?.id === rotationId ? existing : swapRecord(rotationId, credentialId, driver, branch, request.clock(), undefined);
    return { outcome: { kind: 'in-progress', credential: credentialId, record }, state };
  }
  const branchText = await git.readRemoteBranchFile(branch);
  const pushed = branchText === undefined ? undefined : checkInventoryText(branchText, git.file, request.today).inventory;
  const resumed = pushed !== undefined && findCredential(pushed, credentialId)?.rotation?.swap === rotationId;
  let commit: string | undefined;
  if (resumed) {
    commit = await git.remoteBranchCommit(branch);
  } else {
    const edited = editYamlScalars(baseText, [{ path: ['credentials', credentialId, 'rotation', 'swap'], value: rotationId }]);
    const editedCheck = checkInventoryText(edited, git.file, request.today);
    if (!editedCheck.inventory || editedCheck.errors.length > 0) {
      throw new ExternalError(`the inventory with the swap request does not validate: ${editedCheck.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`);
    }
    commit = await git.commitBranch(branch, base, edited, swapCommitMessage(credentialId, rotationId));
  }
  await request.checkpoint?.('after-commit', credentialId);
  const record = { ...swapRecord(rotationId, credentialId, driver, branch, existing?.id === rotationId ? new Date(existing.createdAt) : request.clock(), commit), ...(existing?.id === rotationId && existing.pullRequest !== undefined ? { pullRequest: existing.pullRequest } : {}) };
  const probe = { ok: true, detail: 'nothing minted yet: the apply after the merge makes the new password' };
  return openReview(request, git, review, base, state, record, {
    probe,
    resumed,
    discarded: [],
    title: `Rotate ${credentialId} (swap on merge)`,
    body: swapPullRequestBody(credentialId, rotationId, driver.name),
  });
}

function swapRecord(id: string, credential: string, driver: RotationDriver, branch: string, at: Date, commit: string | undefined): RotationRecord {
  return { id, credential, driver: driver.name, phase: 'pending', branch, createdAt: at.toISOString(), strategy: 'swap', ...(commit === undefined ? {} : { commit }) };
}

function swapCommitMessage(credentialId: string, rotationId: string): string {
  return `Request a swap of ${credentialId} (${rotationId})\n\nMade by credledger rotate. No value: the apply after the merge mints the new password,\nseals it and records it on refs/credledger/rotation before it pushes it, last on each deployment.\n`;
}

/** The body of a swap request's pull request: what the merge sets off. No value exists yet. */
export function swapPullRequestBody(credentialId: string, rotationId: string, driverName: string): string {
  const lines = [
    `credledger requests a swap of \`${credentialId}\` (${driverName}, rotation ${rotationId}).`,
    '',
    'This pull request carries no value: it only sets `rotation.swap`. DocuElevate\'s admin password dies the moment a new',
    'one is set, so the new one must not wait in a review while the old one is live. On merge, the apply job:',
    '',
    '1. mints the new password locally (the `length` and `alphabet` of `rotation:`);',
    '2. seals it (for `encryption.recipients`, else under the master key) and records it on `refs/credledger/rotation`',
    '   before anything is sent;',
    '3. pushes it to every deployment that holds the credential, after every other setting, and confirms the read-back;',
    '4. logs in with it from then on (update the deployment\'s password variable: `credledger reveal`).',
    '',
    'A job that dies is finished by re-running apply: it pushes the same recorded password, never a second one.',
    '`credledger rotate --finish` then opens a pull request that writes the new sealed value into the inventory; until',
    'it is merged, apply keeps using the recorded value and never pushes the old one back.',
    '',
    'Closing this pull request unmerged cancels the swap; nothing changes.',
    '',
    `<!-- credledger-rotation: ${credentialId} ${rotationId} -->`,
  ];
  return `${lines.join('\n')}\n`;
}

/** How much of a sealed value identifies it (the recipient or key id, then ciphertext). */
const SEALED_PREFIX_LENGTH = 72;

function sealedPrefixOf(inventory: Inventory | undefined, credentialId: string): string | undefined {
  const value = inventory === undefined ? undefined : findCredential(inventory, credentialId)?.value;
  return value?.slice(0, SEALED_PREFIX_LENGTH);
}

function pendingRecord(
  id: string,
  credential: string,
  driver: RotationDriver,
  branch: string,
  oldIssuerId: string | undefined,
  newIssuerId: string | undefined,
  at: Date,
  facts: { commit: string | undefined; sealedPrefix: string | undefined },
): RotationRecord {
  return {
    ...(facts.commit === undefined ? {} : { commit: facts.commit }),
    ...(facts.sealedPrefix === undefined ? {} : { sealedPrefix: facts.sealedPrefix }),
    id,
    credential,
    driver: driver.name,
    phase: 'pending',
    ...(oldIssuerId === undefined ? {} : { oldIssuerId }),
    ...(newIssuerId === undefined ? {} : { newIssuerId }),
    branch,
    createdAt: at.toISOString(),
  };
}

async function openReview(
  request: RotateRequest,
  git: RotationRepository,
  review: RotationReview,
  base: string,
  state: RotationStateDocument,
  record: RotationRecord,
  facts: { oldIssuerId?: string; newIssuerId?: string; probe: ProbeResult; resumed: boolean; discarded: string[]; title?: string; body?: string },
): Promise<Step> {
  let next = withRecord(state, record);
  await git.saveState(next, `credledger rotate: ${record.credential} pending (${record.id})`);
  const found = await review.findPullRequest(record.branch);
  const pullRequest =
    found !== undefined && found.state === 'open'
      ? found
      : await review.openPullRequest({ branch: record.branch, base, title: facts.title ?? `Rotate ${record.credential}`, body: facts.body ?? pullRequestBody(record, facts.probe) });
  if (record.pullRequest !== pullRequest.number) {
    next = withRecord(next, { ...record, pullRequest: pullRequest.number });
    await git.saveState(next, `credledger rotate: ${record.credential} pull request #${pullRequest.number}`);
  }
  await request.checkpoint?.('after-pull-request', record.credential);
  return {
    outcome: { kind: 'opened', credential: record.credential, oldIssuerId: facts.oldIssuerId, newIssuerId: facts.newIssuerId, probe: facts.probe, pullRequest, resumed: facts.resumed, discarded: facts.discarded },
    state: next,
  };
}

/** Seals every new value for its place and records the new issuer id and the rotation date. */
function sealIntoText(text: string, inventory: Inventory, target: RotationTarget, minted: MintedCredential, request: RotateRequest): string {
  const recipient = inventory.recipients?.[0];
  if (recipient === undefined && request.ring === undefined) {
    throw new UsageError('rotate seals the new value: list encryption.recipients in the inventory (no secret needed), or set CREDLEDGER_KEY');
  }
  const nowSeconds = Math.floor(request.clock().getTime() / 1000);
  const writes = target.credentials.map((credential) => {
    const value = minted.values.get(credential.id);
    if (value === undefined) throw new ExternalError(`the driver made no value for ${credential.id}`);
    const place = { credentialId: credential.id };
    const sealed = recipient !== undefined ? sealValueForRecipient(recipient, place, value, nowSeconds) : sealValue(request.ring as KeyRing, place, value, nowSeconds);
    return { place, sealed, rotated: credential.rotated === request.today ? undefined : request.today };
  });
  let edited = writeValuesInText(text, writes, [...inventory.deployments.keys()]);
  if (minted.issuerId !== undefined) edited = editYamlScalars(edited, [{ path: ['credentials', target.credential.id, 'rotation', 'key_id'], value: minted.issuerId }]);
  return edited;
}

function commitMessage(credentialId: string, oldIssuerId: string | undefined, newIssuerId: string | undefined, probe: ProbeResult): string {
  const ids = oldIssuerId !== undefined || newIssuerId !== undefined ? ` (${oldIssuerId ?? '?'} → ${newIssuerId ?? '?'})` : '';
  return `Rotate ${credentialId}${ids}\n\nMade by credledger rotate. The new value is sealed; the old credential stays live until\n\`credledger rotate --finish\` sees the new one in use.\nProbe: ${probe.detail}\n`;
}

/** The pull request's body: issuer ids and the probe, never a value. */
export function pullRequestBody(record: RotationRecord, probe: ProbeResult): string {
  const lines = [
    `credledger rotated \`${record.credential}\` (${record.driver}, rotation ${record.id}).`,
    '',
    '| | issuer id |',
    '| --- | --- |',
    `| old | ${record.oldIssuerId === undefined ? '(none: a generated value)' : `\`${record.oldIssuerId}\``} |`,
    `| new | ${record.newIssuerId === undefined ? '(none: a generated value)' : `\`${record.newIssuerId}\``} |`,
    '',
    `Probe: ${probe.ok ? 'passed' : 'failed'}: ${probe.detail}`,
    '',
    'On merge, apply pushes the new value. `credledger rotate --finish` then disables the old credential once the',
    'deployments hold the new one, the new one shows use and the old one none, and deletes it after a quiet period.',
    'Closing this pull request unmerged deletes the new credential.',
    '',
    `<!-- credledger-rotation: ${record.credential} ${record.id} -->`,
  ];
  return `${lines.join('\n')}\n`;
}
