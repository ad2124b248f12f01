import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate, parseDuration } from '../../src/core/dates.js';

describe('isCalendarDate', () => {
  it.each([
    ['2026-01-10', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-10', false],
    ['2026-01-10T00:00:00Z', false],
    ['', false],
    // Issue #12 item 11: years 0000-0099 are real years, not 1900-1999.
    ['0000-01-01', true],
    ['0050-06-15', true],
    ['0099-12-31', true],
    ['0004-02-29', true],
    ['0100-02-29', false],
    ['0001-02-29', false],
  ])('%s → %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

// The reference: the pattern and a Date round trip (setUTCFullYear, since Date.UTC reads years 0-99 as 1900s).
function referenceIsCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

describe('isCalendarDate against a Date round trip', () => {
  const digits = (count: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: count, maxLength: count }).map((list) => list.join(''));
  // Near-dates (every year, months and days 00-99, a wrong separator now and then) and arbitrary strings.
  const nearDate = fc.tuple(digits(4), fc.constantFrom('-', '-', '-', '/', '0'), digits(2), fc.constantFrom('-', '-', '-', '.'), digits(2)).map((parts) => parts.join(''));
  it('agrees on near-dates and on any text', () => {
    fc.assert(
      fc.property(fc.oneof(nearDate, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 11 })), (text) => {
        expect(isCalendarDate(text)).toBe(referenceIsCalendarDate(text));
      }),
      { numRuns: 20_000 },
    );
  });
  it('agrees on every day of a leap century and its neighbours', () => {
    for (const year of ['0000', '1900', '2000', '2024', '2100', '9999']) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(text), text).toBe(referenceIsCalendarDate(text));
        }
      }
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['90d', 90],
    ['1d', 1],
    ['12w', 84],
    ['0d', undefined],
    ['90', undefined],
    ['3m', undefined],
    ['-5d', undefined],
  ])('%s → %s days', (text, days) => {
    expect(parseDuration(text)?.days).toBe(days);
  });
});

it('counts days across years 0000-0099 as it does elsewhere', () => {
  expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  expect(daysBetween('0000-01-01', '0001-01-01')).toBe(366);
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-09-01', 90, '2026-11-30'],
    // Across a daylight-saving change in many zones: UTC arithmetic is unaffected.
    ['2026-03-28', 2, '2026-03-30'],
  ])('%s + %i = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });
});

// addDays and daysBetween count on the digits (no Date): they must agree with the Date arithmetic they replaced
// on every day of years 0000-9999, leap days and century years included, and across the edges of that range.
describe('whole-day arithmetic agrees with Date', () => {
  const MS_PER_DAY = 86_400_000;
  const FIRST_DAY = Date.UTC(2000, 0, 1) / MS_PER_DAY - 730_485; // 0000-01-01
  const dateOfDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const byDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

  it('starts the range where Date does', () => {
    expect(dateOfDay(FIRST_DAY)).toBe('0000-01-01');
  });

  it('shifts any date of 0000-9999 by any number of days within the range as Date does', () => {
    const lastDay = FIRST_DAY + 3_652_424; // 9999-12-31
    expect(dateOfDay(lastDay)).toBe('9999-12-31');
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: lastDay }), fc.integer({ min: -40_000, max: 40_000 }), (day, days) => {
        const from = dateOfDay(day);
        const target = Math.min(lastDay, Math.max(FIRST_DAY, day + days));
        expect(addDays(from, target - day)).toBe(byDate(from, target - day));
        expect(daysBetween(from, dateOfDay(target))).toBe(target - day);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['9999-12-31', 1],
    ['0000-01-01', -1],
    ['2026-02-30', 1],
    ['2024-02-29', 365],
    ['1900-02-28', 1],
    ['2000-02-28', 1],
  ])('%s + %i is what Date makes of it', (from, days) => {
    expect(addDays(from, days)).toBe(byDate(from, days));
  });
});
