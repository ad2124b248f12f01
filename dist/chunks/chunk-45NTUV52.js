import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/applied-state.ts
var DEFAULT_STATE_REF = "refs/credledger/applied";
var APPLIED_STATE_FILE = "applied.json";
var LOCK_LIFETIME_MS = 15 * 6e4;
var LOCK_CLOCK_SKEW_MS = 5 * 6e4;
function lockHasLapsed(lock, now) {
  const until = Date.parse(lock.until);
  const since = Date.parse(lock.since);
  if (!Number.isFinite(until) || !Number.isFinite(since) || since > now + LOCK_CLOCK_SKEW_MS) return true;
  return Math.min(until, since + LOCK_LIFETIME_MS) <= now;
}
function describeHeldLock(deployment, lock) {
  return `${deployment} is being applied by another run (host ${lock.host}, pid ${lock.pid}, since ${lock.since}); its lock lapses at ${lock.until}`;
}
function findPendingRemovals(state, deployment) {
  return state.pendingRestart?.get(deployment) ?? /* @__PURE__ */ new Map();
}
function withLocks(state, deployments, lock) {
  const locks = new Map(state.locks ?? []);
  for (const deployment of deployments) {
    if (lock === void 0) locks.delete(deployment);
    else locks.set(deployment, lock);
  }
  return { ...state, locks };
}
var EMPTY_APPLIED_STATE = Object.freeze({ version: 1, deployments: /* @__PURE__ */ new Map() });
var AppliedStateFormatError = class extends Error {
  name = "AppliedStateFormatError";
};
function findAppliedSetting(state, deployment, setting) {
  return state.deployments.get(deployment)?.get(setting);
}
function recordSettingApplied(state, deployment, setting, record) {
  const settings = new Map(state.deployments.get(deployment) ?? []);
  settings.set(setting, record);
  const deployments = new Map(state.deployments);
  deployments.set(deployment, settings);
  return withoutPendingRemovals({ ...state, deployments }, deployment, [setting]);
}
function recordSettingRemoved(state, deployment, setting, pending) {
  const current = state.deployments.get(deployment);
  let next = state;
  if (current !== void 0 && current.has(setting)) {
    const settings = new Map(current);
    settings.delete(setting);
    const deployments = new Map(state.deployments);
    if (settings.size === 0) deployments.delete(deployment);
    else deployments.set(deployment, settings);
    next = { ...state, deployments };
  }
  if (pending === void 0) return next;
  const removals = new Map(findPendingRemovals(next, deployment));
  removals.set(setting, pending);
  const pendingRestart = new Map(next.pendingRestart ?? []);
  pendingRestart.set(deployment, removals);
  return { ...next, pendingRestart };
}
function withoutPendingRemovals(state, deployment, settings) {
  const current = state.pendingRestart?.get(deployment);
  if (current === void 0 || !settings.some((setting) => current.has(setting))) return state;
  const removals = new Map(current);
  for (const setting of settings) removals.delete(setting);
  const pendingRestart = new Map(state.pendingRestart ?? []);
  if (removals.size === 0) pendingRestart.delete(deployment);
  else pendingRestart.set(deployment, removals);
  return { ...state, pendingRestart };
}
function deploymentsChangedBetween(before, after) {
  const changed = /* @__PURE__ */ new Set();
  const serialiseDeployment = (state, deployment) => serializeAppliedState({
    version: 1,
    deployments: /* @__PURE__ */ new Map([[deployment, state.deployments.get(deployment) ?? /* @__PURE__ */ new Map()]]),
    locks: new Map(state.locks?.has(deployment) ? [[deployment, state.locks.get(deployment)]] : []),
    pendingRestart: new Map(state.pendingRestart?.has(deployment) ? [[deployment, findPendingRemovals(state, deployment)]] : [])
  });
  const all = [before, after].flatMap((state) => [...state.deployments.keys(), ...state.locks?.keys() ?? [], ...state.pendingRestart?.keys() ?? []]);
  for (const deployment of new Set(all)) {
    if (serialiseDeployment(before, deployment) !== serialiseDeployment(after, deployment)) changed.add(deployment);
  }
  return changed;
}
function withDeploymentsFrom(base, ours, deployments) {
  const merged = new Map(base.deployments);
  const locks = new Map(base.locks ?? []);
  const pendingRestart = new Map(base.pendingRestart ?? []);
  for (const deployment of deployments) {
    const settings = ours.deployments.get(deployment);
    if (settings === void 0 || settings.size === 0) merged.delete(deployment);
    else merged.set(deployment, settings);
    const lock = ours.locks?.get(deployment);
    if (lock === void 0) locks.delete(deployment);
    else locks.set(deployment, lock);
    const removals = ours.pendingRestart?.get(deployment);
    if (removals === void 0 || removals.size === 0) pendingRestart.delete(deployment);
    else pendingRestart.set(deployment, removals);
  }
  return { version: 1, deployments: merged, locks, pendingRestart };
}
function serializeAppliedState(state) {
  const deployments = [...state.deployments.keys()].sort().map((deployment) => {
    const settings = state.deployments.get(deployment) ?? /* @__PURE__ */ new Map();
    const entries = [...settings.keys()].sort().map((setting) => {
      const record = settings.get(setting);
      const ordered = {
        credential: record.credential,
        keyId: record.keyId,
        fingerprint: record.fingerprint,
        commit: record.commit,
        ...record.commitTime === void 0 ? {} : { commitTime: record.commitTime },
        appliedAt: record.appliedAt
      };
      return [setting, ordered];
    });
    return [deployment, Object.fromEntries(entries)];
  });
  const locks = [...(state.locks ?? /* @__PURE__ */ new Map()).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([deployment, lock]) => [deployment, { run: lock.run, host: lock.host, pid: lock.pid, since: lock.since, until: lock.until }]);
  const pending = [...(state.pendingRestart ?? /* @__PURE__ */ new Map()).entries()].filter(([, removals]) => removals.size > 0).sort(([a], [b]) => a.localeCompare(b)).map(([deployment, removals]) => {
    const entries = [...removals.keys()].sort().map((setting) => {
      const removal = removals.get(setting);
      return [setting, { credential: removal.credential, removedAt: removal.removedAt }];
    });
    return [deployment, Object.fromEntries(entries)];
  });
  const document = {
    version: 1,
    deployments: Object.fromEntries(deployments),
    ...locks.length > 0 ? { locks: Object.fromEntries(locks) } : {},
    ...pending.length > 0 ? { pendingRestart: Object.fromEntries(pending) } : {}
  };
  return `${JSON.stringify(document, null, 2)}
`;
}
function parseAppliedState(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE} is not JSON: ${error.message}`);
  }
  if (!isRecord(parsed) || parsed.version !== 1) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE} is not version 1 applied state (written by a newer credledger?)`);
  }
  if (!isRecord(parsed.deployments)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: "deployments" must be an object`);
  const deployments = /* @__PURE__ */ new Map();
  for (const [deployment, settings] of Object.entries(parsed.deployments)) {
    if (!isRecord(settings)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: deployment "${deployment}" must be an object`);
    const records = /* @__PURE__ */ new Map();
    for (const [setting, record] of Object.entries(settings)) {
      records.set(setting, readRecord(record, `${deployment}.${setting}`));
    }
    deployments.set(deployment, records);
  }
  const locks = /* @__PURE__ */ new Map();
  if (parsed.locks !== void 0) {
    if (!isRecord(parsed.locks)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: "locks" must be an object`);
    for (const [deployment, lock] of Object.entries(parsed.locks)) {
      if (!isRecord(lock) || typeof lock.run !== "string" || typeof lock.host !== "string" || typeof lock.pid !== "number" || typeof lock.since !== "string" || typeof lock.until !== "string") {
        throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: the lock of "${deployment}" is malformed`);
      }
      locks.set(deployment, { run: lock.run, host: lock.host, pid: lock.pid, since: lock.since, until: lock.until });
    }
  }
  const pendingRestart = /* @__PURE__ */ new Map();
  if (parsed.pendingRestart !== void 0) {
    if (!isRecord(parsed.pendingRestart)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: "pendingRestart" must be an object`);
    for (const [deployment, removals] of Object.entries(parsed.pendingRestart)) {
      if (!isRecord(removals)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: pendingRestart of "${deployment}" must be an object`);
      const entries = /* @__PURE__ */ new Map();
      for (const [setting, removal] of Object.entries(removals)) {
        if (!isRecord(removal) || typeof removal.credential !== "string" || typeof removal.removedAt !== "string") {
          throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: pendingRestart.${deployment}.${setting} is malformed`);
        }
        entries.set(setting, { credential: removal.credential, removedAt: removal.removedAt });
      }
      pendingRestart.set(deployment, entries);
    }
  }
  return { version: 1, deployments, locks, pendingRestart };
}
function readRecord(value, where) {
  if (!isRecord(value)) throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where} must be an object`);
  const text = (name, pattern) => {
    const field = value[name];
    if (typeof field !== "string" || pattern !== void 0 && !pattern.test(field)) {
      throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where}.${name} is missing or malformed`);
    }
    return field;
  };
  const commit = value.commit;
  if (commit !== null && (typeof commit !== "string" || !/^[0-9a-f]{40,64}$/.test(commit))) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where}.commit must be a commit id or null`);
  }
  const commitTime = value.commitTime;
  if (commitTime !== void 0 && (typeof commitTime !== "number" || !Number.isInteger(commitTime))) {
    throw new AppliedStateFormatError(`${APPLIED_STATE_FILE}: ${where}.commitTime must be whole seconds`);
  }
  return {
    credential: text("credential"),
    keyId: text("keyId", /^[0-9a-f]{8}$/),
    fingerprint: text("fingerprint", /^[0-9a-f]{64}$/),
    commit,
    ...commitTime === void 0 ? {} : { commitTime },
    appliedAt: text("appliedAt")
  };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  DEFAULT_STATE_REF,
  APPLIED_STATE_FILE,
  LOCK_LIFETIME_MS,
  lockHasLapsed,
  describeHeldLock,
  findPendingRemovals,
  withLocks,
  EMPTY_APPLIED_STATE,
  findAppliedSetting,
  recordSettingApplied,
  recordSettingRemoved,
  deploymentsChangedBetween,
  withDeploymentsFrom,
  serializeAppliedState,
  parseAppliedState
};
