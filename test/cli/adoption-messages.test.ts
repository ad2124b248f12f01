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

describe('help and version', () => {
  it('lists --version and -V in the general help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}-V, --version {2}the version of credledger$/m);
    expect(stdout).toMatch(/^ {2}-h, --help {5}this help; `credledger help <command>`/m);
  });

  it('prints a command\'s own help for `help <command>`', async () => {
    const { code, stdout } = await cli(['help', 'apply']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: credledger apply /);
    expect(stdout).toContain('--allow-non-default-branch');
  });

  it('refuses `help <unknown>` with exit 64 (usage) and the nearest command', async () => {
    const { code, stderr } = await cli(['help', 'aply']);
    expect(code).toBe(64);
    expect(stderr).toMatch(/^credledger: unknown command `aply`; did you mean `credledger apply`\?/);
  });

  it('names every --fail-on threshold of status, never included', async () => {
    const { stdout } = await cli(['status', '--help']);
    expect(stdout).toContain('[--fail-on overdue|due-soon|never]');
    expect(stdout).toMatch(/never \(default\)/);
  });
});

describe('did you mean', () => {
  it('suggests the nearest command for a typo', async () => {
    const { code, stderr } = await cli(['staus']);
    expect(code).toBe(64);
    expect(stderr).toContain('unknown command `staus`; did you mean `credledger status`?');
  });

  it('suggests nothing for a word far from every command', async () => {
    const { stderr } = await cli(['frobnicate']);
    expect(stderr).toContain('unknown command `frobnicate`\n');
    expect(stderr).not.toContain('did you mean');
  });

  it('suggests the nearest flag of the command', async () => {
    const { code, stderr } = await cli(['apply', '--dry-rn']);
    expect(code).toBe(64);
    expect(stderr).toContain("credledger apply: Unknown option '--dry-rn'; did you mean `--dry-run`?");
  });
});
