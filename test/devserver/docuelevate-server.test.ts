import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import {
  startDocuElevateServer,
  type DocuElevateServer,
  type DocuElevateServerOptions,
  type RequestLogEntry,
} from '../../src/devserver/docuelevate-server.js';
import { DOCUELEVATE_SETTINGS } from '../../src/core/docuelevate-catalogue.js';

const ADMIN = { adminUsername: 'Admin', adminPassword: 'correct horse battery staple' };
const OPENAI_KEY = 'sk-proj-devserver-plaintext-0001';
const AZURE_KEY = 'azure-devserver-plaintext-0002';
const SHORT_SECRET = 'tiny1';
const FIXED_NOW = new Date('2026-03-01T12:00:00.000Z');

const servers: DocuElevateServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: DocuElevateServerOptions = {}): Promise<DocuElevateServer> {
  const server = await startDocuElevateServer({ ...ADMIN, clock: () => FIXED_NOW, ...options });
  servers.push(server);
  return server;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

async function call(
  server: DocuElevateServer,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const response = await request(`${server.url}${path}`, { method, headers: options.headers, body: options.body });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

function sessionCookieOf(answer: Answer): string {
  const header = answer.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header === undefined ? [] : [header];
  const session = cookies.find((cookie) => cookie.startsWith('session='));
  if (session === undefined) {
    throw new Error('no session cookie set');
  }
  return session.split(';')[0] as string;
}

function hiddenCsrfTokenOf(html: string): string {
  const match = /<input type="hidden" name="csrf_token" value="([^"]+)">/.exec(html);
  if (match === null) {
    throw new Error('no csrf_token field');
  }
  return match[1] as string;
}

/** The `login` auth method: GET /login, then POST /auth with the form's CSRF token. */
async function logIn(server: DocuElevateServer, username = ADMIN.adminUsername): Promise<{ cookie: string; csrf: string }> {
  const page = await call(server, 'GET', '/login');
  const csrf = hiddenCsrfTokenOf(page.text);
  const form = new URLSearchParams({ username, password: ADMIN.adminPassword, csrf_token: csrf });
  const auth = await call(server, 'POST', '/auth', {
    headers: { cookie: sessionCookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(auth.status).toBe(302);
  expect(auth.headers['location']).toBe('/onboarding');
  return { cookie: sessionCookieOf(auth), csrf };
}

function adminHeaders(session: { cookie: string; csrf: string }): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
}

async function writeSetting(
  server: DocuElevateServer,
  session: { cookie: string; csrf: string },
  key: string,
  value: string | null,
): Promise<Answer> {
  return call(server, 'POST', `/api/settings/${key}`, { headers: adminHeaders(session), body: JSON.stringify({ key, value }) });
}

function maskOf(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 4)}`;
}

async function sourceOf(server: DocuElevateServer, session: { cookie: string }, key: string): Promise<{ configured: boolean; source: string | null }> {
  const answer = await call(server, 'GET', '/api/settings/credentials', { headers: { cookie: session.cookie } });
  const entry = (answer.json() as { credentials: { key: string; configured: boolean; source: string | null }[] }).credentials.find((c) => c.key === key);
  return { configured: entry?.configured ?? false, source: entry?.source ?? null };
}

function writesCommitted(server: DocuElevateServer): RequestLogEntry[] {
  return server.state.requests.filter((entry) => entry.committed);
}

describe('login and sessions', () => {
  it('logs in through the form, keeps the CSRF token and accepts it on writes', async () => {
    const server = await start();
    const page = await call(server, 'GET', '/login');
    expect(page.status).toBe(200);
    // The login page is standalone: the token is only in the hidden field.
    expect(page.text).not.toContain('name="csrf-token"');
    const csrf = hiddenCsrfTokenOf(page.text);
    expect(csrf).toMatch(/^[0-9a-f]{64}$/);

    const session = await logIn(server);
    expect(session.cookie).toMatch(/^session=[\w-]+\.\d+\.[\w-]+$/);
    const whoami = await call(server, 'GET', '/api/auth/whoami', { headers: { cookie: session.cookie } });
    expect(whoami.json()).toMatchObject({ preferred_username: 'Admin', is_admin: true });

    const settingsPage = await call(server, 'GET', '/settings', { headers: { cookie: session.cookie } });
    expect(settingsPage.text).toContain(`<meta name="csrf-token" content="${session.csrf}">`);

    const written = await writeSetting(server, session, 'openai_api_key', OPENAI_KEY);
    expect(written.status).toBe(200);
    expect(written.json()).toEqual({
      success: true,
      message: "Setting 'openai_api_key' updated successfully",
      restart_required: false,
      key: 'openai_api_key',
      value: 'sk-p****************************',
    });
    expect(server.storedValue('openai_api_key')).toBe(OPENAI_KEY);
    expect(server.state.successfulLogins).toBe(1);
  });

  it('compares the username case-insensitively and the password exactly', async () => {
    const server = await start();
    await logIn(server, 'aDMIN');
    const page = await call(server, 'GET', '/login');
    const wrong = await call(server, 'POST', '/auth', {
      headers: { cookie: sessionCookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'Admin', password: ADMIN.adminPassword.toUpperCase(), csrf_token: hiddenCsrfTokenOf(page.text) }).toString(),
    });
    expect(wrong.status).toBe(302);
    expect(wrong.headers['location']).toBe('/login?error=Invalid+username+or+password');
    expect(server.state.successfulLogins).toBe(1);
  });

  it('refuses a login form without the CSRF token', async () => {
    const server = await start();
    const page = await call(server, 'GET', '/login');
    const auth = await call(server, 'POST', '/auth', {
      headers: { cookie: sessionCookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'Admin', password: ADMIN.adminPassword }).toString(),
    });
    expect(auth.status).toBe(302);
    expect(auth.headers['location']).toBe('/login?error=Invalid+request');
    expect(server.state.successfulLogins).toBe(0);
  });

  it('sends protected pages to /login and back after logging in', async () => {
    const server = await start();
    const settings = await call(server, 'GET', '/settings');
    expect(settings.status).toBe(302);
    expect(settings.headers['location']).toBe('/login');
    const page = await call(server, 'GET', '/login', { headers: { cookie: sessionCookieOf(settings) } });
    const auth = await call(server, 'POST', '/auth', {
      headers: { cookie: sessionCookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'admin', password: ADMIN.adminPassword, csrf_token: hiddenCsrfTokenOf(page.text) }).toString(),
    });
    // The admin's onboarding never completes: every login goes there, and the page asked for waits behind it.
    expect(auth.headers['location']).toBe('/onboarding');
    const onboarding = await call(server, 'GET', '/onboarding', { headers: { cookie: sessionCookieOf(auth) } });
    expect(onboarding.status).toBe(200);
  });

  it('ignores a session cookie signed with another secret', async () => {
    const server = await start({ sessionSecret: 'a'.repeat(40) });
    const other = await start({ sessionSecret: 'b'.repeat(40) });
    const session = await logIn(other);
    const answer = await call(server, 'GET', '/api/settings/', { headers: { cookie: session.cookie } });
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({ detail: 'Admin access required' });
  });
});

describe('CSRF and the admin check', () => {
  it('answers 403 to a write without a valid CSRF token and stores nothing', async () => {
    const server = await start();
    const session = await logIn(server);
    const attempts: Record<string, string>[] = [
      { cookie: session.cookie, 'content-type': 'application/json' },
      { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': 'f'.repeat(64) },
    ];
    for (const headers of attempts) {
      const answer = await call(server, 'POST', '/api/settings/openai_api_key', {
        headers,
        body: JSON.stringify({ key: 'openai_api_key', value: OPENAI_KEY }),
      });
      expect(answer.status).toBe(403);
      expect(answer.json()).toEqual({ detail: 'CSRF token missing or invalid' });
    }
    const deleted = await call(server, 'DELETE', '/api/settings/openai_api_key', { headers: { cookie: session.cookie } });
    expect(deleted.status).toBe(403);
    expect(server.dbKeys()).toEqual([]);
    expect(writesCommitted(server)).toEqual([]);
  });

  it('exempts bearer requests from CSRF, but an API token is not an admin', async () => {
    const server = await start({ apiTokens: ['user-token-1'] });
    const headers = { authorization: 'Bearer user-token-1', 'content-type': 'application/json' };
    const write = await call(server, 'POST', '/api/settings/openai_api_key', { headers, body: JSON.stringify({ key: 'openai_api_key', value: OPENAI_KEY }) });
    expect(write.status).toBe(403);
    expect(write.json()).toEqual({ detail: 'Admin access required' });
    const whoami = await call(server, 'GET', '/api/auth/whoami', { headers });
    expect(whoami.json()).toMatchObject({ is_admin: false });
    const unknown = await call(server, 'GET', '/api/auth/whoami', { headers: { authorization: 'Bearer nope' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json()).toEqual({ error: 'Not authenticated' });
    expect(server.dbKeys()).toEqual([]);
  });

  it('accepts admin API tokens where a deployment grants them', async () => {
    const server = await start({ adminApiTokens: ['admin-token-1'] });
    const write = await call(server, 'POST', '/api/settings/openai_api_key', {
      headers: { authorization: 'Bearer admin-token-1', 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'openai_api_key', value: OPENAI_KEY }),
    });
    expect(write.status).toBe(200);
    expect(server.auditEntries()[0]?.changed_by).toBe('api-admin');
  });

  it('refuses the settings API without a session, and always when authentication is off', async () => {
    const server = await start();
    expect((await call(server, 'GET', '/api/settings/')).status).toBe(403);

    const open = await start({ authEnabled: false, adminApiTokens: ['admin-token-1'] });
    expect((await call(open, 'GET', '/login')).status).toBe(404);
    expect((await call(open, 'POST', '/auth', { body: 'username=Admin' })).status).toBe(404);
    const write = await call(open, 'POST', '/api/settings/openai_api_key', {
      headers: { authorization: 'Bearer admin-token-1', 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'openai_api_key', value: OPENAI_KEY }),
    });
    expect(write.status).toBe(403);
    expect(write.json()).toEqual({ detail: 'Admin access required' });
    const whoami = await call(open, 'GET', '/api/auth/whoami');
    expect(whoami.status).toBe(200);
    expect(whoami.json()).toEqual({ error: 'Not authenticated' });
    expect(open.dbKeys()).toEqual([]);
  });
});

describe('settings API', () => {
  it('masks sensitive values everywhere and never answers with a plaintext', async () => {
    const server = await start({ envValues: { azure_ai_key: AZURE_KEY } });
    const session = await logIn(server);
    await writeSetting(server, session, 'openai_api_key', OPENAI_KEY);
    await writeSetting(server, session, 'mistral_api_key', SHORT_SECRET);

    const long = await call(server, 'GET', '/api/settings/openai_api_key', { headers: { cookie: session.cookie } });
    expect(long.json()).toMatchObject({ key: 'openai_api_key', value: `sk-p${'*'.repeat(OPENAI_KEY.length - 4)}` });
    const short = await call(server, 'GET', '/api/settings/mistral_api_key', { headers: { cookie: session.cookie } });
    expect(short.json()).toMatchObject({ value: '********', metadata: { category: 'OCR Engines', sensitive: true } });
    const fromEnv = await call(server, 'GET', '/api/settings/azure_ai_key', { headers: { cookie: session.cookie } });
    expect(fromEnv.json()).toMatchObject({ value: `azur${'*'.repeat(AZURE_KEY.length - 4)}` });

    const bodies = await Promise.all(
      ['/api/settings/', '/api/settings/credentials', '/api/settings/audit-log', '/api/settings/export-env', '/api/settings/export-env?source=effective', '/api/settings/openai_api_key/history'].map(
        (path) => call(server, 'GET', path, { headers: { cookie: session.cookie } }),
      ),
    );
    for (const answer of bodies) {
      expect(answer.status).toBe(200);
      for (const secret of [OPENAI_KEY, SHORT_SECRET, AZURE_KEY]) {
        expect(answer.text).not.toContain(secret);
      }
    }
    const exported = bodies[4]?.text ?? '';
    expect(exported).toContain(`OPENAI_API_KEY=sk-p${'*'.repeat(OPENAI_KEY.length - 4)}`);
    expect(exported).toContain('AZURE_AI_KEY=azur');
    // The request log keeps no bodies, so no plaintext either.
    expect(JSON.stringify(server.state.requests)).not.toContain(OPENAI_KEY);
  });

  it('rejects bad keys and values with DocuElevate details', async () => {
    const server = await start();
    const session = await logIn(server);
    const cases: [string, string | null, number, string][] = [
      ['not-a-key', 'x', 400, 'Invalid setting key format'],
      ['openai_model', 'gpt', 404, "Setting 'openai_model' not found"],
      ['session_secret_previous', 'p'.repeat(40), 400, 'session_secret_previous must be configured through the deployment secret'],
      ['session_secret', 's'.repeat(31), 400, 'session_secret must be at least 32 characters'],
      ['database_url', '', 400, 'database_url is required'],
    ];
    for (const [key, value, status, detail] of cases) {
      const answer = await writeSetting(server, session, key, value);
      expect(answer.status, key).toBe(status);
      expect(answer.json()).toEqual({ detail });
    }
    expect((await writeSetting(server, session, 'session_secret', 's'.repeat(32))).status).toBe(200);
    expect(server.dbKeys()).toEqual(['session_secret']);
    // Reading checks only the format: an unknown well-formed key reads as null.
    const unknown = await call(server, 'GET', '/api/settings/openai_model', { headers: { cookie: session.cookie } });
    expect(unknown.status).toBe(200);
    expect(unknown.json()).toMatchObject({ key: 'openai_model', value: null, metadata: { category: 'Other' } });
  });

  it('shadows bulk-update: a list body is a 422 from POST /{key}', async () => {
    const server = await start();
    const session = await logIn(server);
    const list = await call(server, 'POST', '/api/settings/bulk-update', {
      headers: adminHeaders(session),
      body: JSON.stringify([{ key: 'aws_access_key_id', value: 'AKIAEXAMPLE123' }]),
    });
    expect(list.status).toBe(422);
    const detail = (list.json() as { detail: { type: string; loc: string[]; msg: string }[] }).detail;
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject({ type: 'model_attributes_type', loc: ['body'] });
    // An object body gets through validation and fails on the key "bulk-update" itself.
    const single = await call(server, 'POST', '/api/settings/bulk-update', {
      headers: adminHeaders(session),
      body: JSON.stringify({ key: 'aws_access_key_id', value: 'AKIAEXAMPLE123' }),
    });
    expect(single.status).toBe(400);
    const malformed = await call(server, 'POST', '/api/settings/openai_api_key', { headers: adminHeaders(session), body: '{"key":' });
    expect(malformed.status).toBe(422);
    expect(server.dbKeys()).toEqual([]);
  });

  it('deletes with DELETE (the old value stays in effect until a restart), keeps a NULL row for a null value, and answers 404 when the key is not in the database', async () => {
    const server = await start({ envValues: { openai_api_key: 'sk-env-value-123' } });
    const session = await logIn(server);
    const absent = await call(server, 'DELETE', '/api/settings/openai_api_key', { headers: adminHeaders(session) });
    expect(absent.status).toBe(404);
    expect(absent.json()).toEqual({ detail: "Setting 'openai_api_key' not found in database" });

    await writeSetting(server, session, 'openai_api_key', OPENAI_KEY);
    const deleted = await call(server, 'DELETE', '/api/settings/openai_api_key', { headers: adminHeaders(session) });
    expect(deleted.status).toBe(200);
    expect(server.storedValue('openai_api_key')).toBeUndefined();
    // The running process keeps the deleted value until it restarts: the old mask, reported as from the environment.
    const read = await call(server, 'GET', '/api/settings/openai_api_key', { headers: { cookie: session.cookie } });
    expect(read.json()).toMatchObject({ value: maskOf(OPENAI_KEY) });
    expect(await sourceOf(server, session, 'openai_api_key')).toEqual({ configured: true, source: 'env' });
    server.restart();
    const afterRestart = await logIn(server);
    const restarted = await call(server, 'GET', '/api/settings/openai_api_key', { headers: { cookie: afterRestart.cookie } });
    expect(restarted.json()).toMatchObject({ value: 'sk-e************' });

    await writeSetting(server, afterRestart, 'azure_ai_key', AZURE_KEY);
    const nulled = await writeSetting(server, afterRestart, 'azure_ai_key', null);
    expect(nulled.json()).toMatchObject({ success: true, value: null });
    // A null keeps a row holding NULL (history action update), which hides the environment even after a restart.
    expect(server.dbKeys()).toEqual(['azure_ai_key']);
    expect(server.storedValue('azure_ai_key')).toBeNull();
    expect(server.auditEntries().filter((entry) => entry.key === 'azure_ai_key').at(-1)).toMatchObject({ action: 'update', old_value: '[REDACTED]', new_value: null });
    server.restart({ envValues: { azure_ai_key: 'azure-from-the-environment' } });
    const session2 = await logIn(server);
    expect(await sourceOf(server, session2, 'azure_ai_key')).toEqual({ configured: false, source: null });
    const hidden = await call(server, 'GET', '/api/settings/azure_ai_key', { headers: { cookie: session2.cookie } });
    expect(hidden.json()).toMatchObject({ value: null });
    const put = await call(server, 'PUT', '/api/settings/azure_ai_key', { headers: adminHeaders(session2), body: JSON.stringify({ value: AZURE_KEY }) });
    expect(put.status).toBe(200);
    expect(server.storedValue('azure_ai_key')).toBe(AZURE_KEY);
  });

  it('answers a lost write as a success and keeps neither the value nor a history entry', async () => {
    const server = await start({ initialDbValues: { openai_api_key: OPENAI_KEY }, lostWrites: { keys: ['openai_api_key'] } });
    const session = await logIn(server);
    const answer = await writeSetting(server, session, 'openai_api_key', AZURE_KEY);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ success: true, key: 'openai_api_key' });
    expect(server.storedValue('openai_api_key')).toBe(OPENAI_KEY);
    const history = await call(server, 'GET', '/api/settings/openai_api_key/history', { headers: { cookie: session.cookie } });
    expect(history.json()).toEqual({ key: 'openai_api_key', history: [] });
    expect(writesCommitted(server)).toHaveLength(0);
    // Other settings are kept as usual.
    await writeSetting(server, session, 'azure_ai_key', AZURE_KEY);
    expect(server.storedValue('azure_ai_key')).toBe(AZURE_KEY);
  });

  it('reports credential sources: db, env or null', async () => {
    const server = await start({ envValues: { azure_ai_key: AZURE_KEY, openai_api_key: 'sk-env-value-123' }, initialDbValues: { openai_api_key: OPENAI_KEY } });
    const session = await logIn(server);
    const answer = await call(server, 'GET', '/api/settings/credentials', { headers: { cookie: session.cookie } });
    const body = answer.json() as { credentials: { key: string; source: string | null; configured: boolean; restart_required: boolean }[]; total: number; configured_count: number; unconfigured_count: number };
    const byKey = new Map(body.credentials.map((credential) => [credential.key, credential]));
    expect(byKey.get('openai_api_key')).toMatchObject({ source: 'db', configured: true });
    expect(byKey.get('azure_ai_key')).toMatchObject({ source: 'env', configured: true });
    expect(byKey.get('mistral_api_key')).toMatchObject({ source: null, configured: false });
    expect(byKey.get('session_secret')?.restart_required).toBe(true);
    // Every deployment has these from its environment: DATABASE_URL, redis_url's default, and with auth SESSION_SECRET and ADMIN_PASSWORD.
    for (const key of ['database_url', 'redis_url', 'session_secret', 'admin_password']) {
      expect(byKey.get(key)).toMatchObject({ source: 'env', configured: true });
    }
    expect(body).toMatchObject({ total: 60, configured_count: 6, unconfigured_count: 54 });
  });

  it('keeps a redacted history and audit log, newest first, and rolls back', async () => {
    const server = await start();
    const session = await logIn(server);
    await writeSetting(server, session, 'openai_api_key', OPENAI_KEY);
    await writeSetting(server, session, 'openai_api_key', `${OPENAI_KEY}-v2`);
    await writeSetting(server, session, 'azure_ai_key', AZURE_KEY);

    const history = await call(server, 'GET', '/api/settings/openai_api_key/history', { headers: { cookie: session.cookie } });
    expect(history.json()).toEqual({
      key: 'openai_api_key',
      history: [
        // Written within the same second: ascending id, as DocuElevate's query returns ties.
        { id: 1, key: 'openai_api_key', old_value: null, new_value: '[REDACTED]', changed_by: 'Admin', changed_at: '2026-03-01T12:00:00', action: 'update' },
        { id: 2, key: 'openai_api_key', old_value: '[REDACTED]', new_value: '[REDACTED]', changed_by: 'Admin', changed_at: '2026-03-01T12:00:00', action: 'update' },
      ],
    });
    // Newest first by changed_at (whole seconds); entries of the same second in ascending id, as DocuElevate's query returns them.
    const audit = await call(server, 'GET', '/api/settings/audit-log?limit=2&offset=0', { headers: { cookie: session.cookie } });
    expect((audit.json() as { entries: { id: number }[] }).entries.map((entry) => entry.id)).toEqual([1, 2]);

    const rollback = await call(server, 'POST', '/api/settings/openai_api_key/rollback/2', { headers: adminHeaders(session) });
    expect(rollback.status).toBe(200);
    expect(server.storedValue('openai_api_key')).toBe(OPENAI_KEY);
    const toAbsent = await call(server, 'POST', '/api/settings/azure_ai_key/rollback/3', { headers: adminHeaders(session) });
    expect(toAbsent.status).toBe(200);
    expect(server.storedValue('azure_ai_key')).toBeUndefined();
    const missing = await call(server, 'POST', '/api/settings/openai_api_key/rollback/99', { headers: adminHeaders(session) });
    expect(missing.status).toBe(404);
    const notInt = await call(server, 'POST', '/api/settings/openai_api_key/rollback/x', { headers: adminHeaders(session) });
    expect(notInt.status).toBe(422);
  });

  it('redirects a missing trailing slash and answers 405 to an unknown method', async () => {
    const server = await start();
    const session = await logIn(server);
    const noSlash = await call(server, 'GET', '/api/settings', { headers: { cookie: session.cookie } });
    expect(noSlash.status).toBe(307);
    expect(noSlash.headers['location']).toBe(`${server.url}/api/settings/`);
    const patch = await call(server, 'PATCH', '/api/settings/openai_api_key', { headers: adminHeaders(session), body: '{}' });
    expect(patch.status).toBe(405);
    expect((await call(server, 'GET', '/api/nothing-here')).status).toBe(404);
  });

  it('loses database values after a session secret rotation without the previous secret', async () => {
    const server = await start({ sessionSecret: 'o'.repeat(40) });
    const session = await logIn(server);
    await writeSetting(server, session, 'openai_api_key', OPENAI_KEY);

    server.restart({ sessionSecret: 'n'.repeat(40), sessionSecretPrevious: 'o'.repeat(40) });
    expect(server.storedValue('openai_api_key')).toBe(OPENAI_KEY);
    // The old cookie is void: a new session has a new CSRF token.
    expect((await writeSetting(server, session, 'openai_api_key', OPENAI_KEY)).status).toBe(403);

    server.restart({ sessionSecretPrevious: null });
    expect(server.storedValue('openai_api_key')).toBe('[DECRYPTION FAILED]');
    const fresh = await logIn(server);
    const credentials = await call(server, 'GET', '/api/settings/credentials', { headers: { cookie: fresh.cookie } });
    expect((credentials.json() as { credentials: { key: string; source: string | null }[] }).credentials.find((c) => c.key === 'openai_api_key')?.source).toBe('db');
    await writeSetting(server, fresh, 'openai_api_key', OPENAI_KEY);
    expect(server.storedValue('openai_api_key')).toBe(OPENAI_KEY);
  });
});

describe('DocuElevate 0.188.6 as it really runs', () => {
  async function logInWith(server: DocuElevateServer, password: string): Promise<{ location: string; cookie: string; csrf: string }> {
    const page = await call(server, 'GET', '/login');
    const csrf = hiddenCsrfTokenOf(page.text);
    const auth = await call(server, 'POST', '/auth', {
      headers: { cookie: sessionCookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: ADMIN.adminUsername, password, csrf_token: csrf }).toString(),
    });
    return { location: String(auth.headers['location']), cookie: sessionCookieOf(auth), csrf };
  }

  it("reads a list back as Python's str() of the parsed list, a boolean as True, an integer without leading zeros", async () => {
    const server = await start({
      catalogue: [
        ...DOCUELEVATE_SETTINGS,
        { key: 'debug_mode', category: 'Core', type: 'boolean', restartRequired: false, environmentOnly: false, required: false, sensitive: false },
        { key: 'worker_count', category: 'Core', type: 'integer', restartRequired: false, environmentOnly: false, required: false, sensitive: false },
      ],
    });
    const session = await logIn(server);
    const sent = 'json://alerts.example.com/a,json://alerts.example.com/b';
    const posted = await writeSetting(server, session, 'notification_urls', sent);
    // The POST answer masks the string as sent ...
    expect(posted.json()).toMatchObject({ value: maskOf(sent) });
    // ... the GET masks str() of the list, so it is longer and starts ['js.
    const read = await call(server, 'GET', '/api/settings/notification_urls', { headers: { cookie: session.cookie } });
    const shown = "['json://alerts.example.com/a', 'json://alerts.example.com/b']";
    expect(read.json()).toMatchObject({ value: maskOf(shown) });
    expect(maskOf(shown).startsWith("['js")).toBe(true);

    await writeSetting(server, session, 'debug_mode', 'true');
    await writeSetting(server, session, 'worker_count', '010');
    expect((await call(server, 'GET', '/api/settings/debug_mode', { headers: { cookie: session.cookie } })).json()).toMatchObject({ value: 'True' });
    expect((await call(server, 'GET', '/api/settings/worker_count', { headers: { cookie: session.cookie } })).json()).toMatchObject({ value: '10' });
    // Unset string settings read back "".
    expect((await call(server, 'GET', '/api/settings/mistral_api_key', { headers: { cookie: session.cookie } })).json()).toMatchObject({ value: '' });
  });

  it('takes a written admin_password at once for the login form; open sessions keep working', async () => {
    const server = await start();
    const session = await logIn(server);
    const newPassword = 'the-new-admin-password-0001';
    expect((await writeSetting(server, session, 'admin_password', newPassword)).json()).toMatchObject({ restart_required: true });
    expect((await logInWith(server, ADMIN.adminPassword)).location).toBe('/login?error=Invalid+username+or+password');
    expect((await logInWith(server, newPassword)).location).toBe('/onboarding');
    expect((await writeSetting(server, session, 'openai_api_key', OPENAI_KEY)).status).toBe(200);
    // The database value outlives a restart, and wins over ADMIN_PASSWORD.
    server.restart();
    expect((await logInWith(server, newPassword)).location).toBe('/onboarding');
  });

  it('never uses a session_secret written through the API; a changed SESSION_SECRET without the previous one locks out a database-held admin_password', async () => {
    const server = await start({ sessionSecret: 'e'.repeat(40) });
    const session = await logIn(server);
    const newPassword = 'database-held-admin-password-01';
    await writeSetting(server, session, 'admin_password', newPassword);
    await writeSetting(server, session, 'session_secret', 'w'.repeat(40));
    server.restart();
    // Sessions are still signed with the environment's secret, and stored values still open.
    expect((await writeSetting(server, session, 'openai_api_key', OPENAI_KEY)).status).toBe(200);
    expect(server.storedValue('openai_api_key')).toBe(OPENAI_KEY);

    server.restart({ sessionSecret: 'n'.repeat(40) });
    expect(server.storedValue('admin_password')).toBe('[DECRYPTION FAILED]');
    expect(server.runningValue('admin_password')).toBe('[DECRYPTION FAILED]');
    expect((await logInWith(server, newPassword)).location).toMatch(/^\/login\?error=/);
    expect((await logInWith(server, ADMIN.adminPassword)).location).toMatch(/^\/login\?error=/);

    // With SESSION_SECRET_PREVIOUS set to the old secret the values open again.
    server.restart({ sessionSecretPrevious: 'e'.repeat(40) });
    expect((await logInWith(server, newPassword)).location).toBe('/onboarding');
  });

  it('orders history by changed_at in whole seconds, and sends environment_only only where it is true', async () => {
    let now = FIXED_NOW.getTime();
    const server = await start({ clock: () => new Date(now) });
    const session = await logIn(server);
    await writeSetting(server, session, 'openai_api_key', OPENAI_KEY);
    now += 1500;
    await writeSetting(server, session, 'azure_ai_key', AZURE_KEY);
    const audit = await call(server, 'GET', '/api/settings/audit-log', { headers: { cookie: session.cookie } });
    expect((audit.json() as { entries: { key: string; changed_at: string }[] }).entries.map((entry) => [entry.key, entry.changed_at])).toEqual([
      ['azure_ai_key', '2026-03-01T12:00:01'],
      ['openai_api_key', '2026-03-01T12:00:00'],
    ]);
    const plain = await call(server, 'GET', '/api/settings/openai_api_key', { headers: { cookie: session.cookie } });
    expect((plain.json() as { metadata: Record<string, unknown> }).metadata).not.toHaveProperty('environment_only');
    const envOnly = await call(server, 'GET', '/api/settings/session_secret_previous', { headers: { cookie: session.cookie } });
    expect((envOnly.json() as { metadata: Record<string, unknown> }).metadata).toMatchObject({ environment_only: true });
  });
});

describe('fault injection', () => {
  async function runSequence(seed: number): Promise<(number | string)[]> {
    const server = await start({ faults: { seed, rate: 0.5, kinds: ['500', '502', '503', '504', '429', 'drop', 'slow'], retryAfterSeconds: 0, slowMs: 1 } });
    const session = await logIn(server);
    const outcomes: (number | string)[] = [];
    for (let index = 0; index < 30; index += 1) {
      try {
        const answer = await writeSetting(server, session, 'openai_api_key', `${OPENAI_KEY}-${index}`);
        outcomes.push(answer.status);
      } catch {
        outcomes.push('dropped');
      }
    }
    return outcomes;
  }

  it('repeats the same faults for the same seed', async () => {
    const first = await runSequence(1234);
    expect(await runSequence(1234)).toEqual(first);
    expect(await runSequence(4321)).not.toEqual(first);
    expect(first).toContain('dropped');
    expect(first).toContain(200);
    expect(first.some((outcome) => typeof outcome === 'number' && outcome >= 500)).toBe(true);
  });

  it('drops connections before and after committing a write', async () => {
    const server = await start({ faults: { seed: 99, rate: 1, kinds: ['drop'] } });
    const session = await logIn(server);
    const keys = ['openai_api_key', 'azure_ai_key', 'mistral_api_key', 'gemini_api_key', 'anthropic_api_key', 'openrouter_api_key'];
    for (const key of keys) {
      await expect(writeSetting(server, session, key, `${key}-value-123456`)).rejects.toThrow();
    }
    const writes = server.state.requests.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/api/'));
    expect(writes).toHaveLength(keys.length);
    expect(writes.every((entry) => entry.status === null && entry.fault === 'drop')).toBe(true);
    const committed = writes.filter((entry) => entry.committed).map((entry) => entry.path.split('/').pop());
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.length).toBeLessThan(keys.length);
    expect(server.dbKeys()).toEqual([...committed].sort());

    server.setFaults(undefined);
    expect((await writeSetting(server, session, 'openai_api_key', OPENAI_KEY)).status).toBe(200);
  });

  it('answers some gateway timeouts after the write was committed', async () => {
    const server = await start({ faults: { seed: 3, rate: 1, kinds: ['504'] } });
    const session = await logIn(server);
    for (let index = 0; index < 8; index += 1) {
      expect((await writeSetting(server, session, 'openai_api_key', `${OPENAI_KEY}-${index}`)).status).toBe(504);
    }
    const writes = server.state.requests.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/api/'));
    expect(writes.every((entry) => entry.status === 504)).toBe(true);
    expect(writes.some((entry) => entry.committed)).toBe(true);
    expect(writes.some((entry) => !entry.committed)).toBe(true);
    expect(server.auditEntries()).toHaveLength(writes.filter((entry) => entry.committed).length);
  });

  it('answers 429 with Retry-After and 502 as an HTML proxy page, on /api only', async () => {
    const server = await start({ faults: { seed: 5, rate: 1, kinds: ['429'], retryAfterSeconds: 7 } });
    const page = await call(server, 'GET', '/login');
    expect(page.status).toBe(200);
    const limited = await call(server, 'GET', '/api/auth/whoami');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');

    server.setFaults({ seed: 5, rate: 1, kinds: ['502'] });
    const gateway = await call(server, 'GET', '/api/auth/whoami');
    expect(gateway.status).toBe(502);
    expect(gateway.headers['content-type']).toBe('text/html');
    expect(gateway.text).toContain('502 Bad Gateway');

    server.setFaults({ seed: 5, rate: 1, kinds: ['slow'], slowMs: 5 });
    expect((await call(server, 'GET', '/api/auth/whoami')).status).toBe(401);
  });
});
