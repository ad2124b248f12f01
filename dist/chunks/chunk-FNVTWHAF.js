import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/rotation-state.ts
var TERMINAL_PHASES = ["finished", "discarded"];
var ROTATION_BRANCH_PREFIX = "credledger/rotate/";
var EMPTY_ROTATION_STATE = Object.freeze({ version: 1, rotations: Object.freeze({}) });
var DEFAULT_ROTATION_REF = "refs/credledger/rotation";
var ROTATION_STATE_FILE = "rotation.json";
function isTerminal(phase) {
  return TERMINAL_PHASES.includes(phase);
}
function rotationIdFor(credentialId, replacing, digest) {
  return `rot-${digest(`${credentialId}\0${replacing}`).slice(0, 12)}`;
}
function rotationBranchFor(credentialId) {
  return `${ROTATION_BRANCH_PREFIX}${credentialId}`;
}
function advance(record, phase, at, note) {
  const stamp = at.toISOString();
  const times = {
    applied: "appliedAt",
    verified: "verifiedAt",
    retiring: "retiredAt",
    finished: "finishedAt",
    discarded: "discardedAt"
  };
  const field = times[phase];
  return { ...record, phase, ...field === void 0 ? {} : { [field]: stamp }, ...note === void 0 ? {} : { note } };
}
function withRecord(state, record) {
  return { version: 1, rotations: { ...state.rotations, [record.credential]: record } };
}
var RotationStateFormatError = class extends Error {
  name = "RotationStateFormatError";
};
var PHASES = ["pending", "applied", "verified", "retiring", "finished", "discarded"];
function parseRotationState(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RotationStateFormatError(`rotation.json is not JSON: ${error.message}`);
  }
  const document = data;
  if (typeof data !== "object" || data === null || document.version !== 1 || typeof document.rotations !== "object" || document.rotations === null) {
    throw new RotationStateFormatError("rotation.json is not a version 1 rotation state");
  }
  for (const [id, record] of Object.entries(document.rotations)) {
    if (typeof record !== "object" || record === null || record.credential !== id || !PHASES.includes(record.phase) || typeof record.id !== "string") {
      throw new RotationStateFormatError(`rotation.json: the record of ${id} is malformed`);
    }
  }
  return data;
}
function serializeRotationState(state) {
  const sorted = Object.fromEntries(Object.entries(state.rotations).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, rotations: sorted }, null, 2)}
`;
}
var DEFAULT_QUIET_PERIOD_MS = 24 * 36e5;
var DEFAULT_PENDING_TTL_MS = 7 * 24 * 36e5;
function nextFinishStep(record, evidence, policy) {
  const ms = (iso) => iso === void 0 ? Number.NaN : Date.parse(iso);
  switch (record.phase) {
    case "pending": {
      if (evidence.merged) {
        if (evidence.appliedAt === void 0) return { kind: "wait", reason: "merged; waiting for apply to push the new value to every deployment" };
        return { kind: "mark-applied", at: evidence.appliedAt };
      }
      if (evidence.pullRequest === "closed") return { kind: "discard", reason: "its pull request was closed without merging" };
      if (evidence.pullRequest === void 0) return { kind: "discard", reason: "no pull request carries it" };
      if (evidence.now.getTime() - ms(record.createdAt) > policy.pendingTtlMs) {
        return { kind: "discard", reason: `its pull request stayed open longer than ${formatHours(policy.pendingTtlMs)}` };
      }
      return { kind: "wait", reason: "waiting for its pull request to be merged" };
    }
    case "applied": {
      if (!evidence.tracksUse) return { kind: "mark-finished", reason: "applied; the old value is replaced wherever it was held" };
      const appliedAt = ms(record.appliedAt);
      if (evidence.oldStatus === "gone") return { kind: "mark-finished", reason: "the old credential is already gone at the issuer" };
      if (evidence.oldLastUsed !== void 0 && evidence.oldLastUsed.getTime() > appliedAt) {
        return { kind: "wait", reason: `the old credential was used ${evidence.oldLastUsed.toISOString()}, after the apply: something still uses it` };
      }
      if (evidence.newLastUsed === void 0 || evidence.newLastUsed.getTime() <= appliedAt) {
        return { kind: "wait", reason: "the new credential shows no use since the apply yet" };
      }
      return { kind: "mark-verified" };
    }
    case "verified":
      if (evidence.oldStatus === "inactive") return { kind: "mark-retiring", reason: "the old credential is already disabled at the issuer" };
      if (evidence.oldStatus === "gone") return { kind: "mark-finished", reason: "the old credential is already gone at the issuer" };
      return { kind: "retire" };
    case "retiring": {
      if (evidence.oldStatus === "gone") return { kind: "mark-finished", reason: "the old credential is revoked" };
      const retiredAt = ms(record.retiredAt);
      if (evidence.oldLastUsed !== void 0 && evidence.oldLastUsed.getTime() > retiredAt) {
        return { kind: "restore", reason: `the old credential was used ${evidence.oldLastUsed.toISOString()}, after it was disabled` };
      }
      if (evidence.now.getTime() - retiredAt < policy.quietPeriodMs) {
        return { kind: "wait", reason: `disabled and quiet; revoked once ${formatHours(policy.quietPeriodMs)} have passed (${new Date(retiredAt + policy.quietPeriodMs).toISOString()})` };
      }
      return { kind: "revoke" };
    }
    case "finished":
    case "discarded":
      return { kind: "wait", reason: record.phase };
  }
}
function formatHours(ms) {
  const hours = ms / 36e5;
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} h`;
}
function parseHoursDuration(text) {
  const match = /^(\d{1,6})([mhd])$/.exec(text);
  if (!match) return void 0;
  const unit = { m: 6e4, h: 36e5, d: 864e5 }[match[2]];
  return Number(match[1]) * unit;
}

export {
  EMPTY_ROTATION_STATE,
  DEFAULT_ROTATION_REF,
  ROTATION_STATE_FILE,
  isTerminal,
  rotationIdFor,
  rotationBranchFor,
  advance,
  withRecord,
  parseRotationState,
  serializeRotationState,
  DEFAULT_QUIET_PERIOD_MS,
  DEFAULT_PENDING_TTL_MS,
  nextFinishStep,
  parseHoursDuration
};
