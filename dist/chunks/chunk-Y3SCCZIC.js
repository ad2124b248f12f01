import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  resolveRotationTarget
} from "./chunk-PTNON4VQ.js";
import {
  writeValuesInText
} from "./chunk-V2QDFDXZ.js";
import {
  removeSwapRequestFromText
} from "./chunk-HDYKRRQ4.js";
import {
  DEFAULT_PENDING_TTL_MS,
  DEFAULT_QUIET_PERIOD_MS,
  advance,
  isTerminal,
  nextFinishStep,
  withRecord
} from "./chunk-FNVTWHAF.js";
import {
  findAppliedSetting
} from "./chunk-45NTUV52.js";
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import {
  findCredential
} from "./chunk-X75H72PA.js";
import {
  ExternalError
} from "./chunk-KLADGNWY.js";

// src/app/rotate-finish.ts
var MAX_STEPS = 8;
async function finishRotations(request) {
  let state = await request.git.loadState();
  const outcomes = [];
  const underWay = Object.values(state.rotations).filter((record) => !isTerminal(record.phase));
  if (underWay.length === 0) return outcomes;
  const base = await request.git.defaultBranch();
  const applied = await request.loadAppliedState();
  for (const start of underWay) {
    const result = await finishOne(request, base, applied, state, start);
    state = result.state;
    outcomes.push(result.outcome);
  }
  return outcomes;
}
async function finishOne(request, base, applied, initial, start) {
  const { git } = request;
  let state = initial;
  let record = start;
  const notes = [];
  let issue;
  const mainText = await git.readRemoteBranchFile(base);
  const branchText = await git.readRemoteBranchFile(record.branch);
  const inventory = readInventory(mainText, request.today) ?? readInventory(branchText, request.today);
  const credential = inventory === void 0 ? void 0 : findCredential(inventory, record.credential);
  if (inventory === void 0 || credential?.rotation === void 0) {
    notes.push(`no inventory with \`${record.credential}\`'s rotation: on ${base} or ${record.branch}; left as it is`);
    return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes } };
  }
  const branchInventory = readInventory(branchText, request.today);
  const branchCredential = branchInventory === void 0 ? void 0 : findCredential(branchInventory, record.credential);
  const target = resolveRotationTarget(record.phase === "pending" && branchCredential?.rotation !== void 0 && branchInventory ? branchInventory : inventory, record.phase === "pending" && branchCredential?.rotation !== void 0 ? branchCredential : credential);
  const driver = await request.drivers(target.spec);
  const policy = { quietPeriodMs: request.quietPeriodMs ?? DEFAULT_QUIET_PERIOD_MS, pendingTtlMs: request.pendingTtlMs ?? DEFAULT_PENDING_TTL_MS };
  let pullRequest;
  if (record.phase === "pending") pullRequest = await request.review.findPullRequest(record.branch);
  const save = async (next, message) => {
    record = next;
    state = withRecord(state, next);
    await git.saveState(state, `credledger rotate --finish: ${next.credential} ${next.phase}: ${message}`);
  };
  if (record.strategy === "swap") {
    await finishSwap(request, { base, applied, target, mainText, pullRequest, policy, notes, save, current: () => record });
    return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes } };
  }
  for (let stepCount = 0; stepCount < MAX_STEPS; stepCount += 1) {
    const evidence = await gatherEvidence(request, driver, target, record, base, applied, pullRequest);
    const step = nextFinishStep(record, evidence, policy);
    const now = request.clock();
    switch (step.kind) {
      case "wait":
        notes.push(step.reason);
        return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes, issue } };
      case "discard":
        await driver.discard(target, record.id, record.newIssuerId);
        await request.checkpoint?.("after-discard", record.credential);
        if (pullRequest?.state === "open") {
          await request.review.closePullRequest(pullRequest.number, `credledger discarded this rotation: ${step.reason}. The new credential${record.newIssuerId === void 0 ? "" : ` ${record.newIssuerId}`} was deleted; the old one was never touched.`);
        }
        await git.deleteRemoteBranch(record.branch);
        notes.push(`discarded: ${step.reason}${record.newIssuerId === void 0 ? "" : `; deleted ${record.newIssuerId}`}`);
        await save(advance(record, "discarded", now, step.reason), step.reason);
        break;
      case "mark-applied":
        notes.push(`applied to every deployment by ${step.at.toISOString()}`);
        await save({ ...advance(record, "applied", now), appliedAt: step.at.toISOString() }, "every deployment holds the new value");
        break;
      case "mark-verified":
        notes.push(`${record.newIssuerId ?? "the new credential"} in use since the apply; ${record.oldIssuerId ?? "the old one"} quiet`);
        await save(advance(record, "verified", now), "the new credential is in use, the old one quiet");
        break;
      case "retire":
        if (record.oldIssuerId !== void 0) await driver.retire(target, record.oldIssuerId);
        await request.checkpoint?.("after-retire", record.credential);
        notes.push(`disabled ${record.oldIssuerId ?? "the old credential"}`);
        await save(advance(record, "retiring", now), `disabled ${record.oldIssuerId ?? "the old credential"}`);
        break;
      case "mark-retiring":
        notes.push(step.reason);
        await save(advance(record, "retiring", now), step.reason);
        break;
      case "restore": {
        if (record.oldIssuerId !== void 0) await driver.restore(target, record.oldIssuerId);
        await request.checkpoint?.("after-restore", record.credential);
        issue = await request.review.openIssue({
          title: `Critical: ${record.credential}'s old credential ${record.oldIssuerId ?? ""} was used after it was disabled`,
          body: restoreIssueBody(record, step.reason),
          labels: ["credledger", "critical"]
        });
        notes.push(`restored ${record.oldIssuerId ?? "the old credential"}: ${step.reason}; opened #${issue.number}`);
        await save({ ...advance(record, "applied", now, `restored: ${step.reason}`), appliedAt: record.appliedAt ?? now.toISOString() }, `restored: ${step.reason}`);
        return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes, issue } };
      }
      case "revoke":
        if (record.oldIssuerId !== void 0) await driver.revoke(target, record.oldIssuerId);
        await request.checkpoint?.("after-revoke", record.credential);
        notes.push(`revoked ${record.oldIssuerId ?? "the old credential"}`);
        await save(advance(record, "finished", now), `revoked ${record.oldIssuerId ?? "the old credential"}`);
        break;
      case "mark-finished":
        notes.push(step.reason);
        await save(advance(record, "finished", now), step.reason);
        break;
    }
    if (isTerminal(record.phase)) break;
  }
  return { state, outcome: { credential: record.credential, rotationId: record.id, from: start.phase, to: record.phase, notes, issue } };
}
async function finishSwap(request, context) {
  const { git, review } = request;
  const { base, notes, save } = context;
  for (let stepCount = 0; stepCount < MAX_STEPS; stepCount += 1) {
    const record = context.current();
    const now = request.clock();
    if (record.phase === "pending") {
      const introducing = await git.commitIntroducing(base, record.id);
      if (introducing === void 0) {
        const pullRequest = context.pullRequest;
        const expired = now.getTime() - Date.parse(record.createdAt) > context.policy.pendingTtlMs;
        if (pullRequest?.state === "open" && !expired) {
          notes.push("waiting for its pull request (the swap request) to be merged");
          return;
        }
        const reason = pullRequest === void 0 ? "no pull request carries it" : pullRequest.state === "open" ? "its pull request stayed open past the time to live" : "its pull request was closed without merging";
        if (pullRequest?.state === "open") await review.closePullRequest(pullRequest.number, `credledger cancelled this swap request: ${reason}. Nothing was minted; the password is unchanged.`);
        await git.deleteRemoteBranch(record.branch);
        notes.push(`discarded: ${reason}; nothing was minted`);
        await save(advance(record, "discarded", now, reason), reason);
        return;
      }
      if (record.sealedValue === void 0) {
        notes.push("merged; the next apply mints the new password, records it sealed and pushes it (re-run apply)");
        return;
      }
      const appliedAt = await appliedSince(git, context.target, context.applied, introducing);
      if (appliedAt === void 0) {
        notes.push("minted and recorded; waiting for apply to push it to every deployment and confirm it (re-run apply)");
        return;
      }
      notes.push(`applied to every deployment by ${appliedAt.toISOString()}`);
      await save({ ...advance(record, "applied", now), appliedAt: appliedAt.toISOString() }, "every deployment holds the new password");
      continue;
    }
    if (record.phase !== "applied" || record.sealedValue === void 0) return;
    if (context.mainText?.includes(record.sealedValue)) {
      notes.push(`${base} holds the new sealed value`);
      await save(advance(record, "finished", now), "the inventory holds the new value");
      return;
    }
    const open = await review.findPullRequest(record.branch);
    if (open?.state === "open" && open.number === record.valuePullRequest) {
      notes.push(`waiting for #${open.number}, which writes the new sealed value into the inventory`);
      return;
    }
    if (context.mainText === void 0) {
      notes.push(`no inventory on ${base}; left as it is`);
      return;
    }
    const edited = catchUpText(context.mainText, context.target, record, request.today);
    await git.commitBranch(record.branch, base, edited, `Record the swapped ${record.credential} (${record.id})

Made by credledger rotate --finish: the sealed value apply minted, recorded and pushed.
`);
    const opened = await review.openPullRequest({ branch: record.branch, base, title: `Record the swapped ${record.credential}`, body: catchUpBody(record) });
    notes.push(`opened #${opened.number}, which writes the new sealed value into the inventory`);
    await save({ ...record, valuePullRequest: opened.number }, `pull request #${opened.number} writes the new value`);
    return;
  }
}
function catchUpText(text, target, record, today) {
  const credential = findCredential(target.inventory, record.credential);
  const written = writeValuesInText(
    text,
    [{ place: { credentialId: record.credential }, sealed: record.sealedValue, ...credential?.rotated === today ? {} : { rotated: today } }],
    [...target.inventory.deployments.keys()]
  );
  const withoutRequest = removeSwapRequestFromText(written, record.id);
  const edited = withoutRequest !== void 0 && readInventory(withoutRequest, today) !== void 0 ? withoutRequest : written;
  if (readInventory(edited, today) === void 0) throw new ExternalError(`the inventory with ${record.credential}'s new sealed value does not validate; nothing was pushed`);
  return edited;
}
function catchUpBody(record) {
  return [
    `credledger swapped \`${record.credential}\` (rotation ${record.id}): apply minted the new password${record.mintedAt === void 0 ? "" : ` at ${record.mintedAt}`},`,
    `recorded it sealed on \`refs/credledger/rotation\` and pushed it to every deployment${record.appliedAt === void 0 ? "" : ` (confirmed by ${record.appliedAt})`}.`,
    "",
    "This pull request writes that same sealed value into the inventory (and removes the spent `rotation.swap`). Merging",
    "it changes nothing at DocuElevate: apply sees the value it already pushed. Until it is merged, apply and audit use",
    "the recorded value, so the old password is never pushed back.",
    "",
    `<!-- credledger-rotation-value: ${record.credential} ${record.id} -->`,
    ""
  ].join("\n");
}
function readInventory(text, today) {
  if (text === void 0) return void 0;
  const check = checkInventoryText(text, "credentials.yaml", today);
  return check.inventory !== void 0 && check.errors.length === 0 ? check.inventory : void 0;
}
async function gatherEvidence(request, driver, target, record, base, applied, pullRequest) {
  const now = request.clock();
  const merged = record.sealedPrefix === void 0 ? void 0 : await request.git.commitIntroducing(base, record.sealedPrefix);
  const evidence = {
    now,
    merged: merged !== void 0,
    tracksUse: driver.tracksUse,
    ...pullRequest === void 0 ? {} : { pullRequest: pullRequest.state }
  };
  if (merged !== void 0) evidence.appliedAt = await appliedSince(request.git, target, applied, merged);
  if (record.phase !== "pending" && driver.tracksUse) {
    if (record.newIssuerId !== void 0) evidence.newLastUsed = await driver.usage(target, record.newIssuerId);
    if (record.oldIssuerId !== void 0) {
      const old = await driver.describe(target, record.oldIssuerId);
      evidence.oldStatus = old === void 0 ? "gone" : old.status;
      evidence.oldLastUsed = old?.lastUsed;
    }
  }
  return evidence;
}
async function appliedSince(git, target, applied, introducing) {
  let latest = 0;
  for (const credential of target.credentials) {
    const inventoryCredential = findCredential(target.inventory, credential.id) ?? credential;
    for (const deployment of inventoryCredential.deployments) {
      const record = findAppliedSetting(applied, deployment, inventoryCredential.setting);
      if (record === void 0 || record.credential !== credential.id || record.commit === null) return void 0;
      if (!await git.isAncestor(introducing, record.commit)) return void 0;
      latest = Math.max(latest, Date.parse(record.appliedAt));
    }
  }
  return latest === 0 ? void 0 : new Date(latest);
}
function restoreIssueBody(record, reason) {
  return [
    `credledger disabled \`${record.oldIssuerId ?? ""}\`, the old credential of \`${record.credential}\`, after the new one \`${record.newIssuerId ?? ""}\``,
    `was in use and the old one had gone quiet. ${reason}, so credledger enabled it again: something still holds the old credential.`,
    "",
    "Find what uses it (for AWS: CloudTrail events for that access key id) and move it to the new credential, or, if",
    "the use was not yours, treat the old credential as compromised: disable it at the issuer and mark the credential",
    "`compromised:` in the inventory. `credledger rotate --finish` retires it again once it stays quiet.",
    "",
    `<!-- credledger-rotation-restore: ${record.credential} ${record.id} -->`
  ].join("\n");
}

export {
  finishRotations
};
