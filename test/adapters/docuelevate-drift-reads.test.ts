import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DocuElevateClient } from '../../src/adapters/docuelevate-client.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';

const TOKEN = 'drift-reads-admin-token-00000001';
let servers: (DocuElevateServer | Server)[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => ('url' in server ? server.close() : new Promise((resolve) => server.close(resolve)))));
  servers = [];
});

describe('DocuElevateClient drift reads', () => {
  it('keeps who and when of a history entry, never its old or new value, even when a server sends them in clear', async () => {
    const leaky = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          key: 'openai_api_key',
          history: [{ id: 7, key: 'openai_api_key', old_value: 'sk-old-cleartext-value-1', new_value: 'sk-new-cleartext-value-2', changed_by: 'bob', changed_at: '2026-03-01T10:00:00', action: 'update' }],
        }),
      );
    });
    await new Promise<void>((resolve) => leaky.listen(0, '127.0.0.1', resolve));
    servers.push(leaky);
    const client = new DocuElevateClient({ baseUrl: `http://127.0.0.1:${(leaky.address() as AddressInfo).port}`, auth: { method: 'none' } });
    const changes = await client.listSettingChanges('openai_api_key');
    await client.close();
    expect(changes).toEqual([{ id: 7, changedBy: 'bob', changedAt: '2026-03-01T10:00:00', action: 'update' }]);
    expect(JSON.stringify(changes)).not.toContain('cleartext');
  });

  it('tells whether DocuElevate shows a value masked, without handing the shown text out', async () => {
    const server = await startDocuElevateServer({ adminApiTokens: [TOKEN], initialDbValues: { openai_api_key: 'sk-proj-shown-masked-value-01' } });
    servers.push(server);
    const client = new DocuElevateClient({ baseUrl: server.url, auth: { method: 'bearer', token: new SecretValue(TOKEN), source: 'test' } });
    expect(await client.showsValue('openai_api_key', new SecretValue('sk-proj-shown-masked-value-01'))).toBe(true);
    // Same first four characters and length: a mask cannot tell these apart, and says so by matching.
    expect(await client.showsValue('openai_api_key', new SecretValue('sk-pXXXXXXXXXXXXXXXXXXXXXXXXX'))).toBe(true);
    expect(await client.showsValue('openai_api_key', new SecretValue('sk-proj-another-length'))).toBe(false);
    await client.close();
  });
});
