// Calendar dates (UTC, YYYY-MM-DD) and durations (`90d`, `12w`): the only time arithmetic the core needs.

/** A UTC calendar date written `YYYY-MM-DD`. Such strings sort in date order. */
export type CalendarDate = string;

/** A rotation interval or warning window, in whole days. */
export interface Duration {
  readonly days: number;
  /** As written in the inventory, e.g. `12w`. */
  readonly text: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DURATION_PATTERN = /^([1-9]\d{0,4})([dw])$/;
const MS_PER_DAY = 86_400_000;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  // Inventories repeat a few hundred dates across thousands of rows: each is checked once.
  if (text.length !== 10) return checkCalendarDate(text);
  const known = CALENDAR_DATES.get(text);
  if (known !== undefined) return known;
  const answer = checkCalendarDate(text);
  if (CALENDAR_DATES.size >= 4096) CALENDAR_DATES.clear();
  CALENDAR_DATES.set(text, answer);
  return answer;
}

const CALENDAR_DATES = new Map<string, boolean>();

function checkCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Not Date.UTC: it reads years 0-99 as 1900-1999, so 0050-01-01 would not survive the round trip.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Parses `90d` / `12w`; undefined when the text is not a duration. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  return { days: match[2] === 'w' ? count * 7 : count, text };
}

/** Builds a duration from a number of days (for built-in defaults). */
export function daysDuration(days: number): Duration {
  return { days, text: `${days}d` };
}

/** The date `days` days after `date` (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  // Status asks the same few questions (this date plus that interval) for thousands of rows: each is worked out once.
  const key = `${date}|${days}`;
  const known = SHIFTED_DATES.get(key);
  if (known !== undefined) return known;
  const answer = toCalendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY));
  if (SHIFTED_DATES.size >= 4096) SHIFTED_DATES.clear();
  SHIFTED_DATES.set(key, answer);
  return answer;
}

const SHIFTED_DATES = new Map<string, CalendarDate>();

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The UTC calendar date of an instant. */
export function toCalendarDate(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}

/** Orders two dates for a sort: YYYY-MM-DD strings compare as plain text, without a collator. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two dates, ignoring undefined. */
export function earlierDate(a: CalendarDate | undefined, b: CalendarDate | undefined): CalendarDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/** The later of two dates, ignoring undefined. */
export function laterDate(a: CalendarDate | undefined, b: CalendarDate | undefined): CalendarDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}
