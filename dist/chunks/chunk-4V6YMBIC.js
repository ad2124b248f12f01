import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

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
function redactSourceLine(line) {
  const match = KEYED_LINE.exec(line);
  if (!match) return line.trim() === "" || /^\s*#/.test(line) || /^\s*-\s*[A-Za-z0-9_.-]*\s*$/.test(line) ? line : `${/^\s*/.exec(line)?.[0] ?? ""}${REDACTED}`;
  const [, indent = "", rawKey = "", colon = "", rest = ""] = match;
  const key = rawKey.replace(/^["']|["']$/g, "").trim();
  const content = rest.trim();
  if (content === "" || content.startsWith("#")) return line;
  const flow = content.startsWith("{") || content.startsWith("[");
  if (SHOWN_KEYS.has(key) && !/\bvalues?\b/.test(content)) return line;
  if (flow && !/\bvalues?\b/.test(content) && !SHOWN_KEYS.has(key) && /^[A-Za-z0-9_.-]+$/.test(key) && /^\{[^}]*\b(github|url|email|name|left|method)\b/.test(content)) return line;
  return `${indent}${rawKey}${colon} ${REDACTED}`;
}
function renderDiagnosticsText(diagnostics, sourceLines, style = PLAIN_STYLE) {
  const blocks = diagnostics.map((diagnostic) => {
    const label = diagnostic.severity === "error" ? style.error("error") : style.warning("warning");
    const head = `${style.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${label} ${style.dim(`[${diagnostic.code}]`)} ${diagnostic.message}`;
    const original = sourceLines[diagnostic.line - 1];
    if (original === void 0) return head;
    const line = redactSourceLine(original);
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
  renderDiagnosticsText,
  summariseDiagnostics,
  renderDiagnosticsGitHub
};
