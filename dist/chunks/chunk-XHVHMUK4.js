import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  addDays,
  compareDates,
  daysDuration
} from "./chunk-55Y3H7G4.js";
import {
  couldKnowValue
} from "./chunk-X75H72PA.js";

// src/core/rotation.ts
var DEFAULT_INTERVAL_DAYS = {
  api_key: 90,
  oauth_client_secret: 180,
  oauth_refresh_token: null,
  password: 90,
  admin_password: 90,
  session_secret: null,
  private_key: 365,
  service_account: 365,
  token: 365,
  certificate: 365
};
var DEFAULT_DUE_SOON_DAYS = 14;
function isEventDrivenKind(kind) {
  return DEFAULT_INTERVAL_DAYS[kind] === null;
}
function rotationIntervalOf(credential, policy) {
  if (isEventDrivenKind(credential.kind)) return void 0;
  if (credential.every) return credential.every;
  const policyKind = credential.kind === "admin_password" && !policy.intervals.admin_password ? "password" : credential.kind;
  const fromPolicy = policy.intervals[policyKind];
  if (fromPolicy) return fromPolicy;
  const days = DEFAULT_INTERVAL_DAYS[credential.kind];
  return days === null ? void 0 : daysDuration(days);
}
function dueSoonWindowOf(policy) {
  return policy.dueSoon ?? daysDuration(DEFAULT_DUE_SOON_DAYS);
}
function assessRotation(inventory, credential, now) {
  return rotationAssessor(inventory, now)(credential);
}
function rotationAssessor(inventory, now) {
  const leavers = [...inventory.people.values()].filter((person) => person.left !== void 0);
  const warningHorizon = addDays(now, dueSoonWindowOf(inventory.policy).days);
  const intervalOfKind = /* @__PURE__ */ new Map();
  const intervalOf = (credential) => {
    if (credential.every) return rotationIntervalOf(credential, inventory.policy);
    if (intervalOfKind.has(credential.kind)) return intervalOfKind.get(credential.kind);
    const interval = rotationIntervalOf(credential, inventory.policy);
    intervalOfKind.set(credential.kind, interval);
    return interval;
  };
  const dueDates = /* @__PURE__ */ new Map();
  const dueAfter = (date, days) => {
    let byDate = dueDates.get(days);
    if (byDate === void 0) dueDates.set(days, byDate = /* @__PURE__ */ new Map());
    let due = byDate.get(date);
    if (due === void 0) byDate.set(date, due = addDays(date, days));
    return due;
  };
  return (credential) => {
    const lastRotated = credential.rotated ?? credential.created;
    const interval = intervalOf(credential);
    let due;
    const reasons = [];
    if (interval && lastRotated) {
      const intervalDue = dueAfter(lastRotated, interval.days);
      due = intervalDue;
      if (intervalDue <= warningHorizon) {
        const text = intervalDue <= now ? `${interval.text} interval elapsed on ${intervalDue}` : `${interval.text} interval ends ${intervalDue}`;
        reasons.push({ code: "interval", due: intervalDue, text });
      }
    }
    for (const person of leavers) {
      const left = person.left;
      if (lastRotated !== void 0 && lastRotated >= left) continue;
      if (!couldKnowValue(person, credential)) continue;
      if (due === void 0 || left < due) due = left;
      if (left <= warningHorizon) reasons.push({ code: "personnel", due: left, text: `${person.id} ${left <= now ? "left" : "leaves"} ${left}`, person: person.id });
    }
    const { compromised, revoked } = credential;
    const compromiseOutstanding = compromised !== void 0 && compromised !== "" && (lastRotated === void 0 || lastRotated < compromised);
    if (compromiseOutstanding) {
      if (due === void 0 || compromised < due) due = compromised;
      if (compromised <= warningHorizon) {
        reasons.push({ code: "compromised", due: compromised, text: `suspected compromise on ${compromised}${credential.incident ? `: ${credential.incident}` : ""}` });
      }
    }
    if (revoked && (lastRotated === void 0 || lastRotated < revoked)) {
      if (due === void 0 || revoked < due) due = revoked;
      if (revoked <= warningHorizon) reasons.push({ code: "revoked", due: revoked, text: `revoked on ${revoked}: re-authorise` });
    }
    const severity = compromiseOutstanding ? "critical" : "normal";
    if (reasons.length > 1) reasons.sort((a, b) => compareDates(a.due, b.due));
    let state;
    if (due === void 0) state = lastRotated === void 0 ? "unknown" : "ok";
    else if (due <= now) state = "overdue";
    else if (due <= warningHorizon) state = "due-soon";
    else state = "ok";
    if (severity === "critical") state = "overdue";
    return { credential, lastRotated, interval, due, state, severity, reasons };
  };
}
function rotationDueRule(inventory, today) {
  const assess = rotationAssessor(inventory, today);
  return (credential) => {
    const state = assess(credential).state;
    return state === "overdue" || state === "due-soon";
  };
}

export {
  isEventDrivenKind,
  assessRotation,
  rotationAssessor,
  rotationDueRule
};
