import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/sealed-value-format.ts
var FERNET_PREFIX = "fernet:";
var FERNET_KEY_ID_LENGTH = 8;
var FERNET_VALUE_PATTERN = /^fernet:[0-9a-f]{8}:[A-Za-z0-9_-]{20,}={0,2}$/;
var SEALED_VALUE_PATTERN = /^sealed:([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=):([A-Za-z0-9_-]{20,}={0,2})$/;
function parseSealedValueText(text) {
  const known = SPLIT_VALUES.get(text);
  if (known !== void 0) return known ?? void 0;
  const parts = splitSealedValueText(text);
  if (SPLIT_VALUES.size >= 2e5) SPLIT_VALUES.clear();
  SPLIT_VALUES.set(text, parts ?? null);
  return parts;
}
var SPLIT_VALUES = /* @__PURE__ */ new Map();
function splitSealedValueText(text) {
  if (FERNET_VALUE_PATTERN.test(text)) {
    const keyIdEnd = FERNET_PREFIX.length + FERNET_KEY_ID_LENGTH;
    return { kind: "fernet", keyId: text.slice(FERNET_PREFIX.length, keyIdEnd), token: text.slice(keyIdEnd + 1) };
  }
  const sealed = SEALED_VALUE_PATTERN.exec(text);
  if (sealed) {
    const recipientId = sealed[1];
    return { kind: "sealed", recipientId, keyId: `sealed:${recipientId}`, ephemeralPublicKey: sealed[2], token: sealed[3] };
  }
  return void 0;
}
function formatRecipientSealed(recipientId, ephemeralPublicKey, token) {
  return `sealed:${recipientId}:${ephemeralPublicKey}:${token}`;
}
function describeValueKey(keyId) {
  return keyId.startsWith("sealed:") ? `recipient ${keyId.slice("sealed:".length)}` : `key ${keyId}`;
}
var PLAINTEXT_HINTS = [
  [/^sealed:/, "a damaged sealed value: the form is sealed:<recipient-id>:<ephemeral-public-key>:<token>"],
  [/^fernet:/, "a damaged encrypted value: the form is fernet:<key-id>:<token>"],
  [/^sk-/, "an OpenAI-style API key"],
  [/^(AKIA|ASIA)[A-Z0-9]{12,}/, "an AWS access key id"],
  [/^gh[pousr]_/, "a GitHub token"],
  [/^xox[abposr]-/, "a Slack token"],
  [/^-----BEGIN /, "a PEM key or certificate"],
  [/^enc:/, "a DocuElevate database value (enc:\u2026), encrypted under the deployment's SESSION_SECRET, not credledger's key"],
  [/^\s*\{/, "a JSON document"]
];
function describePlaintext(text) {
  return PLAINTEXT_HINTS.find(([pattern]) => pattern.test(text))?.[1];
}

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
    const { value, values } = credential;
    if (value !== void 0) {
      entries.push({ place: { credentialId: credential.id }, sealed: value, path: ["credentials", credential.id, "value"], parts: splitSealedValueText(value) });
    }
    if (values === void 0) continue;
    for (const [deployment, sealed] of Object.entries(values)) {
      entries.push({ place: { credentialId: credential.id, deployment }, sealed, path: ["credentials", credential.id, "values", deployment], parts: splitSealedValueText(sealed) });
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
  parseSealedValueText,
  formatRecipientSealed,
  describeValueKey,
  describePlaintext,
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
