// Use case: read each deployment's credential list (read-only) and compare it with the inventory.
import path from 'node:path';
import { DEFAULT_STATE_REF, EMPTY_APPLIED_STATE, findPendingRemovals, type AppliedState } from '../core/applied-state.js';
import { auditInventory, type AuditReport, type DeploymentListing } from '../core/audit.js';
import type { CalendarDate } from '../core/dates.js';
import { hasErrors } from '../core/diagnostics.js';
import type { Deployment } from '../core/inventory.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import type { SecretValue } from '../crypto/secret-value.js';
import {
  describeUnresolvedAuth,
  readCredentialSources,
  resolveDeploymentAuth,
  selectDeployments,
} from './deployment-connection.js';
import type { OpenAppliedStateStore } from '../ports/applied-state-store.js';
import type { CredentialSourceReader, DeploymentCredential } from '../ports/deployment-connection.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import { loadInventoryFile } from './inventory-file.js';
import type { ProgressListener } from '../core/run-progress.js';

/** What audit works through; src/wiring/apply.ts builds the real ones. Only their read sides are used. */
export interface AuditCollaborators {
  /** A connection to one deployment's settings API. */
  readonly connect: (deployment: Deployment, credential: DeploymentCredential) => CredentialSourceReader;
  /** Apply's applied state, for the removals that await a deployment's restart. */
  readonly openStateStore: OpenAppliedStateStore;
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
  if (!check.inventory || hasErrors(check.diagnostics)) return { check, report: undefined };
  const inventory = check.inventory;
  const selected = selectDeployments(inventory, {
    ...(request.deployments === undefined ? {} : { deployments: request.deployments }),
    allowInsecureHttp: request.allowInsecureHttp === true,
  });
  const applied = await readAppliedStateOf(request.file, request.openStateStore);
  const listings = new Map<string, DeploymentListing>(
    await Promise.all(
      selected.map(async (id) => {
        const deployment = inventory.deployments.get(id) as Deployment;
        return [id, await readListing(deployment, request)] as const;
      }),
    ),
  );
  return { check, report: auditInventory(inventory, selected, listings, (id) => findPendingRemovals(applied, id)) };
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

async function readListing(deployment: Deployment, request: AuditRequest): Promise<DeploymentListing> {
  const resolved = resolveDeploymentAuth(deployment, request.env, request.onSecret);
  if ('error' in resolved) {
    request.onProgress?.({ kind: 'unusable', deployment: deployment.id, reason: resolved.error });
    return { error: describeUnresolvedAuth(resolved) };
  }
  const connection = request.connect(deployment, resolved.auth);
  try {
    request.onProgress?.({ kind: 'connecting', deployment: deployment.id });
    const read = await readCredentialSources(connection);
    request.onProgress?.('error' in read ? { kind: 'unusable', deployment: deployment.id, reason: read.error.message } : { kind: 'connected', deployment: deployment.id, listed: read.sources.length });
    return read;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
