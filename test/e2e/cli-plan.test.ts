import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFernetKey } from '../../src/crypto/fernet.js';
import { parseKeyRing } from '../../src/crypto/key-ring.js';
import { sealValue, type Place } from '../../src/crypto/sealed-value.js';
import { createGitFixture, type GitFixture } from '../support/git-fixture.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';

const NOW = ['--now', '2026-11-26'];
const JAN = 1_767_225_600;
const SEP = 1_788_220_800;

const keyText = generateFernetKey();
const ring = parseKeyRing(keyText);
const secrets: string[] = [keyText];

function seal(place: Place, plaintext: string, at: number): string {
  const sealed = sealValue(ring, place, plaintext, at);
  secrets.push(plaintext, sealed, sealed.split(':')[2] ?? sealed);
  return sealed;
}

const fixtures: GitFixture[] = [];
afterAll(() => {
  for (const created of fixtures) created.dispose();
});

function repository(): GitFixture {
  const created = createGitFixture();
  fixtures.push(created);
  return created;
}

function run(repo: GitFixture, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runBuiltCli(['plan', ...NOW, ...args], { cwd: repo.dir, env: { ...repo.env, ...env } });
}

function expectNoSecrets(result: CliRun): void {
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

const HEADER = `version: 1
people:
  alice: { github: alice }
  carol: { github: carol }
deployments:
  production: { url: 'https://docs.example.com' }
  staging: { url: 'https://staging.example.com' }
credentials:
`;

const OPENAI_JAN = seal({ credentialId: 'openai' }, 'sk-proj-e2e-openai-0001', JAN);
const OPENAI_SEP = seal({ credentialId: 'openai' }, 'sk-proj-e2e-openai-0002', SEP);
const SMTP = seal({ credentialId: 'smtp' }, 'smtp-e2e-password-0003', JAN);
const DROPBOX = seal({ credentialId: 'dropbox', deployment: 'production' }, 'dropbox-e2e-secret-0004', SEP);

function openai(rotated: string, value: string): string {
  return `  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    created: 2025-06-01
    rotated: ${rotated}
    value: ${value}
`;
}

function smtp(owner: string): string {
  return `  smtp:
    setting: email_password
    kind: password
    owner: ${owner}
    created: 2025-06-01
    deployments: [production]
    value: ${SMTP}
`;
}

const DROPBOX_ENTRY = `  dropbox:
    setting: dropbox_app_secret
    kind: oauth_client_secret
    owner: carol
    created: 2026-09-01
    values:
      production: ${DROPBOX}
    deployments: [production]
`;

/** main holds the base; branch `rotate` rotates openai in one commit, then adds dropbox and hands smtp to carol in another. */
function rotationRepository(): { repo: GitFixture; base: string } {
  const repo = repository();
  repo.write('credentials.yaml', HEADER + openai('2026-01-01', OPENAI_JAN) + smtp('alice'));
  const base = repo.commit('inventory');
  repo.git('checkout', '--quiet', '-b', 'rotate');
  repo.write('credentials.yaml', HEADER + openai('2026-09-01', OPENAI_SEP) + smtp('alice'));
  repo.commit('rotate openai');
  repo.write('credentials.yaml', HEADER + openai('2026-09-01', OPENAI_SEP) + smtp('carol') + DROPBOX_ENTRY);
  repo.commit('add dropbox, hand smtp to carol');
  return { repo, base };
}

describe('credledger plan (built CLI)', () => {
  it('lists exactly the rotation, the addition and the owner change, with their operations, and no key in the environment', async () => {
    const { repo, base } = rotationRepository();
    const result = await run(repo, ['--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      base,
      head: 'worktree',
      changes: [
        { id: 'openai', change: 'rotated', fields: ['rotated', 'value'], deployments: ['production', 'staging'] },
        { id: 'smtp', change: 'metadata', fields: ['owner'], deployments: ['production'] },
        { id: 'dropbox', change: 'added', fields: [], deployments: ['production'] },
      ],
      operations: [
        { deployment: 'production', setting: 'openai_api_key', action: 'set', restart_required: false, group: null },
        { deployment: 'production', setting: 'dropbox_app_secret', action: 'set', restart_required: false, group: null },
        { deployment: 'staging', setting: 'openai_api_key', action: 'set', restart_required: false, group: null },
      ],
      diagnostics: [],
    });
    expectNoSecrets(result);
  });

  it('prints text by default, GitHub annotations inside Actions, and Markdown on request, never a secret', async () => {
    const { repo } = rotationRepository();
    const text = await run(repo, []);
    expect(text.stdout).toMatch(/^Plan for credentials\.yaml: base [0-9a-f]{7} -> working tree\n/);
    expect(text.stdout).toContain('Values were compared as ciphertext (no key)');
    expect(text.stdout).toContain('3 changes to 3 credentials; 3 operations on 2 deployments; 0 errors, 0 warnings');
    const github = await run(repo, [], { GITHUB_ACTIONS: 'true' });
    expect(github.stdout).toBe(text.stdout);
    const markdown = await run(repo, ['--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^\*\*credledger plan\*\* for `credentials\.yaml`: 3 changes to 3 credentials/);
    expect(markdown.stdout).toContain('| `openai` | 🔄 rotated | `rotated`, `value` | `production`, `staging` |');
    for (const output of [text, github, markdown]) {
      expect(output.code).toBe(0);
      expectNoSecrets(output);
    }
  });

  it('exits 2 for changes and 0 for none with --detailed-exitcode', async () => {
    const { repo } = rotationRepository();
    expect((await run(repo, ['--detailed-exitcode'])).code).toBe(2);
    const unchanged = await run(repo, ['--detailed-exitcode', '--base', 'HEAD']);
    expect(unchanged.stdout).toContain('No changes to credentials.');
    expect(unchanged.code).toBe(0);
    expect((await run(repo, ['--base', 'HEAD~1', '--head', 'HEAD~1', '--detailed-exitcode'])).code).toBe(0);
  });

  it('exits 1 when the plan has errors, even with --detailed-exitcode, and shows them as annotations in Actions', async () => {
    const repo = repository();
    repo.write('credentials.yaml', HEADER + openai('2026-01-01', OPENAI_JAN));
    repo.commit('one');
    repo.write('credentials.yaml', HEADER + openai('2026-01-01', OPENAI_SEP));
    const result = await run(repo, ['--base', 'HEAD', '--detailed-exitcode'], { GITHUB_ACTIONS: 'true' });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      '::error file=credentials.yaml,line=14,col=14,endLine=14,endColumn=24,title=value-changed-without-rotation::the value of `openai` changed but `rotated` did not move forward (still 2026-01-01): set `rotated` to the day of the rotation',
    );
    expectNoSecrets(result);
  });

  it('compares plaintexts with CREDLEDGER_KEY or --key-file: a value encrypted again is a re-encryption with no operation', async () => {
    const repo = repository();
    repo.write('credentials.yaml', HEADER + openai('2026-01-01', OPENAI_JAN));
    repo.commit('one');
    repo.write('credentials.yaml', HEADER + openai('2026-01-01', seal({ credentialId: 'openai' }, 'sk-proj-e2e-openai-0001', SEP)));
    const withoutKey = await run(repo, ['--base', 'HEAD', '--detailed-exitcode']);
    expect(withoutKey.code).toBe(1);
    const withKey = await run(repo, ['--base', 'HEAD', '--detailed-exitcode', '--format', 'json'], { CREDLEDGER_KEY: keyText });
    expect(withKey.stderr).toBe('');
    expect(JSON.parse(withKey.stdout)).toMatchObject({ changes: [{ id: 'openai', change: 're-encrypted', fields: ['value'] }], operations: [], diagnostics: [] });
    // The file changed, so reviewers are told (exit 2 with --detailed-exitcode), but no deployment is written.
    expect(withKey.code).toBe(2);
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'credledger-key-')), 'key');
    writeFileSync(keyFile, `# the team key\n${keyText}\n`);
    const fromFile = await run(repo, ['--base', 'HEAD', '--key-file', keyFile]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/1 value re-encrypted under key [0-9a-f]{8}, plaintexts unchanged, nothing will be pushed\./);
    for (const output of [withoutKey, withKey]) expectNoSecrets(output);
  });

  it('guards against re-introducing an older value unless --allow-rollback', async () => {
    const repo = repository();
    repo.write('credentials.yaml', HEADER + openai('2026-09-01', OPENAI_SEP));
    repo.commit('one');
    repo.write('credentials.yaml', HEADER + openai('2026-10-01', OPENAI_JAN));
    const refused = await run(repo, ['--base', 'HEAD']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('error [rollback] the new value of `openai` was sealed 2026-01-01T00:00:00Z');
    const allowed = await run(repo, ['--base', 'HEAD', '--allow-rollback']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('warning [rollback]');
  });

  it.each([
    [['--format', 'xml'], 64, /--format must be one of: text, json, markdown, github/],
    [['--bogus'], 64, /Unknown option '--bogus'/],
    [['--base', 'no-such-branch'], 64, /credledger plan: unknown revision `no-such-branch`/],
    [['--file', 'other.yaml', '--base', 'HEAD'], 64, /other\.yaml exists neither at base [0-9a-f]{7} nor at the working tree/],
  ])('fails plainly on %j', async (args, code, message) => {
    const repo = repository();
    repo.write('credentials.yaml', HEADER);
    repo.commit('one');
    const result = await run(repo, args);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(code);
  });

  it('is a usage error outside a git repository', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'credledger-nogit-'));
    const result = await runBuiltCli(['plan'], { cwd: directory, env: { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: directory } });
    expect(result.stderr).toMatch(/is not inside a git working tree/);
    expect(result.code).toBe(64);
  });
});
