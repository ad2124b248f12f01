import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  addDays,
  compareDates,
  daysDuration
} from "./chunk-YEI75ZAY.js";
import {
  couldKnowValue
} from "./chunk-ZXU4MPSP.js";

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
  const dueSoonDays = dueSoonWindowOf(inventory.policy).days;
  const warnFrom = (date) => addDays(date, -dueSoonDays);
  return (credential) => {
    const lastRotated = credential.rotated ?? credential.created;
    const interval = rotationIntervalOf(credential, inventory.policy);
    const candidates = [];
    const after = (event) => lastRotated === void 0 || lastRotated < event;
    if (interval && lastRotated) {
      const due2 = addDays(lastRotated, interval.days);
      const text = due2 <= now ? `${interval.text} interval elapsed on ${due2}` : `${interval.text} interval ends ${due2}`;
      candidates.push({ code: "interval", due: due2, text });
    }
    for (const person of leavers) {
      const left = person.left;
      if (!after(left)) continue;
      if (!couldKnowValue(person, credential)) continue;
      const verb = left <= now ? "left" : "leaves";
      candidates.push({ code: "personnel", due: left, text: `${person.id} ${verb} ${left}`, person: person.id });
    }
    if (credential.compromised && after(credential.compromised)) {
      candidates.push({ code: "compromised", due: credential.compromised, text: `suspected compromise on ${credential.compromised}${credential.incident ? `: ${credential.incident}` : ""}` });
    }
    if (credential.revoked && after(credential.revoked)) {
      candidates.push({ code: "revoked", due: credential.revoked, text: `revoked on ${credential.revoked}: re-authorise` });
    }
    const severity = candidates.some((reason) => reason.code === "compromised") ? "critical" : "normal";
    const due = candidates.reduce((earliest, reason) => earliest === void 0 || reason.due < earliest ? reason.due : earliest, void 0);
    const reasons = candidates.filter((reason) => warnFrom(reason.due) <= now).sort((a, b) => compareDates(a.due, b.due));
    let state;
    if (due === void 0) state = lastRotated === void 0 ? "unknown" : "ok";
    else if (due <= now) state = "overdue";
    else if (warnFrom(due) <= now) state = "due-soon";
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
