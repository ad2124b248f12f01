// The applied state: which value apply last pushed to each deployment's setting, as keyed fingerprints (applied.json).

/** The ref that holds the applied state by default; a custom ref, so neither clones nor pushes carry it unasked. */
export const DEFAULT_STATE_REF = 'refs/credledger/applied';

/** The one file in the state commit's tree. */
export const APPLIED_STATE_FILE = 'applied.json';

/** What apply recorded after pushing one setting to one deployment. Never a value, never an unkeyed hash. */
export interface AppliedSetting {
  /** The inventory credential whose value was pushed. */
  readonly credential: string;
  /** The master key the fingerprint was made with (first 8 hex characters of its sha256). */
  readonly keyId: string;
  /** HMAC-SHA256 of the place and value under a key derived from that master key (see fingerprintValue). */
  readonly fingerprint: string;
  /** The inventory commit the value was applied from; null when the repository had no commit. */
  readonly commit: string | null;
  /** When DocuElevate confirmed it, ISO 8601. */
  readonly appliedAt: string;
  /**
   * The committer time of `commit` (Unix seconds), so a later apply from an older checkout is recognised as a
   * rollback even in a shallow clone. Absent in records written before it existed.
   */
  readonly commitTime?: number;
}

/** How long a lock holds when its run neither finishes nor can be seen to have died (a runner lost mid-apply). */
export const LOCK_LIFETIME_MS = 15 * 60_000;
/** How far ahead of this machine's clock another machine's lock may start and still be believed. */
const LOCK_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether a lock has lapsed at `now` (ms). A time that does not parse, a lock taken in the future, or an `until`
 * further than one lifetime after `since` is not trusted: such a lock lapses one lifetime after it was taken (or at
 * once), never "never".
 */
export function lockHasLapsed(lock: ApplyLock, now: number): boolean {
  const until = Date.parse(lock.until);
  const since = Date.parse(lock.since);
  if (!Number.isFinite(until) || !Number.isFinite(since) || since > now + LOCK_CLOCK_SKEW_MS) return true;
  return Math.min(until, since + LOCK_LIFETIME_MS) <= now;
}

/** What a held lock says about its run, for refusals and dry runs. */
export function describeHeldLock(deployment: string, lock: ApplyLock): string {
  return `${deployment} is being applied by another run (host ${lock.host}, pid ${lock.pid}, since ${lock.since}); its lock lapses at ${lock.until}`;
}

/** The newest commit a deployment's recorded settings were applied from, by committer time. */
export function newestAppliedCommit(state: AppliedState, deployment: string): { readonly commit: string | null; readonly commitTime: number } | undefined {
  let newest: { commit: string | null; commitTime: number } | undefined;
  for (const record of state.deployments.get(deployment)?.values() ?? []) {
    if (record.commitTime !== undefined && (newest === undefined || record.commitTime > newest.commitTime)) newest = { commit: record.commit, commitTime: record.commitTime };
  }
  return newest;
}

/**
 * The whole state: per deployment, per DocuElevate setting. Keyed by setting rather than by credential
 * because a setting is what a deployment holds: a credential that moves from one setting to another
 * needs the old setting remembered until it has been deleted.
 */
export interface AppliedState {
  readonly version: 1;
  readonly deployments: ReadonlyMap<string, ReadonlyMap<string, AppliedSetting>>;
  /**
   * Per deployment, settings apply deleted from DocuElevate's database while the running process still holds
   * the old value (DocuElevate keeps it in memory until `docker compose restart api worker`, and meanwhile
   * reports it as coming from the environment). Audit reports them as pending a restart, not as untracked.
   */
  readonly pendingRestart?: ReadonlyMap<string, ReadonlyMap<string, PendingRemoval>>;
  /** Deployments an apply is writing right now: taken by its claim, released when it finishes. */
  readonly locks?: ReadonlyMap<string, ApplyLock>;
}

/** A DELETE DocuElevate accepted, whose value stays in effect until the deployment restarts. */
export interface PendingRemoval {
  /** The credential whose value was removed. */
  readonly credential: string;
  /** When DocuElevate confirmed the DELETE, ISO 8601. */
  readonly removedAt: string;
}

/** The removals of a deployment that await its restart. */
export function findPendingRemovals(state: AppliedState, deployment: string): ReadonlyMap<string, PendingRemoval> {
  return state.pendingRestart?.get(deployment) ?? new Map<string, PendingRemoval>();
}

/** Who is applying a deployment, so a second apply started meanwhile stops instead of writing alongside. */
export interface ApplyLock {
  /** A random id of the run. */
  readonly run: string;
  readonly host: string;
  readonly pid: number;
  readonly since: string;
  /** After this instant (ISO 8601) the lock is ignored: the run that took it has died or hung. */
  readonly until: string;
}

/** The state with locks taken (or, with `undefined`, released) for some deployments. */
export function withLocks(state: AppliedState, deployments: readonly string[], lock: ApplyLock | undefined): AppliedState {
  const locks = new Map(state.locks ?? []);
  for (const deployment of deployments) {
    if (lock === undefined) locks.delete(deployment);
    else locks.set(deployment, lock);
  }
  return { ...state, locks };
}

/** The state before the first apply. */
export const EMPTY_APPLIED_STATE: AppliedState = Object.freeze({ version: 1, deployments: new Map() });

/** applied.json that cannot be read: named so a damaged ref is reported, not silently treated as empty. */
export class AppliedStateFormatError extends Error {
  override readonly name = 'AppliedStateFormatError';
}

/** Returns the record of a setting on a deployment, if apply pushed one. */
export function findAppliedSetting(state: AppliedState, deployment: string, setting: string): AppliedSetting | undefined {
  return state.deployments.get(deployment)?.get(setting);
}

/** Records that a setting now holds a credential's value, replacing what was recorded for that setting (and any removal pending). */
export function recordSettingApplied(state: AppliedState, deployment: string, setting: string, record: AppliedSetting): AppliedState {
  const settings = new Map(state.deployments.get(deployment) ?? []);
  settings.set(setting, record);
  const deployments = new Map(state.deployments);
  deployments.set(deployment, settings);
  return withoutPendingRemovals({ ...state, deployments }, deployment, [setting]);
}

/**
 * Records that a setting was deleted from a deployment's database; with `pending`, that DocuElevate keeps
 * the old value in effect until it restarts.
 */
export function recordSettingRemoved(state: AppliedState, deployment: string, setting: string, pending?: PendingRemoval): AppliedState {
  const current = state.deployments.get(deployment);
  let next = state;
  if (current !== undefined && current.has(setting)) {
    const settings = new Map(current);
    settings.delete(setting);
    const deployments = new Map(state.deployments);
    if (settings.size === 0) deployments.delete(deployment);
    else deployments.set(deployment, settings);
    next = { ...state, deployments };
  }
  if (pending === undefined) return next;
  const removals = new Map(findPendingRemovals(next, deployment));
  removals.set(setting, pending);
  const pendingRestart = new Map(next.pendingRestart ?? []);
  pendingRestart.set(deployment, removals);
  return { ...next, pendingRestart };
}

/** The state without the given pending removals of a deployment (it restarted, or the setting was set again). */
export function withoutPendingRemovals(state: AppliedState, deployment: string, settings: readonly string[]): AppliedState {
  const current = state.pendingRestart?.get(deployment);
  if (current === undefined || !settings.some((setting) => current.has(setting))) return state;
  const removals = new Map(current);
  for (const setting of settings) removals.delete(setting);
  const pendingRestart = new Map(state.pendingRestart ?? []);
  if (removals.size === 0) pendingRestart.delete(deployment);
  else pendingRestart.set(deployment, removals);
  return { ...state, pendingRestart };
}

/** The deployments whose recorded settings differ between two states. */
export function deploymentsChangedBetween(before: AppliedState, after: AppliedState): Set<string> {
  const changed = new Set<string>();
  const serialiseDeployment = (state: AppliedState, deployment: string) =>
    serializeAppliedState({
      version: 1,
      deployments: new Map([[deployment, state.deployments.get(deployment) ?? new Map()]]),
      locks: new Map(state.locks?.has(deployment) ? [[deployment, state.locks.get(deployment) as ApplyLock]] : []),
      pendingRestart: new Map(state.pendingRestart?.has(deployment) ? [[deployment, findPendingRemovals(state, deployment)]] : []),
    });
  const all = [before, after].flatMap((state) => [...state.deployments.keys(), ...(state.locks?.keys() ?? []), ...(state.pendingRestart?.keys() ?? [])]);
  for (const deployment of new Set(all)) {
    if (serialiseDeployment(before, deployment) !== serialiseDeployment(after, deployment)) changed.add(deployment);
  }
  return changed;
}

/** `base`, with the given deployments' records taken from `ours`: how a run's own progress is replayed onto another run's state. */
export function withDeploymentsFrom(base: AppliedState, ours: AppliedState, deployments: ReadonlySet<string>): AppliedState {
  const merged = new Map(base.deployments);
  const locks = new Map(base.locks ?? []);
  const pendingRestart = new Map(base.pendingRestart ?? []);
  for (const deployment of deployments) {
    const settings = ours.deployments.get(deployment);
    if (settings === undefined || settings.size === 0) merged.delete(deployment);
    else merged.set(deployment, settings);
    const lock = ours.locks?.get(deployment);
    if (lock === undefined) locks.delete(deployment);
    else locks.set(deployment, lock);
    const removals = ours.pendingRestart?.get(deployment);
    if (removals === undefined || removals.size === 0) pendingRestart.delete(deployment);
    else pendingRestart.set(deployment, removals);
  }
  return { version: 1, deployments: merged, locks, pendingRestart };
}

/** Renders the state as applied.json: keys sorted, two-space indent, a final newline, so diffs between commits are readable. */
export function serializeAppliedState(state: AppliedState): string {
  const deployments = [...state.deployments.keys()].sort().map((deployment) => {
    const settings = state.deployments.get(deployment) ?? new Map<string, AppliedSetting>();
    const entries = [...settings.keys()].sort().map((setting) => {
      const record = settings.get(setting) as AppliedSetting;
      const ordered = {
        credential: record.credential,
        keyId: record.keyId,
        fingerprint: record.fingerprint,
        commit: record.commit,
        ...(record.commitTime === undefined ? {} : { commitTime: record.commitTime }),
        appliedAt: record.appliedAt,
      };
      return [setting, ordered] as const;
    });
    // Object.fromEntries defines own properties, so even a deployment named `__proto__` stays data.
    return [deployment, Object.fromEntries(entries)] as const;
  });
  const locks = [...(state.locks ?? new Map<string, ApplyLock>()).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([deployment, lock]) => [deployment, { run: lock.run, host: lock.host, pid: lock.pid, since: lock.since, until: lock.until }] as const);
  const pending = [...(state.pendingRestart ?? new Map<string, ReadonlyMap<string, PendingRemoval>>()).entries()]
    .filter(([, removals]) => removals.size > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([deployment, removals]) => {
      const entries = [...removals.keys()].sort().map((setting) => {
        const removal = removals.get(setting) as PendingRemoval;
        return [setting, { credential: removal.credential, removedAt: removal.removedAt }] as const;
      });
      return [deployment, Object.fromEntries(entries)] as const;
    });
  const document = {
    version: 1,
    deployments: Object.fromEntries(deployments),
    ...(locks.length > 0 ? { locks: Object.fromEntries(locks) } : {}),
    ...(pending.length > 0 ? { pendingRestart: Object.fromEntries(pending) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Parses applied.json.
 * @throws AppliedStateFormatError naming what is wrong (never echoing values: there are none to echo).
 */
export function parseAppliedState(text: string): AppliedState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE} is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed) || parsed.version !== 1) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE} is not version 1 applied state (written by a newer credledger?)`);
  }
  if (!isRecord(parsed.deployments)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: "deployments" must be an object`);
  const deployments = new Map<string, Map<string, AppliedSetting>>();
  for (const [deployment, settings] of Object.entries(parsed.deployments)) {
    if (!isRecord(settings)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: deployment "${deployment}" must be an object`);
    const records = new Map<string, AppliedSetting>();
    for (const [setting, record] of Object.entries(settings)) {
      records.set(setting, readRecord(record, `${deployment}.${setting}`));
    }
    deployments.set(deployment, records);
  }
  const locks = new Map<string, ApplyLock>();
  if (parsed.locks !== undefined) {
    if (!isRecord(parsed.locks)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: "locks" must be an object`);
    for (const [deployment, lock] of Object.entries(parsed.locks)) {
      if (!isRecord(lock) || typeof lock.run !== 'string' || typeof lock.host !== 'string' || typeof lock.pid !== 'number' || typeof lock.since !== 'string' || typeof lock.until !== 'string') {
        throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: the lock of "${deployment}" is malformed`);
      }
      locks.set(deployment, { run: lock.run, host: lock.host, pid: lock.pid, since: lock.since, until: lock.until });
    }
  }
  const pendingRestart = new Map<string, Map<string, PendingRemoval>>();
  if (parsed.pendingRestart !== undefined) {
    if (!isRecord(parsed.pendingRestart)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: "pendingRestart" must be an object`);
    for (const [deployment, removals] of Object.entries(parsed.pendingRestart)) {
      if (!isRecord(removals)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: pendingRestart of "${deployment}" must be an object`);
      const entries = new Map<string, PendingRemoval>();
      for (const [setting, removal] of Object.entries(removals)) {
        if (!isRecord(removal) || typeof removal.credential !== 'string' || typeof removal.removedAt !== 'string') {
          throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: pendingRestart.${deployment}.${setting} is malformed`);
        }
        entries.set(setting, { credential: removal.credential, removedAt: removal.removedAt });
      }
      pendingRestart.set(deployment, entries);
    }
  }
  return { version: 1, deployments, locks, pendingRestart };
}

function readRecord(value: unknown, where: string): AppliedSetting {
  if (!isRecord(value)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where} must be an object`);
  const text = (name: string, pattern?: RegExp): string => {
    const field = value[name];
    if (typeof field !== 'string' || (pattern !== undefined && !pattern.test(field))) {
      throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where}.${name} is missing or malformed`);
    }
    return field;
  };
  const commit = value.commit;
  if (commit !== null && (typeof commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(commit))) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where}.commit must be a commit id or null`);
  }
  const commitTime = value.commitTime;
  if (commitTime !== undefined && (typeof commitTime !== 'number' || !Number.isInteger(commitTime))) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where}.commitTime must be whole seconds`);
  }
  return {
    credential: text('credential'),
    keyId: text('keyId', /^[0-9a-f]{8}$/),
    fingerprint: text('fingerprint', /^[0-9a-f]{64}$/),
    commit,
    ...(commitTime === undefined ? {} : { commitTime }),
    appliedAt: text('appliedAt'),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
