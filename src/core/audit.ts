// Audit: what each DocuElevate deployment holds (its credential list with db/env sources) against what the inventory says.
import type { PendingRemoval } from './applied-state.js';
import { displayDeploymentUrl } from './deployment-url.js';
import { compareText } from './identifier-order.js';
import { sealedValueFor, type Credential, type Inventory } from './inventory.js';

/**
 * What the audit can find on a deployment:
 * - `untracked` (error): DocuElevate has a value (database or environment) for a sensitive setting that no
 *   inventory credential covers on that deployment. Nobody is reminded to rotate it or to revoke it at offboarding.
 * - `not-configured` (warning): an inventory credential covers the setting on that deployment, and DocuElevate
 *   has no value for it at all.
 * - `from-env` (warning): the inventory pushes a value, but DocuElevate takes the setting from its environment
 *   (no database value): the inventory's value is not in effect, and once it is pushed it shadows the variable.
 * - `db-unmanaged` (warning): the inventory tracks the setting without a value (expecting it from the
 *   environment), but DocuElevate holds a database value, which shadows any environment variable.
 * - `pending-restart` (warning): apply deleted the setting from DocuElevate's database, and DocuElevate still
 *   reports it from its environment: its running process keeps a deleted value until it restarts.
 * - `changed-outside` (error): the setting's history in DocuElevate has changes after the last write apply
 *   recorded, or by another user than the one apply logs in as: someone changed it behind the inventory's back.
 * - `masked-mismatch` (error): what DocuElevate shows for the setting (its first 4 characters and length) is
 *   not what it would show for the value apply last pushed (checked with the key, through the applied fingerprint).
 */
export type AuditFindingKind = 'untracked' | 'not-configured' | 'from-env' | 'db-unmanaged' | 'pending-restart' | 'changed-outside' | 'masked-mismatch';

/** Every finding kind, in report order. */
export const AUDIT_FINDING_KINDS: readonly AuditFindingKind[] = ['untracked', 'not-configured', 'from-env', 'db-unmanaged', 'pending-restart', 'changed-outside', 'masked-mismatch'];

/** `error` for what escapes the inventory entirely; `warning` for a mismatch between two places that both know the setting. */
export type AuditSeverity = 'error' | 'warning';

const SEVERITIES: Readonly<Record<AuditFindingKind, AuditSeverity>> = {
  untracked: 'error',
  'not-configured': 'warning',
  'from-env': 'warning',
  'db-unmanaged': 'warning',
  'pending-restart': 'warning',
  'changed-outside': 'error',
  'masked-mismatch': 'error',
};

/** One change in a setting's DocuElevate history: who and when. Its values are never read. */
export interface SettingChangeEntry {
  readonly changedBy: string;
  /** As DocuElevate gives it: ISO 8601 without timezone (UTC), whole seconds. */
  readonly changedAt: string;
  readonly action: string;
}

/** What apply recorded of its last write of a setting, as far as drift needs it. */
export interface AppliedWrite {
  readonly credential: string;
  /** ISO 8601. */
  readonly appliedAt: string;
}

/** What the audit read from one deployment to find changes made behind the inventory's back. */
export interface DriftEvidence {
  /** The user apply logs in as (auth method login); unknown for other methods. */
  readonly applyUser?: string;
  /** apply's last recorded write per setting. */
  readonly applied: ReadonlyMap<string, AppliedWrite>;
  /** Per setting read, its history, newest first. */
  readonly history: ReadonlyMap<string, readonly SettingChangeEntry[]>;
  /** Per setting compared: whether DocuElevate shows (masked) the value apply last pushed. */
  readonly masked: ReadonlyMap<string, boolean>;
}

/**
 * How far DocuElevate's clock may run ahead of the runner's before apply's own write looks like a later change.
 * Only for changes by apply's own user: a change by anyone else after the recorded write counts at once.
 */
export const APPLY_CLOCK_TOLERANCE_SECONDS = 60;

/** Where DocuElevate takes a setting's value from, as `GET /api/settings/credentials` says: `null` when it has none. */
export type CredentialValueSource = 'db' | 'env' | null;

/** One entry of a deployment's credential list; the adapter's `CredentialSource` has this shape. */
export interface CredentialListingEntry {
  readonly key: string;
  readonly source: CredentialValueSource;
}

/** Why a deployment could not be audited: a message, and DocuElevate's status and `detail` when it answered. */
export interface AuditFailure {
  readonly message: string;
  readonly status?: number;
  readonly detail?: string;
  /** Set when the cause is environment variables the deployment's auth names that are not set: nothing was tried on the network. */
  readonly missingEnv?: readonly string[];
}

/** What was read from one deployment: its credential list, or why it could not be read. */
export type DeploymentListing =
  | {
      readonly sources: readonly CredentialListingEntry[];
      /** What reading them showed besides, e.g. a password variable that no longer opens the deployment. */
      readonly warnings?: readonly string[];
    }
  | { readonly error: AuditFailure };

export interface AuditFinding {
  readonly kind: AuditFindingKind;
  readonly severity: AuditSeverity;
  readonly deployment: string;
  /** The DocuElevate setting key. */
  readonly setting: string;
  /** The inventory credential covering the setting on this deployment; `null` for `untracked`. */
  readonly credential: string | null;
  /** For `untracked`: credentials that cover the same setting on other deployments (a likely missing `deployments` entry). */
  readonly coveredElsewhereBy?: readonly string[];
  /** Whether the inventory holds a value for this deployment; `null` for `untracked`. */
  readonly inventoryValue: boolean | null;
  /** DocuElevate's source for the setting. */
  readonly source: CredentialValueSource;
  /** For `changed-outside`: the changes made behind the inventory's back, newest first (who and when). */
  readonly changes?: readonly SettingChangeEntry[];
  /** One sentence, naming the setting, credential and deployment. Never a value. */
  readonly message: string;
}

/** An inventory credential the audit cannot check: DocuElevate's credential list does not include its setting (custom or not sensitive). */
export interface UncheckedSetting {
  readonly setting: string;
  readonly credential: string;
}

export interface AuditCounts {
  /** Settings in DocuElevate's credential list. */
  readonly listed: number;
  /** Of those, how many have a value (database or environment). */
  readonly configured: number;
  /** Inventory credentials covering this deployment. */
  readonly tracked: number;
  /** Tracked credentials whose DocuElevate source is what the inventory implies (a pushed value in the database, or no value and the environment). */
  readonly matching: number;
}

export interface DeploymentAudit {
  readonly deployment: string;
  readonly url: string;
  /** `audited`, or `unreachable` when the credential list could not be read (network, authentication, admin access). */
  readonly outcome: 'audited' | 'unreachable';
  /** Set when unreachable. */
  readonly error?: AuditFailure;
  /** In {@link AUDIT_FINDING_KINDS} order, then by setting. */
  readonly findings: readonly AuditFinding[];
  readonly unchecked: readonly UncheckedSetting[];
  /** Set when audited. */
  readonly counts?: AuditCounts;
  /** Set when reading the deployment showed something to act on that is not a finding (a stale password variable). */
  readonly warnings?: readonly string[];
}

export type AuditSummary = Readonly<Record<AuditFindingKind, number>> & { readonly unreachable: number };

export interface AuditReport {
  readonly deployments: readonly DeploymentAudit[];
  readonly summary: AuditSummary;
  /** What the audit could not check (no applied state, no key), one sentence each. */
  readonly notes?: readonly string[];
}

/** `--fail-on`: `untracked` findings only, `any` finding, or `never` (the default: findings are reported, exit 0). */
export type AuditThreshold = 'untracked' | 'any' | 'never';

/**
 * Compares each deployment's credential list with the inventory. Pure: the listings were read by the caller.
 * @param deployments the deployments audited, in report order; each must be in the inventory and in `listings`.
 * @param pendingRemovals per deployment, the removals the applied state says await a restart.
 */
export function auditInventory(
  inventory: Inventory,
  deployments: readonly string[],
  listings: ReadonlyMap<string, DeploymentListing>,
  pendingRemovals: (deployment: string) => ReadonlyMap<string, PendingRemoval> = () => new Map(),
  drift: (deployment: string) => DriftEvidence | undefined = () => undefined,
): AuditReport {
  const reports = deployments.map((id): DeploymentAudit => {
    const deployment = inventory.deployments.get(id);
    if (deployment === undefined) throw new RangeError(`deployment ${id} is not in the inventory`);
    const listing = listings.get(id);
    if (listing === undefined) throw new RangeError(`no credential listing for deployment ${id}`);
    if ('error' in listing) return { deployment: id, url: displayDeploymentUrl(deployment.url), outcome: 'unreachable', error: listing.error, findings: [], unchecked: [] };
    const audited = auditDeployment(inventory, id, listing.sources, pendingRemovals(id), drift(id));
    return listing.warnings === undefined || listing.warnings.length === 0 ? audited : { ...audited, warnings: listing.warnings };
  });
  return { deployments: reports, summary: summariseAudit(reports) };
}

/** Audits one deployment whose credential list was read. */
export function auditDeployment(
  inventory: Inventory,
  deploymentId: string,
  sources: readonly CredentialListingEntry[],
  pendingRemovals: ReadonlyMap<string, PendingRemoval> = new Map(),
  drift?: DriftEvidence,
): DeploymentAudit {
  const deployment = inventory.deployments.get(deploymentId);
  if (deployment === undefined) throw new RangeError(`deployment ${deploymentId} is not in the inventory`);
  const listed = new Map(sources.map((entry) => [entry.key, entry.source]));
  const tracked = inventory.credentials.filter((credential) => credential.deployments.includes(deploymentId));
  const trackedSettings = new Set(tracked.map((credential) => credential.setting));
  const findings: AuditFinding[] = [];
  const unchecked: UncheckedSetting[] = [];
  let matching = 0;

  for (const credential of tracked) {
    if (!listed.has(credential.setting)) {
      unchecked.push({ setting: credential.setting, credential: credential.id });
      continue;
    }
    const source = listed.get(credential.setting) ?? null;
    const finding = assessTrackedSetting(credential, deploymentId, source);
    if (finding === undefined) matching += 1;
    else findings.push(finding);
    if (drift !== undefined && source !== null) findings.push(...assessDrift(credential, deploymentId, source, drift));
  }

  for (const [setting, source] of listed) {
    if (source === null || trackedSettings.has(setting)) continue;
    const removal = pendingRemovals.get(setting);
    if (removal !== undefined && source === 'env') {
      findings.push(pendingRestartFinding(deploymentId, setting, removal));
      continue;
    }
    const elsewhere = inventory.credentials.filter((credential) => credential.setting === setting).map((credential) => credential.id);
    findings.push(untrackedFinding(inventory, deploymentId, setting, source, elsewhere));
  }

  const order = (kind: AuditFindingKind) => AUDIT_FINDING_KINDS.indexOf(kind);
  findings.sort((a, b) => order(a.kind) - order(b.kind) || compareText(a.setting, b.setting) || compareText(a.credential ?? '', b.credential ?? ''));
  return {
    deployment: deploymentId,
    url: displayDeploymentUrl(deployment.url),
    outcome: 'audited',
    findings,
    unchecked,
    counts: { listed: listed.size, configured: [...listed.values()].filter((source) => source !== null).length, tracked: tracked.length, matching },
  };
}

/** A tracked credential's finding, or undefined when DocuElevate's source is what the inventory implies. */
function assessTrackedSetting(credential: Credential, deployment: string, source: CredentialValueSource): AuditFinding | undefined {
  const inventoryValue = sealedValueFor(credential, deployment) !== undefined;
  const base = { deployment, setting: credential.setting, credential: credential.id, inventoryValue, source };
  const subject = `credential ${credential.id}`;
  if (source === null) {
    const expectation = inventoryValue
      ? `${subject} pushes a value for ${credential.setting} to ${deployment}`
      : `${subject} expects ${credential.setting} on ${deployment} from the deployment's environment (the inventory holds no value for it there)`;
    return finding('not-configured', base, `${expectation}, but DocuElevate has none, neither in its database nor in its environment`);
  }
  if (source === 'env' && inventoryValue) {
    return finding(
      'from-env',
      base,
      `${subject} pushes a value for ${credential.setting} to ${deployment}, but DocuElevate takes it from its environment (no database value): the inventory's value is not in effect`,
    );
  }
  if (source === 'db' && !inventoryValue) {
    return finding(
      'db-unmanaged',
      base,
      `${subject} holds no value for ${credential.setting} on ${deployment}, but DocuElevate has one in its database (set through its UI or API), which shadows any environment variable`,
    );
  }
  return undefined;
}

function untrackedFinding(inventory: Inventory, deployment: string, setting: string, source: 'db' | 'env', elsewhere: readonly string[]): AuditFinding {
  const where = source === 'db' ? 'database' : 'environment';
  let message = `${setting} has a value in DocuElevate's ${where} on ${deployment}, and no inventory credential covers it there`;
  if (elsewhere.length > 0) {
    const covered = elsewhere.map((id) => {
      const credential = inventory.credentials.find((candidate) => candidate.id === id);
      return `${id} (${credential?.deployments.join(', ') || 'no deployment'})`;
    });
    message += `; ${elsewhere.length === 1 ? 'credential' : 'credentials'} ${covered.join(', ')} ${elsewhere.length === 1 ? 'covers' : 'cover'} it elsewhere: is ${deployment} missing from its deployments?`;
  }
  return finding('untracked', { deployment, setting, credential: null, inventoryValue: null, source, ...(elsewhere.length > 0 ? { coveredElsewhereBy: elsewhere } : {}) }, message);
}

/** The history entries that were not apply's own last write: later than it, or by someone else. */
export function findChangesOutside(history: readonly SettingChangeEntry[], applied: AppliedWrite, applyUser: string | undefined): SettingChangeEntry[] {
  const appliedSeconds = Math.floor(Date.parse(applied.appliedAt) / 1000);
  const byApply = (entry: SettingChangeEntry) => applyUser !== undefined && entry.changedBy === applyUser;
  return history.filter((entry, index) => {
    const seconds = Math.floor(parseDocuElevateTime(entry.changedAt) / 1000);
    if (Number.isNaN(seconds)) return !byApply(entry);
    if (seconds > appliedSeconds + (byApply(entry) || applyUser === undefined ? APPLY_CLOCK_TOLERANCE_SECONDS : 0)) return true;
    // The value in effect was written by someone other than apply, even if the clocks disagree about when.
    return index === 0 && applyUser !== undefined && !byApply(entry);
  });
}

// DocuElevate writes UTC without a zone; a zone, when present, is honoured.
function parseDocuElevateTime(text: string): number {
  return Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

function describeChange(entry: SettingChangeEntry): string {
  const verb = entry.action === 'delete' ? 'deleted' : entry.action === 'update' || entry.action === '' ? 'changed' : entry.action;
  return `${verb} by ${entry.changedBy || 'an unnamed user'} at ${entry.changedAt}`;
}

/** The drift findings of one tracked setting: changes in its history that apply did not make, a masked value that is not the applied one. */
function assessDrift(credential: Credential, deployment: string, source: CredentialValueSource, drift: DriftEvidence): AuditFinding[] {
  const applied = drift.applied.get(credential.setting);
  if (applied === undefined) return [];
  const base = { deployment, setting: credential.setting, credential: credential.id, inventoryValue: sealedValueFor(credential, deployment) !== undefined, source };
  const findings: AuditFinding[] = [];
  const changes = findChangesOutside(drift.history.get(credential.setting) ?? [], applied, drift.applyUser);
  if (changes.length > 0) {
    const shown = changes.slice(0, 3).map(describeChange).join('; ');
    const more = changes.length > 3 ? ` (and ${changes.length - 3} more)` : '';
    findings.push(
      finding(
        'changed-outside',
        { ...base, changes },
        `${credential.setting} on ${deployment} (credential ${credential.id}) was ${shown}${more}, after credledger last applied it (${applied.appliedAt})${drift.applyUser === undefined ? '' : ` as ${drift.applyUser}`}`,
      ),
    );
  }
  if (drift.masked.get(credential.setting) === false) {
    findings.push(
      finding(
        'masked-mismatch',
        base,
        `DocuElevate on ${deployment} shows ${credential.setting} (credential ${credential.id}) with other first characters or another length than the value credledger applied on ${applied.appliedAt}`,
      ),
    );
  }
  return findings;
}

function pendingRestartFinding(deployment: string, setting: string, removal: PendingRemoval): AuditFinding {
  return finding(
    'pending-restart',
    { deployment, setting, credential: removal.credential, inventoryValue: false, source: 'env' },
    `${setting} was removed from DocuElevate's database on ${deployment} (credential ${removal.credential}, ${removal.removedAt}), and its running process keeps the value until it restarts; restart api and worker on ${deployment}`,
  );
}

function finding(kind: AuditFindingKind, base: Omit<AuditFinding, 'kind' | 'severity' | 'message'>, message: string): AuditFinding {
  return { kind, severity: SEVERITIES[kind], ...base, message };
}

/** Counts findings by kind, and unreachable deployments. */
export function summariseAudit(deployments: readonly DeploymentAudit[]): AuditSummary {
  const counts: Record<AuditFindingKind, number> = { untracked: 0, 'not-configured': 0, 'from-env': 0, 'db-unmanaged': 0, 'pending-restart': 0, 'changed-outside': 0, 'masked-mismatch': 0 };
  for (const deployment of deployments) for (const item of deployment.findings) counts[item.kind] += 1;
  return { ...counts, unreachable: deployments.filter((deployment) => deployment.outcome === 'unreachable').length };
}

/** Whether the report has findings that `--fail-on` counts. */
export function auditMeetsThreshold(report: AuditReport, threshold: AuditThreshold): boolean {
  if (threshold === 'never') return false;
  const findings = report.deployments.flatMap((deployment) => deployment.findings);
  return threshold === 'untracked' ? findings.some((item) => item.kind === 'untracked') : findings.length > 0;
}

/** `external` when a deployment could not be audited (the audit is incomplete, whatever it found elsewhere); `findings` when the threshold is met. */
export function assessAuditReport(report: AuditReport, threshold: AuditThreshold): 'ok' | 'findings' | 'external' {
  if (report.summary.unreachable > 0) return 'external';
  return auditMeetsThreshold(report, threshold) ? 'findings' : 'ok';
}

/** What a finding kind means for the team and what to do about it, for legends in the rendered reports. */
export function describeFindingKind(kind: AuditFindingKind): string {
  switch (kind) {
    case 'untracked':
      return 'configured in DocuElevate, not in the inventory for that deployment: nobody is reminded to rotate it or to revoke it when its owner leaves. Add a credential for it (credledger set), or remove it from DocuElevate (DELETE /api/settings/<key>, or the environment variable) if nothing uses it.';
    case 'not-configured':
      return 'in the inventory for that deployment, but DocuElevate has no value. With a value in the inventory: apply has not pushed it, or it was deleted or lost in a restore (credledger apply, with --all if the applied state says it was pushed). Without one: set the deployment\'s environment variable, or drop the deployment from the credential.';
    case 'from-env':
      return 'the inventory pushes a value, but DocuElevate uses its environment variable, so the inventory\'s value is not in effect. Once apply pushes it, the database value shadows the variable, which then only misleads: remove the variable, or keep the value out of the inventory.';
    case 'db-unmanaged':
      return 'the inventory tracks it without a value (expecting the environment), but DocuElevate holds a database value, which shadows the environment variable: rotating the variable changes nothing. Put the value in the inventory (credledger set) so apply manages it, or delete the database entry (DELETE /api/settings/<key>).';
    case 'changed-outside':
      return "DocuElevate's history of the setting shows a change that credledger did not make (after its last apply, or by another user than the one apply logs in as): someone changed it in DocuElevate's UI or API, behind the inventory's back. Find out who and why; if the value was rotated, store it with credledger set; otherwise push the inventory's value again (credledger apply --all), and rotate it if the change may have exposed it.";
    case 'masked-mismatch':
      return "what DocuElevate shows for the setting (its first 4 characters and length) is not what it would show for the value credledger last applied, so DocuElevate holds another value: changed outside the inventory, or brought back by a restore. Push the inventory's value again (credledger apply --all), or, if the new value is the right one, store it with credledger set.";
    case 'pending-restart':
      return 'apply deleted it from DocuElevate\'s database, but DocuElevate keeps a deleted value in memory (and reports it as from the environment) until api and worker restart: restart them. If it is still reported after the restart, the deployment\'s environment sets it too.';
  }
}
