// The CLI's words on the safe path: help that leads to it, refusals that say what to do, suggestions for typos.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../support/memory-io.js';

async function cli(args: readonly string[], options: Parameters<typeof memoryIo>[0] = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo(options);
  const code = await runCli(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('keygen help', () => {
  it('keeps the key in a password manager first, and never pipes it straight into a write-only secret', async () => {
    const { code, stdout } = await cli(['keygen', '--help']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('--body "$(credledger keygen');
    expect(stdout).toMatch(/password manager\), then set the\s+secret from there/);
    expect(stdout).toContain('gh secret set CREDLEDGER_KEY < credledger.key');
  });
});
