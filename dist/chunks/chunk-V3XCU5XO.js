import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  WORKTREE,
  diffInventories
} from "./chunk-L4POFTLE.js";
import {
  SealedValueError,
  openSealedValue
} from "./chunk-YI3OOGKA.js";
import {
  readFernetTimestamp
} from "./chunk-RDSJMO77.js";
import {
  checkInventoryText,
  readInventory
} from "./chunk-NZKPRETK.js";
import {
  YamlSections,
  errorAt,
  hasErrors,
  placeFinding,
  sortDiagnostics,
  vouchedSectionsOf
} from "./chunk-YUYCLIND.js";
import {
  findCredential,
  listSealedValues,
  parseSealedValueText
} from "./chunk-X75H72PA.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/core/base-inventory.ts
function readBaseInventory(baseText, file, head) {
  const reused = readReusingHead(baseText, file, head);
  return reused ? reused.inventory : readInventory(baseText, file).inventory;
}
function sliceText(text, slice) {
  return slice === void 0 ? void 0 : text.slice(slice.start, slice.end);
}
function readReusingHead(baseText, file, head) {
  if (head?.inventory === void 0) return void 0;
  const headSections = vouchedSectionsOf(head.source);
  const headEntries = headSections?.entries("credentials");
  if (!headSections || !headEntries) return void 0;
  const baseSections = YamlSections.index(baseText);
  const baseSection = baseSections?.section("credentials");
  const baseEntries = baseSections?.entries("credentials");
  if (!baseSections || !baseSection || !baseEntries || baseEntries.size === 0) return void 0;
  const headText = head.source.text;
  if (sliceText(baseText, baseSections.section("deployments")) !== sliceText(headText, headSections.section("deployments"))) return void 0;
  const reused = /* @__PURE__ */ new Map();
  const changedEntries = [];
  for (const [id, slice] of baseEntries) {
    const baseEntry = baseText.slice(slice.start, slice.end);
    const credential = baseEntry === sliceText(headText, headEntries.get(id)) ? findCredential(head.inventory, id) : void 0;
    if (credential !== void 0) reused.set(id, credential);
    else changedEntries.push(baseEntry);
  }
  const firstEntryStart = baseEntries.values().next().value.start;
  const parsedPart = readInventory(baseText.slice(0, firstEntryStart) + changedEntries.join("") + baseText.slice(baseSection.end), file).inventory;
  if (parsedPart === void 0) return { inventory: void 0 };
  const order = /* @__PURE__ */ Object.create(null);
  for (const id of baseEntries.keys()) order[id] = true;
  const credentials = [];
  for (const id in order) {
    const credential = reused.get(id) ?? findCredential(parsedPart, id);
    if (credential !== void 0) credentials.push(credential);
  }
  return { inventory: { ...parsedPart, credentials } };
}

// src/app/value-inspection.ts
function sealedAtOf(entry) {
  const parts = parseSealedValueText(entry.sealed);
  if (!parts) return void 0;
  try {
    return readFernetTimestamp(parts.token);
  } catch {
    return void 0;
  }
}
function samePlace(a, b) {
  return a.credentialId === b.credentialId && a.deployment === b.deployment;
}
function sameCiphertext(before, after) {
  if (before.sealed === after.sealed) return true;
  const was = parseSealedValueText(before.sealed);
  const now = parseSealedValueText(after.sealed);
  if (!was || !now || was.keyId === now.keyId || !samePlace(before.place, after.place)) return false;
  if (now.kind !== "fernet") return false;
  const sealedAt = sealedAtOf(before);
  return sealedAt !== void 0 && sealedAt === sealedAtOf(after);
}
function inspectByCiphertext() {
  return { inspector: { basis: "ciphertext", sameValue: sameCiphertext, sealedAt: sealedAtOf }, findings: [], notes: [] };
}
function candidatePlaces(inventories) {
  const places = /* @__PURE__ */ new Map();
  for (const inventory of inventories) {
    for (const credential of inventory?.credentials ?? []) {
      places.set(credential.id, { credentialId: credential.id });
      for (const deployment of inventory?.deployments.keys() ?? []) {
        places.set(`${credential.id}/${deployment}`, { credentialId: credential.id, deployment });
      }
    }
  }
  return [...places.values()];
}
var entryKey = (entry) => `${entry.place.credentialId}\0${entry.place.deployment ?? ""}\0${entry.sealed}`;
function inspectByPlaintext(ring, base, head) {
  const baseEntries = base ? listSealedValues(base) : [];
  const headEntries = head ? listSealedValues(head) : [];
  const candidates = candidatePlaces([head, base]);
  const opened = /* @__PURE__ */ new Map();
  const open = (entry) => {
    const key = entryKey(entry);
    if (opened.has(key)) return void 0;
    try {
      opened.set(key, openSealedValue(ring, entry.place, entry.sealed, candidates));
      return void 0;
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      opened.set(key, null);
      return error;
    }
  };
  const findings = [];
  for (const entry of headEntries) {
    if (!parseSealedValueText(entry.sealed)) continue;
    const error = open(entry);
    if (error) findings.push(errorAt("value-does-not-open", entry.path, `${error.message}; apply could not push it`));
  }
  let unopenedAtBase = 0;
  for (const entry of baseEntries) {
    if (parseSealedValueText(entry.sealed) && open(entry)) unopenedAtBase += 1;
  }
  const notes = unopenedAtBase === 0 ? [] : [`${unopenedAtBase === 1 ? "1 value" : `${unopenedAtBase} values`} at base did not open with the keys of ${ring.source}; ${unopenedAtBase === 1 ? "it was" : "they were"} compared as ciphertext.`];
  const inspector = {
    basis: "plaintext",
    sameValue(before, after) {
      const was = opened.get(entryKey(before));
      const now = opened.get(entryKey(after));
      return was && now ? was.equals(now) : sameCiphertext(before, after);
    },
    sealedAt: sealedAtOf
  };
  return { inspector, findings, notes };
}

// src/app/plan.ts
var NO_DIFF = { changes: [], operations: [], findings: [], notes: [] };
async function planInventoryChange(request, { revisions, keyRing }) {
  const file = await revisions.locateFile(request.file);
  const head = request.head === void 0 ? void 0 : await revisions.resolveCommit(request.head);
  const base = request.base === void 0 ? await revisions.mergeBase(head ?? "HEAD", await revisions.defaultBranch()) : await revisions.resolveCommit(request.base);
  const [baseTextAtPath, headText] = await Promise.all([
    revisions.readFileAtRevision(base, file),
    head === void 0 ? revisions.readWorkingTreeFile(file) : revisions.readFileAtRevision(head, file)
  ]);
  const renamedFrom = baseTextAtPath === void 0 && headText !== void 0 ? await revisions.findRenamedFrom?.(base, head, file) : void 0;
  const baseText = renamedFrom === void 0 ? baseTextAtPath : await revisions.readFileAtRevision(base, renamedFrom);
  if (baseText === void 0 && headText === void 0) {
    throw new UsageError(`${file} exists neither at base ${base.slice(0, 7)} nor at ${head === void 0 ? "the working tree" : `head ${head.slice(0, 7)}`} (pass --file?)`);
  }
  const notes = [];
  if (renamedFrom !== void 0) notes.push(`\`${file}\` was \`${renamedFrom}\` at base: the plan compares the two.`);
  const headCheck = headText === void 0 ? void 0 : checkInventoryText(headText, file, request.today);
  let baseInventory;
  if (baseText !== void 0) {
    baseInventory = readBaseInventory(baseText, file, headCheck);
    if (!baseInventory) notes.push("The inventory at base cannot be read (it is not a YAML mapping): every credential shows as added.");
  }
  const headReadable = headCheck === void 0 || headCheck.inventory !== void 0;
  if (!headReadable) notes.push("The inventory at head cannot be read: fix the errors below to see a plan.");
  const inspection = keyRing ? inspectByPlaintext(keyRing, baseInventory, headCheck?.inventory) : inspectByCiphertext();
  const diff = headReadable ? diffInventories(baseInventory, headCheck?.inventory, { values: inspection.inspector, allowRollback: request.allowRollback }) : NO_DIFF;
  const placed = headCheck ? [...diff.findings, ...inspection.findings].map((finding) => placeFinding(headCheck.source, finding)) : [];
  const diagnostics = sortDiagnostics([...headCheck?.diagnostics ?? [], ...placed]);
  const plan = {
    file,
    base,
    head: head ?? WORKTREE,
    valueBasis: inspection.inspector.basis,
    changes: diff.changes,
    operations: diff.operations,
    diagnostics,
    notes: [...notes, ...diff.notes, ...inspection.notes]
  };
  return { plan, headText, valid: !hasErrors(diagnostics) };
}

export {
  planInventoryChange
};
