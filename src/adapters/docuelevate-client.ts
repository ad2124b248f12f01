// DocuElevate's settings API over undici: authentication (bearer, session, login with CSRF), retries, verified writes.
import { Pool, type Dispatcher } from 'undici';
import { ADMIN_PASSWORD_SETTING, findSetting } from '../core/docuelevate-catalogue.js';
import { maskSensitiveValue, SHORT_VALUE_MASK } from '../core/docuelevate-masking.js';
import { showSettingValue } from '../core/docuelevate-readback.js';
import { quoteServerText } from '../core/redaction.js';
import { runSecretRedactor } from '../crypto/run-secrets.js';
import { SecretValue } from '../crypto/secret-value.js';
import type {
  CredentialSource,
  DeleteOutcome,
  DeploymentConnection,
  DeploymentCredential,
  LoginPassword,
  SettingChange,
  StaleLogin,
  WriteOutcome,
} from '../ports/deployment-connection.js';
import { RequestError } from '../ports/errors.js';

/** Bounded retries with exponential backoff and full jitter. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** The backoff before retry n is random(0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A longer Retry-After is cut to this, so a proxy cannot park the run for an hour. */
  readonly maxRetryAfterMs: number;
}

/** The largest answer credledger reads from a deployment (1 MiB); DocuElevate's settings answers are a few kilobytes. */
export const MAX_ANSWER_BYTES = 1_048_576;

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ attempts: 5, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 });

export interface DocuElevateClientOptions {
  /** The deployment's base URL; the settings API is `<baseUrl>/api/settings`. */
  readonly baseUrl: string;
  readonly auth: DeploymentCredential;
  /** TCP (and TLS) connection timeout; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Whole-request timeout, headers and body; default 30 s. */
  readonly requestTimeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Source of jitter, 0 <= x < 1; default Math.random. */
  readonly random?: () => number;
  /** How to wait between attempts; default a timer. Tests pass a fast one. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Clock for Retry-After dates; default Date.now. */
  readonly now?: () => number;
}

/** What went wrong, so callers can tell a refused login from a dead network. */
export type DocuElevateErrorKind = 'http' | 'network' | 'auth' | 'redirect' | 'read-back' | 'protocol';

/**
 * A request DocuElevate refused or that never got an answer. The message names the request and,
 * when there was an answer, the status and DocuElevate's `detail` (422 lists give only `loc` and
 * `msg`, because FastAPI echoes the submitted value in `input`). Never a value, token or cookie.
 */
export class DocuElevateError extends RequestError {
  override readonly name: string = 'DocuElevateError';
  constructor(
    message: string,
    readonly kind: DocuElevateErrorKind,
    details: { readonly status?: number; readonly detail?: string; readonly cause?: unknown; readonly attempts?: number } = {},
  ) {
    super(message, details);
  }
}

interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** DocuElevate's login form refused the username or password (as opposed to a page that could not be read). */
class LoginRefused extends DocuElevateError {}

// A refused password is usually a variable not updated after a rotation; the other cause is DocuElevate's own.
const LOCKED_OUT_HINT =
  'If the password is right, the deployment may hold its admin_password in its database and no longer decrypt it: ' +
  'after SESSION_SECRET changes without SESSION_SECRET_PREVIOUS set to the old secret, every database-held setting reads ' +
  '[DECRYPTION FAILED], admin_password included, and no password opens. Set SESSION_SECRET_PREVIOUS to the old secret in the ' +
  "deployment's environment and restart it, then run `credledger apply --rehydrate <deployment>` to re-encrypt the values under " +
  'the new secret, and drop SESSION_SECRET_PREVIOUS';

/** A request that got no answer: worth retrying. */
class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const CSRF_REFUSED = 'CSRF token missing or invalid';
const ADMIN_REQUIRED = 'Admin access required';
const SESSION_COOKIE = 'session';

/**
 * A client for one deployment. One connection pool per origin; it never follows a redirect (so a
 * cookie or token never reaches another origin) and keeps the one `session` cookie itself.
 */
export class DocuElevateClient implements DeploymentConnection {
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly auth: DeploymentCredential;
  private readonly requestTimeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private sessionCookie: SecretValue | undefined;
  private csrfToken: SecretValue | undefined;
  /** The password logins use: the configured one, until a fallback opened or admin_password was written. */
  private loginPassword: LoginPassword | undefined;
  private staleLogin: StaleLogin | undefined;
  /** Increases with every established session, so concurrent requests refused together re-establish it once. */
  private generation = 0;
  private establishing: Promise<void> | undefined;
  private established = false;

  constructor(options: DocuElevateClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.auth = options.auth;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.pool = new Pool(this.origin, {
      connect: { timeout: options.connectTimeoutMs ?? 10_000 },
      headersTimeout: this.requestTimeoutMs,
      bodyTimeout: this.requestTimeoutMs,
    });
    if (options.auth.method === 'session') this.sessionCookie = new SecretValue(stripCookieName(options.auth.cookie.reveal()));
    if (options.auth.method === 'login') this.loginPassword = { password: options.auth.password, source: options.auth.source };
  }

  /** Set when the configured password was refused and a fallback password opened the session. */
  get staleLoginPassword(): StaleLogin | undefined {
    return this.staleLogin;
  }

  /** Establishes the session (logs in, or fetches the session's CSRF token); a no-op for bearer and none. */
  async authenticate(): Promise<void> {
    if (this.established) return;
    await this.reestablish(this.generation);
  }

  /** `GET /api/settings/credentials`: every sensitive setting and whether it comes from the database or the environment. */
  async listCredentialSources(): Promise<CredentialSource[]> {
    const { answer } = await this.callApi('GET', '/api/settings/credentials');
    const body = parseJson(answer.text);
    const list = isRecord(body) && Array.isArray(body.credentials) ? body.credentials : undefined;
    if (list === undefined) throw new DocuElevateError('GET /api/settings/credentials: the answer has no credentials list', 'protocol', { status: answer.status });
    return list.filter(isRecord).map((entry) => ({
      key: String(entry.key),
      source: entry.source === 'db' || entry.source === 'env' ? entry.source : null,
      restartRequired: entry.restart_required === true,
    }));
  }

  /**
   * `GET /api/settings/{key}/history`: who changed the setting and when, newest first. Only `id`, `changed_by`,
   * `changed_at` and `action` are read: the entries' `old_value` and `new_value` are never looked at.
   */
  async listSettingChanges(key: string): Promise<SettingChange[]> {
    const path = `${settingPath(key)}/history`;
    const { answer } = await this.callApi('GET', path);
    const body = parseJson(answer.text);
    const list = isRecord(body) && Array.isArray(body.history) ? body.history : undefined;
    if (list === undefined) throw new DocuElevateError(`GET ${path}: the answer has no history list`, 'protocol', { status: answer.status });
    return list.filter(isRecord).map((entry) => ({
      id: typeof entry.id === 'number' ? entry.id : Number(entry.id),
      changedBy: typeof entry.changed_by === 'string' ? entry.changed_by : String(entry.changed_by ?? ''),
      changedAt: typeof entry.changed_at === 'string' ? entry.changed_at : '',
      action: typeof entry.action === 'string' ? entry.action : '',
    }));
  }

  /**
   * `GET /api/settings/{key}`: whether what DocuElevate shows for the setting (masked: the first 4 characters
   * and the length) is what it would show for `value`. The shown text itself never leaves this method.
   */
  async showsValue(key: string, value: SecretValue): Promise<boolean> {
    const path = settingPath(key);
    const { answer } = await this.callApi('GET', path);
    const shown = parseJson(answer.text);
    if (!isRecord(shown) || !('value' in shown)) throw new DocuElevateError(`GET ${path}: the answer has no value`, 'protocol', { status: answer.status });
    const sensitive = !(isRecord(shown.metadata) && shown.metadata.sensitive === false);
    const type = findSetting(key)?.type ?? (isRecord(shown.metadata) && typeof shown.metadata.type === 'string' ? shown.metadata.type : 'string');
    return matchesReadBack(shown.value, value, sensitive, type);
  }

  /**
   * `POST /api/settings/{key}` with `{key, value}`, then `GET /api/settings/{key}` to check that
   * DocuElevate now shows what was sent (for a sensitive setting: the first 4 characters and the length).
   * Retrying a POST whose answer was lost is safe: it writes the same value again.
   * @throws DocuElevateError: the status and detail of a refusal, or kind `read-back` on a mismatch.
   */
  async setSetting(key: string, value: SecretValue): Promise<WriteOutcome> {
    const path = settingPath(key);
    const body = JSON.stringify({ key, value: value.reveal() });
    const written = await this.callApi('POST', path, body);
    const answer = parseJson(written.answer.text);
    const read = await this.callApi('GET', path);
    const readBack = parseJson(read.answer.text);
    const attempts = written.attempts + read.attempts;
    if (!isRecord(readBack) || !('value' in readBack)) {
      throw new DocuElevateError(`GET ${path}: the read-back answer has no value`, 'protocol', { status: read.answer.status, attempts });
    }
    const sensitive = !(isRecord(readBack.metadata) && readBack.metadata.sensitive === false);
    // DocuElevate shows str() of the parsed setting: a list, boolean or integer reads back in its Python form.
    const type = findSetting(key)?.type ?? (isRecord(readBack.metadata) && typeof readBack.metadata.type === 'string' ? readBack.metadata.type : 'string');
    if (!matchesReadBack(readBack.value, value, sensitive, type)) {
      // The shown value is never echoed: its first characters may belong to another secret.
      throw new DocuElevateError(
        `GET ${path}: the read-back does not match what was sent (${sensitive ? 'masked length or first 4 characters differ' : 'the value differs'})`,
        'read-back',
        { status: read.answer.status, attempts },
      );
    }
    const restartRequired = isRecord(answer) && typeof answer.restart_required === 'boolean' ? answer.restart_required : undefined;
    if (key === ADMIN_PASSWORD_SETTING && this.auth.method === 'login') await this.verifyNewAdminPassword(this.auth, value);
    return { attempts, ...(restartRequired === undefined ? {} : { restartRequired }) };
  }

  /**
   * DocuElevate's login form takes a written admin_password at once (restart_required notwithstanding): log
   * in with it, in a new session, to prove it opens, and use it for every later login of this run. The
   * previous session is kept when it is refused.
   * @throws DocuElevateError kind `auth` when the new password does not open.
   */
  private async verifyNewAdminPassword(auth: Extract<DeploymentCredential, { method: 'login' }>, password: SecretValue): Promise<void> {
    const previous = { cookie: this.sessionCookie, csrf: this.csrfToken };
    const candidate: LoginPassword = { password, source: `the ${ADMIN_PASSWORD_SETTING} just written` };
    try {
      await this.logInWith(auth.username, candidate);
    } catch (error) {
      this.sessionCookie = previous.cookie;
      this.csrfToken = previous.csrf;
      if (!(error instanceof DocuElevateError)) throw error;
      throw new DocuElevateError(`${ADMIN_PASSWORD_SETTING} was written, but logging in with it fails: ${error.message}`, 'auth', {
        ...(error.status === undefined ? {} : { status: error.status }),
        attempts: error.attempts,
      });
    }
    this.loginPassword = candidate;
  }

  /** `DELETE /api/settings/{key}`; a 404 "not found in database" means there was nothing to delete, which is the goal. */
  async deleteSetting(key: string): Promise<DeleteOutcome> {
    const path = settingPath(key);
    const { answer, attempts } = await this.callApi('DELETE', path, undefined, (status, detail) => status === 404 && /not found in database/i.test(detail ?? ''));
    return { result: answer.status === 404 ? 'absent' : 'deleted', attempts };
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  // ---- authentication ----

  private async reestablish(seenGeneration: number): Promise<void> {
    // Requests refused together share one re-establishment; a later refusal starts a new one.
    if (this.generation !== seenGeneration && this.established) return;
    this.establishing ??= this.establishSession().finally(() => {
      this.establishing = undefined;
    });
    await this.establishing;
  }

  private async establishSession(): Promise<void> {
    if (this.auth.method === 'login') await this.logInOrFallBack(this.auth);
    else if (this.auth.method === 'session') this.csrfToken = await this.fetchLayoutCsrfToken(['/settings', '/upload', '/']);
    this.generation += 1;
    this.established = true;
  }

  /**
   * Logs in with the current password; when DocuElevate refuses it, tries each fallback (the inventory's
   * applied admin_password) and, when one opens, keeps using it and remembers that the configured one is stale.
   */
  private async logInOrFallBack(auth: Extract<DeploymentCredential, { method: 'login' }>): Promise<void> {
    const current = this.loginPassword ?? { password: auth.password, source: auth.source };
    try {
      await this.logInWith(auth.username, current);
      return;
    } catch (error) {
      if (!(error instanceof LoginRefused)) throw error;
      for (const fallback of auth.fallbackPasswords ?? []) {
        if (fallback.password.equals(current.password)) continue;
        try {
          await this.logInWith(auth.username, fallback);
        } catch (fallbackError) {
          if (fallbackError instanceof LoginRefused) continue;
          throw fallbackError;
        }
        this.loginPassword = fallback;
        this.staleLogin = { refused: current.source, usedInstead: fallback.source };
        return;
      }
      throw error;
    }
  }

  /** GET /login (session cookie + the form's hidden csrf_token), then POST /auth with the form; 302 elsewhere than /login means success. */
  private async logInWith(username: string, login: LoginPassword): Promise<void> {
    this.sessionCookie = undefined;
    this.csrfToken = undefined;
    const page = await this.withRetries('GET', '/login', () => this.send('GET', '/login'));
    if (page.answer.status !== 200) {
      throw new DocuElevateError(`GET /login: ${describeStatus(page.answer)} (is authentication enabled on this deployment?)`, 'auth', answerDetails(page.answer));
    }
    // The login page is standalone (no meta tag); the main layout's meta tag is the fallback.
    const token = findHiddenCsrfToken(page.answer.text) ?? findMetaCsrfToken(page.answer.text) ?? (await this.fetchLayoutCsrfToken(['/']))?.reveal();
    if (token === undefined) throw new DocuElevateError('GET /login: no csrf_token field on the login page', 'protocol', { status: page.answer.status });
    const form = new URLSearchParams({ username, password: login.password.reveal(), csrf_token: token }).toString();
    const posted = await this.withRetries('POST', '/auth', () =>
      this.send('POST', '/auth', form, { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    const { status } = posted.answer;
    const location = headerOf(posted.answer, 'location');
    if (status < 300 || status >= 400 || location === undefined) {
      throw new DocuElevateError(`POST /auth: expected a redirect, got ${describeStatus(posted.answer)}`, 'auth', answerDetails(posted.answer));
    }
    const target = new URL(location, `${this.origin}${this.basePath}/`);
    if (target.pathname === `${this.basePath}/login`) {
      const why = quoteServerText(target.searchParams.get('error') ?? 'refused', runSecretRedactor());
      throw new LoginRefused(
        `login as ${username} refused: ${why} (credentials from ${login.source}). ${LOCKED_OUT_HINT}`,
        'auth',
        { status },
      );
    }
    this.csrfToken = new SecretValue(token);
  }

  /** Reads `<meta name="csrf-token">` from the first page of the main layout that has it. */
  private async fetchLayoutCsrfToken(paths: readonly string[]): Promise<SecretValue | undefined> {
    for (const path of paths) {
      const page = await this.withRetries('GET', path, () => this.send('GET', path));
      if (page.answer.status >= 300 && page.answer.status < 400 && this.auth.method === 'session') {
        const location = headerOf(page.answer, 'location') ?? '';
        if (/\/login/.test(location)) {
          throw new DocuElevateError(`the session cookie from ${this.auth.source} is not a logged-in session (DocuElevate redirects ${path} to /login): log in again and update it, or use auth method login`, 'auth', { status: page.answer.status });
        }
      }
      const token = page.answer.status === 200 ? findMetaCsrfToken(page.answer.text) : undefined;
      if (token !== undefined) return new SecretValue(token);
    }
    return undefined;
  }

  private authHeaders(method: string): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.auth.method === 'bearer') headers.authorization = `Bearer ${this.auth.token.reveal()}`;
    if (this.csrfToken !== undefined && method !== 'GET') headers['x-csrf-token'] = this.csrfToken.reveal();
    return headers;
  }

  /**
   * An API call with authentication, retries and one re-establishment of the session when DocuElevate
   * says the CSRF token (or, for login, the admin session) is no longer valid.
   * @param accept answers other than 2xx that count as success (a DELETE's 404 "not found in database").
   */
  private async callApi(
    method: Dispatcher.HttpMethod,
    path: string,
    body?: string,
    accept: (status: number, detail: string | undefined) => boolean = () => false,
  ): Promise<{ answer: HttpAnswer; attempts: number }> {
    await this.authenticate();
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const attempt = () => this.withRetries(method, path, () => this.send(method, path, body, { ...headers, ...this.authHeaders(method) }));
    const generation = this.generation;
    let result = await attempt();
    let attempts = result.attempts;
    if (result.answer.status === 403 && this.canReestablishAfter(detailOf(result.answer))) {
      await this.reestablish(generation);
      result = await attempt();
      attempts += result.attempts;
    }
    const { answer } = result;
    const detail = detailOf(answer);
    if ((answer.status >= 200 && answer.status < 300) || accept(answer.status, detail)) return { answer, attempts };
    if (answer.status >= 300 && answer.status < 400) {
      throw new DocuElevateError(`${method} ${path}: redirected to ${describeLocation(answer, this.origin)}; credledger does not follow redirects`, 'redirect', { status: answer.status, attempts });
    }
    if (answer.status === 403 && detail === ADMIN_REQUIRED) {
      throw new DocuElevateError(`${method} ${path}: HTTP 403: ${ADMIN_REQUIRED}: ${this.explainAdminRefusal()}`, 'auth', { status: 403, detail, attempts });
    }
    const kind = answer.status === 403 ? 'auth' : 'http';
    throw new DocuElevateError(`${method} ${path}: ${describeStatus(answer)}`, kind, { ...answerDetails(answer), attempts });
  }

  private canReestablishAfter(detail: string | undefined): boolean {
    if (this.auth.method === 'session') return detail === CSRF_REFUSED;
    // A login session can also have expired or been signed with a rotated SESSION_SECRET.
    if (this.auth.method === 'login') return detail === CSRF_REFUSED || detail === ADMIN_REQUIRED;
    return false;
  }

  private explainAdminRefusal(): string {
    switch (this.auth.method) {
      case 'bearer':
        return `the token from ${this.auth.source} is not an admin's. DocuElevate's API tokens belong to a user who is not an admin (as of 0.188), so the settings API refuses them; use auth method login (username_env, password_env) with the deployment's admin account`;
      case 'none':
        return 'the settings API needs an admin session, and auth method none sends no credentials (even with AUTH_ENABLED=false DocuElevate refuses the settings API); use auth method login';
      case 'session':
        return `the session cookie from ${this.auth.source} is not an admin session (expired, logged out, or signed with another SESSION_SECRET); log in again and update it, or use auth method login`;
      case 'login':
        return `logged in as ${this.auth.username}, but DocuElevate does not treat the session as an admin (is it the deployment's ADMIN_USERNAME?)`;
    }
  }

  // ---- transport ----

  /** Runs `send` until it answers with something other than a retryable status, or attempts run out. */
  private async withRetries(method: string, path: string, send: () => Promise<HttpAnswer>): Promise<{ answer: HttpAnswer; attempts: number }> {
    for (let attempt = 1; ; attempt += 1) {
      let answer: HttpAnswer | undefined;
      let failure: NoAnswer | undefined;
      try {
        answer = await send();
      } catch (error) {
        if (!(error instanceof NoAnswer)) throw error;
        failure = error;
      }
      // A GET changes nothing, so a 500 on one (a read-back, a listing) is retried too; a write's 500 may have committed.
      const retryable = failure !== undefined || (answer !== undefined && (RETRYABLE_STATUSES.has(answer.status) || (method === 'GET' && answer.status === 500)));
      if (!retryable && answer !== undefined) return { answer, attempts: attempt };
      if (attempt >= this.retry.attempts) {
        if (answer !== undefined) return { answer, attempts: attempt };
        throw new DocuElevateError(`${method} ${path}: no answer after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${failure?.message ?? 'unknown error'}`, 'network', {
          cause: failure?.cause,
          attempts: attempt,
        });
      }
      await this.sleep(this.backoff(attempt, answer));
    }
  }

  private backoff(attempt: number, answer: HttpAnswer | undefined): number {
    const retryAfter = answer === undefined ? undefined : parseRetryAfter(headerOf(answer, 'retry-after'), this.now());
    if (retryAfter !== undefined) return Math.min(retryAfter, this.retry.maxRetryAfterMs);
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(this.random() * ceiling);
  }

  /** One request, without following redirects, with the session cookie kept up to date. */
  private async send(method: Dispatcher.HttpMethod, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const requestHeaders: Record<string, string> = { accept: 'application/json, text/html;q=0.9', ...headers };
    if (this.sessionCookie !== undefined) requestHeaders.cookie = `${SESSION_COOKIE}=${this.sessionCookie.reveal()}`;
    const signal = AbortSignal.timeout(this.requestTimeoutMs);
    let answer: HttpAnswer;
    let oversized: number | undefined;
    try {
      const response = await this.pool.request({ path: `${this.basePath}${path}`, method, headers: requestHeaders, body, signal });
      // Streamed and cut off: a proxy or a broken server answering with gigabytes must not take the run's memory.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > MAX_ANSWER_BYTES) {
          oversized = response.statusCode;
          response.body.destroy();
          break;
        }
        chunks.push(chunk as Buffer);
      }
      answer = { status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      throw new NoAnswer(describeTransportError(error, this.requestTimeoutMs), { cause: error });
    }
    if (oversized !== undefined) {
      // Not retried: the same request would get the same flood.
      throw new DocuElevateError(
        `${method} ${path}: HTTP ${oversized}: the answer is over ${MAX_ANSWER_BYTES} bytes, so credledger stopped reading it (DocuElevate's settings answers are a few kilobytes: is something else answering at this URL?)`,
        'protocol',
        { status: oversized },
      );
    }
    this.keepSessionCookie(answer);
    return answer;
  }

  private keepSessionCookie(answer: HttpAnswer): void {
    const header = answer.headers['set-cookie'];
    const cookies = Array.isArray(header) ? header : header === undefined ? [] : [header];
    for (const cookie of cookies) {
      const [pair = '', ...attributes] = cookie.split(';');
      const separator = pair.indexOf('=');
      if (separator < 0 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute) || /^\s*expires\s*=.*1970/i.test(attribute));
      this.sessionCookie = expired || value === '' ? undefined : new SecretValue(value);
    }
  }
}

/** The path of one setting; keys are checked by DocuElevate, but encoding keeps a stray `/` from changing the route. */
function settingPath(key: string): string {
  return `/api/settings/${encodeURIComponent(key)}`;
}

/**
 * Whether a read-back shows the value sent. Sensitive values come back masked; an empty value may come
 * back empty or as the short mask, depending on whether the server masks empty strings.
 */
function matchesReadBack(shown: unknown, sent: SecretValue, sensitive: boolean, type: string): boolean {
  if (typeof shown !== 'string') return false;
  // What DocuElevate shows for the value sent: Python's str() of it parsed as the setting's type.
  // A declared identifier (an AWS access key id) stays one: wrapping it as a secret would redact it for the whole run.
  const wrap = (text: string) => (sent.isIdentifier ? SecretValue.identifier(text) : new SecretValue(text));
  const expected = wrap(showSettingValue(type, sent.reveal()));
  if (!sensitive) return wrap(shown).equals(expected);
  const plaintext = expected.reveal();
  if (plaintext === '') return shown === '' || shown === SHORT_VALUE_MASK;
  return shown === maskSensitiveValue(plaintext);
}

function stripCookieName(cookie: string): string {
  const trimmed = cookie.trim();
  return trimmed.startsWith(`${SESSION_COOKIE}=`) ? trimmed.slice(SESSION_COOKIE.length + 1) : trimmed;
}

/** `HTTP 500: Failed to update setting: x`, or `HTTP 502 (text/html answer, not from DocuElevate)`. */
function describeStatus(answer: HttpAnswer): string {
  const detail = detailOf(answer);
  if (detail !== undefined) return `HTTP ${answer.status}: ${detail}`;
  const type = headerOf(answer, 'content-type') ?? 'no content type';
  return `HTTP ${answer.status} (${type.split(';')[0]} answer without a detail)`;
}

function answerDetails(answer: HttpAnswer): { status: number; detail?: string } {
  const detail = detailOf(answer);
  return detail === undefined ? { status: answer.status } : { status: answer.status, detail };
}

/**
 * DocuElevate's `detail`: a string verbatim; a FastAPI validation list as `loc: msg` items only,
 * because each item's `input` echoes what was sent, value included.
 */
function detailOf(answer: HttpAnswer): string | undefined {
  const detail = rawDetailOf(answer);
  // Server text is quoted, never trusted: it may echo what was sent (a value, a password, a token), whole or in part.
  return detail === undefined ? undefined : quoteServerText(detail, runSecretRedactor());
}

function rawDetailOf(answer: HttpAnswer): string | undefined {
  const body = parseJson(answer.text);
  if (!isRecord(body)) return undefined;
  const { detail } = body;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    const items = detail.filter(isRecord).map((item) => {
      const loc = Array.isArray(item.loc) ? item.loc.map((part) => String(part)).join('.') : '';
      const msg = typeof item.msg === 'string' ? item.msg : 'invalid';
      return loc === '' ? msg : `${loc}: ${msg}`;
    });
    return items.length > 0 ? items.join('; ') : undefined;
  }
  return undefined;
}

function describeLocation(answer: HttpAnswer, origin: string): string {
  const location = headerOf(answer, 'location');
  if (location === undefined) return 'nowhere (no Location)';
  try {
    const target = new URL(location, origin);
    return target.origin === origin ? target.pathname : `another origin, ${target.origin}`;
  } catch {
    return 'an invalid Location';
  }
}

function describeTransportError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no complete answer within ${timeoutMs} ms`;
    const code = (error as { code?: unknown }).code;
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    const codes = [code, cause].filter((part): part is string => typeof part === 'string');
    return codes.length > 0 ? `${error.message} (${codes.join(', ')})` : error.message;
  }
  return String(error);
}

/** Retry-After as milliseconds: delay-seconds or an HTTP-date (RFC 9110); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** The hidden `csrf_token` input of a form, whatever the attribute order and quoting. */
export function findHiddenCsrfToken(html: string): string | undefined {
  for (const tag of html.match(/<input\b[^>]*>/gi) ?? []) {
    const attributes = readAttributes(tag);
    if (attributes.get('name') === 'csrf_token' && attributes.has('value')) return attributes.get('value');
  }
  return undefined;
}

/** The `<meta name="csrf-token" content="...">` of DocuElevate's main layout. */
export function findMetaCsrfToken(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attributes = readAttributes(tag);
    if (attributes.get('name') === 'csrf-token' && attributes.has('content')) return attributes.get('content');
  }
  return undefined;
}

function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? entity;
  });
}

function headerOf(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
