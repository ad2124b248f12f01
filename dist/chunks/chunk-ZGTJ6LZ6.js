import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  requireCredential
} from "./chunk-U23GFO32.js";
import {
  YamlEditError,
  addPersonInText,
  writeFieldsInText
} from "./chunk-V2QDFDXZ.js";
import {
  readConfiguredSettings
} from "./chunk-HRPQZHUL.js";
import {
  selectDeployments
} from "./chunk-LKPYZ5YL.js";
import {
  readInventoryText,
  replaceInventoryText
} from "./chunk-2DIQPP6S.js";
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import {
  assessRotation
} from "./chunk-XHVHMUK4.js";
import {
  isCalendarDate
} from "./chunk-55Y3H7G4.js";
import {
  errorAt,
  placeFinding
} from "./chunk-YUYCLIND.js";
import {
  couldKnowValue
} from "./chunk-X75H72PA.js";
import {
  findSetting
} from "./chunk-PNS7CLM4.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/core/people.ts
function otherKnowers(inventory, credential, person) {
  const knowers = [credential.owner, ...credential.access].filter((id) => id !== person);
  return [...new Set(knowers)].filter((id) => {
    const other = inventory.people.get(id);
    return other === void 0 || couldKnowValue(other, credential);
  });
}
function stillHere(inventory, ids, person, today) {
  return ids.filter((id) => {
    const other = inventory.people.get(id);
    return id !== person && other !== void 0 && (other.left === void 0 || other.left > today);
  });
}
function planOffboarding(before, after, personId, today) {
  const person = after.people.get(personId);
  if (person?.left === void 0) throw new RangeError(`${personId} has no left date in this inventory`);
  const involved = before.credentials.filter((credential) => credential.owner === personId || credential.access.includes(personId));
  const rotateNow = [];
  const sharedToRotate = [];
  for (const credential of involved) {
    const assessment = assessRotation({ ...before, people: after.people }, credential, today);
    if (!assessment.reasons.some((reason) => reason.code === "personnel" && reason.person === personId)) continue;
    const alsoKnownBy = otherKnowers(before, credential, personId);
    const entry = { credential: credential.id, setting: credential.setting, state: assessment.state, alsoKnownBy };
    (alsoKnownBy.length === 0 ? rotateNow : sharedToRotate).push(entry);
  }
  const stillOwned = after.credentials.filter((credential) => credential.owner === personId).map((credential) => ({ credential: credential.id, setting: credential.setting, suggestions: stillHere(after, credential.access, personId, today) }));
  const byIssuer = /* @__PURE__ */ new Map();
  for (const credential of involved) byIssuer.set(credential.issuer, [...byIssuer.get(credential.issuer) ?? [], credential.id]);
  const issuers = [...byIssuer].map(([issuer, credentials]) => ({ issuer, credentials }));
  issuers.sort((a, b) => Number(a.issuer === void 0) - Number(b.issuer === void 0));
  return {
    person: personId,
    left: person.left,
    owned: involved.filter((credential) => credential.owner === personId).map((credential) => credential.id),
    readable: involved.filter((credential) => credential.access.includes(personId)).map((credential) => credential.id),
    rotateNow,
    sharedToRotate,
    stillOwned,
    issuers
  };
}
function planOffboardingWrites(inventory, personId, left, options) {
  const person = inventory.people.get(personId);
  const writes = [];
  if (person.left === void 0 || options.dateGiven && person.left !== left) writes.push({ path: ["people", personId, "left"], value: left });
  if (options.reassignTo !== void 0) {
    for (const credential of inventory.credentials) {
      if (credential.owner === personId) writes.push({ path: ["credentials", credential.id, "owner"], value: options.reassignTo });
    }
  }
  return writes;
}
function planOnboarding(inventory, categoryOf) {
  return [...inventory.deployments.values()].map((deployment) => {
    const categories = /* @__PURE__ */ new Map();
    for (const credential of inventory.credentials) {
      if (!credential.deployments.includes(deployment.id)) continue;
      const category = categoryOf(credential.setting) ?? "Custom";
      categories.set(category, [...categories.get(category) ?? [], credential.id]);
    }
    return { deployment: deployment.id, url: deployment.url, categories };
  });
}
function planRevocation(credential, options) {
  const issuer = credential.issuer === void 0 ? "the credential's issuer (the inventory records none: add `issuer`)" : `\`${credential.issuer}\``;
  const place = options.deployment === void 0 ? "" : ` --deployment ${options.deployment}`;
  const where = options.deployment === void 0 ? `every deployment it goes to (${credential.deployments.join(", ") || "none listed"})` : options.deployment;
  return [
    {
      title: "Revoke at the issuer now",
      text: `Revoke or disable the leaked value at ${issuer} right away. Do not wait for a replacement: a short outage of ${where} is cheaper than a leaked credential in use.`
    },
    {
      title: "Review the audit logs",
      text: `Check the issuer's access logs for use of the leaked value since it could have leaked, and DocuElevate's settings history (\`credledger audit\` names changes made outside the inventory).`
    },
    {
      title: "Deploy a replacement",
      text: `Issue a new value at ${issuer}, store it with \`credledger set ${credential.id}${place} --value-stdin\`, open a pull request and merge it: apply pushes it to ${where}.`
    },
    {
      title: "Notify",
      text: "Tell the people your incident plan names (security contact, the credential's owner, whoever depends on it), with what leaked, when, and what was done."
    }
  ];
}

// src/app/people.ts
async function loadForEdit(file, today) {
  const text = await readInventoryText(file);
  const check = checkInventoryText(text, file, today);
  if (!check.inventory) return { kind: "refused", source: check.source, diagnostics: check.diagnostics };
  return { text, check, inventory: check.inventory };
}
async function writeFields(file, loaded, writes, today) {
  if (writes.length === 0) return { inventory: loaded.inventory };
  let edited;
  try {
    edited = writeFieldsInText(loaded.text, writes);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    const finding = errorAt("cannot-edit-in-place", [...error.path], error.message);
    return { kind: "refused", source: loaded.check.source, diagnostics: [placeFinding(loaded.check.source, finding)] };
  }
  await replaceInventoryText(file, loaded.text, edited);
  const after = checkInventoryText(edited, file, today);
  if (!after.inventory) throw new Error("an in-place edit left the inventory unreadable");
  return { inventory: after.inventory };
}
function requireDate(date, today, flag) {
  const value = date ?? today;
  if (!isCalendarDate(value)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD (got ${value})`);
  return value;
}
function requirePerson(inventory, id) {
  if (inventory.people.has(id)) return;
  throw new UsageError(`no person \`${id}\` under people (it has: ${[...inventory.people.keys()].join(", ") || "none"})`);
}
async function offboardPerson(request) {
  const loaded = await loadForEdit(request.file, request.today);
  if ("kind" in loaded) return loaded;
  const { inventory } = loaded;
  requirePerson(inventory, request.person);
  const left = requireDate(request.date, request.today, "--date");
  if (request.reassignTo !== void 0) {
    requirePerson(inventory, request.reassignTo);
    if (request.reassignTo === request.person) throw new UsageError(`--reassign-to names ${request.person}, who is the one leaving`);
    const heir = inventory.people.get(request.reassignTo)?.left;
    if (heir !== void 0 && heir <= request.today) throw new UsageError(`--reassign-to ${request.reassignTo}: they left on ${heir}`);
  }
  const writes = planOffboardingWrites(inventory, request.person, left, { dateGiven: request.date !== void 0, ...request.reassignTo === void 0 ? {} : { reassignTo: request.reassignTo } });
  const after = await writeFields(request.file, loaded, writes, request.today);
  if ("kind" in after) return after;
  return { kind: "offboarded", today: request.today, file: request.file, written: writes.map((write) => write.path.join(".")), report: planOffboarding(inventory, after.inventory, request.person, request.today) };
}
async function onboardPerson(request) {
  const loaded = await loadForEdit(request.file, request.today);
  if ("kind" in loaded) return loaded;
  if (loaded.inventory.people.has(request.person)) {
    throw new UsageError(`\`${request.person}\` is already under people; onboard adds new people only (edit the entry by hand to change it)`);
  }
  const fields = [
    ["github", request.github],
    ["email", request.email],
    ["name", request.name]
  ];
  const given = fields.filter((entry) => entry[1] !== void 0);
  let edited;
  try {
    edited = addPersonInText(loaded.text, request.person, given);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    const finding = errorAt("cannot-edit-in-place", ["people"], error.message);
    return { kind: "refused", source: loaded.check.source, diagnostics: [placeFinding(loaded.check.source, finding)] };
  }
  const after = checkInventoryText(edited, request.file, request.today);
  if (!after.inventory) throw new Error("an in-place edit left the inventory unreadable");
  const errorsBefore = loaded.check.errors.length;
  const newErrors = after.errors;
  if (newErrors.length > errorsBefore) return { kind: "refused", source: after.source, diagnostics: newErrors };
  await replaceInventoryText(request.file, loaded.text, edited);
  const live = request.live === void 0 ? void 0 : await readLive(after.inventory, request.live);
  const writes = given.map(([field]) => ({ path: ["people", request.person, field] }));
  return {
    kind: "onboarded",
    file: request.file,
    written: writes.map((write) => write.path.join(".")),
    deployments: planOnboarding(after.inventory, (setting) => findSetting(setting)?.category),
    ...live === void 0 ? {} : { live }
  };
}
async function readLive(inventory, options) {
  const ids = selectDeployments(inventory, { allowInsecureHttp: options.allowInsecureHttp === true });
  const read = await Promise.all(ids.map(async (id) => [id, await readConfiguredSettings(inventory.deployments.get(id), options)]));
  return new Map(read);
}
async function revokeCredential(request) {
  const loaded = await loadForEdit(request.file, request.today);
  if ("kind" in loaded) return loaded;
  const credential = requireCredential(loaded.inventory, request.credential);
  const date = requireDate(request.date, request.today, "--date");
  if (date > request.today) throw new UsageError(`--date ${date} is after today (${request.today})`);
  const reason = request.reason.trim().replace(/\s+/g, " ");
  if (reason === "") throw new UsageError("--reason must say what happened (it is recorded as `incident` and shown in the reminder issue)");
  if (request.deployment !== void 0 && !credential.deployments.includes(request.deployment)) {
    throw new UsageError(`\`${credential.id}\` is not pushed to \`${request.deployment}\` (its deployments: ${credential.deployments.join(", ") || "none"})`);
  }
  const incident = request.deployment === void 0 ? reason : `${request.deployment}: ${reason}`;
  const writes = [
    ...credential.compromised === date ? [] : [{ path: ["credentials", credential.id, "compromised"], value: date }],
    ...credential.incident === incident ? [] : [{ path: ["credentials", credential.id, "incident"], value: incident }]
  ];
  const after = await writeFields(request.file, loaded, writes, request.today);
  if ("kind" in after) return after;
  const updated = requireCredential(after.inventory, credential.id);
  return {
    kind: "revoked",
    file: request.file,
    written: writes.map((write) => write.path.join(".")),
    credential: credential.id,
    ...updated.issuer === void 0 ? {} : { issuer: updated.issuer },
    assessment: assessRotation(after.inventory, updated, request.today),
    steps: planRevocation(updated, request.deployment === void 0 ? {} : { deployment: request.deployment })
  };
}

export {
  offboardPerson,
  onboardPerson,
  revokeCredential
};
