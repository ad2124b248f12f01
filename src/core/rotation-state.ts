// The rotation state machine (pending → applied → verified → retiring → finished, or discarded), and what
// `rotate --finish` does next given the evidence. Pure: the caller gathers the evidence and passes the time.

/** Where one rotation stands. */
export type RotationPhase = 'pending' | 'applied' | 'verified' | 'retiring' | 'finished' | 'discarded';

/** The phases after which nothing more happens. */
export const TERMINAL_PHASES: readonly RotationPhase[] = ['finished', 'discarded'];

/** The rotation branch of a credential: one at a time, so a re-run finds it. */
export const ROTATION_BRANCH_PREFIX = 'credledger/rotate/';

/** One rotation as recorded in the rotation state. Never a value: issuer ids and times only. */
export interface RotationRecord {
  /** Deterministic id: the credential and the issuer id it replaces (see {@link rotationIdFor}). */
  readonly id: string;
  /** The credential carrying the `rotation:` spec. */
  readonly credential: string;
  readonly driver: string;
  readonly phase: RotationPhase;
  /** Issuer-side id of the credential being replaced (an access key id), when the issuer has ids. */
  readonly oldIssuerId?: string;
  /** Issuer-side id of the new credential. */
  readonly newIssuerId?: string;
  /** The branch the new sealed values were committed to. */
  readonly branch: string;
  readonly pullRequest?: number;
  /** The commit on the branch that carries the new sealed values. */
  readonly commit?: string;
  /**
   * The start of the new sealed value (ciphertext, as in the file): the commit of the default branch that
   * brought it in is found by it, whether the pull request was merged, rebased or squashed.
   */
  readonly sealedPrefix?: string;
  /** ISO 8601 times of the transitions. */
  readonly createdAt: string;
  readonly appliedAt?: string;
  readonly verifiedAt?: string;
  readonly retiredAt?: string;
  readonly finishedAt?: string;
  readonly discardedAt?: string;
  /** Why it was discarded, or why the old credential was restored. */
  readonly note?: string;
  /**
   * `swap` for a credential whose old value dies when the new one is set (DocuElevate's admin_password): its pull
   * request carries only the request, and the apply after the merge mints the value.
   */
  readonly strategy?: 'swap';
  /**
   * A swap's new value, sealed (as it will sit in the inventory) and recorded here by apply before it is pushed: a
   * re-run pushes this same value, and apply and audit use it instead of the inventory's until the inventory holds it.
   */
  readonly sealedValue?: string;
  readonly mintedAt?: string;
  /** A swap's second pull request, which writes the minted sealed value into the inventory. */
  readonly valuePullRequest?: number;
}

/** The whole rotation state (rotation.json on its ref): the latest rotation of each credential. */
export interface RotationStateDocument {
  readonly version: 1;
  readonly rotations: Readonly<Record<string, RotationRecord>>;
}

export const EMPTY_ROTATION_STATE: RotationStateDocument = Object.freeze({ version: 1, rotations: Object.freeze({}) });

/** The ref the rotation state lives on: beside the applied state, carried by neither clones nor pushes unasked. */
export const DEFAULT_ROTATION_REF = 'refs/credledger/rotation';
export const ROTATION_STATE_FILE = 'rotation.json';

export function isTerminal(phase: RotationPhase): boolean {
  return TERMINAL_PHASES.includes(phase);
}

/**
 * The rotation id: the same for every run that replaces the same issuer credential, so a re-run after a
 * crash finds the credential it created at the issuer (tagged with this id) instead of creating another.
 */
export function rotationIdFor(credentialId: string, replacing: string, digest: (text: string) => string): string {
  return `rot-${digest(`${credentialId}\u0000${replacing}`).slice(0, 12)}`;
}

export function rotationBranchFor(credentialId: string): string {
  return `${ROTATION_BRANCH_PREFIX}${credentialId}`;
}

/** Moves a record to a phase, stamping the time of the transition. */
export function advance(record: RotationRecord, phase: RotationPhase, at: Date, note?: string): RotationRecord {
  const stamp = at.toISOString();
  const times: Partial<Record<RotationPhase, keyof RotationRecord>> = {
    applied: 'appliedAt',
    verified: 'verifiedAt',
    retiring: 'retiredAt',
    finished: 'finishedAt',
    discarded: 'discardedAt',
  };
  const field = times[phase];
  return { ...record, phase, ...(field === undefined ? {} : { [field]: stamp }), ...(note === undefined ? {} : { note }) };
}

export function withRecord(state: RotationStateDocument, record: RotationRecord): RotationStateDocument {
  return { version: 1, rotations: { ...state.rotations, [record.credential]: record } };
}

export class RotationStateFormatError extends Error {
  override readonly name = 'RotationStateFormatError';
}

const PHASES: readonly RotationPhase[] = ['pending', 'applied', 'verified', 'retiring', 'finished', 'discarded'];

export function parseRotationState(text: string): RotationStateDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RotationStateFormatError(`rotation.json is not JSON: ${(error as Error).message}`);
  }
  const document = data as { version?: unknown; rotations?: unknown };
  if (typeof data !== 'object' || data === null || document.version !== 1 || typeof document.rotations !== 'object' || document.rotations === null) {
    throw new RotationStateFormatError('rotation.json is not a version 1 rotation state');
  }
  for (const [id, record] of Object.entries(document.rotations as Record<string, RotationRecord>)) {
    if (typeof record !== 'object' || record === null || record.credential !== id || !PHASES.includes(record.phase) || typeof record.id !== 'string') {
      throw new RotationStateFormatError(`rotation.json: the record of ${id} is malformed`);
    }
  }
  return data as RotationStateDocument;
}

export function serializeRotationState(state: RotationStateDocument): string {
  const sorted = Object.fromEntries(Object.entries(state.rotations).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, rotations: sorted }, null, 2)}\n`;
}

/** What the issuer and the deployments show about a rotation that is under way. */
export interface FinishEvidence {
  readonly now: Date;
  /** The pull request: open, merged into the default branch, or closed without merging; undefined when none was found. */
  readonly pullRequest?: 'open' | 'merged' | 'closed';
  /** When the default branch holds the new issuer id (the merge landed). */
  readonly merged: boolean;
  /**
   * When every deployment of the credential confirmed the new value (apply's read-back-verified record), the latest
   * of those times; undefined while any deployment still lacks it.
   */
  readonly appliedAt?: Date;
  /** The issuer's last use of the new and the old credential (undefined: never used, or the issuer cannot tell). */
  readonly newLastUsed?: Date;
  readonly oldLastUsed?: Date;
  /** The old credential's status at the issuer: gone means revoked already (by a run that died before recording it). */
  readonly oldStatus?: 'active' | 'inactive' | 'gone';
  /** Whether the driver can tell use at all (generated secrets cannot: there is nothing to retire). */
  readonly tracksUse: boolean;
}

export interface FinishPolicy {
  /** How long the old credential stays disabled, unused, before it is revoked. */
  readonly quietPeriodMs: number;
  /** How long a pull request may stay open before its rotation is discarded. */
  readonly pendingTtlMs: number;
}

/** 24 hours, as the rotation guide says: a day of quiet before an old key is deleted. */
export const DEFAULT_QUIET_PERIOD_MS = 24 * 3_600_000;
/** 7 days for a rotation pull request to be merged. */
export const DEFAULT_PENDING_TTL_MS = 7 * 24 * 3_600_000;

/** The next step of a rotation. `wait` says what it waits for. */
export type FinishStep =
  | { readonly kind: 'wait'; readonly reason: string }
  | { readonly kind: 'discard'; readonly reason: string }
  | { readonly kind: 'mark-applied'; readonly at: Date }
  | { readonly kind: 'mark-verified' }
  | { readonly kind: 'retire' }
  | { readonly kind: 'mark-retiring'; readonly reason: string }
  | { readonly kind: 'restore'; readonly reason: string }
  | { readonly kind: 'revoke' }
  | { readonly kind: 'mark-finished'; readonly reason: string };

/**
 * Decides the next step of one rotation. Called repeatedly: each step is one transition, and a run that died
 * after the issuer changed but before the state was recorded is recognised from the issuer's side
 * (an old key already inactive or gone).
 */
export function nextFinishStep(record: RotationRecord, evidence: FinishEvidence, policy: FinishPolicy): FinishStep {
  const ms = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));
  switch (record.phase) {
    case 'pending': {
      if (evidence.merged) {
        if (evidence.appliedAt === undefined) return { kind: 'wait', reason: 'merged; waiting for apply to push the new value to every deployment' };
        return { kind: 'mark-applied', at: evidence.appliedAt };
      }
      if (evidence.pullRequest === 'closed') return { kind: 'discard', reason: 'its pull request was closed without merging' };
      if (evidence.pullRequest === undefined) return { kind: 'discard', reason: 'no pull request carries it' };
      if (evidence.now.getTime() - ms(record.createdAt) > policy.pendingTtlMs) {
        return { kind: 'discard', reason: `its pull request stayed open longer than ${formatHours(policy.pendingTtlMs)}` };
      }
      return { kind: 'wait', reason: 'waiting for its pull request to be merged' };
    }
    case 'applied': {
      if (!evidence.tracksUse) return { kind: 'mark-finished', reason: 'applied; the old value is replaced wherever it was held' };
      const appliedAt = ms(record.appliedAt);
      if (evidence.oldStatus === 'gone') return { kind: 'mark-finished', reason: 'the old credential is already gone at the issuer' };
      if (evidence.oldLastUsed !== undefined && evidence.oldLastUsed.getTime() > appliedAt) {
        return { kind: 'wait', reason: `the old credential was used ${evidence.oldLastUsed.toISOString()}, after the apply: something still uses it` };
      }
      if (evidence.newLastUsed === undefined || evidence.newLastUsed.getTime() <= appliedAt) {
        return { kind: 'wait', reason: 'the new credential shows no use since the apply yet' };
      }
      return { kind: 'mark-verified' };
    }
    case 'verified':
      // A run that disabled the old key and died before recording it: the quiet period starts now.
      if (evidence.oldStatus === 'inactive') return { kind: 'mark-retiring', reason: 'the old credential is already disabled at the issuer' };
      if (evidence.oldStatus === 'gone') return { kind: 'mark-finished', reason: 'the old credential is already gone at the issuer' };
      return { kind: 'retire' };
    case 'retiring': {
      if (evidence.oldStatus === 'gone') return { kind: 'mark-finished', reason: 'the old credential is revoked' };
      const retiredAt = ms(record.retiredAt);
      if (evidence.oldLastUsed !== undefined && evidence.oldLastUsed.getTime() > retiredAt) {
        return { kind: 'restore', reason: `the old credential was used ${evidence.oldLastUsed.toISOString()}, after it was disabled` };
      }
      if (evidence.now.getTime() - retiredAt < policy.quietPeriodMs) {
        return { kind: 'wait', reason: `disabled and quiet; revoked once ${formatHours(policy.quietPeriodMs)} have passed (${new Date(retiredAt + policy.quietPeriodMs).toISOString()})` };
      }
      return { kind: 'revoke' };
    }
    case 'finished':
    case 'discarded':
      return { kind: 'wait', reason: record.phase };
  }
}

function formatHours(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} h`;
}

/** Parses a duration given on the command line: `24h`, `90m`, `7d`, `0h`. */
export function parseHoursDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([mhd])$/.exec(text);
  if (!match) return undefined;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
