// docs/emergency-decrypt.md works as written: its script, run the way its examples run it, opens the example's values.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_KEY, demoPlaintext } from '../support/demo-plaintexts.js';
import { EXAMPLE_INVENTORY, REPO_ROOT } from '../support/paths.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs/emergency-decrypt.md'), 'utf8');
const SCRIPT = /```python\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
const EXAMPLES = [...DOC.matchAll(/^python3 emergency_decrypt\.py '[^']*' (.+)$/gm)].map((match) => (match[1] ?? '').split(' '));
const INVENTORY = parse(readFileSync(EXAMPLE_INVENTORY, 'utf8')) as { credentials: Record<string, { value?: string; values?: Record<string, string> }> };

const directory = mkdtempSync(path.join(tmpdir(), 'credledger-emergency-'));
const scriptFile = path.join(directory, 'emergency_decrypt.py');
writeFileSync(scriptFile, SCRIPT);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function runScript(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('python3', [scriptFile, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CREDLEDGER_KEY: DEMO_KEY }, encoding: 'utf8' });
  if (result.error) throw new Error(`this test needs python3 with the cryptography package, as the document does: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function valueAt(credentialId: string, deployment: string | undefined): string | undefined {
  const credential = INVENTORY.credentials[credentialId];
  return deployment === undefined ? credential?.value : credential?.values?.[deployment];
}

describe('docs/emergency-decrypt.md', () => {
  it('shows both forms: a shared value, and a value per deployment', () => {
    expect(EXAMPLES.map((args) => args.length).sort()).toEqual([1, 2]);
  });

  it.each(EXAMPLES.map((args) => [args.join(' '), args] as const))('opens the example value its invocation `%s` names', (_name, args) => {
    const [credentialId = '', deployment] = args;
    const sealed = valueAt(credentialId, deployment);
    // The invocation must name a place the example inventory really has (a deployment only for values.<deployment>).
    expect(sealed, `credentials.${credentialId}.${deployment === undefined ? 'value' : `values.${deployment}`}`).toBeDefined();
    const result = runScript([sealed ?? '', ...args]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(demoPlaintext(credentialId, deployment));
  });

  it('says what to change, without a traceback, when a deployment is passed for a shared value and the other way round', () => {
    const shared = runScript([valueAt('openai', undefined) ?? '', 'openai', 'production']);
    expect(shared.status).toBe(1);
    expect(shared.stderr).not.toContain('Traceback');
    expect(shared.stderr).toContain('this value does not open as openai/production: if it sits under a shared `value:`, leave out the deployment');
    const perDeployment = runScript([valueAt('admin-password', 'production') ?? '', 'admin-password']);
    expect(perDeployment.status).toBe(1);
    expect(perDeployment.stderr).not.toContain('Traceback');
    expect(perDeployment.stderr).toContain('pass that deployment as well');
    expect(shared.stdout + perDeployment.stdout).toBe('');
  });
});
