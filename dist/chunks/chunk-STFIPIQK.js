import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  buildApplyReport,
  deploymentReport,
  describeForgottenDeployments
} from "./chunk-RDARU6O6.js";
import {
  appliedAdminPasswordFallback,
  describeStaleLogin,
  describeStaleVariable,
  fingerprintPlace,
  passwordVariableOf,
  prepareSwaps,
  swapLoginFallbacks
} from "./chunk-CZZLUCIX.js";
import {
  shortRefName
} from "./chunk-VKO2MAIP.js";
import {
  describeConnectionFailure,
  describeUnresolvedAuth,
  readCredentialSources,
  resolveDeploymentAuth,
  selectDeployments
} from "./chunk-LKPYZ5YL.js";
import {
  DEFAULT_APPLY_CONCURRENCY,
  listDesiredState,
  listPlannedOperations,
  planApply
} from "./chunk-SRZ2AMBU.js";
import {
  DEFAULT_STATE_REF,
  describeHeldLock,
  findAppliedSetting,
  lockHasLapsed,
  recordSettingApplied,
  recordSettingRemoved
} from "./chunk-45NTUV52.js";
import {
  SealedValueError,
  chooseFingerprintKey,
  fingerprintValue,
  openSealedValue
} from "./chunk-YI3OOGKA.js";
import {
  findKey
} from "./chunk-RDSJMO77.js";
import {
  loadInventoryFile
} from "./chunk-2DIQPP6S.js";
import {
  listSealedValues
} from "./chunk-X75H72PA.js";
import {
  ADMIN_PASSWORD_SETTING
} from "./chunk-PNS7CLM4.js";
import {
  AppliedStateConflictError,
  ExternalError,
  RequestError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/apply.ts
import path from "node:path";

// src/app/apply-branch.ts
var ESCAPE_HATCH = "pass --allow-non-default-branch for a deliberate apply from elsewhere";
async function checkApplyBranch(request) {
  const repository = await request.openCheckout(request.directory);
  let defaultRef;
  try {
    defaultRef = request.defaultBranch === void 0 ? await repository.defaultBranch() : await refOfBranch(repository, request.defaultBranch);
  } catch (error) {
    if (!(error instanceof ExternalError)) throw error;
    return {
      defaultBranch: request.defaultBranch,
      branch: await repository.currentBranch(),
      refusal: `apply runs only from the default branch, and this clone cannot tell which branch that is (${error.message}); ${ESCAPE_HATCH}`
    };
  }
  const defaultBranch = shortRefName(defaultRef).replace(/^origin\//, "");
  const branch = await repository.currentBranch();
  if (branch === defaultBranch) return { defaultBranch, branch, refusal: void 0 };
  if (branch === void 0 && await repository.isAncestor("HEAD", defaultRef)) return { defaultBranch, branch, refusal: void 0 };
  const where = branch === void 0 ? `at a detached HEAD that is not part of ${defaultBranch}` : `on branch ${branch}`;
  return {
    defaultBranch,
    branch,
    refusal: `apply runs only from the default branch (${defaultBranch}), and this checkout is ${where}: values reach deployments after review, so merge the change first, or ${ESCAPE_HATCH}`
  };
}
async function refOfBranch(repository, name) {
  for (const ref of [`refs/heads/${name}`, `refs/remotes/origin/${name}`]) if (await repository.hasCommit(ref)) return ref;
  return `refs/heads/${name}`;
}

// src/app/write-confirmation.ts
var WRITE_ACTIONS = /* @__PURE__ */ new Set(["update", "create"]);
async function prepareWriteCheck(connection, key, value) {
  if (connection.showsValue === void 0 || connection.listSettingChanges === void 0) return { by: "none" };
  if (!await connection.showsValue(key, value)) return { by: "read-back" };
  const history = await readHistory(connection, key);
  return history === void 0 ? { by: "none" } : { by: "history", seen: new Set(history.map((entry) => entry.id)) };
}
async function findUnconfirmedWrite(connection, key, check, applyUser) {
  if (check.by !== "history") return void 0;
  const history = await readHistory(connection, key);
  if (history === void 0) return void 0;
  const confirmed = history.some(
    (entry) => !check.seen.has(entry.id) && WRITE_ACTIONS.has(entry.action) && (applyUser === void 0 || entry.changedBy === applyUser)
  );
  if (confirmed) return void 0;
  const by = applyUser === void 0 ? "" : ` by ${applyUser}`;
  return `not verified: DocuElevate accepted the write of ${key}, but its masked read-back (first 4 characters and length) cannot tell the new value from the one it held, and its history (GET /api/settings/${key}/history) shows no update${by} since the write: DocuElevate may have dropped it. Check the setting and run apply again`;
}
async function readHistory(connection, key) {
  try {
    return await connection.listSettingChanges(key);
  } catch (error) {
    if (error instanceof RequestError && (error.status === 404 || error.status === 405)) return void 0;
    throw error;
  }
}

// src/app/apply.ts
function preparedValueOf(values, deployment, setting) {
  return values.get(deployment)?.get(setting);
}
async function applyInventory(request) {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) return { check, report: void 0 };
  const selected = selectDeployments(check.inventory, {
    ...request.deployments === void 0 ? {} : { deployments: request.deployments },
    ...request.rehydrate === void 0 ? {} : { also: [request.rehydrate] },
    allowInsecureHttp: request.allowInsecureHttp === true
  });
  const concurrency = request.concurrency ?? DEFAULT_APPLY_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1 (got ${concurrency})`);
  if (request.dryRun !== true && request.allowNonDefaultBranch !== true) {
    const { refusal } = await checkApplyBranch({ directory: path.dirname(path.resolve(request.file)), openCheckout: request.openCheckout, ...request.defaultBranch === void 0 ? {} : { defaultBranch: request.defaultBranch } });
    if (refusal !== void 0) throw new UsageError(refusal);
  }
  const swaps = await prepareSwaps({
    file: request.file,
    inventory: check.inventory,
    ring: request.ring,
    clock: request.clock,
    dryRun: request.dryRun === true,
    rotations: request.rotations,
    ...request.checkpoint === void 0 ? {} : { checkpoint: request.checkpoint }
  });
  const inventory = swaps.inventory;
  const ref = request.stateRef ?? DEFAULT_STATE_REF;
  const store = await request.openStateStore({ directory: path.dirname(path.resolve(request.file)), ref });
  const snapshot = await store.load();
  const inventoryCommit = await store.inventoryCommit();
  const inventoryCommitTime = await store.inventoryCommitTime();
  const desiredState = listDesiredState(inventory, selected);
  const values = prepareValues(request, inventory, desiredState.desired);
  const auths = new Map(
    selected.map((id) => {
      const deployment = inventory.deployments.get(id);
      const swapFallbacks = swapLoginFallbacks(request.ring, inventory, swaps.overrides, id);
      for (const fallback of swapFallbacks) request.onSecretDecrypted?.(fallback.password);
      const fallbacks = [...appliedAdminPasswords(request.ring, values, desiredState.desired, snapshot.state, id), ...swapFallbacks, ...originalAdminPasswords(request, check.inventory, swaps.overrides, snapshot.state, id)];
      return [id, resolveDeploymentAuth(deployment, request.env, request.onSecretDecrypted, fallbacks)];
    })
  );
  const refused = request.allowRollback ? /* @__PURE__ */ new Map() : await findStaleDeployments(store, snapshot.state, selected, inventoryCommit, inventoryCommitTime);
  const context = { request, inventory, store, inventoryCommit, inventoryCommitTime, refused, values, auths, connections: /* @__PURE__ */ new Map(), stop: void 0, unconfirmableWrites: 0 };
  const unreachable = /* @__PURE__ */ new Map();
  const reached = /* @__PURE__ */ new Set();
  try {
    let rehydrate;
    if (request.rehydrate !== void 0) {
      const sources = await readCredentialSources2(context, request.rehydrate);
      if ("error" in sources) {
        unreachable.set(request.rehydrate, sources.error);
      } else {
        reached.add(request.rehydrate);
        rehydrate = { deployment: request.rehydrate, settings: new Set(sources.sources.filter((s) => s.source === "db").map((s) => s.key)) };
      }
    }
    const plan = planApply({
      desiredState,
      applied: snapshot.state,
      deployments: selected,
      ...request.all ? { all: true } : {},
      ...rehydrate ? { rehydrate } : {},
      isApplied: (desired, record) => isRecordedValue(request.ring, values, desired, record)
    });
    const planned = listPlannedOperations(plan);
    const refingerprints = findRefingerprints(request.ring, values, desiredState.desired, snapshot.state, planned, refused);
    const warnings = [
      ...describeSwaps(swaps),
      ...describeForgottenDeployments(inventory, snapshot.state.deployments.keys(), request.deployments),
      ...describeForeignFingerprints(request.ring, snapshot.state, selected),
      ...describeRefingerprints(refingerprints, request.dryRun === true),
      ...await store.hasUncommittedChanges(request.file) ? [`${request.file} has uncommitted changes: they are applied, but the applied state records them as ${inventoryCommit === null ? "no commit" : inventoryCommit.slice(0, 12)}; commit first`] : []
    ];
    const stateBefore = { ref, before: snapshot.revision, remote: store.remote };
    if (request.dryRun) {
      const deployments2 = plan.deployments.map((deployment) => plannedReport(context, deployment, unreachable.get(deployment.deployment)));
      const held = selected.flatMap((id) => {
        const lock = snapshot.state.locks?.get(id);
        return lock !== void 0 && !lockHasLapsed(lock, request.clock().getTime()) ? [`${describeHeldLock(id, lock)}; a real apply now would stop there (unless its run has died)`] : [];
      });
      return { check, report: buildApplyReport(true, inventoryCommit, { ...stateBefore, after: snapshot.revision, pushed: store.remote !== null && store.published() }, deployments2, [...warnings, ...held]) };
    }
    const pending = plan.deployments.filter((deployment) => deployment.units.length > 0 && !refused.has(deployment.deployment)).map((deployment) => deployment.deployment);
    await Promise.all(
      pending.filter((id) => !reached.has(id) && !unreachable.has(id)).map(async (id) => {
        const sources = await readCredentialSources2(context, id);
        if ("error" in sources) unreachable.set(id, sources.error);
      })
    );
    const progress = new Map(
      plan.deployments.map((deployment) => [deployment.deployment, deployment.units.flatMap((unit) => unit.operations.map((operation) => startProgress(operation, values)))])
    );
    const writing = pending.filter((id) => !unreachable.has(id));
    const claimed = [.../* @__PURE__ */ new Set([...writing, ...refingerprints.map((entry) => entry.deployment)])];
    if (claimed.length > 0) await claimState(context, inventoryCommit, claimed);
    const deployments = await Promise.all(
      plan.deployments.map((deployment) => runDeployment(context, deployment, progress.get(deployment.deployment) ?? [], concurrency, unreachable.get(deployment.deployment)))
    );
    if (context.stop === void 0) await recordRefingerprints(context, refingerprints);
    if (context.stop === void 0) await releaseState(context);
    const withNotices = deployments.map((report) => addLoginNotices(context, report));
    const state = {
      ...stateBefore,
      after: store.revision(),
      pushed: store.remote !== null && store.published(),
      ...context.stop?.conflict === void 0 ? {} : { conflict: context.stop.conflict },
      ...context.stop?.error === void 0 ? {} : { error: context.stop.error }
    };
    return { check, report: buildApplyReport(false, inventoryCommit, state, withNotices, [...warnings, ...describeMaskedReadBacks(context)]) };
  } finally {
    await Promise.all([...context.connections.values()].map((connection) => connection.close().catch(() => void 0)));
  }
}
function prepareValues(request, inventory, desired) {
  const candidates = listSealedValues(inventory).map((entry) => entry.place);
  const opened = /* @__PURE__ */ new Map();
  const result = /* @__PURE__ */ new Map();
  for (const setting of desired) {
    const placeKey = `${setting.sealed.place.credentialId}\0${setting.sealed.place.deployment ?? ""}`;
    let decrypted = opened.get(placeKey);
    if (decrypted === void 0) {
      try {
        const value = openSealedValue(request.ring, setting.sealed.place, setting.sealed.sealed, candidates);
        request.onSecretDecrypted?.(value);
        decrypted = { value, fingerprintKey: chooseFingerprintKey(request.ring, setting.sealed.sealed) };
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        decrypted = { error: `cannot decrypt: ${error.message}` };
      }
      opened.set(placeKey, decrypted);
    }
    const prepared = "error" in decrypted ? decrypted : { ...decrypted, fingerprint: fingerprintValue(request.ring, fingerprintPlace(setting.credentialId, setting.deployment), decrypted.value, decrypted.fingerprintKey.keyId) };
    const ofDeployment = result.get(setting.deployment) ?? /* @__PURE__ */ new Map();
    ofDeployment.set(setting.setting, prepared);
    result.set(setting.deployment, ofDeployment);
  }
  return result;
}
function appliedAdminPasswords(ring, values, desired, state, deployment) {
  const setting = desired.find((candidate) => candidate.deployment === deployment && candidate.setting === ADMIN_PASSWORD_SETTING);
  const decrypted = preparedValueOf(values, deployment, ADMIN_PASSWORD_SETTING);
  return appliedAdminPasswordFallback(ring, state, setting, decrypted !== void 0 && "value" in decrypted ? decrypted.value : void 0);
}
function originalAdminPasswords(request, original, overrides, state, deployment) {
  if (overrides.length === 0) return [];
  const setting = listDesiredState(original, [deployment]).desired.find((candidate) => candidate.setting === ADMIN_PASSWORD_SETTING);
  if (setting === void 0 || !overrides.some((override) => override.credential === setting.credentialId)) return [];
  let value;
  try {
    value = openSealedValue(request.ring, setting.sealed.place, setting.sealed.sealed, listSealedValues(original).map((entry) => entry.place));
  } catch (error) {
    if (error instanceof SealedValueError) return [];
    throw error;
  }
  request.onSecretDecrypted?.(value);
  return appliedAdminPasswordFallback(request.ring, state, setting, value);
}
function describeSwaps(swaps) {
  const lines = swaps.minted.map(
    (credential) => `minted a new admin_password for ${credential} (swap ${swaps.overrides.find((override) => override.credential === credential)?.record.id ?? ""}): sealed and recorded on refs/credledger/rotation before it is pushed; \`credledger rotate --finish\` then opens the pull request that writes it into the inventory`
  );
  lines.push(...swaps.wouldMint.map((credential) => `${credential}: a swap was requested: a real apply mints a new admin_password, records it sealed and pushes it last`));
  for (const override of swaps.overrides) {
    if (swaps.minted.includes(override.credential)) continue;
    lines.push(`${override.credential}: swap ${override.record.id} is under way: apply uses its recorded sealed value, not the inventory's, until the inventory holds it (\`credledger rotate --finish\`)`);
  }
  return lines;
}
function addLoginNotices(context, report) {
  const deployment = context.inventory.deployments.get(report.deployment);
  const variable = passwordVariableOf(deployment);
  if (variable === void 0) return report;
  const notices = [];
  const stale = context.connections.get(report.deployment)?.staleLoginPassword;
  const pushed = report.operations.find((operation) => operation.setting === ADMIN_PASSWORD_SETTING && operation.action === "set" && operation.outcome === "done");
  const staleNotice = stale === void 0 ? void 0 : describeStaleLogin(deployment, stale);
  if (staleNotice !== void 0 && pushed === void 0) notices.push(staleNotice);
  const resolved = context.auths.get(report.deployment);
  if (!context.connections.has(report.deployment) && pushed === void 0 && resolved !== void 0 && "auth" in resolved && resolved.auth.method === "login") {
    const [fallback] = resolved.auth.fallbackPasswords ?? [];
    const unused = fallback === void 0 ? void 0 : describeStaleVariable(deployment, resolved.auth.password, fallback);
    if (unused !== void 0) notices.push(unused);
  }
  if (pushed !== void 0) {
    notices.push(`update ${variable}: ${report.deployment}'s admin password is now the inventory's \`${pushed.credential}\` (DocuElevate's login takes it at once; the next run falls back to it until ${variable} is updated)`);
  }
  return notices.length === 0 ? report : { ...report, warnings: [...report.warnings, ...notices] };
}
function isRecordedValue(ring, values, desired, record) {
  const prepared = preparedValueOf(values, desired.deployment, desired.setting);
  if (prepared === void 0 || "error" in prepared) return false;
  if (record.keyId === prepared.fingerprint.keyId) return prepared.fingerprint.fingerprint === record.fingerprint;
  if (findKey(ring, record.keyId) === void 0) return false;
  const { fingerprint } = fingerprintValue(ring, fingerprintPlace(desired.credentialId, desired.deployment), prepared.value, record.keyId);
  return fingerprint === record.fingerprint;
}
function findRefingerprints(ring, values, desired, state, planned, refused) {
  const found = [];
  for (const setting of desired) {
    const record = findAppliedSetting(state, setting.deployment, setting.setting);
    const prepared = preparedValueOf(values, setting.deployment, setting.setting);
    if (record === void 0 || prepared === void 0 || "error" in prepared || record.keyId === prepared.fingerprintKey.keyId) continue;
    if (refused.has(setting.deployment) || planned.some((operation) => operation.deployment === setting.deployment && operation.setting === setting.setting)) continue;
    if (record.credential !== setting.credentialId || !isRecordedValue(ring, values, setting, record)) continue;
    found.push({ deployment: setting.deployment, setting: setting.setting, record, key: prepared.fingerprintKey, fingerprint: prepared.fingerprint.fingerprint });
  }
  return found;
}
async function recordRefingerprints(context, refingerprints) {
  for (const { deployment, setting, record, key, fingerprint } of refingerprints) {
    try {
      await context.store.record(
        (state) => recordSettingApplied(state, deployment, setting, { ...record, keyId: key.keyId, fingerprint }),
        `credledger apply: fingerprint of ${setting} on ${deployment} moved to key ${key.keyId} (value unchanged, nothing sent)`
      );
    } catch (error) {
      stopOn(context, error);
      return;
    }
  }
}
function describeRefingerprints(refingerprints, dryRun) {
  const byKey = /* @__PURE__ */ new Map();
  for (const entry of refingerprints) byKey.set(entry.key.name, [...byKey.get(entry.key.name) ?? [], entry]);
  return [...byKey].map(([name, entries]) => {
    const deployments = [...new Set(entries.map((entry) => entry.deployment))].join(", ");
    const count = entries.length === 1 ? "1 value" : `${entries.length} values`;
    const target = name.startsWith("recipient ") ? `the sealing key of ${name}` : name;
    return `${count} re-encrypted under ${name} (${deployments}): plaintexts unchanged, nothing pushed; ${dryRun ? "a real apply moves" : "moved"} their applied-state fingerprints to ${target}, after which the old key can leave the ring`;
  });
}
function describeForeignFingerprints(ring, state, deployments) {
  const missing = /* @__PURE__ */ new Map();
  for (const deployment of deployments) {
    for (const record of state.deployments.get(deployment)?.values() ?? []) {
      if (findKey(ring, record.keyId) === void 0) missing.set(record.keyId, (missing.get(record.keyId) ?? 0) + 1);
    }
  }
  return [...missing].map(
    ([keyId, count]) => `${count === 1 ? "1 applied setting was" : `${count} applied settings were`} fingerprinted under key ${keyId}, which ${ring.source} does not hold: they count as changed and are pushed again. After a re-key, keep the old key after the new one in the ring until one apply has moved the fingerprints (docs/values-and-keys.md)`
  );
}
async function readCredentialSources2(context, deploymentId) {
  const resolved = context.auths.get(deploymentId);
  if (resolved === void 0) return { error: { message: "no auth" } };
  if ("error" in resolved) {
    context.request.onProgress?.({ kind: "unusable", deployment: deploymentId, reason: resolved.error });
    return { error: describeUnresolvedAuth(resolved) };
  }
  let connection = context.connections.get(deploymentId);
  if (connection === void 0) {
    const deployment = context.inventory.deployments.get(deploymentId);
    connection = context.request.connect(deployment, resolved.auth);
    context.connections.set(deploymentId, connection);
  }
  context.request.onProgress?.({ kind: "connecting", deployment: deploymentId });
  const read = await readCredentialSources(connection);
  context.request.onProgress?.(
    "error" in read ? { kind: "unusable", deployment: deploymentId, reason: read.error.message } : { kind: "connected", deployment: deploymentId, listed: read.sources.length }
  );
  return read;
}
async function findStaleDeployments(store, state, deployments, commit, commitTime) {
  const refused = /* @__PURE__ */ new Map();
  if (commit === null) return refused;
  const when = (seconds) => seconds === void 0 ? "time unknown" : new Date(seconds * 1e3).toISOString().replace(".000Z", "Z");
  const verdicts = /* @__PURE__ */ new Map();
  for (const deployment of deployments) {
    for (const record of state.deployments.get(deployment)?.values() ?? []) {
      if (record.commit === null || record.commit === commit) continue;
      if (!verdicts.has(record.commit)) verdicts.set(record.commit, await store.descendsFromInventoryCommit?.(record.commit));
      const descends = verdicts.get(record.commit);
      const newer = descends ?? (commitTime !== null && record.commitTime !== void 0 && record.commitTime > commitTime);
      if (!newer) continue;
      const how = descends === void 0 ? "which is newer by committer time (this clone does not hold it) than" : "which descends from";
      refused.set(deployment, {
        message: `${deployment} was last applied from ${record.commit.slice(0, 12)} (${when(record.commitTime)}), ${how} this checkout ${commit.slice(0, 12)} (${when(commitTime ?? void 0)}): applying would roll it back; check out the newest commit, or pass --allow-rollback`
      });
      break;
    }
  }
  return refused;
}
function startProgress(operation, values) {
  return { operation, ...operation.action === "set" ? { prepared: preparedValueOf(values, operation.deployment, operation.setting) } : {}, outcome: "skipped" };
}
async function claimState(context, inventoryCommit, deployments) {
  try {
    await context.store.claim(`credledger apply: started from ${inventoryCommit === null ? "an unborn HEAD" : inventoryCommit.slice(0, 12)}`, deployments);
  } catch (error) {
    stopOn(context, error);
  }
}
async function releaseState(context) {
  try {
    await context.store.release("credledger apply: finished");
  } catch (error) {
    stopOn(context, error);
  }
}
async function publishState(context) {
  try {
    await context.store.publish();
  } catch (error) {
    stopOn(context, error);
  }
}
function stopOn(context, error) {
  if (error instanceof AppliedStateConflictError) context.stop ??= { conflict: error.message };
  else if (error instanceof ExternalError) context.stop ??= { error: error.message };
  else throw error;
}
async function runDeployment(context, plan, progress, concurrency, knownUnreachable) {
  const deployment = context.inventory.deployments.get(plan.deployment);
  if (progress.length === 0) return deploymentReport(deployment, knownUnreachable === void 0 ? "unchanged" : "unreachable", progress, knownUnreachable);
  const refusal = context.refused.get(plan.deployment);
  if (refusal !== void 0) {
    for (const entry of progress) entry.skipped = `not attempted: ${refusal.message}`;
    return deploymentReport(deployment, "failed", progress, refusal);
  }
  if (context.stop !== void 0 && knownUnreachable === void 0) {
    for (const entry of progress) entry.skipped = describeStop(context);
    return deploymentReport(deployment, "skipped", progress);
  }
  if (knownUnreachable !== void 0) {
    for (const entry of progress) entry.skipped = `not attempted: ${plan.deployment} could not be used`;
    return deploymentReport(deployment, "unreachable", progress, knownUnreachable);
  }
  const connection = context.connections.get(plan.deployment);
  const progressOf = new Map(progress.map((entry) => [entry.operation, entry]));
  const running = /* @__PURE__ */ new Set();
  const listener = context.request.onProgress;
  let completed = 0;
  const finishOne = (entry) => {
    completed += 1;
    const { action, setting } = entry.operation;
    const outcome = entry.outcome === "planned" ? "skipped" : entry.outcome;
    listener?.({ kind: "operation", deployment: plan.deployment, action, setting, outcome, completed, total: progress.length });
  };
  listener?.({ kind: "writing", deployment: plan.deployment, total: progress.length });
  for (const unit of plan.units) {
    if (unit.group !== void 0 || unit.operations.some((operation) => operation.setting === ADMIN_PASSWORD_SETTING)) {
      await Promise.all(running);
      await runUnit(context, connection, unit, progressOf, finishOne);
      continue;
    }
    while (running.size >= concurrency) await Promise.race(running);
    const task = runUnit(context, connection, unit, progressOf, finishOne).finally(() => running.delete(task));
    running.add(task);
  }
  await Promise.all(running);
  if (context.stop === void 0) await publishState(context);
  const allSkipped = progress.every((entry) => entry.outcome === "skipped");
  const allDone = progress.every((entry) => entry.outcome === "done");
  const tally = (outcome) => progress.filter((entry) => entry.outcome === outcome).length;
  listener?.({ kind: "finished", deployment: plan.deployment, done: tally("done"), failed: tally("failed"), skipped: tally("skipped") });
  return deploymentReport(deployment, allDone ? "done" : allSkipped && context.stop !== void 0 ? "skipped" : "failed", progress);
}
async function runUnit(context, connection, unit, progressOf, finishOne) {
  let failed;
  for (const operation of unit.operations) {
    const entry = progressOf.get(operation);
    if (context.stop !== void 0) {
      entry.skipped = describeStop(context);
    } else if (failed !== void 0) {
      entry.skipped = `not attempted: group ${unit.group ?? ""} stopped after ${failed.setting} failed`;
    } else {
      await runOperation(context, connection, entry);
      if (entry.outcome === "failed") failed = operation;
    }
    finishOne(entry);
  }
}
async function runOperation(context, connection, entry) {
  const { operation } = entry;
  const { request, store } = context;
  let change;
  try {
    if (operation.action === "set") {
      const prepared = entry.prepared;
      if (prepared === void 0 || "error" in prepared) {
        entry.outcome = "failed";
        entry.error = { message: prepared?.error ?? "no value" };
        return;
      }
      const check = await prepareWriteCheck(connection, operation.setting, prepared.value);
      const written = await connection.setSetting(operation.setting, prepared.value);
      entry.attempts = written.attempts;
      const unconfirmed = await findUnconfirmedWrite(connection, operation.setting, check, applyUserOf(context, operation.deployment));
      if (unconfirmed !== void 0) {
        entry.outcome = "failed";
        entry.error = { message: unconfirmed };
        return;
      }
      if (check.by === "none") context.unconfirmableWrites += 1;
      if (written.restartRequired !== void 0) entry.restartRequired = written.restartRequired;
      if (operation.setting === ADMIN_PASSWORD_SETTING) await request.checkpoint?.("after-swap-push", operation.credentialId);
      const { fingerprint } = prepared;
      const record = {
        credential: operation.credentialId,
        keyId: fingerprint.keyId,
        fingerprint: fingerprint.fingerprint,
        commit: context.inventoryCommit,
        ...context.inventoryCommitTime === null ? {} : { commitTime: context.inventoryCommitTime },
        appliedAt: request.clock().toISOString()
      };
      change = (state) => recordSettingApplied(state, operation.deployment, operation.setting, record);
    } else {
      const deleted = await connection.deleteSetting(operation.setting);
      entry.attempts = deleted.attempts;
      const pending = deleted.result === "deleted" ? { credential: operation.credentialId, removedAt: request.clock().toISOString() } : void 0;
      if (pending !== void 0) entry.pendingRestart = true;
      change = (state) => recordSettingRemoved(state, operation.deployment, operation.setting, pending);
    }
  } catch (error) {
    entry.outcome = "failed";
    entry.error = describeConnectionFailure(error);
    if (error instanceof RequestError) entry.attempts = error.attempts;
    return;
  }
  entry.outcome = "done";
  try {
    await store.record(change, `credledger apply: ${operation.action} ${operation.setting} on ${operation.deployment} (${operation.credentialId})`);
    entry.recorded = true;
  } catch (error) {
    entry.recorded = false;
    stopOn(context, error);
  }
}
function applyUserOf(context, deployment) {
  const resolved = context.auths.get(deployment);
  return resolved !== void 0 && "auth" in resolved && resolved.auth.method === "login" ? resolved.auth.username : void 0;
}
function describeStop(context) {
  return context.stop?.conflict !== void 0 ? "not attempted: a concurrent apply took the applied state" : "not attempted: the applied state could not be written";
}
var MASKED_READ_BACK_LIMIT = "a sensitive setting reads back masked (its first 4 characters and its length), so a write DocuElevate dropped goes unseen when the old value shares both; DocuElevate's history (GET /api/settings/<key>/history) shows whether the write happened";
function describeMaskedReadBacks(context) {
  return context.unconfirmableWrites > 0 ? [MASKED_READ_BACK_LIMIT] : [];
}
function plannedReport(context, plan, unreachable) {
  const deployment = context.inventory.deployments.get(plan.deployment);
  const progress = plan.units.flatMap((unit) => unit.operations.map((operation) => ({ operation, outcome: "planned" })));
  if (unreachable !== void 0) return deploymentReport(deployment, "unreachable", progress, unreachable);
  const refusal = context.refused.get(plan.deployment);
  if (refusal !== void 0 && progress.length > 0) {
    for (const entry of progress) {
      entry.outcome = "skipped";
      entry.skipped = `not attempted: ${refusal.message}`;
    }
    return deploymentReport(deployment, "failed", progress, refusal);
  }
  let unopenable = 0;
  for (const entry of progress) {
    if (entry.operation.action !== "set") continue;
    const decrypted = preparedValueOf(context.values, entry.operation.deployment, entry.operation.setting);
    if (decrypted !== void 0 && !("error" in decrypted)) continue;
    entry.outcome = "failed";
    entry.error = { message: decrypted?.error ?? "no value" };
    unopenable += 1;
  }
  if (unopenable > 0) return deploymentReport(deployment, "failed", progress);
  return deploymentReport(deployment, progress.length === 0 ? "unchanged" : "planned", progress);
}

export {
  applyInventory,
  MASKED_READ_BACK_LIMIT
};
