import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { runBuiltCli } from '../support/run-built-cli.js';

const NOW = ['--now', '2026-11-26'];

function brokenCopyOfExample(): { file: string; lineOf: (needle: string) => number } {
  const lines = readFileSync(EXAMPLE_INVENTORY, 'utf8').split('\n');
  const replace = (from: string, to: string) => {
    const index = lines.findIndex((line) => line === from);
    if (index < 0) throw new Error(`example has no line ${from}`);
    lines[index] = to;
  };
  replace('    owner: carol', '    owner: caroll'); // azure-ai's owner, misspelt
  replace('    rotated: 2026-10-20', '    rotated: 2026-10-32'); // azure-ai, no such day
  replace('    kind: api_key', '    kind: apikey'); // openai
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'credledger-e2e-')), 'credentials.yaml');
  writeFileSync(file, lines.join('\n'));
  return { file, lineOf: (needle) => lines.findIndex((line) => line === needle) + 1 };
}

describe('credledger validate (built CLI)', () => {
  it('accepts the bundled example', async () => {
    const run = await runBuiltCli(['validate', '--file', EXAMPLE_INVENTORY, ...NOW]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/credentials\.yaml\.example: valid \(0 errors, 1 warning\)/);
    // Its values are sealed under the public demo key: fine for the example, and said so, once, at the first value.
    expect(run.stdout).toMatch(/credentials\.yaml\.example:38:12: warning \[demo-key-value\] 24 values are sealed under the public demo key 175365ad \(examples\/demo\.key\), which anyone can read: openai, /);
    expect(run.code).toBe(0);
  });

  it('points at the exact line and column of each mistake in a broken copy', async () => {
    const { file, lineOf } = brokenCopyOfExample();
    const run = await runBuiltCli(['validate', '--file', file, '--format', 'json', ...NOW]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { code: string; line: number; column: number; path: string }[] };
    expect(report.valid).toBe(false);
    const mistakes = report.diagnostics.filter((diagnostic) => diagnostic.code !== 'demo-key-value');
    expect(mistakes.map(({ code, line, column, path: at }) => ({ code, line, column, path: at }))).toEqual([
      { code: 'schema-enum', line: lineOf('    kind: apikey'), column: 11, path: 'credentials.openai.kind' },
      { code: 'unknown-person', line: lineOf('    owner: caroll'), column: 12, path: 'credentials.azure-ai.owner' },
      { code: 'invalid-date', line: lineOf('    rotated: 2026-10-32'), column: 14, path: 'credentials.azure-ai.rotated' },
    ]);
  });

  // A finding in a flow list is placed by parsing its entry with the yaml Document API, which validate and status
  // load only on demand: the rules' findings are placed after the file is read, and once crashed with
  // "internal error: YamlDocumentNeeded" (exit 3) on this two-minute mistake.
  it.each(['validate', 'status'])('%s places a finding only a parse of its entry can place', async (command) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'credledger-e2e-')), 'credentials.yaml');
    writeFileSync(file, 'version: 1\npeople:\n  alice: {}\ncredentials:\n  openai:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    access: [alice, mallory]\n');
    const run = await runBuiltCli([command, '--file', file, ...NOW]);
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toContain('internal error');
    expect(`${run.stdout}${run.stderr}`).toContain(`${file}:9:21: error [unknown-person] \`mallory\` in access is not listed under \`people\`
   9 |     access: [alice, mallory]
     |                     ^^^^^^^`);
  });

  it('shows a caret excerpt in text, and workflow commands in github format', async () => {
    const { file, lineOf } = brokenCopyOfExample();
    const text = await runBuiltCli(['validate', '--file', file, ...NOW]);
    expect(text.stdout).toContain(`${file}:${lineOf('    owner: caroll')}:12: error [unknown-person]`);
    expect(text.stdout).toContain('    owner: caroll\n');
    expect(text.stdout).toMatch(/\|\s{12}\^{6}\n/);
    expect(text.stdout).not.toMatch(/\u001b\[/);
    const github = await runBuiltCli(['validate', '--file', file, ...NOW], { env: { GITHUB_ACTIONS: 'true' } });
    expect(github.stdout).toContain(`::error file=${file},line=${lineOf('    owner: caroll')},col=12,`);
    expect(github.stdout).toContain('title=unknown-person::owner `caroll` is not listed under `people`');
    expect(github.code).toBe(1);
  });

  it.each([
    [['validate', '--bogus'], /Unknown option '--bogus'/],
    [['validate', '--file', '/nonexistent/credentials.yaml'], /inventory file not found: \/nonexistent\/credentials\.yaml/],
    [['validate', '--format', 'xml'], /--format must be one of: text, json, github/],
    [['status', '--now', '2026-02-30', '--file', EXAMPLE_INVENTORY], /--now must be a real date/],
    [['frobnicate'], /unknown command `frobnicate`/],
  ])('exits 64 on a usage error: %j', async (args, message) => {
    const run = await runBuiltCli(args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(64);
  });
});

describe('credledger status (built CLI)', () => {
  it('prints the JSON contract', async () => {
    const run = await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, '--format', 'json', ...NOW]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.now).toBe('2026-11-26');
    expect(report.credentials[0]).toEqual({
      id: 'google-drive-client-secret',
      setting: 'google_drive_client_secret',
      deployment: 'production',
      kind: 'oauth_client_secret',
      owner: 'carol',
      rotated: '2026-03-01',
      due: '2026-08-28',
      state: 'overdue',
      severity: 'normal',
      reasons: ['180d interval elapsed on 2026-08-28'],
    });
    expect(report.summary).toEqual({ ok: 31, 'due-soon': 4, overdue: 12, unknown: 0 });
  });

  it('fails on a threshold only when asked', async () => {
    expect((await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, '--fail-on', 'overdue', ...NOW])).code).toBe(1);
    expect((await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, ...NOW])).code).toBe(0);
    // On 2026-08-20 nothing was overdue yet, but the Google Drive client secret was due within two weeks.
    expect((await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, '--fail-on', 'overdue', '--now', '2026-08-20'])).code).toBe(0);
    expect((await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, '--fail-on', 'due-soon', '--now', '2026-08-20'])).code).toBe(1);
  });

  it('colours only when asked, and honours NO_COLOR', async () => {
    const plain = await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, ...NOW]);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = await runBuiltCli(['status', '--file', EXAMPLE_INVENTORY, ...NOW], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[31m/);
  });
});
