import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseDocument } from 'yaml';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { memoryIo } from '../support/memory-io.js';

const NOW = new Date('2026-12-02T09:00:00Z');
const ADMIN = { adminUsername: 'init-admin', adminPassword: 'init-test-admin-password-000001' };
const servers: DocuElevateServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const memory = memoryIo({ now: NOW, env });
  const code = await runCli(args, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'credledger-init-')), 'credentials.yaml');
}

/** Uncomments the catalogue entries of these ids (the lines of each block, up to the next blank comment). */
function uncomment(text: string, ids: readonly string[]): string {
  const lines = text.split('\n');
  let inside = false;
  return lines
    .map((line) => {
      const start = /^ {2}# ([a-z0-9-]+):$/.exec(line);
      if (start) inside = ids.includes(start[1] ?? '');
      else if (line === '  #' || !line.startsWith('  # ')) inside = false;
      return inside ? `  ${line.slice(4)}` : line;
    })
    .join('\n');
}

describe('credledger init from the catalogue', () => {
  it('writes the schema line and every API-settable setting commented out by category; it validates once owners are filled in', async () => {
    const file = tempFile();
    const written = await run(['init', '--file', file]);
    expect(written.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+credentials\.schema\.json$/);
    expect(text).toContain('  # --- AI Services ---');
    expect(text).toContain('  # openai-api-key:\n  #   setting: openai_api_key\n  #   kind: api_key\n  #   owner: TODO-owner\n');
    expect(text).not.toContain('session_secret_previous');

    writeFileSync(file, uncomment(text, ['openai-api-key', 'aws-secret-access-key', 'dropbox-refresh-token']));
    const placeholders = await run(['validate', '--file', file, '--format', 'json']);
    expect(placeholders.code).toBe(1);
    const codes = JSON.parse(placeholders.stdout).diagnostics.map((d: { code: string; path: string }) => `${d.code} ${d.path}`);
    expect(codes).toEqual(['owner-placeholder credentials.openai-api-key.owner', 'owner-placeholder credentials.dropbox-refresh-token.owner', 'owner-placeholder credentials.aws-secret-access-key.owner']);

    expect((await run(['onboard', 'alice', '--github', 'alice', '--file', file])).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('  owner: TODO-owner', '  owner: alice'));
    const valid = await run(['validate', '--file', file]);
    expect(valid.stdout + valid.stderr).toContain('valid (0 errors');
    expect(valid.code).toBe(0);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const file = tempFile();
    writeFileSync(file, 'version: 1\ncredentials: {}\n');
    const refused = await run(['init', '--file', file]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('already exists; init does not overwrite it (pass --force to replace it)');
    expect(readFileSync(file, 'utf8')).toBe('version: 1\ncredentials: {}\n');
    expect((await run(['init', '--file', file, '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('# --- Storage Providers');
  });
});

describe('credledger init --from-url', () => {
  it('writes exactly the credentials a loopback DocuElevate reports configured, with placeholder owners', async () => {
    const server = await startDocuElevateServer({
      ...ADMIN,
      envValues: { openai_api_key: 'sk-proj-init-env-openai-value-01' },
      initialDbValues: { webdav_password: 'init-db-webdav-password-0002', aws_access_key_id: 'AKIAINITTESTVALUE003' },
    });
    servers.push(server);
    const file = tempFile();
    const env = { DE_USER: ADMIN.adminUsername, DE_PASSWORD: ADMIN.adminPassword };
    const result = await run(['init', '--from-url', server.url, '--auth-method', 'login', '--username-env', 'DE_USER', '--password-env', 'DE_PASSWORD', '--file', file], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const data = parseDocument(text).toJS() as { deployments: Record<string, { url: string; auth: unknown }>; credentials: Record<string, { setting: string; owner: string }> };
    const reported = (await listConfigured(server, env)).sort();
    expect(Object.values(data.credentials).map((credential) => credential.setting).sort()).toEqual(reported);
    expect(reported).toEqual(['admin_password', 'aws_access_key_id', 'database_url', 'openai_api_key', 'redis_url', 'session_secret', 'webdav_password']);
    expect(new Set(Object.values(data.credentials).map((credential) => credential.owner))).toEqual(new Set(['TODO-owner']));
    expect(data.deployments).toEqual({ production: { url: server.url, auth: { method: 'login', username_env: 'DE_USER', password_env: 'DE_PASSWORD' } } });
    for (const secret of [ADMIN.adminPassword, 'sk-proj-init', 'init-db-webdav', 'AKIAINIT']) {
      expect(text).not.toContain(secret);
      expect(result.stdout).not.toContain(secret);
    }
    const validate = await run(['validate', '--file', file, '--format', 'json']);
    expect(validate.code).toBe(1);
    expect(new Set(JSON.parse(validate.stdout).diagnostics.map((d: { code: string }) => d.code))).toEqual(new Set(['owner-placeholder']));
  });

  it('exits 3 with DocuElevate\'s answer when the login is refused, and writes nothing', async () => {
    const server = await startDocuElevateServer(ADMIN);
    servers.push(server);
    const file = tempFile();
    const result = await run(['init', '--from-url', server.url, '--username-env', 'DE_USER', '--password-env', 'DE_PASSWORD', '--file', file], { DE_USER: 'init-admin', DE_PASSWORD: 'wrong-password' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/cannot read what http:\/\/127\.0\.0\.1:\d+ has configured: login as init-admin refused/);
    expect(() => readFileSync(file)).toThrow();
  });
});

/** What the server itself says is configured, read the way an admin would. */
async function listConfigured(server: DocuElevateServer, env: Record<string, string>): Promise<string[]> {
  const { DocuElevateClient } = await import('../../src/adapters/docuelevate-client.js');
  const { SecretValue } = await import('../../src/crypto/secret-value.js');
  const client = new DocuElevateClient({ baseUrl: server.url, auth: { method: 'login', username: env.DE_USER ?? '', password: new SecretValue(env.DE_PASSWORD ?? ''), source: 'test' } });
  const sources = await client.listCredentialSources();
  await client.close();
  return sources.filter((entry) => entry.source !== null).map((entry) => entry.key);
}
