// The action's developer loop: `npm run local-action` runs src/action/main.ts under GitHub's @github/local-action.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/paths.js';

const run = promisify(execFile);

describe('npm run local-action', () => {
  it('has a script and an example .env whose inputs the action declares', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.scripts['local-action']).toBe('local-action run . src/action/main.ts .env');
    expect(manifest.devDependencies).toHaveProperty('@github/local-action');
    const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const inputs = [...readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8').matchAll(/^INPUT_([A-Z-]+)=/gm)].map((match) => (match[1] ?? '').toLowerCase());
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => !(input in action.inputs))).toEqual([]);
  });

  it('runs the action from its sources with the example .env', async () => {
    const { stdout } = await run('npx', ['local-action', 'run', '.', 'src/action/main.ts', '.env.example'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect(stdout).toContain('credledger: workflow_dispatch → status');
    expect(stdout).toMatch(/::set-output name=deployments::\["production","staging"\]/);
    expect(stdout).not.toContain('::error::');
  }, 120_000);
});
