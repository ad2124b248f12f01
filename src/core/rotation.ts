// The rotation policy: when each credential is due, and why, for a given day.
import { addDays, compareDates, daysDuration, type CalendarDate, type Duration } from './dates.js';
import { couldKnowValue, type Credential, type CredentialKind, type Inventory, type Person, type RotationPolicy } from './inventory.js';

/** Built-in rotation intervals in days; null marks event-driven kinds, due only when something happens. */
export const DEFAULT_INTERVAL_DAYS: Readonly<Record<CredentialKind, number | null>> = {
  api_key: 90,
  oauth_client_secret: 180,
  oauth_refresh_token: null,
  password: 90,
  admin_password: 90,
  session_secret: null,
  private_key: 365,
  service_account: 365,
  token: 365,
  certificate: 365,
};

/** Default warning window before a due date. */
export const DEFAULT_DUE_SOON_DAYS = 14;

export type RotationState = 'ok' | 'due-soon' | 'overdue' | 'unknown';

export type RotationReasonCode = 'interval' | 'personnel' | 'compromised' | 'revoked';

/** One reason a credential must be rotated by a date. */
export interface RotationReason {
  readonly code: RotationReasonCode;
  /** The date rotation is due for this reason (for events: the day of the event). */
  readonly due: CalendarDate;
  /** Human text, e.g. `bob left 2026-10-31`. */
  readonly text: string;
  /** For `personnel`: who left. */
  readonly person?: string;
}

/** Where a credential stands on a given day. */
export interface RotationAssessment {
  readonly credential: Credential;
  /** The last rotation, or creation when it was never rotated. */
  readonly lastRotated?: CalendarDate;
  readonly interval?: Duration;
  /** The earliest due date of any reason; undefined when nothing makes it due. */
  readonly due?: CalendarDate;
  readonly state: RotationState;
  /** `critical` when a suspected compromise is outstanding. */
  readonly severity: 'critical' | 'normal';
  /** The reasons that make it due-soon or overdue (empty when ok). */
  readonly reasons: readonly RotationReason[];
}

/** True for kinds rotated on events (revocation, compromise) rather than on a schedule. */
export function isEventDrivenKind(kind: CredentialKind): boolean {
  return DEFAULT_INTERVAL_DAYS[kind] === null;
}

/** The interval that applies: the credential's own, else the policy's for its kind, else the built-in default. */
export function rotationIntervalOf(credential: Credential, policy: RotationPolicy): Duration | undefined {
  if (isEventDrivenKind(credential.kind)) return undefined;
  if (credential.every) return credential.every;
  const policyKind: CredentialKind = credential.kind === 'admin_password' && !policy.intervals.admin_password ? 'password' : credential.kind;
  const fromPolicy = policy.intervals[policyKind];
  if (fromPolicy) return fromPolicy;
  const days = DEFAULT_INTERVAL_DAYS[credential.kind];
  return days === null ? undefined : daysDuration(days);
}

/** The warning window of the policy. */
export function dueSoonWindowOf(policy: RotationPolicy): Duration {
  return policy.dueSoon ?? daysDuration(DEFAULT_DUE_SOON_DAYS);
}

/**
 * Assesses one credential on day `now`. A reason is overdue from its due date on; it is due-soon within the
 * policy's window before that. Events (a person leaving, a compromise, a revocation) count only when they came
 * after the last rotation: a rotation on the day of the event settles it.
 */
export function assessRotation(inventory: Inventory, credential: Credential, now: CalendarDate): RotationAssessment {
  return rotationAssessor(inventory, now)(credential);
}

/**
 * assessRotation for many credentials of one inventory on one day: what every credential shares (who has left,
 * the warning window) is worked out once, not once per credential.
 */
export function rotationAssessor(inventory: Inventory, now: CalendarDate): (credential: Credential) => RotationAssessment {
  const leavers = [...inventory.people.values()].filter((person): person is Person & { left: CalendarDate } => person.left !== undefined);
  // A reason is due-soon when its date less the warning window is on or before `now`: that is, when its date is on
  // or before `now` plus the window, one date worked out once.
  const warningHorizon = addDays(now, dueSoonWindowOf(inventory.policy).days);
  // The interval depends on the kind and the policy alone unless the credential says `every`: one answer per kind.
  const intervalOfKind = new Map<CredentialKind, Duration | undefined>();
  const intervalOf = (credential: Credential): Duration | undefined => {
    if (credential.every) return rotationIntervalOf(credential, inventory.policy);
    if (intervalOfKind.has(credential.kind)) return intervalOfKind.get(credential.kind);
    const interval = rotationIntervalOf(credential, inventory.policy);
    intervalOfKind.set(credential.kind, interval);
    return interval;
  };
  // Due dates repeat: a few hundred rotation days across thousands of rows, and one interval per kind.
  const dueDates = new Map<number, Map<CalendarDate, CalendarDate>>();
  const dueAfter = (date: CalendarDate, days: number): CalendarDate => {
    let byDate = dueDates.get(days);
    if (byDate === undefined) dueDates.set(days, (byDate = new Map()));
    let due = byDate.get(date);
    if (due === undefined) byDate.set(date, (due = addDays(date, days)));
    return due;
  };
  return (credential) => {
    const lastRotated = credential.rotated ?? credential.created;
    const interval = intervalOf(credential);
    // Every event counts towards the due date; only those due within the warning window are reasons to show, so
    // the text of one further off (most rows of a large inventory on most days) is never written.
    let due: CalendarDate | undefined;
    const reasons: RotationReason[] = [];

    if (interval && lastRotated) {
      const intervalDue = dueAfter(lastRotated, interval.days);
      due = intervalDue;
      if (intervalDue <= warningHorizon) {
        const text = intervalDue <= now ? `${interval.text} interval elapsed on ${intervalDue}` : `${interval.text} interval ends ${intervalDue}`;
        reasons.push({ code: 'interval', due: intervalDue, text });
      }
    }
    for (const person of leavers) {
      const left = person.left;
      if (lastRotated !== undefined && lastRotated >= left) continue;
      // A seal-only owner never read the stored value: only `access` says who saw it.
      if (!couldKnowValue(person, credential)) continue;
      if (due === undefined || left < due) due = left;
      if (left <= warningHorizon) reasons.push({ code: 'personnel', due: left, text: `${person.id} ${left <= now ? 'left' : 'leaves'} ${left}`, person: person.id });
    }
    const { compromised, revoked } = credential;
    const compromiseOutstanding = compromised !== undefined && compromised !== '' && (lastRotated === undefined || lastRotated < compromised);
    if (compromiseOutstanding) {
      if (due === undefined || compromised < due) due = compromised;
      if (compromised <= warningHorizon) {
        reasons.push({ code: 'compromised', due: compromised, text: `suspected compromise on ${compromised}${credential.incident ? `: ${credential.incident}` : ''}` });
      }
    }
    if (revoked && (lastRotated === undefined || lastRotated < revoked)) {
      if (due === undefined || revoked < due) due = revoked;
      if (revoked <= warningHorizon) reasons.push({ code: 'revoked', due: revoked, text: `revoked on ${revoked}: re-authorise` });
    }

    const severity = compromiseOutstanding ? 'critical' : 'normal';
    if (reasons.length > 1) reasons.sort((a, b) => compareDates(a.due, b.due));

    let state: RotationState;
    if (due === undefined) state = lastRotated === undefined ? 'unknown' : 'ok';
    else if (due <= now) state = 'overdue';
    else if (due <= warningHorizon) state = 'due-soon';
    else state = 'ok';
    // A compromise is overdue the moment it is recorded, even if dated ahead by mistake.
    if (severity === 'critical') state = 'overdue';
    return { credential, lastRotated, interval, due, state, severity, reasons };
  };
}

/** `rotate --due`'s rule, for the credentials of one inventory on one day: due soon or overdue. */
export function rotationDueRule(inventory: Inventory, today: CalendarDate): (credential: Credential) => boolean {
  const assess = rotationAssessor(inventory, today);
  return (credential) => {
    const state = assess(credential).state;
    return state === 'overdue' || state === 'due-soon';
  };
}
