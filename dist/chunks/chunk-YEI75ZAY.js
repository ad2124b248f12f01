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
  const key = `${date}|${days}`;
  const known = SHIFTED_DATES.get(key);
  if (known !== void 0) return known;
  const answer = toCalendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY));
  if (SHIFTED_DATES.size >= 4096) SHIFTED_DATES.clear();
  SHIFTED_DATES.set(key, answer);
  return answer;
}
var SHIFTED_DATES = /* @__PURE__ */ new Map();
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
