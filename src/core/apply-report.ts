// The report of an apply (or its dry run): per deployment and setting what happened, for people and the audit trail.
import { displayDeploymentUrl } from './deployment-url.js';
import type { ApplyOperation, ApplyReason } from './apply-plan.js';
import { describeSessionSecretRotation, SESSION_SECRET_IGNORED, SESSION_SECRET_SETTING } from './docuelevate-catalogue.js';
import type { Inventory } from './inventory.js';

/** `planned` in a dry run; otherwise what became of the operation. */
export type OperationOutcome = 'planned' | 'done' | 'failed' | 'skipped';

/** Why something failed: a message, and DocuElevate's HTTP status and `detail` when it answered. */
export interface ApplyFailure {
  readonly message: string;
  readonly status?: number;
  readonly detail?: string;
  /** Set when the cause is environment variables the deployment's auth names that are not set: nothing was tried on the network. */
  readonly missingEnv?: readonly string[];
}

export interface OperationReport {
  readonly action: 'set' | 'delete';
  readonly setting: string;
  readonly credential: string;
  readonly group: string | null;
  readonly reason: ApplyReason;
  readonly restartRequired: boolean;
  readonly outcome: OperationOutcome;
  /** Set when failed. */
  readonly error?: ApplyFailure;
  /** Set when skipped: why it was not attempted. */
  readonly skipped?: string;
  /** Requests made for it, retries included (done and failed only). */
  readonly attempts?: number;
  /** Done only: whether the applied state recorded it (false when a concurrent apply took the state first). */
  readonly recorded?: boolean;
  /** A delete DocuElevate accepted: its running process keeps the value until it restarts. */
  readonly pendingRestart?: boolean;
}

/**
 * `planned` (dry run), `unchanged` (nothing to do), `done` (every operation done), `failed` (some
 * operation failed or was skipped), `unreachable` (could not connect or authenticate, or its login variables are unset
 * (`error.missingEnv`): nothing was sent),
 * `skipped` (not attempted because the applied state was taken by a concurrent apply).
 */
export type DeploymentOutcome = 'planned' | 'unchanged' | 'done' | 'failed' | 'unreachable' | 'skipped';

export interface DeploymentReport {
  readonly deployment: string;
  readonly url: string;
  readonly outcome: DeploymentOutcome;
  /** Set when unreachable. */
  readonly error?: ApplyFailure;
  readonly operations: readonly OperationReport[];
  /** Groups left half-written: some members done, some not. */
  readonly inconsistentGroups: readonly string[];
  /** Settings done (or, in a dry run, planned) that take effect only after `docker compose restart api worker`. */
  readonly restartRequired: readonly string[];
  /** Settings deleted from DocuElevate's database whose values its running process keeps until it restarts. */
  readonly pendingRestart?: readonly string[];
  readonly warnings: readonly string[];
}

/** What happened to the applied-state ref. */
export interface StateReport {
  readonly ref: string;
  /** The ref's commit when apply started (after fetching it), or null when there was none. */
  readonly before: string | null;
  /** The ref's commit when apply ended. */
  readonly after: string | null;
  /** The remote the ref is shared through, or null without one. */
  readonly remote: string | null;
  /** With a remote: whether `after` is on it. */
  readonly pushed: boolean;
  /** Set when a concurrent apply changed the ref first and this run stopped. */
  readonly conflict?: string;
  /** Set when the ref could not be written or pushed for another reason. */
  readonly error?: string;
}

export interface ApplyReport {
  readonly dryRun: boolean;
  /** The inventory commit applied from (HEAD of the inventory's repository). */
  readonly inventoryCommit: string | null;
  readonly state: StateReport;
  readonly deployments: readonly DeploymentReport[];
  readonly warnings: readonly string[];
  readonly summary: Readonly<Record<OperationOutcome, number>>;
}

/** `ok`: every operation done; `failed`: an operation failed or was skipped, or a concurrent apply won; `external`: a deployment or the state could not be used at all. */
export type ApplyOutcome = 'ok' | 'failed' | 'external';

/** Decides the run's outcome; the CLI maps it to exit 0, 1 or 3. */
export function assessApplyReport(report: ApplyReport): ApplyOutcome {
  if (report.deployments.some((deployment) => deployment.outcome === 'unreachable') || report.state.error !== undefined) return 'external';
  if (report.state.conflict !== undefined) return 'failed';
  if (report.deployments.some((deployment) => deployment.outcome === 'failed' || deployment.outcome === 'skipped')) return 'failed';
  return 'ok';
}

/** Counts operations by outcome. */
export function summariseOperations(deployments: readonly DeploymentReport[]): Record<OperationOutcome, number> {
  const summary: Record<OperationOutcome, number> = { planned: 0, done: 0, failed: 0, skipped: 0 };
  for (const deployment of deployments) for (const operation of deployment.operations) summary[operation.outcome] += 1;
  return summary;
}

/** "restart api and worker on production: admin_password, authentik_client_secret", or undefined when none is needed. */
export function describeRestart(report: DeploymentReport): string | undefined {
  const removed = report.pendingRestart ?? [];
  if (report.restartRequired.length === 0 && removed.length === 0) return undefined;
  const when = report.outcome === 'planned' ? ' after applying' : '';
  const settings = report.restartRequired.length === 0 ? '' : `: ${report.restartRequired.join(', ')}`;
  const removals =
    removed.length === 0
      ? ''
      : `${settings === '' ? ':' : ';'} removed ${removed.join(', ')} (DocuElevate keeps a deleted value in effect until it restarts)`;
  return `restart api and worker on ${report.deployment}${when}${settings}${removals}`;
}

/** What became of one operation so far, filled in while an apply runs; the report is built from it. */
export interface OperationRecord {
  readonly operation: ApplyOperation;
  outcome: OperationReport['outcome'];
  /** DocuElevate's own restart_required from the write's answer, which also covers custom settings. */
  restartRequired?: boolean;
  error?: ApplyFailure;
  skipped?: string;
  attempts?: number;
  recorded?: boolean;
  /** A DELETE DocuElevate accepted: the running process keeps the value until it restarts. */
  pendingRestart?: boolean;
}

/** One operation as reported. */
export function reportOperation(entry: OperationRecord): OperationReport {
  const { operation } = entry;
  return {
    action: operation.action,
    setting: operation.setting,
    credential: operation.credentialId,
    group: operation.group ?? null,
    reason: operation.reason,
    restartRequired: entry.restartRequired ?? operation.restartRequired,
    outcome: entry.outcome,
    ...(entry.error === undefined ? {} : { error: entry.error }),
    ...(entry.outcome === 'skipped' && entry.skipped !== undefined ? { skipped: entry.skipped } : {}),
    ...(entry.attempts === undefined ? {} : { attempts: entry.attempts }),
    ...(entry.recorded === undefined ? {} : { recorded: entry.recorded }),
    ...(entry.pendingRestart ? { pendingRestart: true } : {}),
  };
}

/** A deployment's report from its operations: groups left half-written, settings awaiting a restart, the session_secret warning. */
export function deploymentReport(
  deployment: { readonly id: string; readonly url: string },
  outcome: DeploymentReport['outcome'],
  progress: readonly OperationRecord[],
  error?: ApplyFailure,
): DeploymentReport {
  const operations = progress.map(reportOperation);
  const done = (operation: OperationReport) => operation.outcome === 'done' || operation.outcome === 'planned';
  const groups = new Map<string, OperationReport[]>();
  for (const operation of operations) if (operation.group !== null) groups.set(operation.group, [...(groups.get(operation.group) ?? []), operation]);
  const inconsistentGroups = [...groups]
    .filter(([, members]) => members.some(done) && !members.every(done))
    .map(([group]) => group);
  const restartRequired = operations.filter((operation) => operation.restartRequired && done(operation) && operation.action === 'set').map((operation) => operation.setting);
  const pendingRestart = operations
    .filter((operation) => operation.pendingRestart === true || (operation.action === 'delete' && operation.outcome === 'planned'))
    .map((operation) => operation.setting);
  const warnings = operations
    .filter((operation) => operation.setting === SESSION_SECRET_SETTING && operation.action === 'set' && done(operation))
    .map(() => describeSessionSecretChange(deployment.id, outcome === 'planned'));
  return {
    deployment: deployment.id,
    // Never a user name or password a URL should not have held: reports name the deployment, not its secrets.
    url: displayDeploymentUrl(deployment.url),
    outcome,
    ...(error === undefined ? {} : { error }),
    operations,
    inconsistentGroups,
    restartRequired,
    ...(pendingRestart.length === 0 ? {} : { pendingRestart }),
    warnings,
  };
}

function describeSessionSecretChange(deployment: string, planned: boolean): string {
  return `session_secret ${planned ? 'will be' : 'was'} written to ${deployment}'s database, but ${SESSION_SECRET_IGNORED}. To rotate it, ${describeSessionSecretRotation(deployment)}`;
}

/** Deployments the applied state records that the inventory no longer has (when every deployment was asked for). */
export function describeForgottenDeployments(inventory: Inventory, recorded: Iterable<string>, requested: readonly string[] | undefined): string[] {
  if (requested !== undefined) return [];
  return [...recorded]
    .filter((deployment) => !inventory.deployments.has(deployment))
    .map((deployment) => `the applied state records deployment ${deployment}, which is no longer in the inventory: its settings were left alone`);
}

/** The whole report, with its summary. */
export function buildApplyReport(
  dryRun: boolean,
  inventoryCommit: string | null,
  state: StateReport,
  deployments: readonly DeploymentReport[],
  warnings: readonly string[],
): ApplyReport {
  return { dryRun, inventoryCommit, state, deployments, warnings, summary: summariseOperations(deployments) };
}
