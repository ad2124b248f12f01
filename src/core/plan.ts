// The plan of an inventory change between two revisions: what happened to each credential, and what the merge will set or delete on each deployment.
import { findSetting } from './docuelevate-catalogue.js';
import { errorAt, warningAt, type Diagnostic, type DocumentPath, type Finding } from './diagnostics.js';
import { findCredential, sealedValueFor, type Credential, type Inventory, type SealedValueEntry } from './inventory.js';
import { parseSealedValueText } from './sealed-value-format.js';
import { SWAP_DRIVER } from './swap-rotation.js';

/** How a credential changed, in the order a credential's changes are listed. */
export const CHANGE_KINDS = [
  'added',
  'removed',
  'rotated',
  'value-changed-without-rotation',
  'rotation-without-value',
  'retargeted',
  'metadata',
  're-encrypted',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One kind of change to one credential. A credential can have several (rotated and metadata, say). */
export interface CredentialChange {
  readonly id: string;
  readonly change: ChangeKind;
  /** The inventory fields behind this change, e.g. `['rotated', 'values.staging']` or `['owner', 'access']`. */
  readonly fields: readonly string[];
  /**
   * The deployments it concerns: those whose value changed (rotated, value-changed-without-rotation),
   * those gained or lost (retargeted), else the credential's deployments.
   */
  readonly deployments: readonly string[];
}

/** What the merge makes apply do to one setting of one deployment. */
export interface PlanOperation {
  readonly deployment: string;
  readonly setting: string;
  readonly action: 'set' | 'delete';
  /** DocuElevate needs `docker compose restart api worker` before the setting takes effect. */
  readonly restart_required: boolean;
  /** Members of a group are pushed together. */
  readonly group: string | null;
  /** The credential behind it: the head credential for `set`, the base one for `delete`. */
  readonly credential: string;
}

/** Values were told apart by their encrypted text (no key) or by their decrypted text (with a key). */
export type ValueBasis = 'ciphertext' | 'plaintext';

/**
 * Compares encrypted values without the core ever seeing a key or a plaintext: the app layer
 * builds one, by ciphertext or by decrypting, and the plan only learns "same" or "different".
 */
export interface ValueInspector {
  readonly basis: ValueBasis;
  /** Whether a deployment would receive the same value from `after` as it did from `before`. */
  sameValue(before: SealedValueEntry, after: SealedValueEntry): boolean;
  /** When the value was sealed (Unix seconds, from its Fernet token), or undefined when unreadable. */
  sealedAt(entry: SealedValueEntry): number | undefined;
}

export interface DiffOptions {
  readonly values: ValueInspector;
  /** Accept a value older than the one it replaces (a deliberate rollback). */
  readonly allowRollback: boolean;
}

/** The changes, operations and findings between two inventories. Finding paths point into the head inventory. */
export interface InventoryDiff {
  readonly changes: readonly CredentialChange[];
  readonly operations: readonly PlanOperation[];
  readonly findings: readonly Finding[];
  /** Facts a reviewer should read that are neither changes nor mistakes. */
  readonly notes: readonly string[];
}

/** The head revision is the working tree rather than a commit. */
export const WORKTREE = 'worktree';

/** A whole plan, as every renderer takes it. */
export interface Plan {
  /** The inventory's path in the repository, as diagnostics name it. */
  readonly file: string;
  /** The base commit's sha. */
  readonly base: string;
  /** The head commit's sha, or {@link WORKTREE}. */
  readonly head: string;
  readonly valueBasis: ValueBasis;
  readonly changes: readonly CredentialChange[];
  readonly operations: readonly PlanOperation[];
  /** The head inventory's diagnostics (validate's) and the plan's own, placed at head. */
  readonly diagnostics: readonly Diagnostic[];
  readonly notes: readonly string[];
}

/** True when the merge changes anything: a credential or a deployment's setting. */
export function planHasChanges(plan: Plan): boolean {
  return plan.changes.length > 0 || plan.operations.length > 0;
}

// Fields compared for `metadata`; `rotated` joins them only when it is not part of a rotation.
const METADATA_FIELDS = ['kind', 'owner', 'access', 'issuer', 'description', 'created', 'every', 'group', 'custom', 'compromised', 'revoked'] as const;

type MetadataField = (typeof METADATA_FIELDS)[number] | 'rotated';

function comparableField(credential: Credential, field: MetadataField): string {
  switch (field) {
    case 'access':
      // The order of the access list means nothing.
      return [...credential.access].sort().join('\u0000');
    case 'every':
      // `12w` and `84d` are the same interval.
      return credential.every === undefined ? '' : String(credential.every.days);
    case 'custom':
      return String(credential.custom);
    default:
      return credential[field] ?? '';
  }
}

/** The date of the last rotation a credential records: `rotated`, else `created`. */
function lastRotationOf(credential: Credential): string | undefined {
  return credential.rotated ?? credential.created;
}

/** Whether `rotated` moved forward from base to head (a first `rotated` after `created` counts). */
function rotatedForward(base: Credential, head: Credential): boolean {
  if (head.rotated === undefined) return false;
  const before = lastRotationOf(base);
  return before === undefined || head.rotated > before;
}

function keepsValue(credential: Credential): boolean {
  return credential.value !== undefined || Object.keys(credential.values ?? {}).length > 0;
}

/** `value` or `values.<deployment>`: an entry's path without `credentials.<id>`. */
function valueField(entry: SealedValueEntry): string {
  return entry.path.slice(2).join('.');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function describeWhere(id: string, deployment: string, entry: SealedValueEntry): string {
  return entry.place.deployment === undefined ? `\`${id}\`` : `\`${id}\` on \`${deployment}\``;
}

function formatUnixSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

/** The values of one credential present on both sides, deployment by deployment. */
interface ValueComparison {
  /** Both sides have a value and they differ. */
  readonly changed: { deployment: string; before: SealedValueEntry; after: SealedValueEntry }[];
  /** A value appears where there was none. */
  readonly stored: { deployment: string; after: SealedValueEntry }[];
  /** A value disappears; apply then leaves the setting alone. */
  readonly dropped: { deployment: string; before: SealedValueEntry }[];
}

function compareValues(base: Credential, head: Credential, values: ValueInspector): ValueComparison {
  const comparison: ValueComparison = { changed: [], stored: [], dropped: [] };
  for (const deployment of head.deployments) {
    if (!base.deployments.includes(deployment)) continue;
    const before = sealedValueFor(base, deployment);
    const after = sealedValueFor(head, deployment);
    if (before && after) {
      if (!values.sameValue(before, after)) comparison.changed.push({ deployment, before, after });
    } else if (after) comparison.stored.push({ deployment, after });
    else if (before) comparison.dropped.push({ deployment, before });
  }
  return comparison;
}

/** Values on deployments both sides share whose encrypted text changed while the value stayed the same. */
function reencryptedValues(base: Credential, head: Credential, values: ValueInspector): { deployment: string; after: SealedValueEntry }[] {
  const found: { deployment: string; after: SealedValueEntry }[] = [];
  for (const deployment of head.deployments) {
    if (!base.deployments.includes(deployment)) continue;
    const before = sealedValueFor(base, deployment);
    const after = sealedValueFor(head, deployment);
    // Only in the same place: a `value` split into `values` is a change of form, not a re-encryption.
    if (before && after && before.sealed !== after.sealed && valueField(before) === valueField(after) && values.sameValue(before, after)) found.push({ deployment, after });
  }
  return found;
}

/** The plan's note on a re-key: under which keys, and that nothing is pushed. */
function describeReencryption(base: Inventory | undefined, head: Inventory, changes: readonly CredentialChange[]): string[] {
  const byKey = new Map<string, { count: number; newKey: boolean }>();
  for (const change of changes) {
    if (change.change !== 're-encrypted') continue;
    const credential = findCredential(head, change.id);
    const before = base === undefined ? undefined : findCredential(base, change.id);
    const entries = new Map<string, { after: SealedValueEntry; before: SealedValueEntry | undefined }>();
    for (const deployment of change.deployments) {
      const after = credential === undefined ? undefined : sealedValueFor(credential, deployment);
      if (after) entries.set(after.path.join('.'), { after, before: before === undefined ? undefined : sealedValueFor(before, deployment) });
    }
    for (const { after, before: was } of entries.values()) {
      const keyId = parseSealedValueText(after.sealed)?.keyId ?? 'another key';
      const seen = byKey.get(keyId) ?? { count: 0, newKey: false };
      byKey.set(keyId, { count: seen.count + 1, newKey: seen.newKey || (was !== undefined && parseSealedValueText(was.sealed)?.keyId !== keyId) });
    }
  }
  return [...byKey].map(([keyId, { count, newKey }]) => {
    const values = count === 1 ? '1 value' : `${count} values`;
    if (keyId.startsWith('sealed:')) {
      const recipient = keyId.slice('sealed:'.length);
      return (
        `${values} sealed for recipient ${recipient}, plaintexts unchanged, nothing will be pushed.` +
        (newKey
          ? ` Before merging, make every apply environment's CREDLEDGER_SEALING_KEY hold recipient ${recipient}'s private key, with the keys that open the old values beside it; remove those only after the next apply (docs/values-and-keys.md).`
          : '')
      );
    }
    return (
      `${values} re-encrypted under key ${keyId}, plaintexts unchanged, nothing will be pushed.` +
      (newKey
        ? ` Before merging, make every apply environment's CREDLEDGER_KEY hold key ${keyId} first and the old key after it; remove the old key only after the next apply (docs/values-and-keys.md).`
        : '')
    );
  });
}

interface CredentialAnalysis {
  readonly changes: CredentialChange[];
  readonly findings: Finding[];
  /** Whether its value changed on some deployment both sides share. */
  readonly valueChanged: boolean;
}

function analyseCredential(base: Credential, head: Credential, options: DiffOptions): CredentialAnalysis {
  const id = head.id;
  const changes: CredentialChange[] = [];
  const findings: Finding[] = [];
  const { changed, stored, dropped } = compareValues(base, head, options.values);
  const forward = rotatedForward(base, head);
  const rotatedPath: DocumentPath = head.rotated === undefined ? ['credentials', id] : ['credentials', id, 'rotated'];
  let rotationExplained = false;
  const metadataFields: string[] = [];

  if (changed.length > 0 || (forward && stored.length > 0)) {
    const fields = unique([...changed.map(({ before, after }) => [valueField(before), valueField(after)]).flat(), ...stored.map(({ after }) => valueField(after))]);
    const deployments = [...changed, ...stored].map(({ deployment }) => deployment);
    if (forward) {
      changes.push({ id, change: 'rotated', fields: ['rotated', ...fields], deployments });
      rotationExplained = true;
    } else {
      changes.push({ id, change: 'value-changed-without-rotation', fields, deployments });
      findings.push(
        errorAt(
          'value-changed-without-rotation',
          rotatedPath,
          `the value of \`${id}\` changed but \`rotated\` did not move forward${head.rotated ? ` (still ${head.rotated})` : ''}: set \`rotated\` to the day of the rotation`,
        ),
      );
    }
  } else if (forward && keepsValue(head)) {
    changes.push({ id, change: 'rotation-without-value', fields: ['rotated'], deployments: head.deployments });
    findings.push(
      warningAt(
        'rotation-without-value',
        rotatedPath,
        `\`rotated\` of \`${id}\` moved to ${head.rotated ?? ''} but its value did not change${options.values.basis === 'plaintext' ? '' : ' (compared as ciphertext)'}: commit the new value, or keep the old date`,
      ),
    );
    rotationExplained = true;
  } else if (stored.length > 0) {
    // A first value for a deployment (adopting an existing credential) is not a rotation.
    metadataFields.push(...stored.map(({ after }) => valueField(after)));
  }
  metadataFields.push(...dropped.map(({ before }) => valueField(before)));

  findings.push(...checkRollbacks(id, changed, options));

  // A re-key: the encrypted text differs, the value does not. Nothing is pushed, but reviewers must see it: the
  // apply environments need the new key before the merge.
  const reencrypted = reencryptedValues(base, head, options.values);
  if (reencrypted.length > 0 && !changes.some((change) => change.change === 'rotation-without-value')) {
    changes.push({ id, change: 're-encrypted', fields: unique(reencrypted.map(({ after }) => valueField(after))), deployments: reencrypted.map(({ deployment }) => deployment) });
  }

  const settingChanged = base.setting !== head.setting;
  const gained = head.deployments.filter((deployment) => !base.deployments.includes(deployment));
  const lost = base.deployments.filter((deployment) => !head.deployments.includes(deployment));
  if (settingChanged || gained.length > 0 || lost.length > 0) {
    const fields = [...(settingChanged ? ['setting'] : []), ...(gained.length > 0 || lost.length > 0 ? ['deployments'] : [])];
    const deployments = settingChanged ? unique([...head.deployments, ...base.deployments]) : [...gained, ...lost];
    changes.push({ id, change: 'retargeted', fields, deployments });
  }

  for (const field of METADATA_FIELDS) {
    if (comparableField(base, field) !== comparableField(head, field)) metadataFields.push(field);
  }
  if (!rotationExplained && base.rotated !== head.rotated) metadataFields.push('rotated');
  if (metadataFields.length > 0) changes.push({ id, change: 'metadata', fields: unique(metadataFields), deployments: head.deployments });

  return { changes, findings, valueChanged: changed.length > 0 };
}

/** The rollback guard: a new value sealed before the one it replaces is an old value coming back. */
function checkRollbacks(id: string, changed: ValueComparison['changed'], options: DiffOptions): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const { deployment, before, after } of changed) {
    const was = options.values.sealedAt(before);
    const now = options.values.sealedAt(after);
    const where = after.path.join('\u0000');
    if (was === undefined || now === undefined || now >= was || reported.has(where)) continue;
    reported.add(where);
    const message = `the new value of ${describeWhere(id, deployment, after)} was sealed ${formatUnixSeconds(now)}, before the value it replaces (${formatUnixSeconds(was)}): it re-introduces an older value`;
    findings.push(
      options.allowRollback
        ? warningAt('rollback', after.path, `${message} (allowed by --allow-rollback)`)
        : errorAt('rollback', after.path, `${message}; if that is intended, plan with --allow-rollback`),
    );
  }
  return findings;
}

/** Group members are rotated together (an AWS key id and its secret): flag a group where only some change. */
function checkGroups(head: Inventory, valueChanged: ReadonlySet<string>, compared: ReadonlySet<string>): Finding[] {
  const groups = new Map<string, Credential[]>();
  for (const credential of head.credentials) {
    if (credential.group) groups.set(credential.group, [...(groups.get(credential.group) ?? []), credential]);
  }
  const findings: Finding[] = [];
  for (const [group, members] of groups) {
    const changedMembers = members.filter((member) => valueChanged.has(member.id));
    if (changedMembers.length === 0) continue;
    for (const member of members) {
      if (valueChanged.has(member.id) || !compared.has(member.id) || !keepsValue(member)) continue;
      findings.push(
        warningAt(
          'group-partly-changed',
          ['credentials', member.id, 'group'],
          `group \`${group}\`: ${changedMembers.map((m) => `\`${m.id}\``).join(', ')} change${changedMembers.length === 1 ? 's' : ''} value but \`${member.id}\` does not; members are rotated and pushed together`,
        ),
      );
    }
  }
  return findings;
}

interface Slot {
  readonly credential: Credential;
  readonly entry: SealedValueEntry | undefined;
}

/**
 * Who holds each setting of each deployment, and with which value: by deployment, then by setting, in the order of
 * the credentials. The first holder wins, as duplicates are a validate error.
 */
function slotsOf(inventory: Inventory): Map<string, Map<string, Slot>> {
  const byDeployment = new Map<string, Map<string, Slot>>();
  for (const credential of inventory.credentials) {
    if (!credential.setting) continue;
    for (const deployment of credential.deployments) {
      if (!inventory.deployments.has(deployment)) continue;
      let slots = byDeployment.get(deployment);
      if (!slots) byDeployment.set(deployment, (slots = new Map()));
      if (!slots.has(credential.setting)) slots.set(credential.setting, { credential, entry: sealedValueFor(credential, deployment) });
    }
  }
  return byDeployment;
}

function operationFor(deployment: string, slot: Slot, action: PlanOperation['action']): PlanOperation {
  return {
    deployment,
    setting: slot.credential.setting,
    action,
    restart_required: findSetting(slot.credential.setting)?.restartRequired ?? false,
    group: slot.credential.group ?? null,
    credential: slot.credential.id,
  };
}

const NO_SLOTS: ReadonlyMap<string, Slot> = new Map();

/**
 * Operations per (deployment, setting), not per credential: a renamed id or a setting taken over by
 * another credential is one `set`, never a delete and a set of the same setting. A slot whose head
 * credential keeps no value is left alone; only a slot nobody holds any more is deleted. Deployments
 * that left the inventory get nothing: apply cannot reach them. Slots are held per deployment: scanning
 * every slot for each deployment was quadratic at scale.
 */
function planOperations(base: Inventory | undefined, head: Inventory | undefined, values: ValueInspector): PlanOperation[] {
  if (!head) return [];
  const baseSlots = base ? slotsOf(base) : new Map<string, Map<string, Slot>>();
  const headSlots = slotsOf(head);
  const operations: PlanOperation[] = [];
  for (const deployment of head.deployments.keys()) {
    const headOfDeployment = headSlots.get(deployment) ?? NO_SLOTS;
    const baseOfDeployment = baseSlots.get(deployment) ?? NO_SLOTS;
    for (const [setting, slot] of headOfDeployment) {
      if (!slot.entry) continue;
      const before = baseOfDeployment.get(setting)?.entry;
      if (before && values.sameValue(before, slot.entry)) continue;
      operations.push(operationFor(deployment, slot, 'set'));
    }
    for (const [setting, slot] of baseOfDeployment) {
      if (!slot.entry || headOfDeployment.has(setting)) continue;
      operations.push(operationFor(deployment, slot, 'delete'));
    }
  }
  return operations;
}

function notesFor(base: Inventory | undefined, head: Inventory | undefined): string[] {
  if (!base && !head) return [];
  if (!base) return ['The inventory does not exist at base: every credential is added.'];
  if (!head) return ['The inventory does not exist at head: every credential is removed, and with no deployment left to reach, nothing is deleted.'];
  return [...base.deployments.keys()]
    .filter((deployment) => !head.deployments.has(deployment))
    .map((deployment) => `Deployment \`${deployment}\` leaves the inventory: credledger stops managing it and leaves its settings as they are.`);
}

// A swap (DocuElevate's admin password) moves through two pull requests whose diffs alone would mislead a reviewer:
// the request changes no value yet makes one, and the value pull request "changes" a value the deployments already hold.
function describeSwaps(base: Inventory | undefined, head: Inventory): string[] {
  const baseById = new Map((base?.credentials ?? []).map((credential) => [credential.id, credential]));
  const notes: string[] = [];
  for (const credential of head.credentials) {
    if (credential.rotation?.driver !== SWAP_DRIVER) continue;
    const before = baseById.get(credential.id);
    const requested = credential.rotation.swap;
    const previous = before?.rotation?.driver === SWAP_DRIVER ? before.rotation.swap : undefined;
    const where = credential.deployments.map((deployment) => `\`${deployment}\``).join(', ');
    if (requested !== undefined && requested !== previous) {
      notes.push(
        `\`${credential.id}\`: merging requests swap \`${requested}\`. The apply after the merge makes the new value, records it sealed in \`refs/credledger/rotation\` and pushes it to ${where || 'its deployments'}, last on each; \`credledger rotate --finish\` then opens the pull request that writes it here.`,
      );
    } else if (previous !== undefined && requested === undefined && before !== undefined && valueTextsDiffer(before, credential)) {
      notes.push(`\`${credential.id}\`: the new value is the one swap \`${previous}\` made and already pushed; merging writes it into the inventory, and apply has nothing new to send once the deployments confirmed it.`);
    }
  }
  return notes;
}

function valueTextsDiffer(before: Credential, after: Credential): boolean {
  if (before.value !== after.value) return true;
  const a = before.values ?? {};
  const b = after.values ?? {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].some((key) => a[key] !== b[key]);
}

/**
 * Compares two inventories (either may be absent: the file did not exist there) and says what
 * changed for each credential id and what the merge will do on each deployment. Pure: values are
 * told apart by the injected inspector, so no key and no plaintext come near the plan.
 */
export function diffInventories(base: Inventory | undefined, head: Inventory | undefined, options: DiffOptions): InventoryDiff {
  const changes: CredentialChange[] = [];
  const findings: Finding[] = [];
  const valueChanged = new Set<string>();
  const compared = new Set<string>();
  const baseById = new Map((base?.credentials ?? []).map((credential) => [credential.id, credential]));
  const headIds = new Set((head?.credentials ?? []).map((credential) => credential.id));

  for (const credential of head?.credentials ?? []) {
    const before = baseById.get(credential.id);
    if (!before) {
      changes.push({ id: credential.id, change: 'added', fields: [], deployments: credential.deployments });
      continue;
    }
    compared.add(credential.id);
    // One credential object on both sides (the base read reused the head's unchanged entry): nothing changed.
    if (before === credential) continue;
    const analysis = analyseCredential(before, credential, options);
    changes.push(...analysis.changes);
    findings.push(...analysis.findings);
    if (analysis.valueChanged) valueChanged.add(credential.id);
  }
  for (const credential of base?.credentials ?? []) {
    if (!headIds.has(credential.id)) changes.push({ id: credential.id, change: 'removed', fields: [], deployments: credential.deployments });
  }
  if (head) findings.push(...checkGroups(head, valueChanged, compared));

  return { changes, operations: planOperations(base, head, options.values), findings, notes: [...notesFor(base, head), ...(head ? describeReencryption(base, head, changes) : []), ...(head ? describeSwaps(base, head) : [])] };
}
