import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubIssues } from '../../src/adapters/github-issues.js';
import { remindRotations } from '../../src/app/remind.js';
import { runCli } from '../../src/cli/main.js';
import { readIssueMarker } from '../../src/core/rotation-issues.js';
import { OutputWatch } from '../support/demo-plaintexts.js';
import { copyExample } from '../support/example-copy.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { diffLines } from '../support/line-diff.js';
import { memoryIo } from '../support/memory-io.js';

const NOW = new Date('2026-12-02T09:00:00Z');
const watch = new OutputWatch();
afterEach(() => watch.expectNoPlaintext());

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const memory = memoryIo({ now: NOW });
  const code = await runCli(args, memory.io);
  watch.record(`${args[0]} stdout`, memory.stdout());
  watch.record(`${args[0]} stderr`, memory.stderr());
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

// erin owns two credentials and can read three more; `beta` is shared with frank as well.
const TEAM = `version: 1
people:
  alice: { github: alice }
  erin:  { github: erin, email: erin@example.com }   # platform team
  frank:
    github: frank
deployments:
  production:
    url: https://docs.example.com
credentials:
  alpha:
    setting: openai_api_key
    kind: api_key
    owner: erin
    issuer: platform.openai.com
    created: 2026-06-01
  beta:
    setting: azure_ai_key
    kind: api_key
    owner: erin
    access: [frank]
    issuer: portal.azure.com
    created: 2026-06-01
  gamma:
    setting: email_password
    kind: password
    owner: alice
    access: [erin]
    issuer: mail.example.com
    created: 2026-10-01
  delta:
    setting: imap1_password
    kind: password
    owner: alice
    access: [erin, frank]
    issuer: mail.example.com
    created: 2026-10-01
  epsilon:
    setting: webdav_password
    kind: password
    owner: frank
    access: [erin]
    created: 2026-10-01
`;

function teamFile(text = TEAM): { file: string; read: () => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'credledger-people-'));
  const file = path.join(dir, 'credentials.yaml');
  writeFileSync(file, text);
  return { file, read: () => readFileSync(file, 'utf8') };
}

describe('credledger offboard', () => {
  it('writes only the left: line, groups what to do, and exits 1 while they still own credentials', async () => {
    const team = teamFile();
    const result = await run(['offboard', 'erin', '--file', team.file]);
    expect(result.code).toBe(1);
    expect(diffLines(TEAM, team.read())).toEqual({
      removed: [[4, '  erin:  { github: erin, email: erin@example.com }   # platform team']],
      added: [[4, '  erin:  { github: erin, email: erin@example.com, left: 2026-12-02 }   # platform team']],
    });
    const sections = result.stdout.split('\n\n');
    expect(result.stdout).toContain('erin left on 2026-12-02: owned 2 and could read 3 credentials.');
    expect(sections.find((s) => s.startsWith('Rotate now'))).toBe('Rotate now (only erin knew these):\n  - alpha (openai_api_key): overdue');
    expect(sections.find((s) => s.startsWith('Rotate because'))?.split('\n').slice(1)).toEqual([
      '  - beta (azure_ai_key): overdue; also known to frank',
      '  - gamma (email_password): overdue; also known to alice',
      '  - delta (imap1_password): overdue; also known to alice, frank',
      '  - epsilon (webdav_password): overdue; also known to frank',
    ]);
    expect(sections.find((s) => s.startsWith('Reassign'))).toContain('  - alpha (openai_api_key): nobody else has access: pick someone\n  - beta (azure_ai_key): already have access: frank');
    expect(sections.find((s) => s.startsWith("Revoke erin's"))?.split('\n').slice(1)).toEqual([
      '  - platform.openai.com: alpha',
      '  - portal.azure.com: beta',
      '  - mail.example.com: gamma, delta',
      '  - (no issuer recorded): epsilon',
    ]);
  });

  it('--reassign-to rewrites the owner: lines and nothing else, then exits 0; a rerun writes nothing', async () => {
    const team = teamFile();
    const result = await run(['offboard', 'erin', '--reassign-to', 'frank', '--date', '2026-11-30', '--file', team.file]);
    expect(result.code).toBe(0);
    const diff = diffLines(TEAM, team.read());
    expect(diff.added.map(([, line]) => line)).toEqual([
      '  erin:  { github: erin, email: erin@example.com, left: 2026-11-30 }   # platform team',
      '    owner: frank',
      '    owner: frank',
    ]);
    expect(diff.removed.map(([, line]) => line)).toEqual(['  erin:  { github: erin, email: erin@example.com }   # platform team', '    owner: erin', '    owner: erin']);
    expect(result.stdout).toContain('(none: handed to frank)');
    // What only erin knew must still be rotated, even though frank owns it now.
    expect(result.stdout).toContain('Rotate now (only erin knew these):\n  - alpha (openai_api_key): overdue');

    const written = team.read();
    const again = await run(['offboard', 'erin', '--file', team.file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to write: erin is recorded as leaving on 2026-11-30');
    expect(team.read()).toBe(written);
    expect(await run(['validate', '--file', team.file])).toMatchObject({ code: 0 });
  });

  it('refuses an unknown person, a new owner who left, or the leaver as new owner', async () => {
    const team = teamFile();
    expect((await run(['offboard', 'zoe', '--file', team.file])).stderr).toContain('no person `zoe` under people (it has: alice, erin, frank)');
    expect((await run(['offboard', 'erin', '--reassign-to', 'erin', '--file', team.file])).code).toBe(64);
    await run(['offboard', 'frank', '--reassign-to', 'alice', '--file', team.file]);
    const refused = await run(['offboard', 'erin', '--reassign-to', 'frank', '--file', team.file]);
    expect(refused).toMatchObject({ code: 64 });
    expect(refused.stderr).toContain('--reassign-to frank: they left on 2026-12-02');
  });
});

describe('credledger onboard and offboard', () => {
  it('round trip on the example: the person is added, then leaves, and the file differs by their one entry', async () => {
    const copy = copyExample();
    const onboard = await run(['onboard', 'erin', '--github', 'erin-k', '--email', 'erin@example.com', '--name', 'Erin Kim', '--file', copy.file]);
    expect(onboard.code).toBe(0);
    const added = diffLines(copy.original, copy.read());
    expect(added.removed).toEqual([]);
    expect(added.added.map(([, line]) => line)).toEqual(['  erin: { github: erin-k, email: erin@example.com, name: Erin Kim }']);
    expect(onboard.stdout).toContain('production (https://docs.example.com):');
    expect(onboard.stdout).toContain('  AI Services: openai, azure-ai');
    expect(onboard.stdout).toMatch(/service-specific credential/);
    expect(await run(['validate', '--file', copy.file])).toMatchObject({ code: 0 });

    const again = await run(['onboard', 'erin', '--github', 'erin-k', '--file', copy.file]);
    expect(again.code).toBe(64);
    expect(again.stderr).toContain('`erin` is already under people');

    const offboard = await run(['offboard', 'erin', '--file', copy.file]);
    expect(offboard.code).toBe(0);
    expect(offboard.stdout).toContain('owned 0 and could read 0 credentials');
    const after = diffLines(copy.original, copy.read());
    expect(after.added.map(([, line]) => line)).toEqual(['  erin: { github: erin-k, email: erin@example.com, name: Erin Kim, left: 2026-12-02 }']);
  });
});

describe('credledger revoke', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    expect(fake?.unmatched() ?? []).toEqual([]);
    await fake?.close();
    fake = undefined;
  });

  it('records compromised and incident only, prints the checklist in order, and the next remind opens a critical issue', async () => {
    const copy = copyExample();
    const result = await run(['revoke', 'nextcloud', '--reason', 'app password seen in a screen share', '--file', copy.file]);
    expect(result.code).toBe(0);
    const diff = diffLines(copy.original, copy.read());
    expect(diff.removed).toEqual([]);
    expect(diff.added.map(([, line]) => line)).toEqual(['    compromised: 2026-12-02', '    incident: "app password seen in a screen share"']);
    const steps = result.stdout.split('\n').filter((line) => /^\d\. /.test(line));
    expect(steps.map((line) => line.slice(0, line.indexOf(':')))).toEqual(['1. Revoke at the issuer now', '2. Review the audit logs', '3. Deploy a replacement', '4. Notify']);
    expect(steps[0]).toContain('`cloud.example.com app password`');
    expect(steps[2]).toContain('credledger set nextcloud --value-stdin');

    const status = await run(['status', '--file', copy.file, '--format', 'json', '--now', '2026-12-02']);
    const rows = JSON.parse(status.stdout).credentials.filter((row: { id: string }) => row.id === 'nextcloud');
    expect(rows.map((row: { state: string; severity: string }) => [row.state, row.severity])).toEqual([
      ['overdue', 'critical'],
      ['overdue', 'critical'],
    ]);

    fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', token: 'ghs_revoke', collaborators: ['alice'] });
    const github = createGitHubIssues({ token: fake.token, repository: 'acme/infra', baseUrl: fake.url, writeIntervalMs: 0, retryAfterUnitMs: 1, log: () => undefined });
    await remindRotations({ inventoryFile: copy.file, now: '2026-12-02', repo: 'acme/infra', dryRun: false, github });
    const issues = fake.listIssues().filter((issue) => readIssueMarker(issue.body) === 'nextcloud');
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue.labels.map((label) => (typeof label === 'string' ? label : label.name))).toEqual(expect.arrayContaining(['overdue', 'compromised']));
    expect(issue.body).toContain('may be compromised: rotate it now');
    expect(issue.body).toContain('suspected compromise on 2026-12-02: app password seen in a screen share');
  });

  it('needs a reason, a known credential and a deployment it goes to', async () => {
    const copy = copyExample();
    expect((await run(['revoke', 'nextcloud', '--file', copy.file])).code).toBe(64);
    expect((await run(['revoke', 'nope', '--reason', 'x', '--file', copy.file])).stderr).toContain('no credential `nope`');
    expect((await run(['revoke', 'ftp', '--reason', 'x', '--deployment', 'staging', '--file', copy.file])).stderr).toContain('`ftp` is not pushed to `staging`');
    expect(copy.read()).toBe(copy.original);
  });
});

describe('credledger revoke on the day of a rotation', () => {
  it('says the rotation counts as after the leak instead of claiming it is critical', async () => {
    const team = teamFile(TEAM.replace('    created: 2026-10-01\n  delta:', '    created: 2026-10-01\n    rotated: 2026-12-02\n  delta:'));
    const result = await run(['revoke', 'gamma', '--reason', 'seen on a shared screen', '--file', team.file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('gamma was rotated on 2026-12-02, which counts as after the leak on 2026-12-02: it is not due for it.');
  });
});
