import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  SourceLines,
  leadingSpaces
} from "./chunk-Q7IKDR6M.js";

// src/core/render-diagnostics.ts
var PLAIN_STYLE = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t };
var SHOWN_KEYS = /* @__PURE__ */ new Set([
  "version",
  "policy",
  "intervals",
  "due_soon",
  "people",
  "deployments",
  "credentials",
  "setting",
  "kind",
  "owner",
  "access",
  "issuer",
  "description",
  "created",
  "rotated",
  "every",
  "group",
  "custom",
  "compromised",
  "revoked",
  "left",
  "github",
  "email",
  "name",
  "url",
  "auth",
  "method",
  "username_env",
  "password_env",
  "token_env",
  "cookie_env",
  "api_key",
  "oauth_client_secret",
  "password",
  "admin_password",
  "private_key",
  "service_account",
  "token",
  "certificate"
]);
var KEYED_LINE = /^(\s*(?:-\s+)?)("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)(\s*:)(\s.*|)$/;
var REDACTED = "[redacted]";
var KIND_KEYS = /* @__PURE__ */ new Set(["api_key", "oauth_client_secret", "password", "admin_password", "private_key", "service_account", "token", "certificate"]);
var PERIOD = /^["']?\d{1,5}\s*(d|w|m|y|days?|weeks?|months?|years?)["']?\s*(#.*)?$/i;
var FLOW_SHOWN_KEYS = /* @__PURE__ */ new Set(["github", "email", "name", "left", "url", "method", "username_env", "password_env", "token_env", "cookie_env", "setting", "kind", "owner", "every", "created", "rotated", "issuer", "group"]);
var NAME_PARENTS = /* @__PURE__ */ new Set(["credentials", "people", "deployments", "intervals", "due_soon", "values"]);
var LIST_PARENTS = /* @__PURE__ */ new Set(["access", "deployments"]);
var AUTH_SHOWN_KEYS = /* @__PURE__ */ new Set(["method", "username_env", "password_env", "token_env", "cookie_env"]);
function sourceLinesOf(text) {
  return new SourceLines(text);
}
function keyOf(line) {
  const match = KEYED_LINE.exec(line);
  return match ? (match[2] ?? "").replace(/^["']|["']$/g, "").trim() : void 0;
}
function parentKeysOf(context) {
  const keys = [];
  if (leadingSpaces(context.lines.line(context.index) ?? "") === 0) return keys;
  for (let index = context.lines.parentOf(context.index); index >= 0; index = context.lines.parentOf(index)) {
    const line = context.lines.line(index) ?? "";
    keys.push(keyOf(line) ?? "-");
    if (leadingSpaces(line) === 0) break;
  }
  return keys;
}
function isShownFlowMapping(content) {
  if (!/^\{[^{}[\]]*\}\s*(#.*)?$/.test(content)) return false;
  const pairs = content.replace(/\s*(#.*)?$/, "").slice(1, -1).split(",").map((pair) => pair.trim()).filter(Boolean);
  return pairs.every((pair) => {
    const key = /^["']?([A-Za-z_]+)["']?\s*:/.exec(pair)?.[1];
    return key !== void 0 && FLOW_SHOWN_KEYS.has(key);
  });
}
function withoutUrlCredentials(line) {
  return line.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s'"@]*@/g, `$1${REDACTED}@`);
}
function redactSourceLine(line, context) {
  const parents = context === void 0 ? void 0 : parentKeysOf(context);
  const indentText = /^\s*/.exec(line)?.[0] ?? "";
  const whole = `${indentText}${REDACTED}`;
  const underValue = parents !== void 0 && (parents.slice(1).some((key2) => key2 === "value" || key2 === "values") || parents[0] === "value");
  const underAuth = parents !== void 0 && (parents[0] === "auth" || parents.slice(1).includes("auth"));
  if (line.trim() === "" || /^\s*#/.test(line)) return line;
  const listItem = /^\s*-\s*([A-Za-z0-9_.-]*)\s*$/.exec(line);
  if (listItem) return parents === void 0 || LIST_PARENTS.has(parents[0] ?? "") && !underValue && !underAuth ? line : whole;
  const match = KEYED_LINE.exec(line);
  if (!match) return whole;
  if (underValue || underAuth && parents?.[0] !== "auth") return whole;
  const [, indent = "", rawKey = "", colon = "", rest = ""] = match;
  const key = rawKey.replace(/^["']|["']$/g, "").trim();
  const content = rest.trim();
  const keyOnly = `${indent}${rawKey}${colon} ${REDACTED}`;
  if (parents !== void 0 && !SHOWN_KEYS.has(key) && key !== "value" && key !== "values" && !NAME_PARENTS.has(parents[0] ?? "") && !(parents[0] === "auth" && AUTH_SHOWN_KEYS.has(key))) return whole;
  if (/^\s*-/.test(line) && parents !== void 0 && !LIST_PARENTS.has(parents[0] ?? "")) return whole;
  if (content === "" || content.startsWith("#")) return line;
  if (parents?.[0] === "auth") return AUTH_SHOWN_KEYS.has(key) ? line : keyOnly;
  if (parents?.[0] === "values") return keyOnly;
  if (/\bvalues?\b/.test(content)) return keyOnly;
  if (KIND_KEYS.has(key)) return (parents === void 0 ? PERIOD.test(content) : parents[0] === "intervals" || parents[0] === "due_soon") && PERIOD.test(content) ? line : keyOnly;
  const flow = content.startsWith("{") || content.startsWith("[");
  if (flow && content.startsWith("{")) return isShownFlowMapping(content) ? withoutUrlCredentials(line) : keyOnly;
  if (flow) return (key === "access" || key === "deployments") && /^\[[A-Za-z0-9_.,\s-]*\]\s*(#.*)?$/.test(content) ? line : keyOnly;
  if (SHOWN_KEYS.has(key)) return key === "url" ? withoutUrlCredentials(line) : line;
  return keyOnly;
}
function renderDiagnosticsText(diagnostics, sourceLines, style = PLAIN_STYLE) {
  const blocks = diagnostics.map((diagnostic) => {
    const label = diagnostic.severity === "error" ? style.error("error") : style.warning("warning");
    const head = `${style.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${label} ${style.dim(`[${diagnostic.code}]`)} ${diagnostic.message}`;
    const original = sourceLines?.line(diagnostic.line - 1);
    if (sourceLines === void 0 || original === void 0) return head;
    const line = redactSourceLine(original, { lines: sourceLines, index: diagnostic.line - 1 });
    const gutter = String(diagnostic.line).padStart(4);
    const redacted = line !== original;
    const column = Math.min(diagnostic.column, line.length + 1);
    const width = redacted ? REDACTED.length : diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? Math.max(1, diagnostic.endColumn - diagnostic.column) : 1;
    const caretColumn = redacted && diagnostic.column > line.length - REDACTED.length ? line.length - REDACTED.length + 1 : column;
    const caret = `${" ".repeat(Math.max(0, caretColumn - 1))}${"^".repeat(Math.min(width, 60))}`;
    return `${head}
${style.dim(`${gutter} | `)}${line}
${style.dim(`${" ".repeat(gutter.length)} | `)}${diagnostic.severity === "error" ? style.error(caret) : style.warning(caret)}`;
  });
  return blocks.join("\n\n");
}
function summariseDiagnostics(diagnostics) {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
function escapeCommandData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeCommandProperty(text) {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderDiagnosticsGitHub(diagnostics) {
  return diagnostics.map((diagnostic) => {
    const properties = [
      `file=${escapeCommandProperty(diagnostic.file)}`,
      `line=${diagnostic.line}`,
      `col=${diagnostic.column}`,
      ...diagnostic.endLine ? [`endLine=${diagnostic.endLine}`] : [],
      ...diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? [`endColumn=${diagnostic.endColumn}`] : [],
      `title=${escapeCommandProperty(diagnostic.code)}`
    ].join(",");
    return `::${diagnostic.severity} ${properties}::${escapeCommandData(diagnostic.message)}`;
  }).join("\n");
}

export {
  PLAIN_STYLE,
  sourceLinesOf,
  renderDiagnosticsText,
  summariseDiagnostics,
  renderDiagnosticsGitHub
};
