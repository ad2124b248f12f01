// The report of an apply (or its dry run): per deployment and setting what happened, for people and the audit trail.
import type { ApplyReason } from './apply-plan.js';

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
