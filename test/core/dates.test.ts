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
