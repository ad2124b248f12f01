import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  DOCUELEVATE_SETTINGS,
  findSetting
} from "./chunk-PNS7CLM4.js";

// src/core/deployment-url.ts
function displayDeploymentUrl(url) {
  return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, "$1[redacted]@");
}
function credentialsInUrl(url) {
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1];
  if (userinfo === void 0) return [];
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const [user = "", ...rest] = userinfo.split(":");
  const password = rest.join(":");
  return [userinfo, password, decode(password), decode(userinfo)].filter((part) => part !== "" && part !== user);
}

// src/core/init-inventory.ts
var OWNER_PLACEHOLDER = "TODO-owner";
var SCHEMA_LINE = "# yaml-language-server: $schema=https://raw.githubusercontent.com/credledger/credledger/main/schemas/credentials.schema.json";
function guessCredentialKind(setting) {
  if (setting === "admin_password") return "admin_password";
  if (setting === "session_secret") return "session_secret";
  if (setting.endsWith("refresh_token")) return "oauth_refresh_token";
  if (/(client|app)_secret$/.test(setting)) return "oauth_client_secret";
  if (setting.includes("private_key")) return "private_key";
  if (setting.includes("certificate")) return "certificate";
  if (setting.endsWith("credentials_json")) return "service_account";
  if (setting.includes("password") || setting.endsWith("_url") || setting.endsWith("_backend")) return "password";
  if (/(api|virtual|access|secret|ai)_key(_id)?$/.test(setting)) return "api_key";
  return "token";
}
function credentialIdFor(setting) {
  return setting.replace(/_/g, "-");
}
var HEADER = [
  SCHEMA_LINE,
  "#",
  "# credledger inventory: every credential your DocuElevate deployments hold. Written by `credledger init`.",
  "# Values are never written here in clear: `credledger set <id> --value-stdin` encrypts them (key: `credledger keygen`).",
  "# Add people with `credledger onboard <handle> --github LOGIN`; `credledger validate` checks the file.",
  "version: 1",
  "",
  "people: {}",
  ""
];
function deploymentLines(deployment, comment) {
  return [
    "deployments:",
    `  ${deployment.id}:${comment}`,
    `    url: ${deployment.url}`,
    `    auth: { method: login, username_env: ${deployment.usernameEnv}, password_env: ${deployment.passwordEnv} }`,
    ""
  ];
}
function entryLines(setting, prefix, extra = []) {
  return [
    `${prefix}${credentialIdFor(setting)}:`,
    `${prefix}  setting: ${setting}`,
    `${prefix}  kind: ${guessCredentialKind(setting)}`,
    `${prefix}  owner: ${OWNER_PLACEHOLDER}`,
    ...extra.map((line) => `${prefix}  ${line}`)
  ];
}
function renderCatalogueInventory(deployment) {
  const lines = [...HEADER, ...deploymentLines(deployment, "   # change to your deployment")];
  lines.push(
    "# Uncomment (drop the leading `# `) the credentials your deployments use, put an owner from `people` in",
    `# place of ${OWNER_PLACEHOLDER}, and add \`access\` (who else could read the value) and \`issuer\` (where it was made).`,
    "credentials:"
  );
  const categories = /* @__PURE__ */ new Map();
  for (const setting of DOCUELEVATE_SETTINGS) {
    if (setting.environmentOnly) continue;
    categories.set(setting.category, [...categories.get(setting.category) ?? [], setting.key]);
  }
  for (const [category, keys] of categories) {
    lines.push(`  # --- ${category} ${"-".repeat(Math.max(3, 72 - category.length))}`);
    for (const key of keys) lines.push(...entryLines(key, "  # "), "  #");
  }
  return `${lines.join("\n")}
`;
}
function renderLiveInventory(deployment, configured) {
  const lines = [...HEADER, ...deploymentLines(deployment, "")];
  lines.push(`# What ${deployment.url} reported configured. Put an owner from \`people\` in place of each ${OWNER_PLACEHOLDER};`);
  lines.push("# store the values you manage with `credledger set <id> --value-stdin` (those from the environment may stay there).");
  lines.push(configured.length === 0 ? "credentials: {}" : "credentials:");
  for (const entry of configured) {
    const from = entry.source === "db" ? "# DocuElevate holds it in its database" : "# DocuElevate takes it from its environment";
    lines.push(...entryLines(entry.key, "  ", findSetting(entry.key) === void 0 ? ["custom: true"] : []).map((line, index) => index === 0 ? `${line}   ${from}` : line));
  }
  return `${lines.join("\n")}
`;
}

export {
  displayDeploymentUrl,
  credentialsInUrl,
  OWNER_PLACEHOLDER,
  renderCatalogueInventory,
  renderLiveInventory
};
