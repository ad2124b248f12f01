// Use case: read each deployment's credential list (read-only) and compare it with the inventory.
import path from 'node:path';
import { DEFAULT_STATE_REF, EMPTY_APPLIED_STATE, findPendingRemovals, type AppliedState } from '../core/applied-state.js';
import { auditInventory, type AppliedWrite, type AuditReport, type DeploymentListing, type DriftEvidence, type SettingChangeEntry } from '../core/audit.js';
import type { CalendarDate } from '../core/dates.js';
import { listDesiredState } from '../core/apply-plan.js';
import { ADMIN_PASSWORD_SETTING } from '../core/docuelevate-catalogue.js';
import { listSealedValues, listValuePlaces, sealedValueFor, type Deployment, type Inventory } from '../core/inventory.js';
import { findKey, type KeyRing } from '../crypto/key-ring.js';
import { fingerprintValue, openSealedValue, SealedValueError } from '../crypto/sealed-value.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import type { SecretValue } from '../crypto/secret-value.js';
import {
  describeConnectionFailure,
  describeUnresolvedAuth,
  readCredentialSources,
  resolveDeploymentAuth,
  selectDeployments,
} from './deployment-connection.js';
import type { OpenAppliedStateStore } from '../ports/applied-state-store.js';
import type { CredentialSourceReader, DeploymentCredential, LoginPassword } from '../ports/deployment-connection.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import { loadInventoryFile } from './inventory-file.js';
import { appliedAdminPasswordFallback, describeStaleLogin } from './login-fallback.js';
import { readSwapOverrides, swapLoginFallbacks, type SwapRotations } from './swap-rotation.js';
import type { ProgressListener } from '../core/run-progress.js';

/** What audit works through; src/wiring/apply.ts builds the real ones. Only their read sides are used. */
export interface AuditCollaborators {
  /** A connection to one deployment's settings API. */
  readonly connect: (deployment: Deployment, credential: DeploymentCredential) => CredentialSourceReader;
  /** Apply's applied state, for the removals that await a deployment's restart. */
  readonly openStateStore: OpenAppliedStateStore;
  /** The rotation state: a swap under way is audited against its recorded value, and its password opens the login. */
  readonly rotations?: SwapRotations;
}

export interface AuditRequest extends AuditCollaborators {
  /** The inventory file. */
  readonly file: string;
  /** The real day, against which the inventory's dates are checked. */
  readonly today: CalendarDate;
  /** Where auth secrets are read from (the variables named by each deployment's `auth`). No key is needed: values are never compared. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Only these deployments (`--deployment`); default every deployment of the inventory. */
  readonly deployments?: readonly string[];
  /** Allow http:// to hosts other than loopback. */
  readonly allowInsecureHttp?: boolean;
  /** Called with every auth secret read from the environment before anything is sent, so a host can mask it (core.setSecret). */
  readonly onSecret?: (secret: SecretValue) => void;
  /**
   * The keys, when given: each value apply last pushed (the inventory's, when its fingerprint matches the applied
   * state) is compared with what DocuElevate shows masked, and when DocuElevate refuses the password variable's
   * password, audit logs in with the inventory's applied admin_password of that deployment (as apply does) and says
   * the variable is stale. Without them masked values are not compared and there is no login fallback.
   */
  readonly ring?: KeyRing;
  /** Told when each deployment is being read and when it has been (names and counts, never a value). */
  readonly onProgress?: ProgressListener;
}

/** The report, or none when the inventory has errors (they are in `check`). */
export interface AuditResult {
  readonly check: InventoryCheck;
  readonly report: AuditReport | undefined;
}

/**
 * Audits the inventory against the deployments: logs in to each (in parallel), reads
 * `GET /api/settings/credentials`, and compares. Nothing is written to any deployment (logging in is the
 * only request that is not a GET). A deployment that cannot be reached, authenticated or used as an admin
 * is reported `unreachable`; the others are audited all the same.
 * @throws UsageError for an unknown deployment or a refused http:// URL.
 */
export async function auditDeployments(request: AuditRequest): Promise<AuditResult> {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) return { check, report: undefined };
  // A swap under way: DocuElevate holds (or will hold) its recorded value, not the inventory's old one.
  const swaps = await readSwapOverrides(request.file, check.inventory, request.rotations);
  const inventory = swaps.inventory;
  const selected = selectDeployments(inventory, {
    ...(request.deployments === undefined ? {} : { deployments: request.deployments }),
    allowInsecureHttp: request.allowInsecureHttp === true,
  });
  const applied = await readAppliedStateOf(request.file, request.openStateStore);
  const read = await Promise.all(
    selected.map(async (id) => {
      const deployment = inventory.deployments.get(id) as Deployment;
      const swapFallbacks = request.ring === undefined ? [] : swapLoginFallbacks(request.ring, inventory, swaps.overrides, id);
      for (const fallback of swapFallbacks) request.onSecret?.(fallback.password);
      return [id, await readListing(inventory, deployment, applied, request, [...loginFallbacks(request, inventory, applied, id), ...swapFallbacks])] as const;
    }),
  );
  const listings = new Map<string, DeploymentListing>(read.map(([id, result]) => [id, result.listing]));
  const drift = new Map(read.flatMap(([id, result]) => (result.drift === undefined ? [] : [[id, result.drift] as const])));
  const report = auditInventory(inventory, selected, listings, (id) => findPendingRemovals(applied, id), (id) => drift.get(id));
  const notes = describeDriftCoverage(inventory, selected, applied, request.ring);
  return { check, report: notes.length === 0 ? report : { ...report, notes } };
}

/** What the drift checks could not cover: no applied state (nothing to compare with), no key (masked values not compared). */
function describeDriftCoverage(inventory: Inventory, deployments: readonly string[], applied: AppliedState, ring: KeyRing | undefined): string[] {
  const recorded = deployments.some((id) => (applied.deployments.get(id)?.size ?? 0) > 0);
  if (!recorded) return ['changes outside the inventory and masked values were not checked: the applied state records no write by apply on these deployments'];
  const pushesValues = inventory.credentials.some((credential) => deployments.some((id) => sealedValueFor(credential, id) !== undefined));
  return ring === undefined && pushesValues ? ['masked values were not compared with the applied ones: no key (CREDLEDGER_KEY, CREDLEDGER_SEALING_KEY or --key-file)'] : [];
}

/** With a key: the deployment's admin_password from the inventory, when the applied state says DocuElevate holds it. */
function loginFallbacks(request: AuditRequest, inventory: Inventory, applied: AppliedState, deploymentId: string): LoginPassword[] {
  const ring = request.ring;
  if (ring === undefined) return [];
  const desired = listDesiredState(inventory, [deploymentId]).desired.find((setting) => setting.setting === ADMIN_PASSWORD_SETTING);
  if (desired === undefined) return [];
  let value: SecretValue;
  try {
    const candidates = listSealedValues(inventory).map((entry) => entry.place);
    value = openSealedValue(ring, desired.sealed.place, desired.sealed.sealed, candidates);
  } catch (error) {
    // A value the key does not open is validate's business; the audit just has no fallback.
    if (error instanceof SealedValueError) return [];
    throw error;
  }
  const fallbacks = appliedAdminPasswordFallback(ring, applied, desired, value);
  for (const fallback of fallbacks) request.onSecret?.(fallback.password);
  return fallbacks;
}

/**
 * The applied state of the inventory's repository (`refs/credledger/applied`, fetched from origin when it has one);
 * empty outside a repository, or when it cannot be read (audit does not need it to run).
 */
async function readAppliedStateOf(file: string, openStateStore: OpenAppliedStateStore): Promise<AppliedState> {
  try {
    const store = await openStateStore({ directory: path.dirname(path.resolve(file)), ref: DEFAULT_STATE_REF });
    return (await store.load()).state;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExternalError) return EMPTY_APPLIED_STATE;
    throw error;
  }
}

async function readListing(
  inventory: Inventory,
  deployment: Deployment,
  applied: AppliedState,
  request: AuditRequest,
  fallbacks: readonly LoginPassword[],
): Promise<{ readonly listing: DeploymentListing; readonly drift?: DriftEvidence }> {
  const resolved = resolveDeploymentAuth(deployment, request.env, request.onSecret, fallbacks);
  if ('error' in resolved) {
    request.onProgress?.({ kind: 'unusable', deployment: deployment.id, reason: resolved.error });
    return { listing: { error: describeUnresolvedAuth(resolved) } };
  }
  const connection = request.connect(deployment, resolved.auth);
  try {
    request.onProgress?.({ kind: 'connecting', deployment: deployment.id });
    const listing = await readCredentialSources(connection);
    request.onProgress?.('error' in listing ? { kind: 'unusable', deployment: deployment.id, reason: listing.error.message } : { kind: 'connected', deployment: deployment.id, listed: listing.sources.length });
    if ('error' in listing) return { listing };
    const stale = connection.staleLoginPassword === undefined ? undefined : describeStaleLogin(deployment, connection.staleLoginPassword);
    const listed = stale === undefined ? listing : { ...listing, warnings: [stale] };
    const applyUser = resolved.auth.method === 'login' ? resolved.auth.username : undefined;
    try {
      const drift = await readDriftEvidence(inventory, deployment.id, listing.sources, applied, connection, request.ring, applyUser);
      return { listing: listed, ...(drift === undefined ? {} : { drift }) };
    } catch (error) {
      return { listing: { error: describeConnectionFailure(error) } };
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/**
 * For every setting of the inventory that apply recorded writing on this deployment and DocuElevate reports
 * configured: its history (who and when; never its values) and, with the keys, whether DocuElevate shows the
 * value apply pushed. The value compared is the inventory's, and only when its fingerprint is the one apply
 * recorded: an inventory change not yet applied is the plan's business, not drift.
 */
async function readDriftEvidence(
  inventory: Inventory,
  deployment: string,
  sources: readonly { readonly key: string; readonly source: 'db' | 'env' | null }[],
  applied: AppliedState,
  connection: CredentialSourceReader,
  ring: KeyRing | undefined,
  applyUser: string | undefined,
): Promise<DriftEvidence | undefined> {
  const records = applied.deployments.get(deployment);
  if (records === undefined || records.size === 0 || connection.listSettingChanges === undefined) return undefined;
  const configured = new Set(sources.filter((entry) => entry.source !== null).map((entry) => entry.key));
  const history = new Map<string, SettingChangeEntry[]>();
  const masked = new Map<string, boolean>();
  const appliedWrites = new Map<string, AppliedWrite>();
  for (const credential of inventory.credentials) {
    const record = records.get(credential.setting);
    if (!credential.deployments.includes(deployment) || record === undefined || !configured.has(credential.setting)) continue;
    appliedWrites.set(credential.setting, { credential: record.credential, appliedAt: record.appliedAt });
    const changes = await connection.listSettingChanges(credential.setting);
    history.set(
      credential.setting,
      changes.map(({ changedBy, changedAt, action }) => ({ changedBy, changedAt, action })),
    );
    const entry = sealedValueFor(credential, deployment);
    if (ring === undefined || entry === undefined || connection.showsValue === undefined || findKey(ring, record.keyId) === undefined) continue;
    let value;
    try {
      value = openSealedValue(ring, entry.place, entry.sealed, listValuePlaces(inventory));
    } catch (error) {
      if (error instanceof SealedValueError) continue;
      throw error;
    }
    if (fingerprintValue(ring, { credentialId: credential.id, deployment }, value, record.keyId).fingerprint !== record.fingerprint) continue;
    masked.set(credential.setting, await connection.showsValue(credential.setting, value));
  }
  return { ...(applyUser === undefined ? {} : { applyUser }), applied: appliedWrites, history, masked };
}
