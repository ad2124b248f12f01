import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  editYamlScalars,
  writeValuesInText
} from "./chunk-V2QDFDXZ.js";
import {
  isTerminal,
  rotationBranchFor,
  rotationIdFor,
  withRecord
} from "./chunk-FNVTWHAF.js";
import {
  sealValue,
  sealValueForRecipient
} from "./chunk-YI3OOGKA.js";
import {
  loadInventoryFile
} from "./chunk-2DIQPP6S.js";
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import {
  rotationDueRule
} from "./chunk-XHVHMUK4.js";
import {
  findCredential
} from "./chunk-X75H72PA.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/rotate.ts
import { createHash } from "node:crypto";
var sha256 = (text) => createHash("sha256").update(text).digest("hex");
function resolveRotationTarget(inventory, credential) {
  const spec = credential.rotation;
  if (spec === void 0) throw new UsageError(`\`${credential.id}\` has no rotation: in the inventory, so credledger cannot rotate it (see docs/rotation.md)`);
  const credentials = [credential];
  if (spec.driver === "aws-iam-access-key") {
    if (spec.user === void 0) throw new UsageError(`credentials.${credential.id}.rotation needs \`user\`: the IAM user whose access key this is`);
    const partner = spec.secret === void 0 ? void 0 : findCredential(inventory, spec.secret);
    if (partner === void 0) throw new UsageError(`credentials.${credential.id}.rotation.secret must name the credential holding the secret access key${spec.secret === void 0 ? "" : ` (there is no \`${spec.secret}\`)`}`);
    credentials.push(partner);
  }
  for (const member of credentials) {
    if (member.values !== void 0 && Object.keys(member.values).length > 0) {
      throw new UsageError(`\`${member.id}\` has a value per deployment: rotate writes one value for every deployment, so rotate it with \`credledger set\` instead`);
    }
  }
  return { inventory, credential, spec, credentials };
}
function manualRotationCommand(inventory, credential) {
  const verb = (inventory.recipients ?? []).length > 0 ? "seal" : "set";
  return `credledger ${verb} ${credential.id} --value-stdin`;
}
async function rotateCredentials(request) {
  const check = await loadInventoryFile(request.file, request.today);
  if (!check.inventory || check.errors.length > 0) {
    throw new UsageError(`${request.file} has errors: run \`credledger validate\` and fix them first`);
  }
  const local = check.inventory;
  let selected;
  let due = [];
  if (request.credentialId !== void 0) {
    const credential = findCredential(local, request.credentialId);
    if (credential === void 0) throw new UsageError(`no credential \`${request.credentialId}\` in ${request.file}`);
    selected = [credential];
  } else if (request.due) {
    const partners = new Set(local.credentials.flatMap((credential) => credential.rotation?.secret === void 0 ? [] : [credential.rotation.secret]));
    const isDue = rotationDueRule(local, request.today);
    selected = local.credentials.filter((credential) => !partners.has(credential.id) && isDue(credential));
    due = selected.map((credential) => credential.id);
  } else {
    throw new UsageError("rotate needs a credential id, --due or --finish");
  }
  const manual = selected.filter((credential) => credential.rotation === void 0);
  const automatic = selected.filter((credential) => credential.rotation !== void 0);
  const outcomes = manual.map((credential) => ({ kind: "manual", credential: credential.id, command: manualRotationCommand(local, credential) }));
  if (automatic.length === 0) {
    if (request.credentialId !== void 0 && manual.length > 0) {
      throw new UsageError(`\`${request.credentialId}\` has no rotation: in the inventory, so credledger cannot rotate it; rotate it at its issuer and run \`${manualRotationCommand(local, manual[0])}\``);
    }
    return { outcomes, due };
  }
  const git = await request.openGit();
  const review = await request.openReview();
  const base = await git.defaultBranch();
  let state = await git.loadState();
  for (const credential of automatic) {
    const outcome = await rotateOne(request, git, review, base, state, credential.id);
    state = outcome.state;
    outcomes.push(outcome.outcome);
  }
  return { outcomes, due };
}
async function rotateOne(request, git, review, base, state, credentialId) {
  const baseText = await git.readRemoteBranchFile(base);
  if (baseText === void 0) throw new ExternalError(`${git.file} is not on ${git.remote}/${base}: commit and push the inventory first`);
  const baseCheck = checkInventoryText(baseText, git.file, request.today);
  if (!baseCheck.inventory || baseCheck.errors.length > 0) throw new ExternalError(`${git.file} on ${git.remote}/${base} has errors: fix them there first`);
  const inventory = baseCheck.inventory;
  const credential = findCredential(inventory, credentialId);
  if (credential?.rotation === void 0) throw new UsageError(`\`${credentialId}\` has no rotation: on ${git.remote}/${base}: merge the inventory change that adds it first`);
  const target = resolveRotationTarget(inventory, credential);
  const replacing = target.spec.keyId ?? sha256(credential.value ?? credential.rotated ?? "");
  const rotationId = rotationIdFor(credentialId, replacing, sha256);
  const existing = state.rotations[credentialId];
  if (existing !== void 0 && !isTerminal(existing.phase) && (existing.phase !== "pending" || existing.id !== rotationId || existing.sealedValue !== void 0)) {
    return { outcome: { kind: "in-progress", credential: credentialId, record: existing }, state };
  }
  const driver = await request.drivers(target.spec);
  const branch = rotationBranchFor(credentialId);
  if (driver.strategy === "swap") return requestSwap(request, git, review, base, state, { baseText, credentialId, rotationId, driver, branch, existing });
  const preflight = await driver.preflight(target, rotationId);
  if (!preflight.ok) return { outcome: { kind: "refused", credential: credentialId, reason: preflight.reason }, state };
  const oldIssuerId = preflight.current?.issuerId;
  const branchText = await git.readRemoteBranchFile(branch);
  const pushed = branchText === void 0 ? void 0 : checkInventoryText(branchText, git.file, request.today).inventory;
  const pushedKeyId = pushed === void 0 ? void 0 : findCredential(pushed, credentialId)?.rotation?.keyId;
  const pushedRecord = existing?.phase === "pending" && existing.id === rotationId ? existing : void 0;
  const resumable = driver.strategy === "overlap" && pushed !== void 0 && (driver.tracksUse ? preflight.leftovers.some((key) => key.issuerId === pushedKeyId) : pushedRecord !== void 0);
  if (resumable) {
    const facts = { commit: await git.remoteBranchCommit(branch), sealedPrefix: sealedPrefixOf(pushed, credentialId) };
    const record2 = pushedRecord ?? pendingRecord(rotationId, credentialId, driver, branch, oldIssuerId, pushedKeyId, request.clock(), facts);
    return openReview(request, git, review, base, state, record2, { oldIssuerId, newIssuerId: record2.newIssuerId, probe: { ok: true, detail: "tested by the run that created it" }, resumed: true, discarded: [] });
  }
  const discarded = [];
  for (const leftover of preflight.leftovers) {
    await driver.discard(target, rotationId, leftover.issuerId);
    discarded.push(leftover.issuerId);
  }
  const minted = await driver.create(target, rotationId);
  await request.checkpoint?.("after-create", credentialId);
  const newIssuerId = minted.issuerId;
  let probe;
  let sealed;
  try {
    probe = await driver.test(target, minted);
    if (!probe.ok) {
      await driver.discard(target, rotationId, newIssuerId);
      return { outcome: { kind: "refused", credential: credentialId, reason: `the new credential failed its test and was deleted: ${probe.detail}` }, state };
    }
    const edited = sealIntoText(baseText, inventory, target, minted, request);
    const editedCheck = checkInventoryText(edited, git.file, request.today);
    if (!editedCheck.inventory || editedCheck.errors.length > 0) throw new ExternalError("the inventory with the new values does not validate");
    sealed = { sealedPrefix: sealedPrefixOf(editedCheck.inventory, credentialId), commit: "" };
    sealed.commit = await git.commitBranch(branch, base, edited, commitMessage(credentialId, oldIssuerId, newIssuerId, probe));
  } catch (error) {
    await driver.discard(target, rotationId, newIssuerId).catch(() => void 0);
    throw error;
  }
  await request.checkpoint?.("after-commit", credentialId);
  const record = pendingRecord(rotationId, credentialId, driver, branch, oldIssuerId, newIssuerId, request.clock(), sealed);
  return openReview(request, git, review, base, state, record, { oldIssuerId, newIssuerId, probe, resumed: false, discarded });
}
async function requestSwap(request, git, review, base, state, facts) {
  const { baseText, credentialId, rotationId, driver, branch, existing } = facts;
  const onBase = checkInventoryText(baseText, git.file, request.today).inventory;
  const requested = onBase === void 0 ? void 0 : findCredential(onBase, credentialId)?.rotation?.swap;
  if (requested === rotationId) {
    const record2 = existing?.id === rotationId ? existing : swapRecord(rotationId, credentialId, driver, branch, request.clock(), void 0);
    return { outcome: { kind: "in-progress", credential: credentialId, record: record2 }, state };
  }
  const branchText = await git.readRemoteBranchFile(branch);
  const pushed = branchText === void 0 ? void 0 : checkInventoryText(branchText, git.file, request.today).inventory;
  const resumed = pushed !== void 0 && findCredential(pushed, credentialId)?.rotation?.swap === rotationId;
  let commit;
  if (resumed) {
    commit = await git.remoteBranchCommit(branch);
  } else {
    const edited = editYamlScalars(baseText, [{ path: ["credentials", credentialId, "rotation", "swap"], value: rotationId }]);
    const editedCheck = checkInventoryText(edited, git.file, request.today);
    if (!editedCheck.inventory || editedCheck.errors.length > 0) {
      throw new ExternalError(`the inventory with the swap request does not validate: ${editedCheck.diagnostics.map((diagnostic) => diagnostic.message).join("; ")}`);
    }
    commit = await git.commitBranch(branch, base, edited, swapCommitMessage(credentialId, rotationId));
  }
  await request.checkpoint?.("after-commit", credentialId);
  const record = { ...swapRecord(rotationId, credentialId, driver, branch, existing?.id === rotationId ? new Date(existing.createdAt) : request.clock(), commit), ...existing?.id === rotationId && existing.pullRequest !== void 0 ? { pullRequest: existing.pullRequest } : {} };
  const probe = { ok: true, detail: "nothing minted yet: the apply after the merge makes the new password" };
  return openReview(request, git, review, base, state, record, {
    probe,
    resumed,
    discarded: [],
    title: `Rotate ${credentialId} (swap on merge)`,
    body: swapPullRequestBody(credentialId, rotationId, driver.name)
  });
}
function swapRecord(id, credential, driver, branch, at, commit) {
  return { id, credential, driver: driver.name, phase: "pending", branch, createdAt: at.toISOString(), strategy: "swap", ...commit === void 0 ? {} : { commit } };
}
function swapCommitMessage(credentialId, rotationId) {
  return `Request a swap of ${credentialId} (${rotationId})

Made by credledger rotate. No value: the apply after the merge mints the new password,
seals it and records it on refs/credledger/rotation before it pushes it, last on each deployment.
`;
}
function swapPullRequestBody(credentialId, rotationId, driverName) {
  const lines = [
    `credledger requests a swap of \`${credentialId}\` (${driverName}, rotation ${rotationId}).`,
    "",
    "This pull request carries no value: it only sets `rotation.swap`. DocuElevate's admin password dies the moment a new",
    "one is set, so the new one must not wait in a review while the old one is live. On merge, the apply job:",
    "",
    "1. mints the new password locally (the `length` and `alphabet` of `rotation:`);",
    "2. seals it (for `encryption.recipients`, else under the master key) and records it on `refs/credledger/rotation`",
    "   before anything is sent;",
    "3. pushes it to every deployment that holds the credential, after every other setting, and confirms the read-back;",
    "4. logs in with it from then on (update the deployment's password variable: `credledger reveal`).",
    "",
    "A job that dies is finished by re-running apply: it pushes the same recorded password, never a second one.",
    "`credledger rotate --finish` then opens a pull request that writes the new sealed value into the inventory; until",
    "it is merged, apply keeps using the recorded value and never pushes the old one back.",
    "",
    "Closing this pull request unmerged cancels the swap; nothing changes.",
    "",
    `<!-- credledger-rotation: ${credentialId} ${rotationId} -->`
  ];
  return `${lines.join("\n")}
`;
}
var SEALED_PREFIX_LENGTH = 72;
function sealedPrefixOf(inventory, credentialId) {
  const value = inventory === void 0 ? void 0 : findCredential(inventory, credentialId)?.value;
  return value?.slice(0, SEALED_PREFIX_LENGTH);
}
function pendingRecord(id, credential, driver, branch, oldIssuerId, newIssuerId, at, facts) {
  return {
    ...facts.commit === void 0 ? {} : { commit: facts.commit },
    ...facts.sealedPrefix === void 0 ? {} : { sealedPrefix: facts.sealedPrefix },
    id,
    credential,
    driver: driver.name,
    phase: "pending",
    ...oldIssuerId === void 0 ? {} : { oldIssuerId },
    ...newIssuerId === void 0 ? {} : { newIssuerId },
    branch,
    createdAt: at.toISOString()
  };
}
async function openReview(request, git, review, base, state, record, facts) {
  let next = withRecord(state, record);
  await git.saveState(next, `credledger rotate: ${record.credential} pending (${record.id})`);
  const found = await review.findPullRequest(record.branch);
  const pullRequest = found !== void 0 && found.state === "open" ? found : await review.openPullRequest({ branch: record.branch, base, title: facts.title ?? `Rotate ${record.credential}`, body: facts.body ?? pullRequestBody(record, facts.probe) });
  if (record.pullRequest !== pullRequest.number) {
    next = withRecord(next, { ...record, pullRequest: pullRequest.number });
    await git.saveState(next, `credledger rotate: ${record.credential} pull request #${pullRequest.number}`);
  }
  await request.checkpoint?.("after-pull-request", record.credential);
  return {
    outcome: { kind: "opened", credential: record.credential, oldIssuerId: facts.oldIssuerId, newIssuerId: facts.newIssuerId, probe: facts.probe, pullRequest, resumed: facts.resumed, discarded: facts.discarded },
    state: next
  };
}
function sealIntoText(text, inventory, target, minted, request) {
  const recipient = inventory.recipients?.[0];
  if (recipient === void 0 && request.ring === void 0) {
    throw new UsageError("rotate seals the new value: list encryption.recipients in the inventory (no secret needed), or set CREDLEDGER_KEY");
  }
  const nowSeconds = Math.floor(request.clock().getTime() / 1e3);
  const writes = target.credentials.map((credential) => {
    const value = minted.values.get(credential.id);
    if (value === void 0) throw new ExternalError(`the driver made no value for ${credential.id}`);
    const place = { credentialId: credential.id };
    const sealed = recipient !== void 0 ? sealValueForRecipient(recipient, place, value, nowSeconds) : sealValue(request.ring, place, value, nowSeconds);
    return { place, sealed, rotated: credential.rotated === request.today ? void 0 : request.today };
  });
  let edited = writeValuesInText(text, writes, [...inventory.deployments.keys()]);
  if (minted.issuerId !== void 0) edited = editYamlScalars(edited, [{ path: ["credentials", target.credential.id, "rotation", "key_id"], value: minted.issuerId }]);
  return edited;
}
function commitMessage(credentialId, oldIssuerId, newIssuerId, probe) {
  const ids = oldIssuerId !== void 0 || newIssuerId !== void 0 ? ` (${oldIssuerId ?? "?"} \u2192 ${newIssuerId ?? "?"})` : "";
  return `Rotate ${credentialId}${ids}

Made by credledger rotate. The new value is sealed; the old credential stays live until
\`credledger rotate --finish\` sees the new one in use.
Probe: ${probe.detail}
`;
}
function pullRequestBody(record, probe) {
  const lines = [
    `credledger rotated \`${record.credential}\` (${record.driver}, rotation ${record.id}).`,
    "",
    "| | issuer id |",
    "| --- | --- |",
    `| old | ${record.oldIssuerId === void 0 ? "(none: a generated value)" : `\`${record.oldIssuerId}\``} |`,
    `| new | ${record.newIssuerId === void 0 ? "(none: a generated value)" : `\`${record.newIssuerId}\``} |`,
    "",
    `Probe: ${probe.ok ? "passed" : "failed"}: ${probe.detail}`,
    "",
    "On merge, apply pushes the new value. `credledger rotate --finish` then disables the old credential once the",
    "deployments hold the new one, the new one shows use and the old one none, and deletes it after a quiet period.",
    "Closing this pull request unmerged deletes the new credential.",
    "",
    `<!-- credledger-rotation: ${record.credential} ${record.id} -->`
  ];
  return `${lines.join("\n")}
`;
}

export {
  resolveRotationTarget,
  manualRotationCommand,
  rotateCredentials,
  swapPullRequestBody,
  pullRequestBody
};
