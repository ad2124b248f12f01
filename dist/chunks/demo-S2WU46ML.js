import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  DEMO_DAY
} from "./chunk-KXEOXOXY.js";
import {
  setCredentialValue
} from "./chunk-DBPKLHWZ.js";
import "./chunk-U23GFO32.js";
import {
  editYamlScalars
} from "./chunk-V2QDFDXZ.js";
import {
  applyCollaborators
} from "./chunk-TPZHUIFA.js";
import {
  reportStatus
} from "./chunk-LPSRPXIZ.js";
import "./chunk-3M2UOIA3.js";
import {
  createGitScratchRepository,
  openInventoryRevisions
} from "./chunk-3A33JCZ4.js";
import "./chunk-JZLL5276.js";
import "./chunk-P4FUDGKZ.js";
import {
  planInventoryChange
} from "./chunk-V3XCU5XO.js";
import "./chunk-L4POFTLE.js";
import {
  applyInventory
} from "./chunk-STFIPIQK.js";
import {
  assessApplyReport
} from "./chunk-RDARU6O6.js";
import "./chunk-CZZLUCIX.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-LKPYZ5YL.js";
import {
  listDesiredState
} from "./chunk-SRZ2AMBU.js";
import "./chunk-45NTUV52.js";
import {
  maskSensitiveValue,
  showSettingValue
} from "./chunk-CNNKQI7J.js";
import {
  validateInventory
} from "./chunk-WFLWHUAI.js";
import "./chunk-DKTHFQQM.js";
import {
  loadKeyRing
} from "./chunk-ZS6E5BZH.js";
import {
  openSealedValue
} from "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import {
  SecretValue
} from "./chunk-NTY5ZNUX.js";
import {
  loadInventoryFile,
  readInventoryText
} from "./chunk-2DIQPP6S.js";
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import {
  laterDate,
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import {
  findCredential,
  listValuePlaces
} from "./chunk-X75H72PA.js";
import {
  ADMIN_PASSWORD_SETTING,
  DOCUELEVATE_SETTINGS
} from "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/demo/demo.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// src/devserver/docuelevate-server.ts
import { randomBytes, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
import { createServer } from "node:http";

// src/devserver/docuelevate-pages.ts
function renderLoginPage(page) {
  const notices = [
    page.error === null ? "" : `<div class="alert alert-error">${escapeHtml(page.error)}</div>`,
    page.message === null ? "" : `<div class="alert alert-info">${escapeHtml(page.message)}</div>`
  ].join("");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Login - DocuElevate</title>
</head>
<body>
<main class="login">
<h1>Sign in to DocuElevate</h1>
${notices}
<form method="post" action="/auth">
<input type="hidden" name="csrf_token" value="${escapeHtml(page.csrfToken)}">
<label>Username <input type="text" name="username" autocomplete="username" required></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}
function renderMainLayoutPage(page) {
  const account = page.userName === null ? '<a href="/login">Login</a>' : `${escapeHtml(page.userName)} <a href="/logout">Logout</a>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="csrf-token" content="${escapeHtml(page.csrfToken)}">
<title>${escapeHtml(page.title)} - DocuElevate</title>
</head>
<body>
<nav><a href="/upload">Upload</a> <a href="/settings">Settings</a> <span class="account">${account}</span></nav>
<main><h1>${escapeHtml(page.title)}</h1></main>
</body>
</html>
`;
}
function escapeHtml(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

// src/devserver/fastapi-validation.ts
function parseJsonRequestBody(raw, contentType) {
  if (raw.length === 0) {
    return { kind: "absent" };
  }
  const text = raw.toString("utf8");
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const isJson = mediaType === "" || mediaType === "application/json" || /^application\/[^/]*\+json$/.test(mediaType);
  if (!isJson) {
    return { kind: "text", value: text };
  }
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    return {
      kind: "invalid",
      issues: [
        {
          type: "json_invalid",
          loc: ["body", position ? Number(position[1]) : 0],
          msg: "JSON decode error",
          input: {},
          ctx: { error: "Expecting value" }
        }
      ]
    };
  }
}
function validateStringModel(body, fields) {
  if (body.kind === "invalid") {
    return { ok: false, issues: body.issues };
  }
  if (body.kind === "absent") {
    return { ok: false, issues: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] };
  }
  const input = body.value;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        {
          type: "model_attributes_type",
          loc: ["body"],
          msg: "Input should be a valid dictionary or object to extract fields from",
          input
        }
      ]
    };
  }
  const record = input;
  const issues = [];
  const values = {};
  for (const field of fields) {
    const present = Object.hasOwn(record, field.name);
    const value = record[field.name];
    if (!present) {
      if (field.required) {
        issues.push({ type: "missing", loc: ["body", field.name], msg: "Field required", input: record });
      } else {
        values[field.name] = null;
      }
    } else if (typeof value === "string" || value === null && !field.required) {
      values[field.name] = value;
    } else {
      issues.push({ type: "string_type", loc: ["body", field.name], msg: "Input should be a valid string", input: value });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, fields: values };
}
function parseIntegerParameter(text, loc) {
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) {
    return { ok: true, value: Number(trimmed) };
  }
  return {
    ok: false,
    issue: {
      type: "int_parsing",
      loc,
      msg: "Input should be a valid integer, unable to parse string as an integer",
      input: text
    }
  };
}

// src/devserver/fault-plan.ts
var FAULT_KINDS = Object.freeze(["500", "502", "503", "504", "429", "drop", "slow"]);
function createFaultPlan(options) {
  const kinds = options.kinds ?? FAULT_KINDS;
  if (!Number.isInteger(options.seed)) {
    throw new RangeError("fault seed must be an integer");
  }
  if (!(options.rate >= 0 && options.rate <= 1)) {
    throw new RangeError("fault rate must be between 0 and 1");
  }
  if (kinds.length === 0 || kinds.some((kind) => !FAULT_KINDS.includes(kind))) {
    throw new RangeError(`fault kinds must be a non-empty subset of ${FAULT_KINDS.join(", ")}`);
  }
  const random = createMulberry32(options.seed);
  return {
    next() {
      const hit = random();
      const pick = random();
      const phaseDraw = random();
      if (hit >= options.rate) {
        return null;
      }
      const kind = kinds[Math.floor(pick * kinds.length)];
      const canHitAfter = kind === "drop" || kind === "504";
      return { kind, phase: canHitAfter && phaseDraw < 0.5 ? "after" : "before" };
    }
  };
}
function createMulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function losesWrite(lost, key) {
  return lost !== void 0 && lost.keys.includes(key);
}
var ECHO_MODES = Object.freeze(["detail-400", "detail-500", "html-502", "validation-422", "forbidden-403", "auth-400", "auth-redirect"]);
function receivedSecrets(request) {
  const secrets = [];
  const header = (name) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  for (const name of ["authorization", "cookie", "x-csrf-token"]) {
    const value = header(name);
    if (value) secrets.push(value);
  }
  if (request.body !== "") {
    secrets.push(request.body);
    try {
      const parsed = JSON.parse(request.body);
      for (const value of Object.values(parsed)) if (typeof value === "string") secrets.push(value);
    } catch {
      for (const [, value] of new URLSearchParams(request.body)) secrets.push(value);
    }
  }
  return secrets;
}
function echoesOf(secrets) {
  return secrets.flatMap((secret) => [secret, encodeURIComponent(secret), Buffer.from(secret, "utf8").toString("base64"), secret.slice(1, -1)]).join(" | ");
}
function planEchoAnswer(mode, request) {
  const isLogin = request.method === "POST" && request.path === "/auth";
  if ((mode === "auth-400" || mode === "auth-redirect") !== isLogin) return null;
  if (!isLogin && !request.path.startsWith("/api/")) return null;
  const secrets = receivedSecrets(request);
  const echo = echoesOf(secrets);
  const json = (status, detail) => ({ status, contentType: "application/json", body: JSON.stringify({ detail }) });
  switch (mode) {
    case "detail-400":
      return json(400, `Invalid request: ${echo}`);
    case "detail-500":
      return json(500, `Failed to update setting: ${echo}`);
    case "html-502":
      return { status: 502, contentType: "text/html", body: `<html><body><h1>502 Bad Gateway</h1><pre>${echo}</pre></body></html>` };
    case "validation-422":
      return json(
        422,
        secrets.map((secret) => ({ type: "value_error", loc: ["body", secret], msg: `Value error, ${secret} is not valid`, input: secret }))
      );
    case "forbidden-403":
      return json(403, `Token not allowed: ${echo}`);
    case "auth-400":
      return json(400, `Invalid form: ${echo}`);
    case "auth-redirect": {
      const password = new URLSearchParams(request.body).get("password") ?? "";
      return { status: 302, location: `/login?error=${encodeURIComponent(`Wrong password ${password}`)}`, body: "" };
    }
  }
}

// src/devserver/session-cookie.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
function encodeSessionCookie(session, secret, issuedAtSeconds) {
  const payload = Buffer.from(JSON.stringify(session), "utf8").toString("base64url");
  const signed = `${payload}.${issuedAtSeconds}`;
  return `${signed}.${signSessionPayload(signed, secret)}`;
}
function decodeSessionCookie(cookie, secret, nowSeconds) {
  const parts = cookie.split(".");
  if (parts.length !== 3) {
    return void 0;
  }
  const [payload, issuedAt, signature] = parts;
  const expected = Buffer.from(signSessionPayload(`${payload}.${issuedAt}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return void 0;
  }
  if (!/^\d+$/.test(issuedAt) || nowSeconds - Number(issuedAt) > SESSION_MAX_AGE_SECONDS) {
    return void 0;
  }
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function signSessionPayload(signed, secret) {
  return createHmac("sha256", secret).update(signed).digest("base64url");
}

// src/devserver/docuelevate-server.ts
var STATE_CHANGING_METHODS = /* @__PURE__ */ new Set(["POST", "PUT", "DELETE", "PATCH"]);
var MAX_BODY_BYTES = 1024 * 1024;
var DECRYPTION_FAILED = "[DECRYPTION FAILED]";
var DEFAULT_DATABASE_URL = "sqlite:////workdir/db/database.db";
var SETTING_DEFAULTS = { redis_url: "redis://redis:6379/0" };
var SETTING_KEY_FORMAT = /^[a-zA-Z][a-zA-Z0-9_]{0,127}\n?$/;
var SETTING_UPDATE_MODEL = [
  { name: "key", required: true },
  { name: "value", required: false }
];
var VALUE_UPDATE_MODEL = [{ name: "value", required: false }];
var PROXY_REASONS = {
  "429": "Too Many Requests",
  "502": "Bad Gateway",
  "503": "Service Temporarily Unavailable",
  "504": "Gateway Time-out"
};
var DocuElevateApp = class {
  constructor(options) {
    this.options = options;
    this.settings = new Map((options.catalogue ?? DOCUELEVATE_SETTINGS).map((setting) => [setting.key, setting]));
    this.clock = options.clock ?? (() => /* @__PURE__ */ new Date());
    this.sessionSecret = options.sessionSecret ?? randomBytes(32).toString("hex");
    this.sessionSecretPrevious = options.sessionSecretPrevious ?? null;
    this.adminPassword = options.adminPassword ?? "";
    this.env = new Map(Object.entries(options.envValues ?? {}));
    for (const [key, value] of Object.entries(options.initialDbValues ?? {})) {
      if (!this.settings.has(key)) {
        throw new RangeError(`initialDbValues: '${key}' is not in the catalogue`);
      }
      this.db.set(key, { value, secret: this.sessionSecret });
    }
    this.loadRunningSettings();
    this.routes = this.declareRoutes();
  }
  options;
  requests = [];
  successfulLogins = 0;
  settings;
  db = /* @__PURE__ */ new Map();
  audit = [];
  routes;
  clock;
  sessionSecret;
  sessionSecretPrevious;
  adminPassword;
  env;
  /** DocuElevate's in-memory settings: loaded at start, changed by every write, untouched by a DELETE. */
  running = /* @__PURE__ */ new Map();
  /** What DocuElevate does at start-up: defaults, then the environment, then every database row over them. */
  loadRunningSettings() {
    const environment = new Map([
      ...Object.entries(SETTING_DEFAULTS),
      ["database_url", this.options.databaseUrl ?? DEFAULT_DATABASE_URL],
      ...this.authEnabled ? [["session_secret", this.sessionSecret]] : [],
      ...this.authEnabled && this.adminPassword !== "" ? [["admin_password", this.adminPassword]] : [],
      ...this.env
    ]);
    this.running = new Map([...environment].filter(([key]) => this.settings.has(key)));
    for (const key of this.db.keys()) {
      if (this.settings.get(key)?.environmentOnly) continue;
      this.running.set(key, this.storedValue(key) ?? null);
    }
  }
  runningValue(key) {
    return this.running.get(key) ?? null;
  }
  get authEnabled() {
    return this.options.authEnabled ?? true;
  }
  /** Records a request's arrival; the entry is completed as the request proceeds. */
  openLogEntry(method, path2) {
    const entry = { seq: this.requests.length + 1, method, path: path2, status: null, fault: null, committed: false };
    this.requests.push(entry);
    return entry;
  }
  storedValue(key) {
    const row = this.db.get(key);
    if (row === void 0) {
      return void 0;
    }
    const readable = row.value === null || row.value === "" || row.secret === this.sessionSecret || row.secret === this.sessionSecretPrevious;
    return readable ? row.value : DECRYPTION_FAILED;
  }
  dbKeys() {
    return [...this.db.keys()].sort();
  }
  auditEntries(key) {
    return this.audit.filter((record) => key === void 0 || record.key === key).sort((a, b) => a.changedAt === b.changedAt ? a.id - b.id : a.changedAt < b.changedAt ? 1 : -1).map((record) => {
      const sensitive = this.isSensitive(record.key);
      const redact = (value) => sensitive && value ? "[REDACTED]" : value;
      return {
        id: record.id,
        key: record.key,
        old_value: redact(record.oldValue),
        new_value: redact(record.newValue),
        changed_by: record.changedBy,
        changed_at: record.changedAt,
        action: record.action
      };
    });
  }
  restart(options) {
    if (options.sessionSecret !== void 0) {
      this.sessionSecret = options.sessionSecret;
    }
    if (options.sessionSecretPrevious !== void 0) {
      this.sessionSecretPrevious = options.sessionSecretPrevious;
    }
    if (options.envValues !== void 0) {
      this.env = new Map(Object.entries(options.envValues));
    }
    if (options.adminPassword !== void 0) {
      this.adminPassword = options.adminPassword;
    }
    this.loadRunningSettings();
  }
  /** Answers one request: session and CSRF middleware, then routing. */
  handle(ctx) {
    const cookie = readCookie(ctx.headers.cookie, "session");
    const loaded = cookie === void 0 ? void 0 : decodeSessionCookie(cookie, this.sessionSecret, this.nowSeconds());
    ctx.session = loaded ?? {};
    const hadSession = Object.keys(ctx.session).length > 0;
    const answer = this.applyCsrfThenRoute(ctx);
    return this.attachSessionCookie(answer, ctx.session, hadSession);
  }
  /** The answer of an injected 500: DocuElevate's own "save failed" for writes, Starlette's plain error otherwise. */
  answerInternalError(method, path2) {
    const key = /^\/api\/settings\/([^/]+)$/.exec(path2)?.[1];
    if (key !== void 0 && (method === "POST" || method === "PUT")) {
      return jsonAnswer(500, { detail: `Failed to update setting: ${key}` });
    }
    if (key !== void 0 && method === "DELETE") {
      return jsonAnswer(500, { detail: `Failed to delete setting: ${key}` });
    }
    return textAnswer(500, "Internal Server Error", "text/plain; charset=utf-8");
  }
  applyCsrfThenRoute(ctx) {
    if (this.authEnabled) {
      ctx.session.csrf_token ??= randomBytes(32).toString("hex");
      const bearerExempt = bearerTokenOf(ctx.headers) !== void 0;
      if (STATE_CHANGING_METHODS.has(ctx.method) && !bearerExempt && !this.hasValidCsrfToken(ctx, ctx.session.csrf_token)) {
        return ctx.path.startsWith("/api/") ? jsonAnswer(403, { detail: "CSRF token missing or invalid" }) : redirectAnswer("/login?error=Invalid+request");
      }
    }
    return this.route(ctx);
  }
  hasValidCsrfToken(ctx, expected) {
    let submitted = headerValue(ctx.headers, "x-csrf-token");
    if (!submitted && isFormEncoded(ctx.headers)) {
      submitted = new URLSearchParams(ctx.body.toString("utf8")).get("csrf_token") ?? void 0;
    }
    return submitted !== void 0 && submitted !== "" && equalInConstantTime(submitted, expected);
  }
  route(ctx) {
    const method = ctx.method === "HEAD" ? "GET" : ctx.method;
    let partial;
    for (const route of this.routes) {
      const match = route.pattern.exec(ctx.path);
      if (match === null) {
        continue;
      }
      if (route.methods.includes(method)) {
        const params = Object.fromEntries(route.paramNames.map((name, index) => [name, match[index + 1] ?? ""]));
        return route.handle(ctx, params);
      }
      partial ??= route;
    }
    if (partial !== void 0) {
      const allow = partial.methods.includes("GET") ? [...partial.methods, "HEAD"] : partial.methods;
      return jsonAnswer(405, { detail: "Method Not Allowed" }, { allow: allow.join(", ") });
    }
    if (ctx.path !== "/") {
      const toggled = ctx.path.endsWith("/") ? ctx.path.slice(0, -1) : `${ctx.path}/`;
      if (this.routes.some((route) => route.pattern.test(toggled))) {
        const host = headerValue(ctx.headers, "host") ?? "localhost";
        const query = ctx.query.toString();
        return redirectAnswer(`http://${host}${encodeURI(toggled)}${query === "" ? "" : `?${query}`}`, 307);
      }
    }
    return jsonAnswer(404, { detail: "Not Found" });
  }
  declareRoutes() {
    const routes = [declareRoute(["GET"], "/", (ctx) => this.showMainPage(ctx, "DocuElevate", false))];
    if (this.authEnabled) {
      routes.push(
        declareRoute(["GET"], "/login", (ctx) => this.showLoginPage(ctx)),
        declareRoute(["POST"], "/auth", (ctx) => this.logIn(ctx)),
        declareRoute(["GET"], "/logout", (ctx) => this.logOut(ctx))
      );
    }
    routes.push(
      declareRoute(["GET"], "/upload", (ctx) => this.showMainPage(ctx, "Upload", true)),
      declareRoute(["GET"], "/onboarding", (ctx) => this.showMainPage(ctx, "Welcome to DocuElevate", true)),
      declareRoute(["GET"], "/settings", (ctx) => this.showMainPage(ctx, "Settings", true)),
      declareRoute(["GET"], "/api/auth/whoami", (ctx) => this.answerWhoami(ctx)),
      // The settings router, in DocuElevate's declaration order: the first matching route wins.
      declareRoute(["GET"], "/api/settings/", (ctx) => this.asAdmin(ctx, () => this.listSettings())),
      declareRoute(["GET"], "/api/settings/credentials", (ctx) => this.asAdmin(ctx, () => this.listCredentials())),
      declareRoute(["GET"], "/api/settings/audit-log", (ctx) => this.asAdmin(ctx, () => this.listAuditLog(ctx))),
      declareRoute(["GET"], "/api/settings/export-env", (ctx) => this.asAdmin(ctx, () => this.exportEnv(ctx))),
      declareRoute(["GET"], "/api/settings/{key}", (ctx, p) => this.asAdmin(ctx, () => this.getSetting(p.key ?? ""))),
      declareRoute(["POST"], "/api/settings/{key}", (ctx, p) => this.writeSetting(ctx, p.key ?? "", SETTING_UPDATE_MODEL)),
      declareRoute(["PUT"], "/api/settings/{key}", (ctx, p) => this.writeSetting(ctx, p.key ?? "", VALUE_UPDATE_MODEL)),
      declareRoute(["DELETE"], "/api/settings/{key}", (ctx, p) => this.asAdmin(ctx, (user) => this.deleteSetting(ctx, p.key ?? "", user))),
      // Never reached: POST /{key} above matches first, which is the quirk clients must survive.
      declareRoute(["POST"], "/api/settings/bulk-update", () => jsonAnswer(500, { detail: "unreachable" })),
      declareRoute(["GET"], "/api/settings/{key}/history", (ctx, p) => this.asAdmin(ctx, () => this.showHistory(p.key ?? ""))),
      declareRoute(
        ["POST"],
        "/api/settings/{key}/rollback/{history_id}",
        (ctx, p) => this.asAdmin(ctx, (user) => this.rollBack(ctx, p.key ?? "", p.history_id ?? "", user))
      )
    );
    return routes;
  }
  // ---- pages and authentication ----
  showLoginPage(ctx) {
    const page = renderLoginPage({
      csrfToken: ctx.session.csrf_token ?? "",
      error: ctx.query.get("error"),
      message: ctx.query.get("message")
    });
    return textAnswer(200, page, "text/html; charset=utf-8");
  }
  showMainPage(ctx, title, loginRequired) {
    if (loginRequired && this.authEnabled && ctx.session.user === void 0) {
      const host = headerValue(ctx.headers, "host") ?? "localhost";
      ctx.session.redirect_after_login = `http://${host}${ctx.path}`;
      return redirectAnswer("/login");
    }
    const userName = ctx.session.user?.preferred_username ?? null;
    return textAnswer(200, renderMainLayoutPage({ title, csrfToken: ctx.session.csrf_token ?? "", userName }), "text/html; charset=utf-8");
  }
  logIn(ctx) {
    const form = isFormEncoded(ctx.headers) ? new URLSearchParams(ctx.body.toString("utf8")) : new URLSearchParams();
    const username = form.get("username") ?? "";
    const password = form.get("password") ?? "";
    const adminUsername = this.options.adminUsername ?? "";
    const adminPassword = this.runningValue("admin_password") ?? "";
    const accepted = adminUsername !== "" && adminPassword !== "" && username.toLowerCase() === adminUsername.toLowerCase() && equalInConstantTime(password, adminPassword);
    if (!accepted) {
      return redirectAnswer("/login?error=Invalid+username+or+password");
    }
    ctx.session.user = {
      id: "admin",
      name: "Administrator",
      email: `${adminUsername}@local.docuelevate`,
      preferred_username: adminUsername,
      picture: "/static/images/default-avatar.svg",
      is_admin: true
    };
    this.successfulLogins += 1;
    ctx.session.post_onboarding_redirect = ctx.session.redirect_after_login ?? "/upload";
    delete ctx.session.redirect_after_login;
    return redirectAnswer("/onboarding");
  }
  logOut(ctx) {
    delete ctx.session.user;
    return redirectAnswer("/login?message=You+have+been+logged+out+successfully");
  }
  answerWhoami(ctx) {
    const user = ctx.session.user ?? this.bearerUser(ctx);
    if (user === void 0) {
      return jsonAnswer(this.authEnabled ? 401 : 200, { error: "Not authenticated" });
    }
    return jsonAnswer(200, user);
  }
  bearerUser(ctx) {
    const token = bearerTokenOf(ctx.headers);
    if (token === void 0) {
      return void 0;
    }
    const isAdmin = (this.options.adminApiTokens ?? []).some((known) => equalInConstantTime(token, known));
    const isUser = (this.options.apiTokens ?? []).some((known) => equalInConstantTime(token, known));
    if (!isAdmin && !isUser) {
      return void 0;
    }
    const owner = isAdmin ? "api-admin" : "api-user";
    return { id: owner, email: owner, preferred_username: owner, is_admin: isAdmin };
  }
  /** DocuElevate's `require_admin` dependency: the session's user (or an admin token) must be an admin. */
  asAdmin(ctx, run) {
    const user = this.authEnabled ? ctx.session.user?.is_admin ? ctx.session.user : this.bearerUser(ctx) : void 0;
    if (user === void 0 || !user.is_admin) {
      return jsonAnswer(403, { detail: "Admin access required" });
    }
    return run(user);
  }
  // ---- the settings API ----
  listSettings() {
    const settings = {};
    const categories = {};
    for (const setting of this.settings.values()) {
      settings[setting.key] = { value: this.showValue(setting.key, this.running.get(setting.key)), metadata: this.metadataOf(setting.key) };
      (categories[setting.category] ??= []).push(setting.key);
    }
    const dbSettings = {};
    for (const key of this.db.keys()) {
      dbSettings[key] = this.presentValue(key, this.storedValue(key) ?? null);
    }
    return jsonAnswer(200, { settings, categories, db_settings: dbSettings });
  }
  listCredentials() {
    const credentials = [...this.settings.values()].filter((setting) => this.isSensitive(setting.key)).map((setting) => {
      const source = this.storedValue(setting.key) ? "db" : this.isPythonTrue(setting.key, this.running.get(setting.key)) ? "env" : null;
      return {
        key: setting.key,
        category: setting.category,
        description: this.describe(setting),
        configured: source !== null,
        source,
        restart_required: setting.restartRequired
      };
    });
    const configuredCount = credentials.filter((credential) => credential.configured).length;
    return jsonAnswer(200, {
      credentials,
      total: credentials.length,
      configured_count: configuredCount,
      unconfigured_count: credentials.length - configuredCount
    });
  }
  listAuditLog(ctx) {
    const limit = parseIntegerParameter(ctx.query.get("limit") ?? "100", ["query", "limit"]);
    const offset = parseIntegerParameter(ctx.query.get("offset") ?? "0", ["query", "offset"]);
    const issues = [limit, offset].flatMap((parsed) => parsed.ok ? [] : [parsed.issue]);
    if (!limit.ok || !offset.ok) {
      return validationFailure(issues);
    }
    const start = Math.max(0, offset.value);
    const entries = this.auditEntries().slice(start, start + Math.max(0, limit.value));
    return jsonAnswer(200, { entries, limit: limit.value, offset: offset.value });
  }
  exportEnv(ctx) {
    const source = ctx.query.get("source") ?? "db";
    if (source !== "db" && source !== "effective") {
      return jsonAnswer(400, { detail: "source must be 'db' or 'effective'" });
    }
    const keys = source === "db" ? this.dbKeys() : [...this.settings.keys()].sort();
    const lines = [
      "# DocuElevate configuration export",
      `# Source: ${source}`,
      "# Generated by DocuElevate Settings Export",
      "# WARNING: This file contains sensitive values. Handle with care.",
      ""
    ];
    for (const key of keys) {
      const value = source === "db" ? this.storedValue(key) ?? null : this.running.get(key) ?? null;
      if (value !== null) {
        lines.push(`${key.toUpperCase()}=${this.presentValue(key, value) ?? ""}`);
      }
    }
    lines.push("");
    return {
      status: 200,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="docuelevate-${source}.env"`
      },
      body: lines.join("\n")
    };
  }
  getSetting(key) {
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: "Invalid setting key format" });
    }
    return jsonAnswer(200, { key, value: this.showValue(key, this.running.get(key)), metadata: this.metadataOf(key) });
  }
  writeSetting(ctx, key, model) {
    const body = parseJsonRequestBody(ctx.body, headerValue(ctx.headers, "content-type"));
    if (body.kind === "invalid") {
      return validationFailure(body.issues);
    }
    return this.asAdmin(ctx, (user) => {
      const validation = validateStringModel(body, model);
      if (!validation.ok) {
        return validationFailure(validation.issues);
      }
      const rejected = this.checkKnownKey(key);
      if (rejected !== void 0) {
        return rejected;
      }
      const setting = this.settings.get(key);
      const value = validation.fields.value ?? null;
      if (value !== null) {
        const problem = this.checkValue(setting, value);
        if (problem !== void 0) {
          return jsonAnswer(400, { detail: problem });
        }
      }
      if (!losesWrite(this.options.lostWrites, key)) this.saveToDb(ctx, key, value, changedByOf(user));
      return jsonAnswer(200, {
        success: true,
        message: `Setting '${key}' updated successfully`,
        restart_required: setting.restartRequired,
        key,
        value: this.presentValue(key, value)
      });
    });
  }
  deleteSetting(ctx, key, user) {
    const rejected = this.checkKnownKey(key);
    if (rejected !== void 0) {
      return rejected;
    }
    if (!this.removeFromDb(ctx, key, changedByOf(user))) {
      return jsonAnswer(404, { detail: `Setting '${key}' not found in database` });
    }
    return jsonAnswer(200, {
      success: true,
      message: `Setting '${key}' deleted from database (will use environment variable or default)`
    });
  }
  showHistory(key) {
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: "Invalid setting key format" });
    }
    return jsonAnswer(200, { key, history: this.auditEntries(key) });
  }
  rollBack(ctx, key, historyIdText, user) {
    const historyId = parseIntegerParameter(historyIdText, ["path", "history_id"]);
    if (!historyId.ok) {
      return validationFailure([historyId.issue]);
    }
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: "Invalid setting key format" });
    }
    const entry = this.audit.find((record) => record.id === historyId.value && record.key === key);
    const notFound = jsonAnswer(404, { detail: `History entry ${historyId.value} not found for setting '${key}'` });
    if (entry === void 0) {
      return notFound;
    }
    if (entry.oldValue === null) {
      if (!this.removeFromDb(ctx, key, changedByOf(user))) {
        return notFound;
      }
    } else {
      this.saveToDb(ctx, key, entry.oldValue, changedByOf(user));
    }
    return jsonAnswer(200, { success: true, message: `Setting '${key}' rolled back to history entry ${historyId.value}` });
  }
  // ---- the settings database ----
  checkKnownKey(key) {
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: "Invalid setting key format" });
    }
    if (!this.settings.has(key)) {
      return jsonAnswer(404, { detail: `Setting '${key}' not found` });
    }
    return void 0;
  }
  checkValue(setting, value) {
    if (setting.environmentOnly) {
      return `${setting.key} must be configured through the deployment secret`;
    }
    if (setting.required && value === "") {
      return `${setting.key} is required`;
    }
    if (setting.key === "session_secret" && value !== "" && Array.from(value).length < 32) {
      return `${setting.key} must be at least 32 characters`;
    }
    return void 0;
  }
  saveToDb(ctx, key, value, changedBy) {
    const oldValue = this.storedValue(key) ?? null;
    this.db.set(key, { value, secret: this.sessionSecret });
    this.recordChange(key, oldValue, value, changedBy, "update");
    this.running.set(key, value);
    ctx.log.committed = true;
  }
  /** Deletes the row; the running process keeps the value until it restarts (the reload only applies rows that exist). */
  removeFromDb(ctx, key, changedBy) {
    const oldValue = this.storedValue(key);
    if (oldValue === void 0) {
      return false;
    }
    this.db.delete(key);
    this.recordChange(key, oldValue, null, changedBy, "delete");
    ctx.log.committed = true;
    return true;
  }
  recordChange(key, oldValue, newValue, changedBy, action) {
    const id = this.audit.length + 1;
    this.audit.push({ id, key, oldValue, newValue, changedBy, changedAt: this.clock().toISOString().slice(0, 19), action });
  }
  /** A value as a POST answer shows it: the string as sent, masked when sensitive. */
  presentValue(key, value) {
    return this.redact(key, value);
  }
  /**
   * A running value as `GET /api/settings/{key}` shows it: Python's str() of the parsed setting (a list
   * reads `['a', 'b']`, a boolean `True`), masked when sensitive. Unset settings read `""` (`[]` for a list).
   * @param masked false for the text before masking
   */
  showValue(key, value, masked = true) {
    const setting = this.settings.get(key);
    if (setting === void 0 || value === null) {
      return null;
    }
    const shown = showSettingValue(setting.type, value ?? "");
    return masked ? this.redact(key, shown) : shown;
  }
  /** Whether Python's truth test passes for the parsed setting: not unset, not empty, not an empty list, not False or 0. */
  isPythonTrue(key, value) {
    const shown = this.showValue(key, value, false);
    return shown !== null && !["", "[]", "False", "0"].includes(shown);
  }
  /** DocuElevate's redaction: an empty value stays empty; any other sensitive value is masked. */
  redact(key, value) {
    return value !== null && value !== "" && this.isSensitive(key) ? maskSensitiveValue(value) : value;
  }
  isSensitive(key) {
    const setting = this.settings.get(key);
    return setting !== void 0 && setting.sensitive !== false;
  }
  metadataOf(key) {
    const setting = this.settings.get(key);
    if (setting === void 0) {
      return { category: "Other", description: `Setting: ${key}`, type: "string", sensitive: false, required: false, restart_required: false };
    }
    return {
      category: setting.category,
      description: this.describe(setting),
      type: setting.type,
      sensitive: setting.sensitive !== false,
      required: setting.required,
      restart_required: setting.restartRequired,
      // DocuElevate's metadata carries the flag only where it is true.
      ...setting.environmentOnly ? { environment_only: true } : {}
    };
  }
  describe(setting) {
    return setting.description ?? `${setting.category}: ${setting.key.replaceAll("_", " ")}`;
  }
  attachSessionCookie(answer, session, hadSession) {
    if (Object.keys(session).length > 0) {
      const cookie = encodeSessionCookie(session, this.sessionSecret, this.nowSeconds());
      return withHeader(answer, "set-cookie", `session=${cookie}; path=/; Max-Age=${SESSION_MAX_AGE_SECONDS}; httponly; samesite=lax`);
    }
    if (hadSession) {
      return withHeader(answer, "set-cookie", "session=null; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; httponly; samesite=lax");
    }
    return answer;
  }
  nowSeconds() {
    return Math.floor(this.clock().getTime() / 1e3);
  }
};
async function startDocuElevateServer(options = {}) {
  const app = new DocuElevateApp(options);
  let faults = options.faults === void 0 ? void 0 : { options: options.faults, plan: createFaultPlan(options.faults) };
  const pendingDelays = /* @__PURE__ */ new Set();
  let closing = false;
  const waitFor = (ms) => new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      pendingDelays.delete(finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    pendingDelays.add(finish);
  });
  const serve = async (request, response) => {
    const method = (request.method ?? "GET").toUpperCase();
    const rawUrl = request.url ?? "/";
    const log = app.openLogEntry(method, rawUrl);
    const [rawPath = "/", rawQuery = ""] = rawUrl.split(/\?(.*)/s, 2);
    const path2 = decodePath(rawPath);
    const active = faults;
    const fault = active !== void 0 && path2.startsWith("/api/") ? active.plan.next() : null;
    log.fault = fault?.kind ?? null;
    if (fault?.kind === "drop" && fault.phase === "before") {
      request.socket.destroy();
      return;
    }
    const body = await readBody(request);
    if (fault?.kind === "slow") {
      await waitFor(active?.options.slowMs ?? 1e3);
    }
    if (closing) {
      return;
    }
    if (body === void 0) {
      send(response, log, jsonAnswer(413, { detail: "Request body too large" }));
      return;
    }
    if (fault !== null && fault.phase === "before" && fault.kind !== "slow") {
      const answer2 = fault.kind === "500" ? app.answerInternalError(method, path2) : answerAsProxy(fault.kind, active?.options.retryAfterSeconds ?? 1);
      send(response, log, answer2);
      return;
    }
    const echoed = options.echo === void 0 ? null : planEchoAnswer(options.echo, { method, path: path2, body: body.toString("utf8"), headers: request.headers });
    if (echoed !== null) {
      const headers = {};
      if (echoed.contentType !== void 0) headers["content-type"] = echoed.contentType;
      if (echoed.location !== void 0) headers.location = echoed.location;
      send(response, log, { status: echoed.status, headers, body: echoed.body });
      return;
    }
    const context = { method, path: path2, query: new URLSearchParams(rawQuery), headers: request.headers, body, log, session: {} };
    let answer;
    try {
      answer = app.handle(context);
    } catch {
      answer = textAnswer(500, "Internal Server Error", "text/plain; charset=utf-8");
    }
    if (fault?.phase === "after") {
      if (fault.kind === "drop") {
        request.socket.destroy();
        return;
      }
      answer = answerAsProxy(fault.kind, active?.options.retryAfterSeconds ?? 1);
    }
    send(response, log, answer);
  };
  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      request.socket.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const state = {
    requests: app.requests,
    get successfulLogins() {
      return app.successfulLogins;
    }
  };
  return {
    url: `http://${hostForUrl}:${address.port}`,
    state,
    storedValue: (key) => app.storedValue(key),
    runningValue: (key) => app.runningValue(key),
    dbKeys: () => app.dbKeys(),
    auditEntries: () => app.auditEntries(),
    setFaults(next) {
      faults = next === void 0 ? void 0 : { options: next, plan: createFaultPlan(next) };
    },
    restart(restartOptions = {}) {
      app.restart(restartOptions);
    },
    close() {
      closing = true;
      for (const finish of [...pendingDelays]) {
        finish();
      }
      return new Promise((resolve, reject) => {
        server.close((error) => error ? reject(error) : resolve());
        server.closeAllConnections();
      });
    }
  };
}
function declareRoute(methods, template, handle) {
  const paramNames = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name) => {
    paramNames.push(name);
    return "([^/]+)";
  });
  return { methods, pattern: new RegExp(`^${source}$`, "s"), paramNames, handle };
}
function send(response, log, answer) {
  log.status = answer.status;
  if (response.destroyed) {
    return;
  }
  const body = Buffer.from(answer.body, "utf8");
  response.writeHead(answer.status, { ...answer.headers, "content-length": String(body.length) });
  response.end(body);
}
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(buffer);
    }
  }
  return size > MAX_BODY_BYTES ? void 0 : Buffer.concat(chunks);
}
function answerAsProxy(kind, retryAfterSeconds) {
  const status = Number(kind);
  const reason = PROXY_REASONS[kind] ?? "Error";
  const page = `<html>\r
<head><title>${status} ${reason}</title></head>\r
<body>\r
<center><h1>${status} ${reason}</h1></center>\r
<hr><center>nginx</center>\r
</body>\r
</html>\r
`;
  const answer = textAnswer(status, page, "text/html");
  return kind === "429" ? withHeader(answer, "retry-after", String(retryAfterSeconds)) : answer;
}
function jsonAnswer(status, payload, headers = {}) {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(payload) };
}
function validationFailure(issues) {
  return jsonAnswer(422, { detail: issues });
}
function textAnswer(status, text, contentType) {
  return { status, headers: { "content-type": contentType }, body: text };
}
function redirectAnswer(location, status = 302) {
  return { status, headers: { location }, body: "" };
}
function withHeader(answer, name, value) {
  return { ...answer, headers: { ...answer.headers, [name]: value } };
}
function headerValue(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function bearerTokenOf(headers) {
  const authorization = headerValue(headers, "authorization");
  return authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : void 0;
}
function isFormEncoded(headers) {
  return (headerValue(headers, "content-type") ?? "").toLowerCase().includes("application/x-www-form-urlencoded");
}
function readCookie(header, name) {
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return void 0;
}
function decodePath(rawPath) {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}
function changedByOf(user) {
  return user.preferred_username || user.email || user.id || "admin";
}
function equalInConstantTime(given, expected) {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual2(a, b);
}

// src/demo/demo.ts
var DEMO_ROTATION = { credentialId: "openai", branch: "rotate-openai" };
var DEMO_INVENTORY_FILE = "credentials.yaml";
var EARLIEST_SEAL_TIME = Date.parse(`${DEMO_DAY}T12:00:00Z`);
var APPLY_RUN_NAMES = { first: "the first apply", rotation: "the apply after the merge", again: "the last apply" };
var DemoStop = class extends Error {
  name = "DemoStop";
};
async function runDemo(request, collaborators = {}) {
  const startServer = collaborators.startServer ?? startDocuElevateServer;
  const newValue = collaborators.newValue ?? (() => new SecretValue(`sk-demo-rotated-${randomBytes2(24).toString("base64url")}`));
  const today = laterDate(toCalendarDate(request.clock()), DEMO_DAY) ?? DEMO_DAY;
  const ring = await loadKeyRing({ env: {}, keyFile: request.keyFile });
  const exampleText = await readInventoryText(request.exampleFile);
  const example = checkInventoryText(exampleText, request.exampleFile, today).inventory;
  if (example === void 0) throw new UsageError(`${request.exampleFile} cannot be read as an inventory`);
  const authentications = [...example.deployments.values()].map(prepareServerLogin);
  const directory = await mkdtemp(path.join(request.tempRoot, "credledger-demo-"));
  const repository = path.join(directory, "repo");
  const servers = [];
  const result = (failure) => ({ ok: failure === void 0, ...failure === void 0 ? {} : { failure }, directory, kept: request.keep, repository });
  try {
    const home = path.join(directory, "home");
    await mkdir(home);
    const env = { PATH: request.path, HOME: home, GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" };
    request.report({ kind: "step", number: 1, title: "Start two DocuElevate-compatible servers on 127.0.0.1" });
    for (const login of authentications) {
      const server = await startServer({ host: "127.0.0.1", ...login.server });
      servers.push({ deployment: login.deployment, server });
      Object.assign(env, login.env);
      request.report({ kind: "note", text: `${login.deployment.id}: ${server.url} (standing in for ${login.deployment.url}); ${login.description}` });
    }
    request.report({ kind: "note", text: "Each has the settings API, the login form with its CSRF token, session cookies, masking and an audit log, as DocuElevate does." });
    const context = { request, directory, ring, today, file: path.join(repository, DEMO_INVENTORY_FILE), servers, env };
    const repo = await createRepository(context, exampleText);
    await showValidateAndStatus(context);
    await applyFirstTime(context);
    await rotateOnBranch(context, repo, newValue());
    explainWhatHappened(context);
    return result();
  } catch (error) {
    if (error instanceof DemoStop) return result(error.message);
    throw error;
  } finally {
    await Promise.all(servers.map(({ server }) => server.close().catch(() => void 0)));
    if (!request.keep) await rm(directory, { recursive: true, force: true });
  }
}
function prepareServerLogin(deployment) {
  const secret = () => randomBytes2(24).toString("base64url");
  const { auth } = deployment;
  switch (auth.method) {
    case "login": {
      const username = `admin-${randomBytes2(3).toString("hex")}`;
      const password = secret();
      return {
        deployment,
        server: { adminUsername: username, adminPassword: password },
        env: { [auth.usernameEnv]: username, [auth.passwordEnv]: password },
        description: `admin login made up at random, handed to apply as ${auth.usernameEnv} and ${auth.passwordEnv}`
      };
    }
    case "bearer": {
      const token = secret();
      return {
        deployment,
        server: { adminApiTokens: [token] },
        env: { [auth.tokenEnv]: token },
        description: `admin token made up at random, handed to apply as ${auth.tokenEnv}`
      };
    }
    default:
      throw new UsageError(`the demo signs in with login or bearer auth; deployment ${deployment.id} of the example uses ${auth.method}`);
  }
}
async function createRepository(context, exampleText) {
  const { request } = context;
  request.report({ kind: "step", number: 2, title: "Commit the example inventory to a new git repository" });
  const repo = await createGitScratchRepository({ directory: path.dirname(context.file), branch: "main", env: context.env });
  const text = editYamlScalars(
    exampleText,
    context.servers.map(({ deployment, server }) => ({ path: ["deployments", deployment.id, "url"], value: server.url }))
  );
  await writeFile(context.file, text, "utf8");
  const commit = await repo.commitAll("Add the credential inventory (credentials.yaml.example)");
  request.report({
    kind: "note",
    text: `working in ${context.directory}: ${request.keep ? "kept afterwards (--keep)" : "a temporary directory, removed at the end (--keep keeps it)"}`
  });
  request.report({
    kind: "note",
    text: `repo/${DEMO_INVENTORY_FILE}: credentials.yaml.example with the url: of ${context.servers.map(({ deployment }) => deployment.id).join(" and ")} pointed at the servers above; every other line as it was`
  });
  request.report({ kind: "note", text: `committed ${commit.slice(0, 7)} on main` });
  return repo;
}
async function showValidateAndStatus(context) {
  const { request } = context;
  request.report({ kind: "step", number: 3, title: "Validate the inventory and show its rotation status" });
  request.report({ kind: "command", command: "credledger validate" });
  const validated = await validateInventory({ file: context.file, today: context.today });
  request.report({ kind: "validate", file: DEMO_INVENTORY_FILE, result: validated });
  if (!validated.valid) throw new DemoStop("the example inventory is not valid");
  request.report({ kind: "command", command: `credledger status --now ${DEMO_DAY}`, note: `as of ${DEMO_DAY}, the day the example was written, so the table is the same whenever you run the demo` });
  const status = await reportStatus({ file: context.file, now: DEMO_DAY, today: context.today });
  if (!status.report) throw new DemoStop("the example inventory has errors: no status");
  request.report({ kind: "status", report: status.report });
}
async function applyFirstTime(context) {
  const { request } = context;
  request.report({ kind: "step", number: 4, title: "Apply with the demo key: the first run pushes every value" });
  request.report({
    kind: "command",
    command: `CREDLEDGER_KEY="$(grep -v '^#' examples/demo.key)" credledger apply`,
    note: "nothing is recorded as applied yet, so every value is pending: apply logs in to each server, writes each setting, reads it back, and records it on refs/credledger/applied"
  });
  const first = await applyAndReport(context, "first");
  if (first.report.deployments.some((deployment) => deployment.restartRequired.length > 0 || deployment.warnings.length > 0)) {
    request.report({ kind: "note", text: "The restart lines and warnings are what a real DocuElevate needs after this apply; the demo servers need nothing." });
  }
  const expected = listDesiredState(await readInventory(context), deploymentIds(context)).desired;
  for (const { deployment, writes } of first.writes) {
    const wanted = expected.filter((setting) => setting.deployment === deployment).length;
    if (writes !== wanted) throw new DemoStop(`the first apply should write ${wanted} settings to ${deployment}, and it wrote ${writes}`);
  }
  await verifyServers(context);
  const updated = await followPasswordUpdates(context, first.report);
  if (updated.length > 0) {
    request.report({
      kind: "note",
      text: `DocuElevate's login took the inventory's admin_password at once, and apply said so: the demo updates ${updated.join(" and ")} as a team updates its CI secrets, so later runs log in with the new password.`
    });
  }
}
async function followPasswordUpdates(context, report) {
  const inventory = await readInventory(context);
  const { desired } = listDesiredState(inventory, deploymentIds(context));
  const candidates = listValuePlaces(inventory);
  const updated = [];
  for (const deployment of report.deployments) {
    const auth = inventory.deployments.get(deployment.deployment)?.auth;
    const pushed = deployment.operations.some((operation) => operation.setting === ADMIN_PASSWORD_SETTING && operation.action === "set" && operation.outcome === "done");
    const setting = desired.find((candidate) => candidate.deployment === deployment.deployment && candidate.setting === ADMIN_PASSWORD_SETTING);
    if (auth?.method !== "login" || !pushed || setting === void 0) continue;
    context.env[auth.passwordEnv] = openSealedValue(context.ring, setting.sealed.place, setting.sealed.sealed, candidates).reveal();
    updated.push(auth.passwordEnv);
  }
  return updated;
}
async function rotateOnBranch(context, repo, value) {
  const { request } = context;
  const { credentialId, branch } = DEMO_ROTATION;
  const credential = findCredential(await readInventory(context), credentialId);
  if (credential === void 0) throw new DemoStop(`the example has no credential ${credentialId} to rotate`);
  request.report({ kind: "step", number: 5, title: `Rotate ${credentialId} on a branch, review the plan, merge, apply` });
  request.report({ kind: "command", command: `git switch --create ${branch}` });
  await repo.createBranch(branch);
  request.report({
    kind: "command",
    command: `credledger set ${credentialId} --value-stdin --rotated ${DEMO_DAY}`,
    note: "the new value is a fake key made up at random and piped in; it is encrypted into the file and never shown"
  });
  const set = await setCredentialValue({
    file: context.file,
    credentialId,
    value,
    rotated: DEMO_DAY,
    today: context.today,
    now: new Date(Math.max(request.clock().getTime(), EARLIEST_SEAL_TIME)),
    ring: context.ring
  });
  if (set.kind !== "set") throw new DemoStop(`set refused the new value of ${credentialId}`);
  request.report({ kind: "set", result: { ...set, file: DEMO_INVENTORY_FILE } });
  const message = `Rotate ${credentialId}`;
  request.report({ kind: "command", command: `git commit --all --message "${message}"` });
  const commit = await repo.commitAll(message);
  request.report({ kind: "note", text: `committed ${commit.slice(0, 7)} on ${branch}` });
  request.report({
    kind: "command",
    command: `credledger plan --base main --head ${branch}`,
    note: "what reviewers see on the pull request; it needs no key, so values are compared as ciphertext"
  });
  const revisions = await openInventoryRevisions(path.dirname(context.file), context.env);
  const planned = await planInventoryChange({ file: DEMO_INVENTORY_FILE, base: "main", head: branch, allowRollback: false, today: context.today }, { revisions });
  request.report({ kind: "plan", result: planned });
  const { plan } = planned;
  const changes = plan.changes.map((change) => `${change.id} ${change.change}`);
  if (!planned.valid || changes.join() !== `${credentialId} rotated`) {
    throw new DemoStop(`the plan should hold one change, ${credentialId} rotated; it holds ${changes.join(", ") || "none"}${planned.valid ? "" : ", and errors"}`);
  }
  const operations = plan.operations.map((operation) => `${operation.action} ${operation.setting} on ${operation.deployment}`).sort();
  const expectedOperations = credential.deployments.map((deployment) => `set ${credential.setting} on ${deployment}`).sort();
  if (operations.join() !== expectedOperations.join()) {
    throw new DemoStop(`the plan should ${expectedOperations.join(", ")}; it would ${operations.join(", ") || "do nothing"}`);
  }
  request.report({ kind: "command", command: `git switch main && git merge --ff-only ${branch}`, note: "the pull request is merged" });
  await repo.switchBranch("main");
  await repo.mergeFastForward(branch);
  request.report({ kind: "command", command: "credledger apply", note: `as the workflow does on a push to main: only what changed since the last apply is pending` });
  const rotation = await applyAndReport(context, "rotation");
  const pushed = rotation.report.deployments.flatMap((deployment) => deployment.operations.map((operation) => `${operation.action} ${operation.setting} on ${deployment.deployment}`)).sort();
  if (pushed.join() !== expectedOperations.join()) {
    throw new DemoStop(`the apply after the merge should ${expectedOperations.join(", ")}; it did ${pushed.join(", ") || "nothing"}`);
  }
  await verifyServers(context);
  request.report({ kind: "command", command: "credledger apply", note: "once more" });
  const again = await applyAndReport(context, "again");
  const sent = again.writes.reduce((sum, { writes }) => sum + writes, 0);
  if (sent > 0 || again.report.deployments.some((deployment) => deployment.outcome !== "unchanged")) {
    throw new DemoStop(`a second apply of the same inventory should send nothing; it wrote ${sent} settings`);
  }
  request.report({ kind: "note", text: "nothing to do: every deployment already holds what the inventory says, and the applied state knows it" });
}
function explainWhatHappened(context) {
  const { request } = context;
  request.report({ kind: "step", number: 6, title: "What just happened, and what next" });
  for (const text of [
    "The inventory was validated and its rotation status reported; apply decrypted its values with the demo key and pushed",
    "each one to the settings API of every deployment, read it back and recorded it on the git ref refs/credledger/applied.",
    `The rotation of ${DEMO_ROTATION.credentialId} went through review as a plan with no secret in it, and after the merge only that`,
    "setting was pushed; an apply with nothing new sent nothing. No value was printed at any point.",
    "",
    `Next: the README's "A five-minute walkthrough" runs these commands by hand on credentials.yaml.example;`,
    "make your own key with `credledger keygen` (never use the demo key for real values); and copy",
    "examples/workflows/ into .github/workflows/ to plan on pull requests, remind on a schedule and apply on merge."
  ]) {
    request.report({ kind: "note", text });
  }
  if (request.keep) {
    request.report({ kind: "note", text: "" });
    request.report({ kind: "note", text: `The repository is kept in ${path.dirname(context.file)} (the servers are stopped).` });
  }
}
async function applyAndReport(context, run) {
  const before = context.servers.map(({ server }) => countCommittedWrites(server));
  const { check, report } = await applyInventory({
    file: context.file,
    today: context.today,
    ring: context.ring,
    env: context.env,
    clock: context.request.clock,
    ...applyCollaborators(context.env)
  });
  if (!report) throw new DemoStop(`apply found the inventory invalid (${check.diagnostics.length} diagnostics)`);
  const writes = context.servers.map(({ deployment, server }, index) => ({ deployment: deployment.id, writes: countCommittedWrites(server) - (before[index] ?? 0) }));
  context.request.report({ kind: "apply", run, report, writes });
  if (assessApplyReport(report) !== "ok") {
    const problems = report.deployments.flatMap(
      (deployment) => deployment.outcome === "unreachable" ? [`${deployment.deployment} could not be used`] : deployment.operations.filter((operation) => operation.outcome !== "done").map((operation) => `${operation.setting} on ${deployment.deployment} ${operation.outcome}`)
    );
    throw new DemoStop(`${APPLY_RUN_NAMES[run]} did not succeed: ${problems.join(", ") || "the applied state could not be kept"}`);
  }
  return { report, writes };
}
async function verifyServers(context) {
  const inventory = await readInventory(context);
  const { desired } = listDesiredState(inventory, deploymentIds(context));
  const candidates = listValuePlaces(inventory);
  const checks = context.servers.map(({ deployment, server }) => {
    const mine = desired.filter((setting) => setting.deployment === deployment.id);
    const mismatched = mine.filter((setting) => {
      const stored = server.storedValue(setting.setting);
      const expected = openSealedValue(context.ring, setting.sealed.place, setting.sealed.sealed, candidates);
      return stored === void 0 || stored === null || !expected.equals(new SecretValue(stored));
    }).map((setting) => setting.setting);
    const wanted = new Set(mine.map((setting) => setting.setting));
    const unexpected = server.dbKeys().filter((key) => !wanted.has(key));
    return { deployment: deployment.id, expected: mine.length, matching: mine.length - mismatched.length, mismatched, unexpected };
  });
  context.request.report({ kind: "verify", deployments: checks });
  const wrong = checks.filter((check) => check.mismatched.length > 0 || check.unexpected.length > 0);
  if (wrong.length > 0) {
    throw new DemoStop(
      wrong.map((check) => `${check.deployment} differs from the inventory: ${[...check.mismatched, ...check.unexpected].join(", ")}`).join("; ")
    );
  }
}
async function readInventory(context) {
  const check = await loadInventoryFile(context.file, context.today);
  if (check.inventory === void 0) throw new DemoStop(`${DEMO_INVENTORY_FILE} cannot be read`);
  return check.inventory;
}
function deploymentIds(context) {
  return context.servers.map(({ deployment }) => deployment.id);
}
function countCommittedWrites(server) {
  return server.state.requests.filter((request) => request.committed).length;
}
export {
  DEMO_DAY,
  DEMO_INVENTORY_FILE,
  DEMO_ROTATION,
  runDemo
};
