import type { DeploymentCredential } from '../../src/ports/deployment-connection.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DocuElevateClient,
  DocuElevateError,
  findHiddenCsrfToken,
  findMetaCsrfToken,
  parseRetryAfter,
  type DocuElevateClientOptions,
} from '../../src/adapters/docuelevate-client.js';
import { MAX_ANSWER_BYTES } from '../../src/adapters/docuelevate-client.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../../src/devserver/docuelevate-server.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'client-test-admin-password-1' };
const OPENAI = 'sk-proj-client-test-plaintext-0001';
const SESSION_SECRET = 'client-test-session-secret-value-0123456789';
const LOGIN: DeploymentCredential = { method: 'login', username: 'admin', password: new SecretValue(ADMIN.adminPassword), source: 'TEST_USER/TEST_PASSWORD' };

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function startServer(options: DocuElevateServerOptions = {}): Promise<DocuElevateServer> {
  const server = await startDocuElevateServer({ ...ADMIN, ...options });
  closers.push(() => server.close());
  return server;
}

/** A client with instant, recorded backoff. */
function client(baseUrl: string, auth: DeploymentCredential, extra: Partial<DocuElevateClientOptions> = {}): { client: DocuElevateClient; delays: number[] } {
  const delays: number[] = [];
  const created = new DocuElevateClient({
    baseUrl,
    auth,
    retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 400, maxRetryAfterMs: 1_500 },
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...extra,
  });
  closers.push(() => created.close());
  return { client: created, delays };
}

async function failureOf(promise: Promise<unknown>): Promise<DocuElevateError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DocuElevateError)) throw new Error(`expected a DocuElevateError, got ${String(error)}`);
  return error;
}

/** A few-line HTTP server for answers the DocuElevate-compatible server never gives. */
async function startStub(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push(`${request.method} ${request.url}`);
      handle(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function json(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(payload));
}

describe('authentication', () => {
  it('logs in through the form with its CSRF token, then writes and verifies the read-back', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, LOGIN);
    const outcome = await api.setSetting('openai_api_key', new SecretValue(OPENAI));
    expect(outcome).toEqual({ attempts: 2, restartRequired: false });
    expect(server.storedValue('openai_api_key')).toBe(OPENAI);
    expect(server.state.successfulLogins).toBe(1);
    expect(server.state.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /login 200',
      'POST /auth 302',
      'POST /api/settings/openai_api_key 200',
      'GET /api/settings/openai_api_key 200',
    ]);
  });

  it('refuses a wrong password with the reason DocuElevate gives', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, { ...LOGIN, password: new SecretValue('wrong-password') } as DeploymentCredential);
    const error = await failureOf(api.authenticate());
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/^login as admin refused: Invalid username or password \(credentials from TEST_USER\/TEST_PASSWORD\)\. /);
    // The other cause of a refused right password, and the way out.
    expect(error.message).toContain('[DECRYPTION FAILED]');
    expect(error.message).toContain('SESSION_SECRET_PREVIOUS');
    expect(error.message).toContain('credledger apply --rehydrate');
    expect(error.message).not.toContain('wrong-password');
  });

  it('uses an admin session cookie, taking the CSRF token from the main layout', async () => {
    const server = await startServer();
    const cookie = await loginCookie(server);
    const { client: api } = client(server.url, { method: 'session', cookie: new SecretValue(`session=${cookie}`), source: 'TEST_COOKIE' });
    await api.setSetting('openai_api_key', new SecretValue(OPENAI));
    expect(server.storedValue('openai_api_key')).toBe(OPENAI);
    const paths = server.state.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.slice(-3)).toEqual(['GET /settings', 'POST /api/settings/openai_api_key', 'GET /api/settings/openai_api_key']);
  });

  it('explains a session cookie that is not logged in', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, { method: 'session', cookie: new SecretValue('not-a-session'), source: 'TEST_COOKIE' });
    const error = await failureOf(api.listCredentialSources());
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/session cookie from TEST_COOKIE is not a logged-in session/);
  });

  it('works with an admin bearer token, and explains that DocuElevate API tokens are not admins', async () => {
    const server = await startServer({ apiTokens: ['user-token-0001'], adminApiTokens: ['admin-token-0001'] });
    const { client: admin } = client(server.url, { method: 'bearer', token: new SecretValue('admin-token-0001'), source: 'ADMIN_TOKEN' });
    await admin.setSetting('openai_api_key', new SecretValue(OPENAI));
    expect(server.storedValue('openai_api_key')).toBe(OPENAI);

    const { client: user } = client(server.url, { method: 'bearer', token: new SecretValue('user-token-0001'), source: 'USER_TOKEN' });
    const error = await failureOf(user.setSetting('openai_api_key', new SecretValue('sk-proj-another-value-0002')));
    expect(error.status).toBe(403);
    expect(error.detail).toBe('Admin access required');
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/the token from USER_TOKEN is not an admin's\. DocuElevate's API tokens belong to a user who is not an admin/);
    expect(error.message).toMatch(/use auth method login/);
    expect(error.message).not.toContain('user-token-0001');
  });

  it('explains that the settings API needs an admin session when sending no credentials', async () => {
    const server = await startServer({ authEnabled: false });
    const { client: api } = client(server.url, { method: 'none' });
    const error = await failureOf(api.listCredentialSources());
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/the settings API needs an admin session/);
  });

  it('re-establishes a login session once when the CSRF token stops being valid', async () => {
    const server = await startServer({ sessionSecret: SESSION_SECRET });
    const { client: api } = client(server.url, LOGIN);
    await api.setSetting('openai_api_key', new SecretValue(OPENAI));
    // A restart with a new SESSION_SECRET invalidates the cookie: the next write meets a new session without our token.
    server.restart({ sessionSecret: `${SESSION_SECRET}-rotated` });
    await api.setSetting('azure_ai_key', new SecretValue('azure-client-test-plaintext-0002'));
    expect(server.storedValue('azure_ai_key')).toBe('azure-client-test-plaintext-0002');
    expect(server.state.successfulLogins).toBe(2);
    const refused = server.state.requests.filter((r) => r.status === 403);
    expect(refused.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/settings/azure_ai_key']);
  });

  it('re-establishes only once, and concurrent refusals share it', async () => {
    let logins = 0;
    const stub = await startStub((request, _body, response) => {
      if (request.url === '/login') {
        response.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=s1; path=/' });
        response.end('<form><input value="tok-1" type="hidden" name="csrf_token"></form>');
      } else if (request.url === '/auth') {
        logins += 1;
        response.writeHead(302, { location: '/upload', 'set-cookie': 'session=s2; path=/' });
        response.end();
      } else {
        json(response, 403, { detail: 'CSRF token missing or invalid' });
      }
    });
    const { client: api } = client(stub.url, LOGIN);
    const errors = await Promise.all([
      failureOf(api.setSetting('openai_api_key', new SecretValue(OPENAI))),
      failureOf(api.setSetting('azure_ai_key', new SecretValue(OPENAI))),
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'POST /api/settings/openai_api_key: HTTP 403: CSRF token missing or invalid',
      'POST /api/settings/azure_ai_key: HTTP 403: CSRF token missing or invalid',
    ]);
    // One login to start, one shared re-login after the refusals.
    expect(logins).toBe(2);
    expect(stub.requests.filter((r) => r.startsWith('POST /api/')).length).toBe(4);
  });
});

async function loginCookie(server: DocuElevateServer): Promise<string> {
  const page = await fetch(`${server.url}/login`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = findHiddenCsrfToken(await page.text()) ?? '';
  const auth = await fetch(`${server.url}/auth`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: ADMIN.adminUsername, password: ADMIN.adminPassword, csrf_token: token }).toString(),
  });
  return (auth.headers.get('set-cookie') ?? '').split(';')[0]?.replace(/^session=/, '') ?? '';
}

describe('retries', () => {
  it('retries 503 with exponential backoff and full jitter, then fails with the status', async () => {
    const server = await startServer({ faults: { seed: 1, rate: 1, kinds: ['503'] } });
    const { client: api, delays } = client(server.url, LOGIN);
    const error = await failureOf(api.authenticate().then(() => api.listCredentialSources()));
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(4);
    expect(error.message).toBe('GET /api/settings/credentials: HTTP 503 (text/html answer without a detail)');
    // random() = 0.5 of min(400, 100 * 2^(n-1)).
    expect(delays).toEqual([50, 100, 200]);
  });

  it('honours Retry-After on 429, capped', async () => {
    const server = await startServer({ faults: { seed: 1, rate: 1, kinds: ['429'], retryAfterSeconds: 1 } });
    const { client: api, delays } = client(server.url, LOGIN);
    await api.authenticate();
    server.setFaults({ seed: 1, rate: 1, kinds: ['429'], retryAfterSeconds: 7 });
    const error = await failureOf(api.listCredentialSources());
    expect(error.status).toBe(429);
    expect(delays).toEqual([1_500, 1_500, 1_500]);
  });

  it('retries dropped connections and gives up with a network error', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, LOGIN);
    await api.authenticate();
    server.setFaults({ seed: 3, rate: 1, kinds: ['drop'] });
    const error = await failureOf(api.setSetting('openai_api_key', new SecretValue(OPENAI)));
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(4);
    expect(error.message).toMatch(/^POST \/api\/settings\/openai_api_key: no answer after 4 attempts: /);
  });

  it('recovers from a write whose answer was lost after DocuElevate committed it', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, LOGIN);
    await api.authenticate();
    server.setFaults({ seed: 9, rate: 0.5, kinds: ['504', 'drop'] });
    await api.setSetting('openai_api_key', new SecretValue(OPENAI));
    expect(server.storedValue('openai_api_key')).toBe(OPENAI);
    // With this seed the first POST is committed and its connection then dropped; the retry writes the same value again.
    const posts = server.state.requests.filter((r) => r.method === 'POST' && r.path === '/api/settings/openai_api_key');
    expect(posts.map((r) => [r.status, r.fault, r.committed])).toEqual([
      [null, 'drop', true],
      [200, null, true],
    ]);
  });

  it('gives a slow answer the whole-request timeout', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, LOGIN, { requestTimeoutMs: 100, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });
    await api.authenticate();
    server.setFaults({ seed: 1, rate: 1, kinds: ['slow'], slowMs: 2_000 });
    const error = await failureOf(api.listCredentialSources());
    expect(error.kind).toBe('network');
    expect(error.message).toBe('GET /api/settings/credentials: no answer after 2 attempts: no complete answer within 100 ms');
  });

  it('never retries 400, and passes the detail on verbatim', async () => {
    const server = await startServer();
    const { client: api, delays } = client(server.url, LOGIN);
    const error = await failureOf(api.setSetting('session_secret', new SecretValue('too-short-secret')));
    expect(error.status).toBe(400);
    expect(error.detail).toBe('session_secret must be at least 32 characters');
    expect(error.attempts).toBe(1);
    expect(delays).toEqual([]);
    expect(error.message).not.toContain('too-short-secret');
  });

  it('never retries a 500 from DocuElevate itself', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, LOGIN);
    await api.authenticate();
    server.setFaults({ seed: 1, rate: 1, kinds: ['500'] });
    const error = await failureOf(api.setSetting('openai_api_key', new SecretValue(OPENAI)));
    expect(error.message).toBe('POST /api/settings/openai_api_key: HTTP 500: Failed to update setting: openai_api_key');
    expect(error.attempts).toBe(1);
  });
});

describe('answers that need care', () => {
  it('reports a 422 by location and message only, never the echoed input', async () => {
    const stub = await startStub((_request, body, response) => {
      json(response, 422, { detail: [{ type: 'string_type', loc: ['body', 'value'], msg: 'Input should be a valid string', input: JSON.parse(body || '{}') }] });
    });
    const { client: api } = client(stub.url, { method: 'none' });
    const error = await failureOf(api.setSetting('openai_api_key', new SecretValue(OPENAI)));
    expect(error.status).toBe(422);
    expect(error.message).toBe('POST /api/settings/openai_api_key: HTTP 422: body.value: Input should be a valid string');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(OPENAI);
  });

  it('fails a write whose read-back shows another value, without echoing what it shows', async () => {
    const stub = await startStub((request, _body, response) => {
      if (request.method === 'POST') json(response, 200, { success: true, restart_required: false, value: 'sk-p****' });
      else json(response, 200, { key: 'openai_api_key', value: 'sk-o******************************', metadata: { sensitive: true } });
    });
    const { client: api } = client(stub.url, { method: 'none' });
    const error = await failureOf(api.setSetting('openai_api_key', new SecretValue(OPENAI)));
    expect(error.kind).toBe('read-back');
    expect(error.message).toBe('GET /api/settings/openai_api_key: the read-back does not match what was sent (masked length or first 4 characters differ)');
  });

  it('compares a non-sensitive read-back in full', async () => {
    let stored = '';
    const stub = await startStub((request, body, response) => {
      if (request.method === 'POST') {
        stored = (JSON.parse(body) as { value: string }).value;
        json(response, 200, { success: true });
      } else json(response, 200, { key: 'custom_setting', value: stored, metadata: { sensitive: false } });
    });
    const { client: api } = client(stub.url, { method: 'none' });
    await api.setSetting('custom_setting', new SecretValue('plain-visible-value'));
    expect(stored).toBe('plain-visible-value');
  });

  it('does not follow a redirect to another origin, cookie or not', async () => {
    const elsewhere = await startStub((_request, _body, response) => json(response, 200, {}));
    const stub = await startStub((_request, _body, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/api/settings/credentials` });
      response.end();
    });
    const { client: api } = client(stub.url, { method: 'bearer', token: new SecretValue('admin-token-0001'), source: 'TOKEN' });
    const error = await failureOf(api.listCredentialSources());
    expect(error.kind).toBe('redirect');
    expect(error.message).toBe(`GET /api/settings/credentials: redirected to another origin, ${elsewhere.url}; credledger does not follow redirects`);
    expect(elsewhere.requests).toEqual([]);
  });

  it('deletes, and counts "not found in database" as done but an unknown key as a failure', async () => {
    const server = await startServer({ initialDbValues: { openai_api_key: OPENAI } });
    const { client: api } = client(server.url, LOGIN);
    expect(await api.deleteSetting('openai_api_key')).toEqual({ result: 'deleted', attempts: 1 });
    expect(await api.deleteSetting('openai_api_key')).toEqual({ result: 'absent', attempts: 1 });
    const error = await failureOf(api.deleteSetting('no_such_setting'));
    expect(error.status).toBe(404);
    expect(error.detail).toBe("Setting 'no_such_setting' not found");
    expect(server.dbKeys()).toEqual([]);
  });

  it('lists where each credential comes from', async () => {
    const server = await startServer({ initialDbValues: { openai_api_key: OPENAI }, envValues: { azure_ai_key: 'from-the-environment-01' } });
    const { client: api } = client(server.url, LOGIN);
    const sources = await api.listCredentialSources();
    expect(sources.find((s) => s.key === 'openai_api_key')?.source).toBe('db');
    expect(sources.find((s) => s.key === 'azure_ai_key')?.source).toBe('env');
    // Every deployment has its admin password from ADMIN_PASSWORD, and its database and Redis URLs from the environment.
    expect(sources.find((s) => s.key === 'admin_password')).toEqual({ key: 'admin_password', source: 'env', restartRequired: true });
    expect(sources.find((s) => s.key === 'redis_url')?.source).toBe('env');
    expect(sources.find((s) => s.key === 'mistral_api_key')?.source).toBeNull();
  });

  it('works under a base path', async () => {
    const stub = await startStub((request, _body, response) => json(response, 200, { path: request.url, credentials: [] }));
    const { client: api } = client(`${stub.url}/docuelevate/`, { method: 'none' });
    await api.listCredentialSources();
    expect(stub.requests).toEqual(['GET /docuelevate/api/settings/credentials']);
  });
});

describe("DocuElevate's real behaviour", () => {
  it('accepts the read-back of a list setting as Python shows it, and still refuses a real mismatch', async () => {
    const server = await startServer();
    const { client: api } = client(server.url, LOGIN);
    await api.setSetting('notification_urls', new SecretValue('json://alerts.example.com/a,json://alerts.example.com/b'));
    expect(server.storedValue('notification_urls')).toBe('json://alerts.example.com/a,json://alerts.example.com/b');

    const stub = await startStub((request, _body, response) => {
      if (request.method === 'POST') json(response, 200, { success: true, restart_required: false, key: 'notification_urls', value: 'json**********' });
      else json(response, 200, { key: 'notification_urls', value: "['js****************", metadata: { sensitive: true, type: 'list' } });
    });
    const { client: other } = client(stub.url, { method: 'none' });
    const error = await failureOf(other.setSetting('notification_urls', new SecretValue('json://alerts.example.com/a')));
    expect(error.kind).toBe('read-back');
  });

  it('verifies a written admin_password by logging in with it, and uses it for the logins after', async () => {
    const server = await startServer({ sessionSecret: SESSION_SECRET });
    const { client: api } = client(server.url, LOGIN);
    const rotated = 'client-test-rotated-admin-password-2';
    await api.setSetting('admin_password', new SecretValue(rotated));
    expect(server.state.successfulLogins).toBe(2);
    expect(server.state.requests.slice(-3).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /api/settings/admin_password 200',
      'GET /login 200',
      'POST /auth 302',
    ]);
    // A later re-login (the session refused after a restart) opens with the new password, which the variable no longer holds.
    server.restart({ sessionSecret: 'x'.repeat(40), sessionSecretPrevious: SESSION_SECRET });
    await api.setSetting('openai_api_key', new SecretValue(OPENAI));
    expect(server.storedValue('openai_api_key')).toBe(OPENAI);
    expect(server.state.successfulLogins).toBe(3);
    expect(api.staleLoginPassword).toBeUndefined();

    // A password that does not open after the write is an auth failure, and the session in use is kept.
    const stub = await startStub((request, _body, response) => {
      if (request.url === '/login') {
        response.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=s1; path=/' });
        response.end('<input type="hidden" name="csrf_token" value="t1">');
      } else if (request.url === '/auth') {
        response.writeHead(302, { location: stubLogins++ === 0 ? '/onboarding' : '/login?error=Invalid+username+or+password' });
        response.end();
      } else if (request.method === 'POST') json(response, 200, { success: true, restart_required: true, key: 'admin_password', value: 'clie********************' });
      else json(response, 200, { key: 'admin_password', value: `clie${'*'.repeat(rotated.length - 4)}`, metadata: { sensitive: true, type: 'password' } });
    });
    let stubLogins = 0;
    const { client: refused } = client(stub.url, LOGIN);
    const error = await failureOf(refused.setSetting('admin_password', new SecretValue(rotated)));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/^admin_password was written, but logging in with it fails: login as admin refused/);
  });

  it('falls back to the inventory password when the variable is stale, and says so', async () => {
    const server = await startServer({ adminPassword: 'the-rotated-admin-password-0003' });
    const auth: DeploymentCredential = {
      ...(LOGIN as Extract<DeploymentCredential, { method: 'login' }>),
      fallbackPasswords: [{ password: new SecretValue('the-rotated-admin-password-0003'), source: "the inventory's admin_password" }],
    };
    const { client: api } = client(server.url, auth);
    expect(api.staleLoginPassword).toBeUndefined();
    await api.listCredentialSources();
    expect(api.staleLoginPassword).toEqual({ refused: 'TEST_USER/TEST_PASSWORD', usedInstead: "the inventory's admin_password" });

    // Without a fallback that opens, the refusal stands.
    const { client: locked } = client(server.url, { ...auth, fallbackPasswords: [{ password: new SecretValue('not-it-either-00000'), source: 'x' }] });
    expect((await failureOf(locked.listCredentialSources())).kind).toBe('auth');
  });
});

describe('parsing helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('finds CSRF tokens whatever the attribute order and quoting', () => {
    expect(findHiddenCsrfToken(`<input type='hidden' value='a&amp;b' name='csrf_token'>`)).toBe('a&b');
    expect(findHiddenCsrfToken('<input name="username"><input name="csrf_token" value="t1" type="hidden"/>')).toBe('t1');
    expect(findHiddenCsrfToken('<input name="other" value="x">')).toBeUndefined();
    expect(findMetaCsrfToken('<meta charset="utf-8"><meta content="m1" name="csrf-token">')).toBe('m1');
  });
});

// Issue #12 item 15: a 1.5 GB answer once took apply to 3.2 GB of memory, five times over.
describe('answer size', () => {
  it(`stops reading an answer over ${MAX_ANSWER_BYTES} bytes, says so, and does not retry`, async () => {
    const stub = await startStub((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const push = () => {
        while (sent < 64 && response.write(chunk)) sent += 1;
        if (sent < 64) response.once('drain', push);
        else response.end();
      };
      push();
    });
    const { client: api } = client(stub.url, { method: 'bearer', token: new SecretValue('a-token-for-the-stub'), source: 'DE_TOKEN' });
    const error = await failureOf(api.listCredentialSources());
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/the answer is over 1048576 bytes, so credledger stopped reading it/);
    expect(stub.requests).toHaveLength(1);
  });
});

// Issue #12 item 16: a 500 on the read-back GET was never retried, leaving a group half-written for the run.
describe('read-back retries', () => {
  it('retries a 500 on the read-back GET (it changes nothing) but not on the write', async () => {
    let gets = 0;
    const value = 'sk-read-back-retry-value-0001';
    const stub = await startStub((request, _body, response) => {
      if (request.method === 'POST') return json(response, 200, { success: true, restart_required: false, key: 'openai_api_key', value: `${value.slice(0, 4)}${'*'.repeat(value.length - 4)}` });
      gets += 1;
      if (gets === 1) return json(response, 500, { detail: 'Internal Server Error' });
      return json(response, 200, { key: 'openai_api_key', value: `${value.slice(0, 4)}${'*'.repeat(value.length - 4)}`, metadata: { sensitive: true, type: 'string' } });
    });
    const { client: api } = client(stub.url, { method: 'bearer', token: new SecretValue('a-token-for-the-stub'), source: 'DE_TOKEN' });
    const outcome = await api.setSetting('openai_api_key', new SecretValue(value));
    expect(outcome.attempts).toBe(3);
    expect(stub.requests).toEqual(['POST /api/settings/openai_api_key', 'GET /api/settings/openai_api_key', 'GET /api/settings/openai_api_key']);
  });
});
