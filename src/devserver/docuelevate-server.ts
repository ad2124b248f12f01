// A DocuElevate-compatible settings API on node:http, quirks included, for tests and `credledger demo`.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOCUELEVATE_SETTINGS, type DocuElevateSetting } from '../core/docuelevate-catalogue.js';
import { maskSensitiveValue } from '../core/docuelevate-masking.js';
import { showSettingValue } from '../core/docuelevate-readback.js';
import { renderLoginPage, renderMainLayoutPage } from './docuelevate-pages.js';
import {
  parseIntegerParameter,
  parseJsonRequestBody,
  validateStringModel,
  type ModelValidation,
  type StringFieldSpec,
  type ValidationIssue,
} from './fastapi-validation.js';
import { createFaultPlan, losesWrite, planEchoAnswer, type EchoMode, type FaultDecision, type FaultKind, type FaultOptions, type FaultPlan, type LostWrites } from './fault-plan.js';
import {
  decodeSessionCookie,
  encodeSessionCookie,
  SESSION_MAX_AGE_SECONDS,
  type SessionData,
  type SessionUser,
} from './session-cookie.js';

export type { EchoMode, FaultKind, FaultOptions, LostWrites } from './fault-plan.js';
export type { SessionUser } from './session-cookie.js';

/** A setting the server knows. Catalogue entries are sensitive unless `sensitive: false` says otherwise. */
export interface DocuElevateServerSetting extends DocuElevateSetting {
  readonly sensitive?: boolean;
  readonly description?: string;
}

/** How to start a test DocuElevate. Every option has a default; nothing is read from the environment. */
export interface DocuElevateServerOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (any free port). */
  readonly port?: number;
  /** `ADMIN_USERNAME`; login works only when both it and `adminPassword` are set. */
  readonly adminUsername?: string;
  /**
   * `ADMIN_PASSWORD`. As in DocuElevate, the login form checks the running `admin_password` setting: this
   * value until an `admin_password` is written through the API, which takes effect at once.
   */
  readonly adminPassword?: string;
  /** `SESSION_SECRET`: signs the session cookie and (notionally) encrypts stored settings; default random. */
  readonly sessionSecret?: string;
  /** `SESSION_SECRET_PREVIOUS`: settings stored under it stay readable. */
  readonly sessionSecretPrevious?: string;
  /** `AUTH_ENABLED`; default true. When false there is no CSRF check, no /login or /auth, and settings routes answer 403. */
  readonly authEnabled?: boolean;
  /** Bearer tokens of an ordinary (non-admin) user, as DocuElevate's API tokens are. */
  readonly apiTokens?: readonly string[];
  /** Bearer tokens that count as admin, for deployments that grant admin tokens. */
  readonly adminApiTokens?: readonly string[];
  /** Known settings; default the 60 sensitive settings of the DocuElevate catalogue. */
  readonly catalogue?: readonly DocuElevateServerSetting[];
  /**
   * Settings set in the deployment's environment (source `env`). As on every real deployment, `database_url`
   * (required) and `redis_url` (it has a default) are always there, and with authentication on also
   * `session_secret` (`SESSION_SECRET`) and `admin_password` (`ADMIN_PASSWORD`, when set).
   */
  readonly envValues?: Readonly<Record<string, string>>;
  /** `DATABASE_URL`; default a SQLite file, as DocuElevate's compose file has it. */
  readonly databaseUrl?: string;
  /** Settings already stored in the database at start (source `db`), without history. */
  readonly initialDbValues?: Readonly<Record<string, string>>;
  /** Seeded fault injection on `/api/` routes; none by default. */
  readonly faults?: FaultOptions;
  /** Echo what each request carried back in its answer, in one of the ways real servers have (for leak tests); none by default. */
  readonly echo?: EchoMode;
  /** Writes answered as successful and never kept (no row, no history entry); none by default. */
  readonly lostWrites?: LostWrites;
  /** Source of history timestamps and session ages; default the system clock. */
  readonly clock?: () => Date;
}

/** What the server did with one request. Bodies are never recorded, so no secret value is kept here. */
export interface RequestLogEntry {
  /** Arrival order, from 1. */
  readonly seq: number;
  readonly method: string;
  /** Path and query as received. */
  readonly path: string;
  /** Status sent, or `null` when the connection was dropped (or the server closed first). */
  readonly status: number | null;
  /** The injected fault, if any. */
  readonly fault: FaultKind | null;
  /** Whether the request changed the settings database (true also when the answer was then lost). */
  readonly committed: boolean;
}

/** A settings history / audit log entry exactly as the API shows it (sensitive values read `[REDACTED]`). */
export interface AuditEntry {
  readonly id: number;
  readonly key: string;
  readonly old_value: string | null;
  readonly new_value: string | null;
  readonly changed_by: string;
  readonly changed_at: string;
  readonly action: 'update' | 'delete';
}

/** Live, read-only view of what happened to the server. */
export interface DocuElevateServerState {
  /** Every request in arrival order. */
  readonly requests: readonly RequestLogEntry[];
  /** Successful `POST /auth` logins. */
  readonly successfulLogins: number;
}

/** A simulated `docker compose restart api worker` with a new environment. */
export interface DocuElevateRestartOptions {
  /** New `SESSION_SECRET`: existing session cookies stop working. */
  readonly sessionSecret?: string;
  /** New `SESSION_SECRET_PREVIOUS`; `null` removes it. Settings stored under neither secret read `[DECRYPTION FAILED]`. */
  readonly sessionSecretPrevious?: string | null;
  /** Replaces the environment-provided settings. */
  readonly envValues?: Readonly<Record<string, string>>;
  /** New `ADMIN_PASSWORD` (used unless the database holds an `admin_password`). */
  readonly adminPassword?: string;
}

/** A running test DocuElevate. */
export interface DocuElevateServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly state: DocuElevateServerState;
  /**
   * The value DocuElevate reads from its database for a key (`[DECRYPTION FAILED]` after an unbridged secret
   * rotation), `null` for a row holding NULL (a write of `null`), or `undefined` when not stored.
   */
  storedValue(key: string): string | null | undefined;
  /**
   * The value the running process holds, as a string (what it was written as), or `null`: the database
   * row, else the environment or default, as loaded at start and changed by writes. A DELETE does not
   * change it until a restart.
   */
  runningValue(key: string): string | null;
  /** Keys stored in the database, sorted. */
  dbKeys(): string[];
  /** The audit log as `GET /api/settings/audit-log` shows it, newest first. */
  auditEntries(): AuditEntry[];
  /** Replaces (or with `undefined` removes) fault injection; the sequence restarts from the seed. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Simulates a restart with a changed environment; the database survives. */
  restart(options?: DocuElevateRestartOptions): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface MutableLogEntry {
  seq: number;
  method: string;
  path: string;
  status: number | null;
  fault: FaultKind | null;
  committed: boolean;
}

interface RequestContext {
  readonly method: string;
  /** Percent-decoded path, as Starlette routes on it. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly log: MutableLogEntry;
  session: SessionData;
}

interface StoredRow {
  /** `null` for a row written with a null value: it hides the environment's value. */
  readonly value: string | null;
  /** The session secret the value was encrypted under; decides whether DocuElevate can still read it. */
  readonly secret: string;
}

interface AuditRecord {
  readonly id: number;
  readonly key: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly action: 'update' | 'delete';
}

type RouteHandler = (ctx: RequestContext, params: Readonly<Record<string, string>>) => HttpAnswer;

interface Route {
  readonly methods: readonly string[];
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  readonly handle: RouteHandler;
}

const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const MAX_BODY_BYTES = 1024 * 1024;
const DECRYPTION_FAILED = '[DECRYPTION FAILED]';
const DEFAULT_DATABASE_URL = 'sqlite:////workdir/db/database.db';
// Settings with a non-empty default in DocuElevate's Settings class: configured even when no variable is set.
const SETTING_DEFAULTS: Readonly<Record<string, string>> = { redis_url: 'redis://redis:6379/0' };
// Python's `$` also matches before a final newline, so DocuElevate's key check lets one trailing "\n" through.
const SETTING_KEY_FORMAT = /^[a-zA-Z][a-zA-Z0-9_]{0,127}\n?$/;
const SETTING_UPDATE_MODEL: readonly StringFieldSpec[] = [
  { name: 'key', required: true },
  { name: 'value', required: false },
];
const VALUE_UPDATE_MODEL: readonly StringFieldSpec[] = [{ name: 'value', required: false }];
const PROXY_REASONS: Readonly<Record<string, string>> = {
  '429': 'Too Many Requests',
  '502': 'Bad Gateway',
  '503': 'Service Temporarily Unavailable',
  '504': 'Gateway Time-out',
};

/** DocuElevate's application: sessions, CSRF, routing and the settings database, independent of sockets. */
class DocuElevateApp {
  readonly requests: RequestLogEntry[] = [];
  successfulLogins = 0;
  private readonly settings: ReadonlyMap<string, DocuElevateServerSetting>;
  private readonly db = new Map<string, StoredRow>();
  private readonly audit: AuditRecord[] = [];
  private readonly routes: readonly Route[];
  private readonly clock: () => Date;
  private sessionSecret: string;
  private sessionSecretPrevious: string | null;
  private adminPassword: string;
  private env: ReadonlyMap<string, string>;
  /** DocuElevate's in-memory settings: loaded at start, changed by every write, untouched by a DELETE. */
  private running = new Map<string, string | null>();

  constructor(private readonly options: DocuElevateServerOptions) {
    this.settings = new Map((options.catalogue ?? DOCUELEVATE_SETTINGS).map((setting) => [setting.key, setting]));
    this.clock = options.clock ?? (() => new Date());
    this.sessionSecret = options.sessionSecret ?? randomBytes(32).toString('hex');
    this.sessionSecretPrevious = options.sessionSecretPrevious ?? null;
    this.adminPassword = options.adminPassword ?? '';
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

  /** What DocuElevate does at start-up: defaults, then the environment, then every database row over them. */
  private loadRunningSettings(): void {
    const environment = new Map<string, string>([
      ...Object.entries(SETTING_DEFAULTS),
      ['database_url', this.options.databaseUrl ?? DEFAULT_DATABASE_URL],
      ...(this.authEnabled ? [['session_secret', this.sessionSecret] as const] : []),
      ...(this.authEnabled && this.adminPassword !== '' ? [['admin_password', this.adminPassword] as const] : []),
      ...this.env,
    ]);
    this.running = new Map([...environment].filter(([key]) => this.settings.has(key)));
    for (const key of this.db.keys()) {
      if (this.settings.get(key)?.environmentOnly) continue;
      this.running.set(key, this.storedValue(key) ?? null);
    }
  }

  runningValue(key: string): string | null {
    return this.running.get(key) ?? null;
  }

  get authEnabled(): boolean {
    return this.options.authEnabled ?? true;
  }

  /** Records a request's arrival; the entry is completed as the request proceeds. */
  openLogEntry(method: string, path: string): MutableLogEntry {
    const entry: MutableLogEntry = { seq: this.requests.length + 1, method, path, status: null, fault: null, committed: false };
    this.requests.push(entry);
    return entry;
  }

  storedValue(key: string): string | null | undefined {
    const row = this.db.get(key);
    if (row === undefined) {
      return undefined;
    }
    // DocuElevate never encrypts an empty value; anything else needs the secret it was stored under.
    const readable = row.value === null || row.value === '' || row.secret === this.sessionSecret || row.secret === this.sessionSecretPrevious;
    return readable ? row.value : DECRYPTION_FAILED;
  }

  dbKeys(): string[] {
    return [...this.db.keys()].sort();
  }

  auditEntries(key?: string): AuditEntry[] {
    return this.audit
      .filter((record) => key === undefined || record.key === key)
      // Newest first by changed_at (whole seconds), ties in the order written, as DocuElevate's query returns them.
      .sort((a, b) => (a.changedAt === b.changedAt ? a.id - b.id : a.changedAt < b.changedAt ? 1 : -1))
      .map((record) => {
        const sensitive = this.isSensitive(record.key);
        // As in DocuElevate, only non-empty values are redacted.
        const redact = (value: string | null): string | null => (sensitive && value ? '[REDACTED]' : value);
        return {
          id: record.id,
          key: record.key,
          old_value: redact(record.oldValue),
          new_value: redact(record.newValue),
          changed_by: record.changedBy,
          changed_at: record.changedAt,
          action: record.action,
        };
      });
  }

  restart(options: DocuElevateRestartOptions): void {
    if (options.sessionSecret !== undefined) {
      this.sessionSecret = options.sessionSecret;
    }
    if (options.sessionSecretPrevious !== undefined) {
      this.sessionSecretPrevious = options.sessionSecretPrevious;
    }
    if (options.envValues !== undefined) {
      this.env = new Map(Object.entries(options.envValues));
    }
    if (options.adminPassword !== undefined) {
      this.adminPassword = options.adminPassword;
    }
    this.loadRunningSettings();
  }

  /** Answers one request: session and CSRF middleware, then routing. */
  handle(ctx: RequestContext): HttpAnswer {
    const cookie = readCookie(ctx.headers.cookie, 'session');
    const loaded = cookie === undefined ? undefined : decodeSessionCookie(cookie, this.sessionSecret, this.nowSeconds());
    ctx.session = loaded ?? {};
    const hadSession = Object.keys(ctx.session).length > 0;
    const answer = this.applyCsrfThenRoute(ctx);
    return this.attachSessionCookie(answer, ctx.session, hadSession);
  }

  /** The answer of an injected 500: DocuElevate's own "save failed" for writes, Starlette's plain error otherwise. */
  answerInternalError(method: string, path: string): HttpAnswer {
    const key = /^\/api\/settings\/([^/]+)$/.exec(path)?.[1];
    if (key !== undefined && (method === 'POST' || method === 'PUT')) {
      return jsonAnswer(500, { detail: `Failed to update setting: ${key}` });
    }
    if (key !== undefined && method === 'DELETE') {
      return jsonAnswer(500, { detail: `Failed to delete setting: ${key}` });
    }
    return textAnswer(500, 'Internal Server Error', 'text/plain; charset=utf-8');
  }

  private applyCsrfThenRoute(ctx: RequestContext): HttpAnswer {
    if (this.authEnabled) {
      ctx.session.csrf_token ??= randomBytes(32).toString('hex');
      const bearerExempt = bearerTokenOf(ctx.headers) !== undefined;
      if (STATE_CHANGING_METHODS.has(ctx.method) && !bearerExempt && !this.hasValidCsrfToken(ctx, ctx.session.csrf_token)) {
        return ctx.path.startsWith('/api/')
          ? jsonAnswer(403, { detail: 'CSRF token missing or invalid' })
          : redirectAnswer('/login?error=Invalid+request');
      }
    }
    return this.route(ctx);
  }

  private hasValidCsrfToken(ctx: RequestContext, expected: string): boolean {
    let submitted = headerValue(ctx.headers, 'x-csrf-token');
    if (!submitted && isFormEncoded(ctx.headers)) {
      submitted = new URLSearchParams(ctx.body.toString('utf8')).get('csrf_token') ?? undefined;
    }
    return submitted !== undefined && submitted !== '' && equalInConstantTime(submitted, expected);
  }

  private route(ctx: RequestContext): HttpAnswer {
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    let partial: Route | undefined;
    for (const route of this.routes) {
      const match = route.pattern.exec(ctx.path);
      if (match === null) {
        continue;
      }
      if (route.methods.includes(method)) {
        const params = Object.fromEntries(route.paramNames.map((name, index) => [name, match[index + 1] ?? '']));
        return route.handle(ctx, params);
      }
      partial ??= route;
    }
    if (partial !== undefined) {
      const allow = partial.methods.includes('GET') ? [...partial.methods, 'HEAD'] : partial.methods;
      return jsonAnswer(405, { detail: 'Method Not Allowed' }, { allow: allow.join(', ') });
    }
    // Starlette's redirect_slashes: retry with the trailing slash toggled and redirect when that matches.
    if (ctx.path !== '/') {
      const toggled = ctx.path.endsWith('/') ? ctx.path.slice(0, -1) : `${ctx.path}/`;
      if (this.routes.some((route) => route.pattern.test(toggled))) {
        const host = headerValue(ctx.headers, 'host') ?? 'localhost';
        const query = ctx.query.toString();
        return redirectAnswer(`http://${host}${encodeURI(toggled)}${query === '' ? '' : `?${query}`}`, 307);
      }
    }
    return jsonAnswer(404, { detail: 'Not Found' });
  }

  private declareRoutes(): Route[] {
    const routes: Route[] = [declareRoute(['GET'], '/', (ctx) => this.showMainPage(ctx, 'DocuElevate', false))];
    if (this.authEnabled) {
      routes.push(
        declareRoute(['GET'], '/login', (ctx) => this.showLoginPage(ctx)),
        declareRoute(['POST'], '/auth', (ctx) => this.logIn(ctx)),
        declareRoute(['GET'], '/logout', (ctx) => this.logOut(ctx)),
      );
    }
    routes.push(
      declareRoute(['GET'], '/upload', (ctx) => this.showMainPage(ctx, 'Upload', true)),
      declareRoute(['GET'], '/onboarding', (ctx) => this.showMainPage(ctx, 'Welcome to DocuElevate', true)),
      declareRoute(['GET'], '/settings', (ctx) => this.showMainPage(ctx, 'Settings', true)),
      declareRoute(['GET'], '/api/auth/whoami', (ctx) => this.answerWhoami(ctx)),
      // The settings router, in DocuElevate's declaration order: the first matching route wins.
      declareRoute(['GET'], '/api/settings/', (ctx) => this.asAdmin(ctx, () => this.listSettings())),
      declareRoute(['GET'], '/api/settings/credentials', (ctx) => this.asAdmin(ctx, () => this.listCredentials())),
      declareRoute(['GET'], '/api/settings/audit-log', (ctx) => this.asAdmin(ctx, () => this.listAuditLog(ctx))),
      declareRoute(['GET'], '/api/settings/export-env', (ctx) => this.asAdmin(ctx, () => this.exportEnv(ctx))),
      declareRoute(['GET'], '/api/settings/{key}', (ctx, p) => this.asAdmin(ctx, () => this.getSetting(p.key ?? ''))),
      declareRoute(['POST'], '/api/settings/{key}', (ctx, p) => this.writeSetting(ctx, p.key ?? '', SETTING_UPDATE_MODEL)),
      declareRoute(['PUT'], '/api/settings/{key}', (ctx, p) => this.writeSetting(ctx, p.key ?? '', VALUE_UPDATE_MODEL)),
      declareRoute(['DELETE'], '/api/settings/{key}', (ctx, p) => this.asAdmin(ctx, (user) => this.deleteSetting(ctx, p.key ?? '', user))),
      // Never reached: POST /{key} above matches first, which is the quirk clients must survive.
      declareRoute(['POST'], '/api/settings/bulk-update', () => jsonAnswer(500, { detail: 'unreachable' })),
      declareRoute(['GET'], '/api/settings/{key}/history', (ctx, p) => this.asAdmin(ctx, () => this.showHistory(p.key ?? ''))),
      declareRoute(['POST'], '/api/settings/{key}/rollback/{history_id}', (ctx, p) =>
        this.asAdmin(ctx, (user) => this.rollBack(ctx, p.key ?? '', p.history_id ?? '', user)),
      ),
    );
    return routes;
  }

  // ---- pages and authentication ----

  private showLoginPage(ctx: RequestContext): HttpAnswer {
    const page = renderLoginPage({
      csrfToken: ctx.session.csrf_token ?? '',
      error: ctx.query.get('error'),
      message: ctx.query.get('message'),
    });
    return textAnswer(200, page, 'text/html; charset=utf-8');
  }

  private showMainPage(ctx: RequestContext, title: string, loginRequired: boolean): HttpAnswer {
    if (loginRequired && this.authEnabled && ctx.session.user === undefined) {
      const host = headerValue(ctx.headers, 'host') ?? 'localhost';
      ctx.session.redirect_after_login = `http://${host}${ctx.path}`;
      return redirectAnswer('/login');
    }
    const userName = ctx.session.user?.preferred_username ?? null;
    return textAnswer(200, renderMainLayoutPage({ title, csrfToken: ctx.session.csrf_token ?? '', userName }), 'text/html; charset=utf-8');
  }

  private logIn(ctx: RequestContext): HttpAnswer {
    const form = isFormEncoded(ctx.headers) ? new URLSearchParams(ctx.body.toString('utf8')) : new URLSearchParams();
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    const adminUsername = this.options.adminUsername ?? '';
    // The running admin_password: ADMIN_PASSWORD, or the value last written through the API (at once), or
    // `[DECRYPTION FAILED]` when the database's value no longer opens, which no real password matches.
    const adminPassword = this.runningValue('admin_password') ?? '';
    // Without configured credentials nobody may log in, not even with an empty form.
    const accepted =
      adminUsername !== '' &&
      adminPassword !== '' &&
      username.toLowerCase() === adminUsername.toLowerCase() &&
      equalInConstantTime(password, adminPassword);
    if (!accepted) {
      return redirectAnswer('/login?error=Invalid+username+or+password');
    }
    // Logging in keeps the session, and so its CSRF token.
    ctx.session.user = {
      id: 'admin',
      name: 'Administrator',
      email: `${adminUsername}@local.docuelevate`,
      preferred_username: adminUsername,
      picture: '/static/images/default-avatar.svg',
      is_admin: true,
    };
    this.successfulLogins += 1;
    // The admin's onboarding never completes, so every login goes there first and keeps the page asked for.
    ctx.session.post_onboarding_redirect = ctx.session.redirect_after_login ?? '/upload';
    delete ctx.session.redirect_after_login;
    return redirectAnswer('/onboarding');
  }

  private logOut(ctx: RequestContext): HttpAnswer {
    delete ctx.session.user;
    return redirectAnswer('/login?message=You+have+been+logged+out+successfully');
  }

  private answerWhoami(ctx: RequestContext): HttpAnswer {
    const user = ctx.session.user ?? this.bearerUser(ctx);
    if (user === undefined) {
      // With authentication off the login guard is a no-op and the route itself answers.
      return jsonAnswer(this.authEnabled ? 401 : 200, { error: 'Not authenticated' });
    }
    return jsonAnswer(200, user);
  }

  private bearerUser(ctx: RequestContext): SessionUser | undefined {
    const token = bearerTokenOf(ctx.headers);
    if (token === undefined) {
      return undefined;
    }
    const isAdmin = (this.options.adminApiTokens ?? []).some((known) => equalInConstantTime(token, known));
    const isUser = (this.options.apiTokens ?? []).some((known) => equalInConstantTime(token, known));
    if (!isAdmin && !isUser) {
      return undefined;
    }
    const owner = isAdmin ? 'api-admin' : 'api-user';
    return { id: owner, email: owner, preferred_username: owner, is_admin: isAdmin };
  }

  /** DocuElevate's `require_admin` dependency: the session's user (or an admin token) must be an admin. */
  private asAdmin(ctx: RequestContext, run: (user: SessionUser) => HttpAnswer): HttpAnswer {
    // With authentication off nothing can put an admin in the session, so every settings route is refused.
    const user = this.authEnabled ? (ctx.session.user?.is_admin ? ctx.session.user : this.bearerUser(ctx)) : undefined;
    if (user === undefined || !user.is_admin) {
      return jsonAnswer(403, { detail: 'Admin access required' });
    }
    return run(user);
  }

  // ---- the settings API ----

  private listSettings(): HttpAnswer {
    const settings: Record<string, unknown> = {};
    const categories: Record<string, string[]> = {};
    for (const setting of this.settings.values()) {
      settings[setting.key] = { value: this.showValue(setting.key, this.running.get(setting.key)), metadata: this.metadataOf(setting.key) };
      (categories[setting.category] ??= []).push(setting.key);
    }
    const dbSettings: Record<string, string | null> = {};
    for (const key of this.db.keys()) {
      dbSettings[key] = this.presentValue(key, this.storedValue(key) ?? null);
    }
    return jsonAnswer(200, { settings, categories, db_settings: dbSettings });
  }

  private listCredentials(): HttpAnswer {
    const credentials = [...this.settings.values()]
      .filter((setting) => this.isSensitive(setting.key))
      .map((setting) => {
        // As DocuElevate decides it: a non-empty database row, else a running value Python counts as true
        // (which a DELETE leaves in place until a restart, so the deleted value then shows as `env`).
        const source = this.storedValue(setting.key) ? 'db' : this.isPythonTrue(setting.key, this.running.get(setting.key)) ? 'env' : null;
        return {
          key: setting.key,
          category: setting.category,
          description: this.describe(setting),
          configured: source !== null,
          source,
          restart_required: setting.restartRequired,
        };
      });
    const configuredCount = credentials.filter((credential) => credential.configured).length;
    return jsonAnswer(200, {
      credentials,
      total: credentials.length,
      configured_count: configuredCount,
      unconfigured_count: credentials.length - configuredCount,
    });
  }

  private listAuditLog(ctx: RequestContext): HttpAnswer {
    const limit = parseIntegerParameter(ctx.query.get('limit') ?? '100', ['query', 'limit']);
    const offset = parseIntegerParameter(ctx.query.get('offset') ?? '0', ['query', 'offset']);
    const issues = [limit, offset].flatMap((parsed) => (parsed.ok ? [] : [parsed.issue]));
    if (!limit.ok || !offset.ok) {
      return validationFailure(issues);
    }
    const start = Math.max(0, offset.value);
    const entries = this.auditEntries().slice(start, start + Math.max(0, limit.value));
    return jsonAnswer(200, { entries, limit: limit.value, offset: offset.value });
  }

  private exportEnv(ctx: RequestContext): HttpAnswer {
    const source = ctx.query.get('source') ?? 'db';
    if (source !== 'db' && source !== 'effective') {
      return jsonAnswer(400, { detail: "source must be 'db' or 'effective'" });
    }
    const keys = source === 'db' ? this.dbKeys() : [...this.settings.keys()].sort();
    const lines = [
      '# DocuElevate configuration export',
      `# Source: ${source}`,
      '# Generated by DocuElevate Settings Export',
      '# WARNING: This file contains sensitive values. Handle with care.',
      '',
    ];
    for (const key of keys) {
      const value = source === 'db' ? this.storedValue(key) ?? null : this.running.get(key) ?? null;
      if (value !== null) {
        lines.push(`${key.toUpperCase()}=${this.presentValue(key, value) ?? ''}`);
      }
    }
    lines.push('');
    return {
      status: 200,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="docuelevate-${source}.env"`,
      },
      body: lines.join('\n'),
    };
  }

  private getSetting(key: string): HttpAnswer {
    // DocuElevate checks only the key's format here: an unknown key reads as null with default metadata.
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: 'Invalid setting key format' });
    }
    return jsonAnswer(200, { key, value: this.showValue(key, this.running.get(key)), metadata: this.metadataOf(key) });
  }

  private writeSetting(ctx: RequestContext, key: string, model: readonly StringFieldSpec[]): HttpAnswer {
    // FastAPI decodes a JSON body before running dependencies, so malformed JSON is a 422 even for non-admins.
    const body = parseJsonRequestBody(ctx.body, headerValue(ctx.headers, 'content-type'));
    if (body.kind === 'invalid') {
      return validationFailure(body.issues);
    }
    return this.asAdmin(ctx, (user) => {
      const validation: ModelValidation = validateStringModel(body, model);
      if (!validation.ok) {
        return validationFailure(validation.issues);
      }
      const rejected = this.checkKnownKey(key);
      if (rejected !== undefined) {
        return rejected;
      }
      const setting = this.settings.get(key) as DocuElevateServerSetting;
      const value = validation.fields.value ?? null;
      if (value !== null) {
        const problem = this.checkValue(setting, value);
        if (problem !== undefined) {
          return jsonAnswer(400, { detail: problem });
        }
      }
      // A null value does not delete: the row holds NULL and hides the environment's value, even after a restart.
      if (!losesWrite(this.options.lostWrites, key)) this.saveToDb(ctx, key, value, changedByOf(user));
      return jsonAnswer(200, {
        success: true,
        message: `Setting '${key}' updated successfully`,
        restart_required: setting.restartRequired,
        key,
        value: this.presentValue(key, value),
      });
    });
  }

  private deleteSetting(ctx: RequestContext, key: string, user: SessionUser): HttpAnswer {
    const rejected = this.checkKnownKey(key);
    if (rejected !== undefined) {
      return rejected;
    }
    if (!this.removeFromDb(ctx, key, changedByOf(user))) {
      return jsonAnswer(404, { detail: `Setting '${key}' not found in database` });
    }
    return jsonAnswer(200, {
      success: true,
      message: `Setting '${key}' deleted from database (will use environment variable or default)`,
    });
  }

  private showHistory(key: string): HttpAnswer {
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: 'Invalid setting key format' });
    }
    return jsonAnswer(200, { key, history: this.auditEntries(key) });
  }

  private rollBack(ctx: RequestContext, key: string, historyIdText: string, user: SessionUser): HttpAnswer {
    const historyId = parseIntegerParameter(historyIdText, ['path', 'history_id']);
    if (!historyId.ok) {
      return validationFailure([historyId.issue]);
    }
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: 'Invalid setting key format' });
    }
    const entry = this.audit.find((record) => record.id === historyId.value && record.key === key);
    const notFound = jsonAnswer(404, { detail: `History entry ${historyId.value} not found for setting '${key}'` });
    if (entry === undefined) {
      return notFound;
    }
    if (entry.oldValue === null) {
      // DocuElevate reports a rollback to "absent" of an already absent setting as a missing history entry.
      if (!this.removeFromDb(ctx, key, changedByOf(user))) {
        return notFound;
      }
    } else {
      this.saveToDb(ctx, key, entry.oldValue, changedByOf(user));
    }
    return jsonAnswer(200, { success: true, message: `Setting '${key}' rolled back to history entry ${historyId.value}` });
  }

  // ---- the settings database ----

  private checkKnownKey(key: string): HttpAnswer | undefined {
    if (!SETTING_KEY_FORMAT.test(key)) {
      return jsonAnswer(400, { detail: 'Invalid setting key format' });
    }
    if (!this.settings.has(key)) {
      return jsonAnswer(404, { detail: `Setting '${key}' not found` });
    }
    return undefined;
  }

  private checkValue(setting: DocuElevateServerSetting, value: string): string | undefined {
    if (setting.environmentOnly) {
      return `${setting.key} must be configured through the deployment secret`;
    }
    if (setting.required && value === '') {
      return `${setting.key} is required`;
    }
    if (setting.key === 'session_secret' && value !== '' && Array.from(value).length < 32) {
      return `${setting.key} must be at least 32 characters`;
    }
    return undefined;
  }

  private saveToDb(ctx: RequestContext, key: string, value: string | null, changedBy: string): void {
    const oldValue = this.storedValue(key) ?? null;
    this.db.set(key, { value, secret: this.sessionSecret });
    this.recordChange(key, oldValue, value, changedBy, 'update');
    // DocuElevate reloads its settings from the database after every write, so the value is in effect at once.
    this.running.set(key, value);
    ctx.log.committed = true;
  }

  /** Deletes the row; the running process keeps the value until it restarts (the reload only applies rows that exist). */
  private removeFromDb(ctx: RequestContext, key: string, changedBy: string): boolean {
    const oldValue = this.storedValue(key);
    if (oldValue === undefined) {
      return false;
    }
    this.db.delete(key);
    this.recordChange(key, oldValue, null, changedBy, 'delete');
    ctx.log.committed = true;
    return true;
  }

  private recordChange(key: string, oldValue: string | null, newValue: string | null, changedBy: string, action: AuditRecord['action']): void {
    const id = this.audit.length + 1;
    // SQLAlchemy's naive UTC datetime: whole seconds, no timezone.
    this.audit.push({ id, key, oldValue, newValue, changedBy, changedAt: this.clock().toISOString().slice(0, 19), action });
  }

  /** A value as a POST answer shows it: the string as sent, masked when sensitive. */
  private presentValue(key: string, value: string | null): string | null {
    return this.redact(key, value);
  }

  /**
   * A running value as `GET /api/settings/{key}` shows it: Python's str() of the parsed setting (a list
   * reads `['a', 'b']`, a boolean `True`), masked when sensitive. Unset settings read `""` (`[]` for a list).
   * @param masked false for the text before masking
   */
  private showValue(key: string, value: string | null | undefined, masked = true): string | null {
    const setting = this.settings.get(key);
    if (setting === undefined || value === null) {
      return null;
    }
    const shown = showSettingValue(setting.type, value ?? '');
    return masked ? this.redact(key, shown) : shown;
  }

  /** Whether Python's truth test passes for the parsed setting: not unset, not empty, not an empty list, not False or 0. */
  private isPythonTrue(key: string, value: string | null | undefined): boolean {
    const shown = this.showValue(key, value, false);
    return shown !== null && !['', '[]', 'False', '0'].includes(shown);
  }

  /** DocuElevate's redaction: an empty value stays empty; any other sensitive value is masked. */
  private redact(key: string, value: string | null): string | null {
    return value !== null && value !== '' && this.isSensitive(key) ? maskSensitiveValue(value) : value;
  }

  private isSensitive(key: string): boolean {
    const setting = this.settings.get(key);
    return setting !== undefined && setting.sensitive !== false;
  }

  private metadataOf(key: string): Record<string, unknown> {
    const setting = this.settings.get(key);
    if (setting === undefined) {
      return { category: 'Other', description: `Setting: ${key}`, type: 'string', sensitive: false, required: false, restart_required: false };
    }
    return {
      category: setting.category,
      description: this.describe(setting),
      type: setting.type,
      sensitive: setting.sensitive !== false,
      required: setting.required,
      restart_required: setting.restartRequired,
      // DocuElevate's metadata carries the flag only where it is true.
      ...(setting.environmentOnly ? { environment_only: true } : {}),
    };
  }

  private describe(setting: DocuElevateServerSetting): string {
    return setting.description ?? `${setting.category}: ${setting.key.replaceAll('_', ' ')}`;
  }

  private attachSessionCookie(answer: HttpAnswer, session: SessionData, hadSession: boolean): HttpAnswer {
    // Starlette's SessionMiddleware re-sends a non-empty session on every answer and clears an emptied one.
    if (Object.keys(session).length > 0) {
      const cookie = encodeSessionCookie(session, this.sessionSecret, this.nowSeconds());
      return withHeader(answer, 'set-cookie', `session=${cookie}; path=/; Max-Age=${SESSION_MAX_AGE_SECONDS}; httponly; samesite=lax`);
    }
    if (hadSession) {
      return withHeader(answer, 'set-cookie', 'session=null; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; httponly; samesite=lax');
    }
    return answer;
  }

  private nowSeconds(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }
}

/**
 * Starts a DocuElevate-compatible settings server (default `http://127.0.0.1:<free port>`).
 * It follows DocuElevate 0.188.6's settings API as it really runs: login page with the CSRF token in a hidden field,
 * `POST /auth`, signed session cookie, admin check, non-admin API tokens, CSRF on writes, key checks,
 * masking, history and audit log, `/credentials` sources, the shadowed bulk-update, and optional
 * seeded faults (5xx, 429 with Retry-After, dropped connections before or after a commit, slow answers)
 * on `/api/` routes. It logs nothing; requests are recorded without bodies in `state.requests`.
 */
export async function startDocuElevateServer(options: DocuElevateServerOptions = {}): Promise<DocuElevateServer> {
  const app = new DocuElevateApp(options);
  let faults: { readonly options: FaultOptions; readonly plan: FaultPlan } | undefined =
    options.faults === undefined ? undefined : { options: options.faults, plan: createFaultPlan(options.faults) };
  const pendingDelays = new Set<() => void>();
  let closing = false;

  const waitFor = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        pendingDelays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      pendingDelays.add(finish);
    });

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const rawUrl = request.url ?? '/';
    const log = app.openLogEntry(method, rawUrl);
    const [rawPath = '/', rawQuery = ''] = rawUrl.split(/\?(.*)/s, 2);
    const path = decodePath(rawPath);
    // Decided on arrival, so the sequence of faults follows the order requests come in.
    const active = faults;
    const fault: FaultDecision | null = active !== undefined && path.startsWith('/api/') ? active.plan.next() : null;
    log.fault = fault?.kind ?? null;
    if (fault?.kind === 'drop' && fault.phase === 'before') {
      request.socket.destroy();
      return;
    }
    const body = await readBody(request);
    if (fault?.kind === 'slow') {
      await waitFor(active?.options.slowMs ?? 1000);
    }
    if (closing) {
      return;
    }
    if (body === undefined) {
      send(response, log, jsonAnswer(413, { detail: 'Request body too large' }));
      return;
    }
    if (fault !== null && fault.phase === 'before' && fault.kind !== 'slow') {
      const answer =
        fault.kind === '500' ? app.answerInternalError(method, path) : answerAsProxy(fault.kind, active?.options.retryAfterSeconds ?? 1);
      send(response, log, answer);
      return;
    }
    const echoed = options.echo === undefined ? null : planEchoAnswer(options.echo, { method, path, body: body.toString('utf8'), headers: request.headers });
    if (echoed !== null) {
      const headers: Record<string, string> = {};
      if (echoed.contentType !== undefined) headers['content-type'] = echoed.contentType;
      if (echoed.location !== undefined) headers.location = echoed.location;
      send(response, log, { status: echoed.status, headers, body: echoed.body });
      return;
    }
    const context: RequestContext = { method, path, query: new URLSearchParams(rawQuery), headers: request.headers, body, log, session: {} };
    let answer: HttpAnswer;
    try {
      answer = app.handle(context);
    } catch {
      answer = textAnswer(500, 'Internal Server Error', 'text/plain; charset=utf-8');
    }
    if (fault?.phase === 'after') {
      if (fault.kind === 'drop') {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const state: DocuElevateServerState = {
    requests: app.requests,
    get successfulLogins() {
      return app.successfulLogins;
    },
  };

  return {
    url: `http://${hostForUrl}:${address.port}`,
    state,
    storedValue: (key) => app.storedValue(key),
    runningValue: (key) => app.runningValue(key),
    dbKeys: () => app.dbKeys(),
    auditEntries: () => app.auditEntries(),
    setFaults(next) {
      faults = next === undefined ? undefined : { options: next, plan: createFaultPlan(next) };
    },
    restart(restartOptions = {}) {
      app.restart(restartOptions);
    },
    close() {
      closing = true;
      for (const finish of [...pendingDelays]) {
        finish();
      }
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function declareRoute(methods: readonly string[], template: string, handle: RouteHandler): Route {
  const paramNames: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    paramNames.push(name);
    return '([^/]+)';
  });
  return { methods, pattern: new RegExp(`^${source}$`, 's'), paramNames, handle };
}

function send(response: ServerResponse, log: MutableLogEntry, answer: HttpAnswer): void {
  log.status = answer.status;
  if (response.destroyed) {
    return;
  }
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
  response.end(body);
}

/** Reads the whole body; `undefined` when it exceeds the size limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(buffer);
    }
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

function answerAsProxy(kind: FaultKind, retryAfterSeconds: number): HttpAnswer {
  const status = Number(kind);
  const reason = PROXY_REASONS[kind] ?? 'Error';
  const page = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  const answer = textAnswer(status, page, 'text/html');
  return kind === '429' ? withHeader(answer, 'retry-after', String(retryAfterSeconds)) : answer;
}

function jsonAnswer(status: number, payload: unknown, headers: Readonly<Record<string, string>> = {}): HttpAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) };
}

function validationFailure(issues: readonly ValidationIssue[]): HttpAnswer {
  return jsonAnswer(422, { detail: issues });
}

function textAnswer(status: number, text: string, contentType: string): HttpAnswer {
  return { status, headers: { 'content-type': contentType }, body: text };
}

function redirectAnswer(location: string, status = 302): HttpAnswer {
  return { status, headers: { location }, body: '' };
}

function withHeader(answer: HttpAnswer, name: string, value: string): HttpAnswer {
  return { ...answer, headers: { ...answer.headers, [name]: value } };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerTokenOf(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headerValue(headers, 'authorization');
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}

function isFormEncoded(headers: IncomingHttpHeaders): boolean {
  return (headerValue(headers, 'content-type') ?? '').toLowerCase().includes('application/x-www-form-urlencoded');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

function changedByOf(user: SessionUser): string {
  return user.preferred_username || user.email || user.id || 'admin';
}

function equalInConstantTime(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
