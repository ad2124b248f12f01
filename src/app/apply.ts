// Use case: push what changed in the inventory to each deployment's settings API, verified, and record it in the applied state.
import path from 'node:path';
import { DEFAULT_APPLY_CONCURRENCY } from '../core/apply-plan.js';
import { displayDeploymentUrl } from '../core/deployment-url.js';
import {
  DEFAULT_STATE_REF,
  findAppliedSetting,
  describeHeldLock,
  lockHasLapsed,
  recordSettingApplied,
  recordSettingRemoved,
  type AppliedSetting,
  type AppliedState,
} from '../core/applied-state.js';
import { ADMIN_PASSWORD_SETTING } from '../core/docuelevate-catalogue.js';
import {
  listDesiredState,
  listPlannedOperations,
  planApply,
  type ApplyOperation,
  type ApplyUnit,
  type DeploymentApplyPlan,
  type DesiredSetting,
} from '../core/apply-plan.js';
import {
  buildApplyReport,
  deploymentReport,
  describeForgottenDeployments,
  type ApplyFailure,
  type ApplyReport,
  type DeploymentReport,
  type OperationRecord,
  type StateReport,
} from '../core/apply-report.js';
import type { CalendarDate } from '../core/dates.js';
import { listSealedValues, type Deployment, type Inventory, type ValuePlace } from '../core/inventory.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import { findKey, type KeyRing } from '../crypto/key-ring.js';
import { chooseFingerprintKey, fingerprintValue, openSealedValue, SealedValueError, type FingerprintKeyChoice, type ValueFingerprint } from '../crypto/sealed-value.js';
import type { SecretValue } from '../crypto/secret-value.js';
import {
  describeConnectionFailure,
  describeUnresolvedAuth,
  readCredentialSources as readSources,
  resolveDeploymentAuth,
  selectDeployments,
  type ResolvedAuth,
} from './deployment-connection.js';
import { checkApplyBranch } from './apply-branch.js';
import { findUnconfirmedWrite, prepareWriteCheck } from './write-confirmation.js';
import type { ProgressListener } from '../core/run-progress.js';
import type { AppliedStateStore, OpenAppliedStateStore } from '../ports/applied-state-store.js';
import type { ConnectDeployment, CredentialSource, DeploymentConnection, LoginPassword } from '../ports/deployment-connection.js';
import { AppliedStateConflictError, ExternalError, RequestError, UsageError } from '../ports/errors.js';
import type { OpenCheckout } from '../ports/inventory-revisions.js';
import { appliedAdminPasswordFallback, describeStaleLogin, describeStaleVariable, fingerprintPlace, isAppliedValue, passwordVariableOf } from './login-fallback.js';
import { loadInventoryFile } from './inventory-file.js';
import { prepareSwaps, swapLoginFallbacks, type SwapCheckpoint, type SwapOverride, type SwapPreparation, type SwapRotations } from './swap-rotation.js';

export { DEFAULT_APPLY_CONCURRENCY };

/** What apply works through; src/wiring/apply.ts builds the real ones (git and the DocuElevate client). */
export interface ApplyCollaborators {
  /** The applied state of the inventory's repository. */
  readonly openStateStore: OpenAppliedStateStore;
  /** A connection to one deployment's settings API. */
  readonly connect: ConnectDeployment;
  /** The checkout, for the default-branch guard. */
  readonly openCheckout: OpenCheckout;
  /** The rotation state and drivers, for swap rotations (docs/rotation.md); without them no swap is minted. */
  readonly rotations?: SwapRotations;
}

export interface ApplyRequest extends ApplyCollaborators {
  /** The inventory file; its git repository holds the applied state. */
  readonly file: string;
  /** The real day, against which the inventory's dates are checked. */
  readonly today: CalendarDate;
  /** Decrypts the inventory's values and keys the fingerprints. */
  readonly ring: KeyRing;
  /** Where auth secrets are read from (the variables named by each deployment's `auth`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Timestamps for the applied state. */
  readonly clock: () => Date;
  /** Only these deployments (`--deployment`); default every deployment of the inventory. */
  readonly deployments?: readonly string[];
  /** Plan and report; send nothing, record nothing. */
  readonly dryRun?: boolean;
  /** Treat every desired setting as pending (first run, or after a DocuElevate restore). */
  readonly all?: boolean;
  /** Default refs/credledger/applied. */
  readonly stateRef?: string;
  /** Push again every credential of this deployment that DocuElevate holds in its database (after a SESSION_SECRET rotation). */
  readonly rehydrate?: string;
  /** Allow http:// to hosts other than loopback. */
  readonly allowInsecureHttp?: boolean;
  /** Apply even from a checkout older than the commit a deployment's state was last written from (a deliberate rollback). */
  readonly allowRollback?: boolean;
  /** Settings written to one deployment at a time (groups count as one); default 4. */
  readonly concurrency?: number;
  /** Apply from a checkout that is not on the default branch (refused otherwise: values reach deployments after review). */
  readonly allowNonDefaultBranch?: boolean;
  /** The default branch's name when the host knows it (the Action, from the event); otherwise found in the clone. */
  readonly defaultBranch?: string;
  /**
   * Called with every secret the run holds — each decrypted value and each auth secret read from the
   * environment — before anything is sent, so a host such as GitHub Actions can mask it (core.setSecret).
   */
  readonly onSecretDecrypted?: (secret: SecretValue) => void;
  /** Told of each step as it happens (connecting, each operation, each deployment's end): names and counts, never a value. */
  readonly onProgress?: ProgressListener;
  /** Called where a run could die around a swap rotation; a test throws here to stop it as a kill would. */
  readonly checkpoint?: (step: SwapCheckpoint, credentialId: string) => void | Promise<void>;
}

/** The report, or none when the inventory has errors (they are in `check`). */
export interface ApplyResult {
  readonly check: InventoryCheck;
  readonly report: ApplyReport | undefined;
}

/**
 * A desired setting made ready once, before anything is sent: its value opened, the ring key its applied-state
 * fingerprint is kept under, and that fingerprint (bound to the credential on this deployment); or why it did not open.
 */
type PreparedValue =
  | { readonly value: SecretValue; readonly fingerprintKey: FingerprintKeyChoice; readonly fingerprint: ValueFingerprint }
  | { readonly error: string };

/** The prepared value of every desired setting, by deployment and then setting. */
type PreparedValues = ReadonlyMap<string, ReadonlyMap<string, PreparedValue>>;

function preparedValueOf(values: PreparedValues, deployment: string, setting: string): PreparedValue | undefined {
  return values.get(deployment)?.get(setting);
}

/** Progress of one operation while the run goes, with the value a set sends. */
interface OperationProgress extends OperationRecord {
  /** A set's value, prepared with the others before the run. */
  readonly prepared?: PreparedValue | undefined;
}

/** Everything one run shares between deployments. */
interface RunContext {
  readonly request: ApplyRequest;
  readonly inventory: Inventory;
  readonly store: AppliedStateStore;
  readonly inventoryCommit: string | null;
  readonly inventoryCommitTime: number | null;
  /** Deployments refused before anything is sent (an older checkout than their applied state), with why. */
  readonly refused: ReadonlyMap<string, ApplyFailure>;
  readonly values: PreparedValues;
  readonly auths: ReadonlyMap<string, ResolvedAuth>;
  readonly connections: Map<string, DeploymentConnection>;
  /** Set when the applied state was taken by another apply, or could not be written: nothing more is attempted. */
  stop: { readonly conflict?: string; readonly error?: string } | undefined;
  /** Writes neither a telling read-back nor DocuElevate's history could confirm (see {@link MASKED_READ_BACK_LIMIT}). */
  unconfirmableWrites: number;
}

/**
 * Applies the inventory: decrypts, compares with the applied state, pushes each pending setting
 * (groups back to back), verifies it by reading it back, and records it in the applied state after
 * each success. Deployments run in parallel, with bounded concurrency within each.
 * @throws UsageError for an unknown deployment, a refused http:// URL, a checkout off the default branch or a directory outside git;
 * ExternalError when the applied state cannot be read.
 */
export async function applyInventory(request: ApplyRequest): Promise<ApplyResult> {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) return { check, report: undefined };
  const selected = selectDeployments(check.inventory, {
    ...(request.deployments === undefined ? {} : { deployments: request.deployments }),
    ...(request.rehydrate === undefined ? {} : { also: [request.rehydrate] }),
    allowInsecureHttp: request.allowInsecureHttp === true,
  });
  const concurrency = request.concurrency ?? DEFAULT_APPLY_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1 (got ${concurrency})`);

  if (request.dryRun !== true && request.allowNonDefaultBranch !== true) {
    const { refusal } = await checkApplyBranch({ directory: path.dirname(path.resolve(request.file)), openCheckout: request.openCheckout, ...(request.defaultBranch === undefined ? {} : { defaultBranch: request.defaultBranch }) });
    if (refusal !== undefined) throw new UsageError(refusal);
  }

  // A swap's new password is minted, sealed and recorded here, before anything is sent; until the inventory holds it,
  // the recorded value stands in for the inventory's old one (which is never pushed back over it).
  const swaps = await prepareSwaps({
    file: request.file,
    inventory: check.inventory,
    ring: request.ring,
    clock: request.clock,
    dryRun: request.dryRun === true,
    rotations: request.rotations,
    ...(request.checkpoint === undefined ? {} : { checkpoint: request.checkpoint }),
  });
  const inventory = swaps.inventory;

  const ref = request.stateRef ?? DEFAULT_STATE_REF;
  const store = await request.openStateStore({ directory: path.dirname(path.resolve(request.file)), ref });
  const snapshot = await store.load();
  const inventoryCommit = await store.inventoryCommit();
  const inventoryCommitTime = await store.inventoryCommitTime();

  const desiredState = listDesiredState(inventory, selected);
  const values = prepareValues(request, inventory, desiredState.desired);
  const auths = new Map(
    selected.map((id) => {
      const deployment = inventory.deployments.get(id) as Deployment;
      const swapFallbacks = swapLoginFallbacks(request.ring, inventory, swaps.overrides, id);
      for (const fallback of swapFallbacks) request.onSecretDecrypted?.(fallback.password);
      const fallbacks = [...appliedAdminPasswords(request.ring, values, desiredState.desired, snapshot.state, id), ...swapFallbacks, ...originalAdminPasswords(request, check.inventory as Inventory, swaps.overrides, snapshot.state, id)];
      return [id, resolveDeploymentAuth(deployment, request.env, request.onSecretDecrypted, fallbacks)] as const;
    }),
  );
  const refused = request.allowRollback ? new Map<string, ApplyFailure>() : await findStaleDeployments(store, snapshot.state, selected, inventoryCommit, inventoryCommitTime);
  const context: RunContext = { request, inventory, store, inventoryCommit, inventoryCommitTime, refused, values, auths, connections: new Map(), stop: undefined, unconfirmableWrites: 0 };
  const unreachable = new Map<string, ApplyFailure>();
  const reached = new Set<string>();
  try {
    let rehydrate: { deployment: string; settings: ReadonlySet<string> } | undefined;
    if (request.rehydrate !== undefined) {
      const sources = await readCredentialSources(context, request.rehydrate);
      if ('error' in sources) {
        unreachable.set(request.rehydrate, sources.error);
      } else {
        reached.add(request.rehydrate);
        rehydrate = { deployment: request.rehydrate, settings: new Set(sources.sources.filter((s) => s.source === 'db').map((s) => s.key)) };
      }
    }
    const plan = planApply({
      desiredState,
      applied: snapshot.state,
      deployments: selected,
      ...(request.all ? { all: true } : {}),
      ...(rehydrate ? { rehydrate } : {}),
      isApplied: (desired, record) => isRecordedValue(request.ring, values, desired, record),
    });
    const planned = listPlannedOperations(plan);
    const refingerprints = findRefingerprints(request.ring, values, desiredState.desired, snapshot.state, planned, refused);
    const warnings = [
      ...describeSwaps(swaps),
      ...describeForgottenDeployments(inventory, snapshot.state.deployments.keys(), request.deployments),
      ...describeForeignFingerprints(request.ring, snapshot.state, selected),
      ...describeRefingerprints(refingerprints, request.dryRun === true),
      ...((await store.hasUncommittedChanges(request.file))
        ? [`${request.file} has uncommitted changes: they are applied, but the applied state records them as ${inventoryCommit === null ? 'no commit' : inventoryCommit.slice(0, 12)}; commit first`]
        : []),
    ];
    const stateBefore = { ref, before: snapshot.revision, remote: store.remote };

    if (request.dryRun) {
      const deployments = plan.deployments.map((deployment) => plannedReport(context, deployment, unreachable.get(deployment.deployment)));
      // A real apply would stop at another run's lock: the dry run says so rather than promise "would set".
      const held = selected.flatMap((id) => {
        const lock = snapshot.state.locks?.get(id);
        return lock !== undefined && !lockHasLapsed(lock, request.clock().getTime()) ? [`${describeHeldLock(id, lock)}; a real apply now would stop there (unless its run has died)`] : [];
      });
      return { check, report: buildApplyReport(true, inventoryCommit, { ...stateBefore, after: snapshot.revision, pushed: store.remote !== null && store.published() }, deployments, [...warnings, ...held]) };
    }

    // Connect and check admin access first: a deployment that cannot be used is known before the state is claimed.
    const pending = plan.deployments.filter((deployment) => deployment.units.length > 0 && !refused.has(deployment.deployment)).map((deployment) => deployment.deployment);
    await Promise.all(
      pending
        .filter((id) => !reached.has(id) && !unreachable.has(id))
        .map(async (id) => {
          const sources = await readCredentialSources(context, id);
          if ('error' in sources) unreachable.set(id, sources.error);
        }),
    );
    const progress = new Map(
      plan.deployments.map((deployment) => [deployment.deployment, deployment.units.flatMap((unit) => unit.operations.map((operation) => startProgress(operation, values)))]),
    );
    const writing = pending.filter((id) => !unreachable.has(id));
    // A re-key changes no value: its fingerprints move to the key each value is now kept under, without a write to DocuElevate.
    const claimed = [...new Set([...writing, ...refingerprints.map((entry) => entry.deployment)])];
    if (claimed.length > 0) await claimState(context, inventoryCommit, claimed);
    const deployments = await Promise.all(
      plan.deployments.map((deployment) => runDeployment(context, deployment, progress.get(deployment.deployment) ?? [], concurrency, unreachable.get(deployment.deployment))),
    );
    if (context.stop === undefined) await recordRefingerprints(context, refingerprints);
    if (context.stop === undefined) await releaseState(context);
    const withNotices = deployments.map((report) => addLoginNotices(context, report));
    const state: StateReport = {
      ...stateBefore,
      after: store.revision(),
      pushed: store.remote !== null && store.published(),
      ...(context.stop?.conflict === undefined ? {} : { conflict: context.stop.conflict }),
      ...(context.stop?.error === undefined ? {} : { error: context.stop.error }),
    };
    return { check, report: buildApplyReport(false, inventoryCommit, state, withNotices, [...warnings, ...describeMaskedReadBacks(context)]) };
  } finally {
    await Promise.all([...context.connections.values()].map((connection) => connection.close().catch(() => undefined)));
  }
}

/**
 * Prepares every desired setting once: decrypts each value once per place in the file (handing it to the hook
 * before anything is sent) and fingerprints it for the deployment it goes to.
 */
function prepareValues(request: ApplyRequest, inventory: Inventory, desired: readonly DesiredSetting[]): PreparedValues {
  const candidates: ValuePlace[] = listSealedValues(inventory).map((entry) => entry.place);
  // A value shared by several deployments sits at one place in the file: it is opened once.
  const opened = new Map<string, { readonly value: SecretValue; readonly fingerprintKey: FingerprintKeyChoice } | { readonly error: string }>();
  const result = new Map<string, Map<string, PreparedValue>>();
  for (const setting of desired) {
    const placeKey = `${setting.sealed.place.credentialId}\u0000${setting.sealed.place.deployment ?? ''}`;
    let decrypted = opened.get(placeKey);
    if (decrypted === undefined) {
      try {
        const value = openSealedValue(request.ring, setting.sealed.place, setting.sealed.sealed, candidates);
        request.onSecretDecrypted?.(value);
        decrypted = { value, fingerprintKey: chooseFingerprintKey(request.ring, setting.sealed.sealed) };
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        decrypted = { error: `cannot decrypt: ${error.message}` };
      }
      opened.set(placeKey, decrypted);
    }
    const prepared: PreparedValue =
      'error' in decrypted
        ? decrypted
        : { ...decrypted, fingerprint: fingerprintValue(request.ring, fingerprintPlace(setting.credentialId, setting.deployment), decrypted.value, decrypted.fingerprintKey.keyId) };
    const ofDeployment = result.get(setting.deployment) ?? new Map<string, PreparedValue>();
    ofDeployment.set(setting.setting, prepared);
    result.set(setting.deployment, ofDeployment);
  }
  return result;
}

/** The deployment's admin_password from the inventory, when the applied state says DocuElevate holds it: the login fallback. */
function appliedAdminPasswords(
  ring: KeyRing,
  values: PreparedValues,
  desired: readonly DesiredSetting[],
  state: AppliedState,
  deployment: string,
): LoginPassword[] {
  const setting = desired.find((candidate) => candidate.deployment === deployment && candidate.setting === ADMIN_PASSWORD_SETTING);
  const decrypted = preparedValueOf(values, deployment, ADMIN_PASSWORD_SETTING);
  return appliedAdminPasswordFallback(ring, state, setting, decrypted !== undefined && 'value' in decrypted ? decrypted.value : undefined);
}

/**
 * While a swap is under way the inventory's old admin_password is not what apply pushes, but DocuElevate may still hold
 * it (the swap not pushed yet) with the password variable stale: it stays a fallback while the applied state says so.
 */
function originalAdminPasswords(request: ApplyRequest, original: Inventory, overrides: readonly SwapOverride[], state: AppliedState, deployment: string): LoginPassword[] {
  if (overrides.length === 0) return [];
  const setting = listDesiredState(original, [deployment]).desired.find((candidate) => candidate.setting === ADMIN_PASSWORD_SETTING);
  if (setting === undefined || !overrides.some((override) => override.credential === setting.credentialId)) return [];
  let value: SecretValue;
  try {
    value = openSealedValue(request.ring, setting.sealed.place, setting.sealed.sealed, listSealedValues(original).map((entry) => entry.place));
  } catch (error) {
    if (error instanceof SealedValueError) return [];
    throw error;
  }
  request.onSecretDecrypted?.(value);
  return appliedAdminPasswordFallback(request.ring, state, setting, value);
}

/** What the run did about swap rotations: ids only. */
function describeSwaps(swaps: SwapPreparation): string[] {
  const lines = swaps.minted.map(
    (credential) => `minted a new admin_password for ${credential} (swap ${swaps.overrides.find((override) => override.credential === credential)?.record.id ?? ''}): sealed and recorded on refs/credledger/rotation before it is pushed; \`credledger rotate --finish\` then opens the pull request that writes it into the inventory`,
  );
  lines.push(...swaps.wouldMint.map((credential) => `${credential}: a swap was requested: a real apply mints a new admin_password, records it sealed and pushes it last`));
  for (const override of swaps.overrides) {
    if (swaps.minted.includes(override.credential)) continue;
    lines.push(`${override.credential}: swap ${override.record.id} is under way: apply uses its recorded sealed value, not the inventory's, until the inventory holds it (\`credledger rotate --finish\`)`);
  }
  return lines;
}

/** Adds to a deployment's report what its login showed: a password variable that no longer opens, or one that this run made stale. */
function addLoginNotices(context: RunContext, report: DeploymentReport): DeploymentReport {
  const deployment = context.inventory.deployments.get(report.deployment) as Deployment;
  const variable = passwordVariableOf(deployment);
  if (variable === undefined) return report;
  const notices: string[] = [];
  const stale = context.connections.get(report.deployment)?.staleLoginPassword;
  const pushed = report.operations.find((operation) => operation.setting === ADMIN_PASSWORD_SETTING && operation.action === 'set' && operation.outcome === 'done');
  const staleNotice = stale === undefined ? undefined : describeStaleLogin(deployment, stale);
  if (staleNotice !== undefined && pushed === undefined) notices.push(staleNotice);
  // Nothing to write, so no login: the variable is compared with the inventory's applied admin_password instead.
  const resolved = context.auths.get(report.deployment);
  if (!context.connections.has(report.deployment) && pushed === undefined && resolved !== undefined && 'auth' in resolved && resolved.auth.method === 'login') {
    const [fallback] = resolved.auth.fallbackPasswords ?? [];
    const unused = fallback === undefined ? undefined : describeStaleVariable(deployment, resolved.auth.password, fallback);
    if (unused !== undefined) notices.push(unused);
  }
  if (pushed !== undefined) {
    notices.push(`update ${variable}: ${report.deployment}'s admin password is now the inventory's \`${pushed.credential}\` (DocuElevate's login takes it at once; the next run falls back to it until ${variable} is updated)`);
  }
  return notices.length === 0 ? report : { ...report, warnings: [...report.warnings, ...notices] };
}

/**
 * Whether the recorded fingerprint is the inventory's value now: compared with the prepared fingerprint when the record
 * was made under the same key, else recomputed with the key the record names. When the ring no longer holds that key
 * the value counts as changed (pushed again).
 */
function isRecordedValue(ring: KeyRing, values: PreparedValues, desired: DesiredSetting, record: AppliedSetting): boolean {
  const prepared = preparedValueOf(values, desired.deployment, desired.setting);
  if (prepared === undefined || 'error' in prepared) return false;
  if (record.keyId === prepared.fingerprint.keyId) return prepared.fingerprint.fingerprint === record.fingerprint;
  if (findKey(ring, record.keyId) === undefined) return false;
  const { fingerprint } = fingerprintValue(ring, fingerprintPlace(desired.credentialId, desired.deployment), prepared.value, record.keyId);
  return fingerprint === record.fingerprint;
}

/** A setting whose recorded fingerprint matches the inventory's value under a key other than the one it is now kept under. */
interface Refingerprint {
  readonly deployment: string;
  readonly setting: string;
  readonly record: AppliedSetting;
  /** The key the fingerprint moves to. */
  readonly key: FingerprintKeyChoice;
  readonly fingerprint: string;
}

/**
 * The settings apply leaves alone whose record was fingerprinted under an older key the ring still holds (a re-key
 * merged with both keys in the ring): their fingerprints are recomputed under the key each value is now kept under (the
 * first key, or for a sealed value its recipient's sealing key), so the old key can leave the ring without every value
 * being pushed again.
 */
function findRefingerprints(
  ring: KeyRing,
  values: PreparedValues,
  desired: readonly DesiredSetting[],
  state: AppliedState,
  planned: readonly ApplyOperation[],
  refused: ReadonlyMap<string, ApplyFailure>,
): Refingerprint[] {
  const found: Refingerprint[] = [];
  for (const setting of desired) {
    const record = findAppliedSetting(state, setting.deployment, setting.setting);
    const prepared = preparedValueOf(values, setting.deployment, setting.setting);
    if (record === undefined || prepared === undefined || 'error' in prepared || record.keyId === prepared.fingerprintKey.keyId) continue;
    if (refused.has(setting.deployment) || planned.some((operation) => operation.deployment === setting.deployment && operation.setting === setting.setting)) continue;
    if (record.credential !== setting.credentialId || !isRecordedValue(ring, values, setting, record)) continue;
    found.push({ deployment: setting.deployment, setting: setting.setting, record, key: prepared.fingerprintKey, fingerprint: prepared.fingerprint.fingerprint });
  }
  return found;
}

async function recordRefingerprints(context: RunContext, refingerprints: readonly Refingerprint[]): Promise<void> {
  for (const { deployment, setting, record, key, fingerprint } of refingerprints) {
    try {
      await context.store.record(
        (state) => recordSettingApplied(state, deployment, setting, { ...record, keyId: key.keyId, fingerprint }),
        `credledger apply: fingerprint of ${setting} on ${deployment} moved to key ${key.keyId} (value unchanged, nothing sent)`,
      );
    } catch (error) {
      stopOn(context, error);
      return;
    }
  }
}

function describeRefingerprints(refingerprints: readonly Refingerprint[], dryRun: boolean): string[] {
  const byKey = new Map<string, Refingerprint[]>();
  for (const entry of refingerprints) byKey.set(entry.key.name, [...(byKey.get(entry.key.name) ?? []), entry]);
  return [...byKey].map(([name, entries]) => {
    const deployments = [...new Set(entries.map((entry) => entry.deployment))].join(', ');
    const count = entries.length === 1 ? '1 value' : `${entries.length} values`;
    const target = name.startsWith('recipient ') ? `the sealing key of ${name}` : name;
    return `${count} re-encrypted under ${name} (${deployments}): plaintexts unchanged, nothing pushed; ${dryRun ? 'a real apply moves' : 'moved'} their applied-state fingerprints to ${target}, after which the old key can leave the ring`;
  });
}

/** Records fingerprinted under a key the ring lacks: apply cannot tell whether they changed, so it pushes them again. */
function describeForeignFingerprints(ring: KeyRing, state: AppliedState, deployments: readonly string[]): string[] {
  const missing = new Map<string, number>();
  for (const deployment of deployments) {
    for (const record of state.deployments.get(deployment)?.values() ?? []) {
      if (findKey(ring, record.keyId) === undefined) missing.set(record.keyId, (missing.get(record.keyId) ?? 0) + 1);
    }
  }
  return [...missing].map(
    ([keyId, count]) =>
      `${count === 1 ? '1 applied setting was' : `${count} applied settings were`} fingerprinted under key ${keyId}, which ${ring.source} does not hold: they count as changed and are pushed again. After a re-key, keep the old key after the new one in the ring until one apply has moved the fingerprints (docs/values-and-keys.md)`,
  );
}

/** Connects (once per deployment) and checks admin access with `GET /api/settings/credentials`, which also tells each setting's source. */
async function readCredentialSources(
  context: RunContext,
  deploymentId: string,
): Promise<{ readonly sources: CredentialSource[] } | { readonly error: ApplyFailure }> {
  const resolved = context.auths.get(deploymentId);
  if (resolved === undefined) return { error: { message: 'no auth' } };
  if ('error' in resolved) {
    context.request.onProgress?.({ kind: 'unusable', deployment: deploymentId, reason: resolved.error });
    return { error: describeUnresolvedAuth(resolved) };
  }
  let connection = context.connections.get(deploymentId);
  if (connection === undefined) {
    const deployment = context.inventory.deployments.get(deploymentId) as Deployment;
    connection = context.request.connect(deployment, resolved.auth);
    context.connections.set(deploymentId, connection);
  }
  context.request.onProgress?.({ kind: 'connecting', deployment: deploymentId });
  const read = await readSources(connection);
  context.request.onProgress?.(
    'error' in read ? { kind: 'unusable', deployment: deploymentId, reason: read.error.message } : { kind: 'connected', deployment: deploymentId, listed: read.sources.length },
  );
  return read;
}

/**
 * Deployments whose applied state was written from a commit the checkout is an ancestor of: applying would put older
 * values back (or delete newer settings), as a re-run of an old workflow or a stale clone would. Ancestry decides
 * (`git merge-base --is-ancestor`), not committer time: one commit with a future date must neither let an old
 * checkout roll a value back nor block every later apply. Only when the clone lacks the recorded commit (a shallow
 * checkout) are committer times compared.
 */
async function findStaleDeployments(
  store: AppliedStateStore,
  state: AppliedState,
  deployments: readonly string[],
  commit: string | null,
  commitTime: number | null,
): Promise<Map<string, ApplyFailure>> {
  const refused = new Map<string, ApplyFailure>();
  if (commit === null) return refused;
  const when = (seconds: number | undefined) => (seconds === undefined ? 'time unknown' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));
  const verdicts = new Map<string, boolean | undefined>();
  for (const deployment of deployments) {
    for (const record of state.deployments.get(deployment)?.values() ?? []) {
      if (record.commit === null || record.commit === commit) continue;
      if (!verdicts.has(record.commit)) verdicts.set(record.commit, await store.descendsFromInventoryCommit?.(record.commit));
      const descends = verdicts.get(record.commit);
      const newer = descends ?? (commitTime !== null && record.commitTime !== undefined && record.commitTime > commitTime);
      if (!newer) continue;
      const how = descends === undefined ? 'which is newer by committer time (this clone does not hold it) than' : 'which descends from';
      refused.set(deployment, {
        message: `${deployment} was last applied from ${record.commit.slice(0, 12)} (${when(record.commitTime)}), ${how} this checkout ${commit.slice(0, 12)} (${when(commitTime ?? undefined)}): applying would roll it back; check out the newest commit, or pass --allow-rollback`,
      });
      break;
    }
  }
  return refused;
}

function startProgress(operation: ApplyOperation, values: PreparedValues): OperationProgress {
  return { operation, ...(operation.action === 'set' ? { prepared: preparedValueOf(values, operation.deployment, operation.setting) } : {}), outcome: 'skipped' };
}

/** Takes the state ref before the first write; a conflict or an unusable remote stops the run before anything is sent. */
async function claimState(context: RunContext, inventoryCommit: string | null, deployments: readonly string[]): Promise<void> {
  try {
    // Scoped to the deployments this run writes, so parallel applies of other deployments do not stop it.
    await context.store.claim(`credledger apply: started from ${inventoryCommit === null ? 'an unborn HEAD' : inventoryCommit.slice(0, 12)}`, deployments);
  } catch (error) {
    stopOn(context, error);
  }
}

/** Releases this run's locks on the deployments it claimed, and publishes the state. */
async function releaseState(context: RunContext): Promise<void> {
  try {
    await context.store.release('credledger apply: finished');
  } catch (error) {
    stopOn(context, error);
  }
}

async function publishState(context: RunContext): Promise<void> {
  try {
    await context.store.publish();
  } catch (error) {
    stopOn(context, error);
  }
}

/** Records why the run stops; the first reason wins. */
function stopOn(context: RunContext, error: unknown): void {
  if (error instanceof AppliedStateConflictError) context.stop ??= { conflict: error.message };
  else if (error instanceof ExternalError) context.stop ??= { error: error.message };
  else throw error;
}

async function runDeployment(
  context: RunContext,
  plan: DeploymentApplyPlan,
  progress: readonly OperationProgress[],
  concurrency: number,
  knownUnreachable: ApplyFailure | undefined,
): Promise<DeploymentReport> {
  const deployment = context.inventory.deployments.get(plan.deployment) as Deployment;
  if (progress.length === 0) return deploymentReport(deployment, knownUnreachable === undefined ? 'unchanged' : 'unreachable', progress, knownUnreachable);
  const refusal = context.refused.get(plan.deployment);
  if (refusal !== undefined) {
    for (const entry of progress) entry.skipped = `not attempted: ${refusal.message}`;
    return deploymentReport(deployment, 'failed', progress, refusal);
  }
  if (context.stop !== undefined && knownUnreachable === undefined) {
    for (const entry of progress) entry.skipped = describeStop(context);
    return deploymentReport(deployment, 'skipped', progress);
  }
  if (knownUnreachable !== undefined) {
    for (const entry of progress) entry.skipped = `not attempted: ${plan.deployment} could not be used`;
    return deploymentReport(deployment, 'unreachable', progress, knownUnreachable);
  }
  const connection = context.connections.get(plan.deployment) as DeploymentConnection;
  const progressOf = new Map(progress.map((entry) => [entry.operation, entry]));
  const running = new Set<Promise<void>>();
  const listener = context.request.onProgress;
  let completed = 0;
  const finishOne: FinishOne = (entry) => {
    completed += 1;
    const { action, setting } = entry.operation;
    const outcome = entry.outcome === 'planned' ? 'skipped' : entry.outcome;
    listener?.({ kind: 'operation', deployment: plan.deployment, action, setting, outcome, completed, total: progress.length });
  };
  listener?.({ kind: 'writing', deployment: plan.deployment, total: progress.length });
  for (const unit of plan.units) {
    // admin_password comes last (the plan puts it there) and alone: DocuElevate's login takes it at once, so
    // every other write is finished before the password that opens the deployment changes.
    if (unit.group !== undefined || unit.operations.some((operation) => operation.setting === ADMIN_PASSWORD_SETTING)) {
      // A group has the deployment to itself, so its members really are written back to back.
      await Promise.all(running);
      await runUnit(context, connection, unit, progressOf, finishOne);
      continue;
    }
    while (running.size >= concurrency) await Promise.race(running);
    const task: Promise<void> = runUnit(context, connection, unit, progressOf, finishOne).finally(() => running.delete(task));
    running.add(task);
  }
  await Promise.all(running);
  // Each deployment's progress reaches the remote as soon as it is complete, not only at the end of the run.
  if (context.stop === undefined) await publishState(context);
  const allSkipped = progress.every((entry) => entry.outcome === 'skipped');
  const allDone = progress.every((entry) => entry.outcome === 'done');
  const tally = (outcome: OperationRecord['outcome']) => progress.filter((entry) => entry.outcome === outcome).length;
  listener?.({ kind: 'finished', deployment: plan.deployment, done: tally('done'), failed: tally('failed'), skipped: tally('skipped') });
  return deploymentReport(deployment, allDone ? 'done' : allSkipped && context.stop !== undefined ? 'skipped' : 'failed', progress);
}

/** Called once per operation of a deployment when it is finished (done, failed or skipped). */
type FinishOne = (entry: OperationProgress) => void;

/** Performs a unit's operations back to back; a group stops at its first failure, so a half-written pair stays as small as possible. */
async function runUnit(
  context: RunContext,
  connection: DeploymentConnection,
  unit: ApplyUnit,
  progressOf: ReadonlyMap<ApplyOperation, OperationProgress>,
  finishOne: FinishOne,
): Promise<void> {
  let failed: ApplyOperation | undefined;
  for (const operation of unit.operations) {
    const entry = progressOf.get(operation) as OperationProgress;
    if (context.stop !== undefined) {
      entry.skipped = describeStop(context);
    } else if (failed !== undefined) {
      entry.skipped = `not attempted: group ${unit.group ?? ''} stopped after ${failed.setting} failed`;
    } else {
      await runOperation(context, connection, entry);
      if (entry.outcome === 'failed') failed = operation;
    }
    finishOne(entry);
  }
}

async function runOperation(context: RunContext, connection: DeploymentConnection, entry: OperationProgress): Promise<void> {
  const { operation } = entry;
  const { request, store } = context;
  let change: (state: AppliedState) => AppliedState;
  try {
    if (operation.action === 'set') {
      const prepared = entry.prepared;
      if (prepared === undefined || 'error' in prepared) {
        entry.outcome = 'failed';
        entry.error = { message: prepared?.error ?? 'no value' };
        return;
      }
      const check = await prepareWriteCheck(connection, operation.setting, prepared.value);
      const written = await connection.setSetting(operation.setting, prepared.value);
      entry.attempts = written.attempts;
      const unconfirmed = await findUnconfirmedWrite(connection, operation.setting, check, applyUserOf(context, operation.deployment));
      if (unconfirmed !== undefined) {
        entry.outcome = 'failed';
        entry.error = { message: unconfirmed };
        return;
      }
      if (check.by === 'none') context.unconfirmableWrites += 1;
      if (written.restartRequired !== undefined) entry.restartRequired = written.restartRequired;
      if (operation.setting === ADMIN_PASSWORD_SETTING) await request.checkpoint?.('after-swap-push', operation.credentialId);
      const { fingerprint } = prepared;
      const record: AppliedSetting = {
        credential: operation.credentialId,
        keyId: fingerprint.keyId,
        fingerprint: fingerprint.fingerprint,
        commit: context.inventoryCommit,
        ...(context.inventoryCommitTime === null ? {} : { commitTime: context.inventoryCommitTime }),
        appliedAt: request.clock().toISOString(),
      };
      change = (state) => recordSettingApplied(state, operation.deployment, operation.setting, record);
    } else {
      const deleted = await connection.deleteSetting(operation.setting);
      entry.attempts = deleted.attempts;
      // DocuElevate drops the row, but its running process keeps the value until it restarts.
      const pending = deleted.result === 'deleted' ? { credential: operation.credentialId, removedAt: request.clock().toISOString() } : undefined;
      if (pending !== undefined) entry.pendingRestart = true;
      change = (state) => recordSettingRemoved(state, operation.deployment, operation.setting, pending);
    }
  } catch (error) {
    entry.outcome = 'failed';
    entry.error = describeConnectionFailure(error);
    if (error instanceof RequestError) entry.attempts = error.attempts;
    return;
  }
  entry.outcome = 'done';
  try {
    await store.record(change, `credledger apply: ${operation.action} ${operation.setting} on ${operation.deployment} (${operation.credentialId})`);
    entry.recorded = true;
  } catch (error) {
    entry.recorded = false;
    stopOn(context, error);
  }
}

/** The user apply's writes show in DocuElevate's history under, when apply logs in; unknown for a token or a session. */
function applyUserOf(context: RunContext, deployment: string): string | undefined {
  const resolved = context.auths.get(deployment);
  return resolved !== undefined && 'auth' in resolved && resolved.auth.method === 'login' ? resolved.auth.username : undefined;
}

function describeStop(context: RunContext): string {
  return context.stop?.conflict !== undefined ? 'not attempted: a concurrent apply took the applied state' : 'not attempted: the applied state could not be written';
}

/**
 * What the read-back of a sensitive setting cannot see, said once when a write was confirmed by neither a read-back
 * that tells the new value from the old nor a new history entry.
 */
export const MASKED_READ_BACK_LIMIT =
  "a sensitive setting reads back masked (its first 4 characters and its length), so a write DocuElevate dropped goes unseen when the old value shares both; DocuElevate's history (GET /api/settings/<key>/history) shows whether the write happened";

function describeMaskedReadBacks(context: RunContext): string[] {
  return context.unconfirmableWrites > 0 ? [MASKED_READ_BACK_LIMIT] : [];
}

function plannedReport(context: RunContext, plan: DeploymentApplyPlan, unreachable: ApplyFailure | undefined): DeploymentReport {
  const deployment = context.inventory.deployments.get(plan.deployment) as Deployment;
  const progress = plan.units.flatMap((unit) => unit.operations.map((operation): OperationProgress => ({ operation, outcome: 'planned' })));
  if (unreachable !== undefined) return deploymentReport(deployment, 'unreachable', progress, unreachable);
  const refusal = context.refused.get(plan.deployment);
  if (refusal !== undefined && progress.length > 0) {
    for (const entry of progress) {
      entry.outcome = 'skipped';
      entry.skipped = `not attempted: ${refusal.message}`;
    }
    return deploymentReport(deployment, 'failed', progress, refusal);
  }
  // A dry run fails what the real apply would fail: a value this ring cannot open (tampered, or copied from another
  // credential) is not "would set".
  let unopenable = 0;
  for (const entry of progress) {
    if (entry.operation.action !== 'set') continue;
    const decrypted = preparedValueOf(context.values, entry.operation.deployment, entry.operation.setting);
    if (decrypted !== undefined && !('error' in decrypted)) continue;
    entry.outcome = 'failed';
    entry.error = { message: decrypted?.error ?? 'no value' };
    unopenable += 1;
  }
  if (unopenable > 0) return deploymentReport(deployment, 'failed', progress);
  return deploymentReport(deployment, progress.length === 0 ? 'unchanged' : 'planned', progress);
}
