import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/own-property.ts
function ownValue(table, key) {
  return table !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
}
function recordWithoutPrototype(entries) {
  const record = /* @__PURE__ */ Object.create(null);
  for (const [key, value] of entries) record[key] = value;
  return record;
}

// src/core/inventory.ts
var CREDENTIAL_KINDS = [
  "api_key",
  "oauth_client_secret",
  "oauth_refresh_token",
  "password",
  "admin_password",
  "session_secret",
  "private_key",
  "service_account",
  "token",
  "certificate"
];
var ROTATION_DRIVERS = ["aws-iam-access-key", "docuelevate-admin-password", "generated-secret"];
var GENERATED_ALPHABETS = ["alphanumeric", "hex", "base64url", "printable"];
var CREDENTIAL_DATE_FIELDS = ["created", "rotated", "compromised", "revoked"];
function listSealedValues(inventory) {
  const known = SEALED_VALUES.get(inventory.credentials);
  if (known !== void 0) return known;
  const entries = [];
  for (const credential of inventory.credentials) {
    if (credential.value !== void 0) {
      entries.push({ place: { credentialId: credential.id }, sealed: credential.value, path: ["credentials", credential.id, "value"] });
    }
    for (const [deployment, sealed] of Object.entries(credential.values ?? {})) {
      entries.push({ place: { credentialId: credential.id, deployment }, sealed, path: ["credentials", credential.id, "values", deployment] });
    }
  }
  SEALED_VALUES.set(inventory.credentials, entries);
  return entries;
}
function sealedValueFor(credential, deployment) {
  const perDeployment = ownValue(credential.values, deployment);
  if (perDeployment !== void 0) {
    return { place: { credentialId: credential.id, deployment }, sealed: perDeployment, path: ["credentials", credential.id, "values", deployment] };
  }
  if (credential.value !== void 0) {
    return { place: { credentialId: credential.id }, sealed: credential.value, path: ["credentials", credential.id, "value"] };
  }
  return void 0;
}
function findCredential(inventory, id) {
  let byId = CREDENTIALS_BY_ID.get(inventory.credentials);
  if (byId === void 0) {
    byId = /* @__PURE__ */ new Map();
    for (const credential of inventory.credentials) if (!byId.has(credential.id)) byId.set(credential.id, credential);
    CREDENTIALS_BY_ID.set(inventory.credentials, byId);
  }
  return byId.get(id);
}
var CREDENTIALS_BY_ID = /* @__PURE__ */ new WeakMap();
var SEALED_VALUES = /* @__PURE__ */ new WeakMap();
function listValuePlaces(inventory) {
  return inventory.credentials.flatMap((credential) => {
    const deployments = /* @__PURE__ */ new Set([...inventory.deployments.keys(), ...credential.deployments, ...Object.keys(credential.values ?? {})]);
    return [{ credentialId: credential.id }, ...[...deployments].map((deployment) => ({ credentialId: credential.id, deployment }))];
  });
}
function couldReadValues(person) {
  return person.sealOnly !== true;
}
function couldKnowValue(person, credential) {
  if (credential.access.includes(person.id)) return true;
  return credential.owner === person.id && couldReadValues(person);
}
function listSealOnlyPeople(inventory) {
  return [...inventory.people.values()].filter((person) => !couldReadValues(person)).map((person) => person.id);
}
function describeSealOnlyPeople(inventory) {
  const ids = listSealOnlyPeople(inventory);
  if (ids.length === 0) return void 0;
  const who = ids.map((id) => `\`${id}\``).join(", ");
  return `note: ${who} ${ids.length === 1 ? "can" : "can each"} only seal (seal_only): they never read values, so leaving makes due only the credentials whose access lists them`;
}

export {
  ownValue,
  recordWithoutPrototype,
  CREDENTIAL_KINDS,
  ROTATION_DRIVERS,
  GENERATED_ALPHABETS,
  CREDENTIAL_DATE_FIELDS,
  listSealedValues,
  sealedValueFor,
  findCredential,
  listValuePlaces,
  couldKnowValue,
  listSealOnlyPeople,
  describeSealOnlyPeople
};
