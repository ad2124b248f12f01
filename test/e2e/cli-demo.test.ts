import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDesiredState } from '../../src/core/apply-plan.js';
import { generateFernetKey } from '../../src/crypto/fernet.js';
import { parseKeyRing } from '../../src/crypto/key-ring.js';
import { openSealedValue } from '../../src/crypto/sealed-value.js';
import { DEMO_KEY, demoPlaintext, findDemoPlaintexts } from '../support/demo-plaintexts.js';
import { inventoryFrom } from '../support/inventory-text.js';
import { EXAMPLE_INVENTORY, REPO_ROOT } from '../support/paths.js';
import { runBuiltCli } from '../support/run-built-cli.js';

const scratch: string[] = [];

afterEach(() => {
  for (const directory of scratch.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function makeScratch(prefix: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(directory);
  return directory;
}

/**
 * A HOME whose git configuration would break any commit made with it (signing through a program
 * that fails, a hook that fails, another default branch), and an environment full of the user's own
 * settings: the demo must use none of them.
 */
function hostileEnvironment(): Record<string, string> {
  const home = makeScratch('credledger-demo-home-');
  const hooks = path.join(home, 'hooks');
  mkdirSync(hooks);
  for (const hook of ['pre-commit', 'commit-msg', 'post-checkout', 'pre-merge-commit', 'reference-transaction']) {
    writeFileSync(path.join(hooks, hook), '#!/bin/sh\necho "user hook ran" >&2\nexit 1\n');
    chmodSync(path.join(hooks, hook), 0o755);
  }
  const gitconfig = `[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = false\n[core]\n\thooksPath = ${hooks}\n[init]\n\tdefaultBranch = trunk\n[merge]\n\tff = false\n`;
  writeFileSync(path.join(home, '.gitconfig'), gitconfig);
  mkdirSync(path.join(home, '.config', 'git'), { recursive: true });
  writeFileSync(path.join(home, '.config', 'git', 'config'), gitconfig);
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_DIR: path.join(home, 'not-a-repository'),
    GIT_WORK_TREE: home,
    CREDLEDGER_KEY: generateFernetKey(),
    DOCUELEVATE_PROD_USER: 'someone-else',
    DOCUELEVATE_PROD_PASSWORD: 'not-the-demo-server-password',
  };
}

function workingDirectoryOf(stdout: string): string {
  const match = /^working in (\S+): /m.exec(stdout);
  if (!match?.[1]) throw new Error('the demo did not say where it works');
  return match[1];
}

describe('credledger demo (built CLI)', () => {
  it('runs the whole flow on the bundled example, whatever the caller has configured, and prints no value', async () => {
    const cwd = makeScratch('credledger-demo-cwd-');
    const run = await runBuiltCli(['demo', '--keep'], { cwd, env: hostileEnvironment() });
    const directory = workingDirectoryOf(run.stdout);
    scratch.push(directory);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;

    for (const [number, title] of [
      [1, 'Start two DocuElevate-compatible servers on 127.0.0.1'],
      [2, 'Commit the example inventory to a new git repository'],
      [3, 'Validate the inventory and show its rotation status'],
      [4, 'Apply with the demo key: the first run pushes every value'],
      [5, 'Rotate openai on a branch, review the plan, merge, apply'],
      [6, 'What just happened, and what next'],
    ] as const) {
      expect(out).toContain(`Step ${number}/6: ${title}\n`);
    }
    // Steps come in order.
    expect(out.indexOf('Step 1/6')).toBeLessThan(out.indexOf('Step 2/6'));
    expect(out.indexOf('Step 5/6')).toBeLessThan(out.indexOf('Step 6/6'));

    // validate and status, pinned to the day the example was written.
    // The demo runs on the example's values, sealed under the public demo key: validate says so, once.
    expect(out).toMatch(/\$ credledger validate\n\S*credentials\.yaml:\d+:\d+: warning \[demo-key-value\] 26 values are sealed under the public demo key 175365ad/);
    expect(out).toContain('credentials.yaml: valid (0 errors, 1 warning)');
    expect(out).toContain('$ credledger status --now 2026-11-26');
    expect(out).toContain('as of 2026-11-26, the day the example was written');
    expect(out).toMatch(/^admin-password +admin_password +production .* overdue +bob left 2026-10-31$/m);
    expect(out).toMatch(/^openai +openai_api_key +staging .* due-soon +90d interval ends 2026-11-30$/m);
    expect(out).toMatch(/^webdav +webdav_password +production .* ok$/m);
    expect(out).toContain('12 overdue, 4 due soon, 27 ok, 0 unknown (as of 2026-11-26)');

    // The first apply pushes every value of the example, to the deployment it belongs to.
    const example = inventoryFrom(readFileSync(EXAMPLE_INVENTORY, 'utf8'));
    const { desired } = listDesiredState(example, ['production', 'staging']);
    const count = (deployment: string) => desired.filter((setting) => setting.deployment === deployment).length;
    const [production, staging] = [count('production'), count('staging')];
    expect(production).toBeGreaterThan(staging);
    expect(out).toMatch(new RegExp(`^production \\(http://127\\.0\\.0\\.1:\\d+\\): ${production} done, 0 failed, 0 skipped$`, 'm'));
    expect(out).toMatch(new RegExp(`^staging \\(http://127\\.0\\.0\\.1:\\d+\\): ${staging} done, 0 failed, 0 skipped$`, 'm'));
    expect(out).toContain(`by the servers' own request logs: production ${production} writes, staging ${staging} writes`);
    expect(out).toMatch(/restart api and worker on production: .*admin_password/);
    expect(out).toContain(`checked: production holds all ${production} values exactly as the inventory has them`);
    expect(out).toContain(`checked: staging holds all ${staging} values exactly as the inventory has them`);

    // The rotation: set, a plan with one rotated change and a set on each deployment, then only that is applied.
    expect(out).toContain('$ credledger set openai --value-stdin --rotated 2026-11-26\ncredentials.yaml: credentials.openai.value: new value, encrypted under key 175365ad');
    expect(out).toContain('credentials.yaml: rotated 2026-09-01 -> 2026-11-26');
    expect(out).toContain('$ credledger plan --base main --head rotate-openai');
    expect(out).toMatch(/^ {2}openai +rotated +rotated, value +production, staging$/m);
    expect(out).toMatch(/^ {2}production\n {4}set +openai_api_key +\(openai\)\n {2}staging\n {4}set +openai_api_key +\(openai\)$/m);
    expect(out).toContain('1 change to 1 credential; 2 operations on 2 deployments; 0 errors, 1 warning');
    const afterMerge = out.slice(out.indexOf('$ git switch main && git merge --ff-only rotate-openai'));
    expect(afterMerge).toMatch(/^production \(http:\/\/127\.0\.0\.1:\d+\): 1 done, 0 failed, 0 skipped\n {2}done +set +openai_api_key +openai +changed$/m);
    expect(afterMerge).toMatch(/^staging \(http:\/\/127\.0\.0\.1:\d+\): 1 done, 0 failed, 0 skipped\n {2}done +set +openai_api_key +openai +changed$/m);
    expect(afterMerge).toContain('by the servers\' own request logs: production 1 write, staging 1 write');

    // The third apply sends nothing.
    const last = out.slice(out.lastIndexOf('$ credledger apply'));
    expect(last).toMatch(/^production \(http:\/\/127\.0\.0\.1:\d+\): nothing to apply\nstaging \(http:\/\/127\.0\.0\.1:\d+\): nothing to apply$/m);
    expect(last).toContain('production 0 writes, staging 0 writes');
    expect(last).toContain('nothing to do: every deployment already holds what the inventory says');
    expect(out).toContain('A five-minute walkthrough');

    // No value of the example, and not the rotation's new value, which the kept repository holds encrypted.
    expect(findDemoPlaintexts(run.stdout + run.stderr)).toEqual([]);
    expect(out).not.toContain(DEMO_KEY);
    const kept = inventoryFrom(readFileSync(path.join(directory, 'repo', 'credentials.yaml'), 'utf8'));
    const sealed = kept.credentials.find((credential) => credential.id === 'openai')?.value;
    expect(sealed).toBeDefined();
    const rotated = openSealedValue(parseKeyRing(DEMO_KEY), { credentialId: 'openai' }, sealed ?? '').reveal();
    expect(rotated).not.toBe(demoPlaintext('openai'));
    expect(rotated.length).toBeGreaterThan(20);
    expect(run.stdout + run.stderr).not.toContain(rotated);
    expect(existsSync(path.join(directory, 'repo', '.git'))).toBe(true);
  });

  it('removes its temporary directory unless told to keep it', async () => {
    const run = await runBuiltCli(['demo'], { cwd: makeScratch('credledger-demo-cwd-') });
    expect(run.code).toBe(0);
    const directory = workingDirectoryOf(run.stdout);
    expect(run.stdout).toContain(`working in ${directory}: a temporary directory, removed at the end (--keep keeps it)`);
    expect(existsSync(directory)).toBe(false);
  });

  it('is what `npm start` runs, and an installed package carries what it needs', async () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[]; bin: Record<string, string> };
    expect(pkg.scripts.start).toBe('npm run build --silent && node dist/cli.js demo');
    expect(pkg.bin.credledger).toBe('dist/cli.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'credentials.yaml.example', 'examples/demo.key']));
    const help = await runBuiltCli(['--help']);
    expect(help.stdout).toMatch(/^ {2}demo +the whole flow on the bundled example/m);
    const usage = await runBuiltCli(['demo', '--nope']);
    expect(usage.code).toBe(64);
  });
});
