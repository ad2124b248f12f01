// The built CLI turns on Node's module compile cache where Node has one (22.1 and later), in os.tmpdir() unless
// NODE_COMPILE_CACHE says otherwise, and not when NODE_DISABLE_COMPILE_CACHE=1; Node 20 has none and writes nothing.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveNode24 } from '../support/node24.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { runBuiltCli } from '../support/run-built-cli.js';

const scratch: string[] = [];
let node24 = '';

beforeAll(() => {
  node24 = resolveNode24();
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory to stand in for os.tmpdir(). */
function freshTmp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'credledger-compile-cache-'));
  scratch.push(dir);
  return dir;
}

/** The files under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

const VALIDATE = ['validate', '--file', EXAMPLE_INVENTORY, '--now', '2026-11-26'];

describe('the module compile cache', () => {
  it('is written to os.tmpdir() on Node 24, and a second run that reads it answers the same', async () => {
    const tmp = freshTmp();
    const first = await runBuiltCli(VALIDATE, { node: node24, env: { TMPDIR: tmp } });
    expect(first.code, first.stderr).toBe(0);
    expect(filesUnder(path.join(tmp, 'node-compile-cache')).length).toBeGreaterThan(0);
    const second = await runBuiltCli(VALIDATE, { node: node24, env: { TMPDIR: tmp } });
    expect(second).toEqual(first);
  });

  it('is not written when NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const tmp = freshTmp();
    const run = await runBuiltCli(VALIDATE, { node: node24, env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(run.code, run.stderr).toBe(0);
    expect(filesUnder(tmp)).toEqual([]);
  });

  it("follows this machine's Node: written exactly when it has module.enableCompileCache (Node 20 has not)", async () => {
    const tmp = freshTmp();
    const run = await runBuiltCli(VALIDATE, { env: { TMPDIR: tmp } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('valid');
    const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    expect(filesUnder(path.join(tmp, 'node-compile-cache')).length > 0).toBe(hasCompileCache);
  });
});
