import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  SWAP_DRIVER
} from "./chunk-HDYKRRQ4.js";
import {
  errorAt,
  warningAt
} from "./chunk-YUYCLIND.js";
import {
  findCredential,
  parseSealedValueText,
  sealedValueFor
} from "./chunk-X75H72PA.js";
import {
  findSetting
} from "./chunk-PNS7CLM4.js";

// src/core/plan.ts
var WORKTREE = "worktree";
function planHasChanges(plan) {
  return plan.changes.length > 0 || plan.operations.length > 0;
}
var METADATA_FIELDS = ["kind", "owner", "access", "issuer", "description", "created", "every", "group", "custom", "compromised", "revoked"];
function comparableField(credential, field) {
  switch (field) {
    case "access":
      return [...credential.access].sort().join("\0");
    case "every":
      return credential.every === void 0 ? "" : String(credential.every.days);
    case "custom":
      return String(credential.custom);
    default:
      return credential[field] ?? "";
  }
}
function lastRotationOf(credential) {
  return credential.rotated ?? credential.created;
}
function rotatedForward(base, head) {
  if (head.rotated === void 0) return false;
  const before = lastRotationOf(base);
  return before === void 0 || head.rotated > before;
}
function keepsValue(credential) {
  return credential.value !== void 0 || Object.keys(credential.values ?? {}).length > 0;
}
function valueField(entry) {
  return entry.path.slice(2).join(".");
}
function unique(items) {
  return [...new Set(items)];
}
function describeWhere(id, deployment, entry) {
  return entry.place.deployment === void 0 ? `\`${id}\`` : `\`${id}\` on \`${deployment}\``;
}
function formatUnixSeconds(seconds) {
  return new Date(seconds * 1e3).toISOString().replace(/\.000Z$/, "Z");
}
function compareValues(base, head, values) {
  const comparison = { changed: [], stored: [], dropped: [] };
  for (const deployment of head.deployments) {
    if (!base.deployments.includes(deployment)) continue;
    const before = sealedValueFor(base, deployment);
    const after = sealedValueFor(head, deployment);
    if (before && after) {
      if (!values.sameValue(before, after)) comparison.changed.push({ deployment, before, after });
    } else if (after) comparison.stored.push({ deployment, after });
    else if (before) comparison.dropped.push({ deployment, before });
  }
  return comparison;
}
function reencryptedValues(base, head, values) {
  const found = [];
  for (const deployment of head.deployments) {
    if (!base.deployments.includes(deployment)) continue;
    const before = sealedValueFor(base, deployment);
    const after = sealedValueFor(head, deployment);
    if (before && after && before.sealed !== after.sealed && valueField(before) === valueField(after) && values.sameValue(before, after)) found.push({ deployment, after });
  }
  return found;
}
function describeReencryption(base, head, changes) {
  const byKey = /* @__PURE__ */ new Map();
  for (const change of changes) {
    if (change.change !== "re-encrypted") continue;
    const credential = findCredential(head, change.id);
    const before = base === void 0 ? void 0 : findCredential(base, change.id);
    const entries = /* @__PURE__ */ new Map();
    for (const deployment of change.deployments) {
      const after = credential === void 0 ? void 0 : sealedValueFor(credential, deployment);
      if (after) entries.set(after.path.join("."), { after, before: before === void 0 ? void 0 : sealedValueFor(before, deployment) });
    }
    for (const { after, before: was } of entries.values()) {
      const keyId = parseSealedValueText(after.sealed)?.keyId ?? "another key";
      const seen = byKey.get(keyId) ?? { count: 0, newKey: false };
      byKey.set(keyId, { count: seen.count + 1, newKey: seen.newKey || was !== void 0 && parseSealedValueText(was.sealed)?.keyId !== keyId });
    }
  }
  return [...byKey].map(([keyId, { count, newKey }]) => {
    const values = count === 1 ? "1 value" : `${count} values`;
    if (keyId.startsWith("sealed:")) {
      const recipient = keyId.slice("sealed:".length);
      return `${values} sealed for recipient ${recipient}, plaintexts unchanged, nothing will be pushed.` + (newKey ? ` Before merging, make every apply environment's CREDLEDGER_SEALING_KEY hold recipient ${recipient}'s private key, with the keys that open the old values beside it; remove those only after the next apply (docs/values-and-keys.md).` : "");
    }
    return `${values} re-encrypted under key ${keyId}, plaintexts unchanged, nothing will be pushed.` + (newKey ? ` Before merging, make every apply environment's CREDLEDGER_KEY hold key ${keyId} first and the old key after it; remove the old key only after the next apply (docs/values-and-keys.md).` : "");
  });
}
function analyseCredential(base, head, options) {
  const id = head.id;
  const changes = [];
  const findings = [];
  const { changed, stored, dropped } = compareValues(base, head, options.values);
  const forward = rotatedForward(base, head);
  const rotatedPath = head.rotated === void 0 ? ["credentials", id] : ["credentials", id, "rotated"];
  let rotationExplained = false;
  const metadataFields = [];
  if (changed.length > 0 || forward && stored.length > 0) {
    const fields = unique([...changed.map(({ before, after }) => [valueField(before), valueField(after)]).flat(), ...stored.map(({ after }) => valueField(after))]);
    const deployments = [...changed, ...stored].map(({ deployment }) => deployment);
    if (forward) {
      changes.push({ id, change: "rotated", fields: ["rotated", ...fields], deployments });
      rotationExplained = true;
    } else {
      changes.push({ id, change: "value-changed-without-rotation", fields, deployments });
      findings.push(
        errorAt(
          "value-changed-without-rotation",
          rotatedPath,
          `the value of \`${id}\` changed but \`rotated\` did not move forward${head.rotated ? ` (still ${head.rotated})` : ""}: set \`rotated\` to the day of the rotation`
        )
      );
    }
  } else if (forward && keepsValue(head)) {
    changes.push({ id, change: "rotation-without-value", fields: ["rotated"], deployments: head.deployments });
    findings.push(
      warningAt(
        "rotation-without-value",
        rotatedPath,
        `\`rotated\` of \`${id}\` moved to ${head.rotated ?? ""} but its value did not change${options.values.basis === "plaintext" ? "" : " (compared as ciphertext)"}: commit the new value, or keep the old date`
      )
    );
    rotationExplained = true;
  } else if (stored.length > 0) {
    metadataFields.push(...stored.map(({ after }) => valueField(after)));
  }
  metadataFields.push(...dropped.map(({ before }) => valueField(before)));
  findings.push(...checkRollbacks(id, changed, options));
  const reencrypted = reencryptedValues(base, head, options.values);
  if (reencrypted.length > 0 && !changes.some((change) => change.change === "rotation-without-value")) {
    changes.push({ id, change: "re-encrypted", fields: unique(reencrypted.map(({ after }) => valueField(after))), deployments: reencrypted.map(({ deployment }) => deployment) });
  }
  const settingChanged = base.setting !== head.setting;
  const gained = head.deployments.filter((deployment) => !base.deployments.includes(deployment));
  const lost = base.deployments.filter((deployment) => !head.deployments.includes(deployment));
  if (settingChanged || gained.length > 0 || lost.length > 0) {
    const fields = [...settingChanged ? ["setting"] : [], ...gained.length > 0 || lost.length > 0 ? ["deployments"] : []];
    const deployments = settingChanged ? unique([...head.deployments, ...base.deployments]) : [...gained, ...lost];
    changes.push({ id, change: "retargeted", fields, deployments });
  }
  for (const field of METADATA_FIELDS) {
    if (comparableField(base, field) !== comparableField(head, field)) metadataFields.push(field);
  }
  if (!rotationExplained && base.rotated !== head.rotated) metadataFields.push("rotated");
  if (metadataFields.length > 0) changes.push({ id, change: "metadata", fields: unique(metadataFields), deployments: head.deployments });
  return { changes, findings, valueChanged: changed.length > 0 };
}
function checkRollbacks(id, changed, options) {
  const findings = [];
  const reported = /* @__PURE__ */ new Set();
  for (const { deployment, before, after } of changed) {
    const was = options.values.sealedAt(before);
    const now = options.values.sealedAt(after);
    const where = after.path.join("\0");
    if (was === void 0 || now === void 0 || now >= was || reported.has(where)) continue;
    reported.add(where);
    const message = `the new value of ${describeWhere(id, deployment, after)} was sealed ${formatUnixSeconds(now)}, before the value it replaces (${formatUnixSeconds(was)}): it re-introduces an older value`;
    findings.push(
      options.allowRollback ? warningAt("rollback", after.path, `${message} (allowed by --allow-rollback)`) : errorAt("rollback", after.path, `${message}; if that is intended, plan with --allow-rollback`)
    );
  }
  return findings;
}
function checkGroups(head, valueChanged, compared) {
  const groups = /* @__PURE__ */ new Map();
  for (const credential of head.credentials) {
    if (credential.group) groups.set(credential.group, [...groups.get(credential.group) ?? [], credential]);
  }
  const findings = [];
  for (const [group, members] of groups) {
    const changedMembers = members.filter((member) => valueChanged.has(member.id));
    if (changedMembers.length === 0) continue;
    for (const member of members) {
      if (valueChanged.has(member.id) || !compared.has(member.id) || !keepsValue(member)) continue;
      findings.push(
        warningAt(
          "group-partly-changed",
          ["credentials", member.id, "group"],
          `group \`${group}\`: ${changedMembers.map((m) => `\`${m.id}\``).join(", ")} change${changedMembers.length === 1 ? "s" : ""} value but \`${member.id}\` does not; members are rotated and pushed together`
        )
      );
    }
  }
  return findings;
}
function slotsOf(inventory) {
  const byDeployment = /* @__PURE__ */ new Map();
  for (const credential of inventory.credentials) {
    if (!credential.setting) continue;
    for (const deployment of credential.deployments) {
      if (!inventory.deployments.has(deployment)) continue;
      let slots = byDeployment.get(deployment);
      if (!slots) byDeployment.set(deployment, slots = /* @__PURE__ */ new Map());
      if (!slots.has(credential.setting)) slots.set(credential.setting, { credential, entry: sealedValueFor(credential, deployment) });
    }
  }
  return byDeployment;
}
function operationFor(deployment, slot, action) {
  return {
    deployment,
    setting: slot.credential.setting,
    action,
    restart_required: findSetting(slot.credential.setting)?.restartRequired ?? false,
    group: slot.credential.group ?? null,
    credential: slot.credential.id
  };
}
var NO_SLOTS = /* @__PURE__ */ new Map();
function planOperations(base, head, values) {
  if (!head) return [];
  const baseSlots = base ? slotsOf(base) : /* @__PURE__ */ new Map();
  const headSlots = slotsOf(head);
  const operations = [];
  for (const deployment of head.deployments.keys()) {
    const headOfDeployment = headSlots.get(deployment) ?? NO_SLOTS;
    const baseOfDeployment = baseSlots.get(deployment) ?? NO_SLOTS;
    for (const [setting, slot] of headOfDeployment) {
      if (!slot.entry) continue;
      const before = baseOfDeployment.get(setting)?.entry;
      if (before && values.sameValue(before, slot.entry)) continue;
      operations.push(operationFor(deployment, slot, "set"));
    }
    for (const [setting, slot] of baseOfDeployment) {
      if (!slot.entry || headOfDeployment.has(setting)) continue;
      operations.push(operationFor(deployment, slot, "delete"));
    }
  }
  return operations;
}
function notesFor(base, head) {
  if (!base && !head) return [];
  if (!base) return ["The inventory does not exist at base: every credential is added."];
  if (!head) return ["The inventory does not exist at head: every credential is removed, and with no deployment left to reach, nothing is deleted."];
  return [...base.deployments.keys()].filter((deployment) => !head.deployments.has(deployment)).map((deployment) => `Deployment \`${deployment}\` leaves the inventory: credledger stops managing it and leaves its settings as they are.`);
}
function describeSwaps(base, head) {
  const baseById = new Map((base?.credentials ?? []).map((credential) => [credential.id, credential]));
  const notes = [];
  for (const credential of head.credentials) {
    if (credential.rotation?.driver !== SWAP_DRIVER) continue;
    const before = baseById.get(credential.id);
    const requested = credential.rotation.swap;
    const previous = before?.rotation?.driver === SWAP_DRIVER ? before.rotation.swap : void 0;
    const where = credential.deployments.map((deployment) => `\`${deployment}\``).join(", ");
    if (requested !== void 0 && requested !== previous) {
      notes.push(
        `\`${credential.id}\`: merging requests swap \`${requested}\`. The apply after the merge makes the new value, records it sealed in \`refs/credledger/rotation\` and pushes it to ${where || "its deployments"}, last on each; \`credledger rotate --finish\` then opens the pull request that writes it here.`
      );
    } else if (previous !== void 0 && requested === void 0 && before !== void 0 && valueTextsDiffer(before, credential)) {
      notes.push(`\`${credential.id}\`: the new value is the one swap \`${previous}\` made and already pushed; merging writes it into the inventory, and apply has nothing new to send once the deployments confirmed it.`);
    }
  }
  return notes;
}
function valueTextsDiffer(before, after) {
  if (before.value !== after.value) return true;
  const a = before.values ?? {};
  const b = after.values ?? {};
  const keys = /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].some((key) => a[key] !== b[key]);
}
function diffInventories(base, head, options) {
  const changes = [];
  const findings = [];
  const valueChanged = /* @__PURE__ */ new Set();
  const compared = /* @__PURE__ */ new Set();
  const baseById = new Map((base?.credentials ?? []).map((credential) => [credential.id, credential]));
  const headIds = new Set((head?.credentials ?? []).map((credential) => credential.id));
  for (const credential of head?.credentials ?? []) {
    const before = baseById.get(credential.id);
    if (!before) {
      changes.push({ id: credential.id, change: "added", fields: [], deployments: credential.deployments });
      continue;
    }
    compared.add(credential.id);
    if (before === credential) continue;
    const analysis = analyseCredential(before, credential, options);
    changes.push(...analysis.changes);
    findings.push(...analysis.findings);
    if (analysis.valueChanged) valueChanged.add(credential.id);
  }
  for (const credential of base?.credentials ?? []) {
    if (!headIds.has(credential.id)) changes.push({ id: credential.id, change: "removed", fields: [], deployments: credential.deployments });
  }
  if (head) findings.push(...checkGroups(head, valueChanged, compared));
  return { changes, operations: planOperations(base, head, options.values), findings, notes: [...notesFor(base, head), ...head ? describeReencryption(base, head, changes) : [], ...head ? describeSwaps(base, head) : []] };
}

export {
  WORKTREE,
  planHasChanges,
  diffInventories
};
