// What a command loads of dist/ when it starts: validate and status run from dist/read-only-cli.js, a bundle of its
// own, and load none of the full CLI's command chunks; other commands never load that bundle. A module-load hook
// (Node's module.register, given with --import) writes down every file: URL the built CLI loads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_INVENTORY, REPO_ROOT } from '../support/paths.js';
import { runBuiltCli } from '../support/run-built-cli.js';

const DIST = path.join(REPO_ROOT, 'dist');
let scratch = '';
let register = '';

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'credledger-start-up-'));
  const hooks = path.join(scratch, 'hooks.mjs');
  writeFileSync(hooks, "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(process.env.LOADS_LOG, `${url}\\n`);\n  return next(url, context);\n}\n");
  register = path.join(scratch, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files of dist/ (relative, `/`-separated) a run of the built CLI loads, in load order. */
async function distFilesLoadedBy(args: readonly string[], name: string): Promise<string[]> {
  const logFile = path.join(scratch, `${name}.log`);
  writeFileSync(logFile, '');
  const run = await runBuiltCli(args, { env: { NODE_OPTIONS: `--import ${pathToFileURL(register).href}`, LOADS_LOG: logFile } });
  expect(run.code, run.stderr).toBe(0);
  const distUrl = `${pathToFileURL(DIST).href}/`;
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(distUrl))
    .map((url) => url.slice(distUrl.length));
}

/** A built file and the chunks it imports statically (`import … from "./chunks/…"`), followed to the end. */
function withStaticImports(file: string): Set<string> {
  const found = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (found.has(current)) continue;
    found.add(current);
    const text = readFileSync(path.join(DIST, current), 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["'];?$/gm)) {
      pending.push(path.posix.normalize(path.posix.join(path.posix.dirname(current), match[1] as string)));
    }
  }
  return found;
}

describe('start-up of the built CLI', () => {
  it.each([
    ['validate', ['validate', '--file', EXAMPLE_INVENTORY, '--now', '2026-11-26']],
    ['status', ['status', '--file', EXAMPLE_INVENTORY, '--now', '2026-11-26', '--format', 'json']],
  ])('%s loads dist/cli.js and dist/read-only-cli.js with their static chunks, and nothing else', async (name, args) => {
    const loaded = await distFilesLoadedBy(args, name);
    const expected = new Set([...withStaticImports('cli.js'), ...withStaticImports('read-only-cli.js')]);
    expect(new Set(loaded)).toEqual(expected);
    // The full CLI's chunk graph had validate load 26 of them.
    expect(loaded.length).toBeLessThanOrEqual(6);
  });

  it('rotate --due with nothing due loads neither git nor GitHub', async () => {
    const file = path.join(scratch, 'not-due.yaml');
    const today = new Date().toISOString().slice(0, 10);
    writeFileSync(file, `version: 1\npeople:\n  alice: { github: alice }\ncredentials:\n  token:\n    setting: custom_token\n    kind: api_key\n    custom: true\n    owner: alice\n    created: ${today}\n    rotation: { driver: generated-secret, length: 32 }\n`);
    const loaded = await distFilesLoadedBy(['rotate', '--due', '--file', file], 'rotate-due');
    const heavy = loaded.filter((file) => /^\/\/ node_modules\/(?:@octokit\/core|simple-git)\//m.test(readFileSync(path.join(DIST, file), 'utf8')));
    expect(loaded.length).toBeGreaterThan(0);
    expect(heavy).toEqual([]);
  });

  it('--help lists the commands without loading any of them', async () => {
    const loaded = await distFilesLoadedBy(['--help'], 'main-help');
    expect(loaded).toContain('cli.js');
    expect(loaded.filter((file) => /-command-[A-Z0-9]+\.js$/.test(file))).toEqual([]);
  });

  it('other commands run the full CLI and never load the read-only bundle', async () => {
    const loaded = await distFilesLoadedBy(['help', 'validate'], 'help');
    expect(loaded).toContain('cli.js');
    expect(loaded.some((file) => /^chunks\/main-[A-Z0-9]+\.js$/.test(file))).toBe(true);
    expect(loaded).not.toContain('read-only-cli.js');
  });
});
