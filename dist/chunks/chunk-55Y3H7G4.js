import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/dates.ts
var DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
var DURATION_PATTERN = /^([1-9]\d{0,4})([dw])$/;
var MS_PER_DAY = 864e5;
function isCalendarDate(text) {
  if (text.length !== 10) return checkCalendarDate(text);
  const known = CALENDAR_DATES.get(text);
  if (known !== void 0) return known;
  const answer = checkCalendarDate(text);
  if (CALENDAR_DATES.size >= 4096) CALENDAR_DATES.clear();
  CALENDAR_DATES.set(text, answer);
  return answer;
}
var CALENDAR_DATES = /* @__PURE__ */ new Map();
function checkCalendarDate(text) {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = /* @__PURE__ */ new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
function parseDuration(text) {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return void 0;
  const count = Number(match[1]);
  return { days: match[2] === "w" ? count * 7 : count, text };
}
function daysDuration(days) {
  return { days, text: `${days}d` };
}
function addDays(date, days) {
  const shifted = dayNumberOf(date) + days;
  return Number.isNaN(shifted) ? toCalendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY)) : calendarDateOfDayNumber(shifted);
}
var DIGIT_ZERO = 48;
function dayNumberOf(date) {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let at = 0; at < 4; at += 1) year = year * 10 + digitAt(date, at);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function calendarDateOfDayNumber(dayNumber) {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return toCalendarDate(new Date(dayNumber * MS_PER_DAY));
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
function digitAt(text, at) {
  const digit = text.charCodeAt(at) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function toCalendarDate(instant) {
  return instant.toISOString().slice(0, 10);
}
function compareDates(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function laterDate(a, b) {
  if (a === void 0) return b;
  if (b === void 0) return a;
  return a >= b ? a : b;
}

export {
  isCalendarDate,
  parseDuration,
  daysDuration,
  addDays,
  toCalendarDate,
  compareDates,
  laterDate
};
