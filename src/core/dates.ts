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
  // Status asks this for every row of a large inventory: whole-day arithmetic on the digits, without a Date.
  const shifted = dayNumberOf(date) + days;
  return Number.isNaN(shifted) ? toCalendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY)) : calendarDateOfDayNumber(shifted);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const days = dayNumberOf(to) - dayNumberOf(from);
  return Number.isNaN(days) ? Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY) : days;
}

const DIGIT_ZERO = 48;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian calendar); NaN for any other text. */
function dayNumberOf(date: CalendarDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let at = 0; at < 4; at += 1) year = year * 10 + digitAt(date, at);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  // Counted in years that start on 1 March, so the leap day is the last day of its year (H. Hinnant's days_from_civil).
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01); years outside 0000–9999 are written as Date writes them. */
function calendarDateOfDayNumber(dayNumber: number): CalendarDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return toCalendarDate(new Date(dayNumber * MS_PER_DAY));
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function digitAt(text: string, at: number): number {
  const digit = text.charCodeAt(at) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
