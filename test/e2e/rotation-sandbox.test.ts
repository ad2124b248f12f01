// docs/rotation.md's walkthrough as a new user runs it: `npm run rotation-sandbox` in one terminal (here its node part:
// dist/ is built by the global setup), then the second terminal's commands exactly as the page writes them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs/rotation.md'), 'utf8');
const SECTION = DOC.slice(DOC.indexOf('## Trying it against moto'), DOC.indexOf('## The rotator'));
const SHELL_BLOCKS = [...SECTION.matchAll(/```sh\n([^]*?)```/g)].map((match) => match[1] ?? '');

let sandbox: ChildProcess | undefined;
const root = mkdtempSync(path.join(tmpdir(), 'credledger-sandbox-test-'));
const sandboxDir = path.join(root, 'sandbox');

afterAll(() => {
  sandbox?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('the rotation sandbox of docs/rotation.md', { timeout: 240_000 }, () => {
  it('rotates the example S3 key pair with the commands of the page: one key left at moto, the new one, on both deployments', async () => {
    expect(SHELL_BLOCKS).toHaveLength(2);
    expect(SHELL_BLOCKS[0]).toBe('npm ci\nnpm run rotation-sandbox\n');
    const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['rotation-sandbox']).toBe('npm run build --silent && node scripts/rotation-sandbox.mjs');

    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root, LANG: 'C.UTF-8' };
    const child = spawn(process.execPath, ['scripts/rotation-sandbox.mjs'], { cwd: REPO_ROOT, env: { ...env, SANDBOX_DIR: sandboxDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    sandbox = child;
    let printed = '';
    let errors = '';
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    while (!printed.includes('ready:') && child.exitCode === null && Date.now() - started < 120_000) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printed, errors).toContain(`ready: . ${path.join(sandboxDir, 'env.sh')}`);
    const before = /IAM keys of docuelevate-s3: (AKIA[A-Z0-9]{16}) Active; DocuElevate runs with \1 \(production\), \1 \(staging\)/.exec(printed)?.[1];
    expect(before, printed).toBeDefined();

    // The second terminal, from the clone's root, with the sandbox where this test put it.
    const commands = (SHELL_BLOCKS[1] ?? '').replaceAll('.scratch/rotation-sandbox', sandboxDir);
    const walkthrough = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', commands], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 180_000 });
    const output = `${walkthrough.stdout}${walkthrough.stderr}`;
    expect(walkthrough.status, output).toBe(0);
    expect(output).toMatch(new RegExp(`aws-access-key-id: pull request #1 .*\\n +${before} → AKIA[A-Z0-9]{16}; probe passed`));
    expect(output).toContain('"merged":true');
    expect(output).toContain('pending → finished');
    expect(output).toContain(`revoked ${before}`);
    // No word of the page's output is lost to redaction (a key file's comments once were secrets of the run).
    expect(output).not.toContain('[redacted]');

    const after = (): string | undefined => /IAM keys of docuelevate-s3: (AKIA[A-Z0-9]{16}) Active; DocuElevate runs with \1 \(production\), \1 \(staging\)\n$/.exec(printed)?.[1];
    const waited = Date.now();
    while (after() === before || after() === undefined) {
      if (Date.now() - waited > 10_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const rotated = after();
    expect(rotated, printed).toBeDefined();
    expect(rotated).not.toBe(before);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(sandboxDir)).toBe(false);
  });
});
