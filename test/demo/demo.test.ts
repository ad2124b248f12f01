import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDemo, type DemoEvent } from '../../src/demo/demo.js';
import { DOCUELEVATE_SETTINGS } from '../../src/core/docuelevate-catalogue.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../../src/devserver/docuelevate-server.js';
import { DEMO_KEY_FILE } from '../support/demo-plaintexts.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';

const NEW_VALUE = 'sk-demo-app-test-rotated-value-0123456789';
const scratch: string[] = [];

afterEach(() => {
  for (const directory of scratch.splice(0)) rmSync(directory, { recursive: true, force: true });
});

interface Run {
  readonly events: DemoEvent[];
  readonly servers: DocuElevateServer[];
  readonly tempRoot: string;
}

async function demo(options: { keep?: boolean; startServer?: (options: DocuElevateServerOptions) => Promise<DocuElevateServer> } = {}) {
  const tempRoot = mkdtempSync(path.join(tmpdir(), 'credledger-demo-app-'));
  scratch.push(tempRoot);
  const run: Run = { events: [], servers: [], tempRoot };
  const start = options.startServer ?? startDocuElevateServer;
  const result = await runDemo(
    {
      exampleFile: EXAMPLE_INVENTORY,
      keyFile: DEMO_KEY_FILE,
      tempRoot,
      keep: options.keep ?? false,
      path: process.env.PATH,
      clock: () => new Date('2026-11-26T15:00:00Z'),
      report: (event) => run.events.push(event),
    },
    {
      startServer: async (serverOptions) => {
        const server = await start(serverOptions);
        run.servers.push(server);
        return server;
      },
      newValue: () => new SecretValue(NEW_VALUE),
    },
  );
  return { result, ...run };
}

async function isListening(server: DocuElevateServer): Promise<boolean> {
  try {
    await fetch(`${server.url}/login`);
    return true;
  } catch {
    return false;
  }
}

describe('runDemo', () => {
  it('applies the example, rotates openai, and leaves the servers holding the new value; then cleans up', async () => {
    const { result, events, servers, tempRoot } = await demo();
    expect(result).toMatchObject({ ok: true, kept: false });
    expect(events.filter((event) => event.kind === 'step').map((event) => event.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const applies = events.flatMap((event) => (event.kind === 'apply' ? [event] : []));
    expect(applies.map((event) => event.run)).toEqual(['first', 'rotation', 'again']);
    expect(applies.map((event) => event.writes.map(({ writes }) => writes))).toEqual([[24, 19], [1, 1], [0, 0]]);
    expect(servers).toHaveLength(2);
    for (const server of servers) expect(server.storedValue('openai_api_key')).toBe(NEW_VALUE);
    // Every server stopped and the temporary directory gone.
    for (const server of servers) expect(await isListening(server)).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
    // Events carry names and counts, never a plaintext (a SecretValue prints redacted).
    const notes = events.map((event) => (event.kind === 'note' || event.kind === 'command' ? JSON.stringify(event) : '')).join('\n');
    expect(notes).not.toContain(NEW_VALUE);
  });

  it('keeps the repository with --keep', async () => {
    const { result } = await demo({ keep: true });
    expect(result.ok).toBe(true);
    scratch.push(result.directory);
    expect(existsSync(path.join(result.repository, 'credentials.yaml'))).toBe(true);
  });

  it('stops, says why, and still cleans up when a step does not do what it shows', async () => {
    // staging's DocuElevate does not know openai_api_key: the first apply fails there.
    let started = 0;
    const { result, servers, tempRoot, events } = await demo({
      startServer: (options) => {
        started += 1;
        return startDocuElevateServer(started === 2 ? { ...options, catalogue: DOCUELEVATE_SETTINGS.filter((setting) => setting.key !== 'openai_api_key') } : options);
      },
    });
    expect(result.ok).toBe(false);
    expect(result.failure).toBe('the first apply did not succeed: openai_api_key on staging failed');
    expect(events.filter((event) => event.kind === 'step').map((event) => event.number)).toEqual([1, 2, 3, 4]);
    for (const server of servers) expect(await isListening(server)).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
