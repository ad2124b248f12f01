import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGitRepository } from '../../src/adapters/git-repository.js';
import { UsageError } from '../../src/ports/errors.js';
import { planInventoryChange, type PlanRequest } from '../../src/app/plan.js';
import { renderPlanGitHub, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../src/core/render-plan.js';
import { sourceLinesOf } from '../../src/core/render-diagnostics.js';
import { generateFernetKey } from '../../src/crypto/fernet.js';
import { parseKeyRing, type KeyRing } from '../../src/crypto/key-ring.js';
import { resealValue, sealValue, type Place } from '../../src/crypto/sealed-value.js';
import { createGitFixture, useSterileGitEnvironment, type GitFixture } from '../support/git-fixture.js';

const TODAY = '2026-11-26';
const JAN = 1_767_225_600; // 2026-01-01T00:00:00Z
const SEP = 1_788_220_800; // 2026-09-01T00:00:00Z

const keyText = generateFernetKey();
const ring = parseKeyRing(keyText);
const newKeyText = generateFernetKey();

/** Every plaintext and encrypted value a test made: none may appear in any output. */
const secrets: string[] = [keyText, newKeyText];

function seal(place: Place, plaintext: string, at: number, withRing: KeyRing = ring): string {
  const sealed = sealValue(withRing, place, plaintext, at);
  secrets.push(plaintext, sealed, sealed.split(':')[2] ?? sealed);
  return sealed;
}

interface CredentialSpec {
  readonly setting: string;
  readonly owner?: string;
  readonly rotated?: string;
  readonly value?: string;
  readonly values?: Record<string, string>;
  readonly deployments?: readonly string[];
  readonly group?: string;
}

function inventory(credentials: Record<string, CredentialSpec>): string {
  const lines = [
    'version: 1',
    'people:',
    '  alice: { github: alice }',
    '  carol: { github: carol }',
    'deployments:',
    "  production: { url: 'https://docs.example.com' }",
    "  staging: { url: 'https://staging.example.com' }",
    'credentials:',
  ];
  for (const [id, spec] of Object.entries(credentials)) {
    lines.push(`  ${id}:`, `    setting: ${spec.setting}`, '    kind: api_key', `    owner: ${spec.owner ?? 'alice'}`, '    created: 2025-06-01');
    if (spec.rotated) lines.push(`    rotated: ${spec.rotated}`);
    if (spec.deployments) lines.push(`    deployments: [${spec.deployments.join(', ')}]`);
    if (spec.group) lines.push(`    group: ${spec.group}`);
    if (spec.value) lines.push(`    value: ${spec.value}`);
    if (spec.values) lines.push('    values:', ...Object.entries(spec.values).map(([deployment, sealed]) => `      ${deployment}: ${sealed}`));
  }
  return `${lines.join('\n')}\n`;
}

let restoreEnvironment: () => void;
const sandbox = mkdtempSync(path.join(tmpdir(), 'credledger-plan-'));
const fixtures: GitFixture[] = [];

function repository(): GitFixture {
  const created = createGitFixture({ parentDir: mkdtempSync(path.join(sandbox, 'r-')) });
  fixtures.push(created);
  return created;
}

async function plan(repo: GitFixture, request: Partial<PlanRequest> = {}, keyRing?: KeyRing) {
  const revisions = await openGitRepository(repo.dir);
  return planInventoryChange({ file: 'credentials.yaml', allowRollback: false, today: TODAY, ...request }, { revisions, keyRing });
}

function expectNoSecrets(...outputs: string[]): void {
  for (const output of outputs) {
    for (const secret of secrets) expect(output).not.toContain(secret);
  }
}

beforeAll(() => {
  restoreEnvironment = useSterileGitEnvironment(sandbox);
});

afterAll(() => {
  restoreEnvironment();
  for (const created of fixtures) created.dispose();
});

// Issue #12 item 12: a renamed inventory listed every credential as added, with set operations apply never made.
describe('a renamed inventory', () => {
  it.each([
    ['in a commit', true],
    ['in the working tree', false],
  ])('compares with its old path at base (%s)', async (_, committed) => {
    const repo = repository();
    const openai = { setting: 'openai_api_key', rotated: '2026-01-01', value: seal({ credentialId: 'openai' }, 'sk-proj-renamed-0001', JAN) };
    repo.write('credentials.yaml', inventory({ openai }));
    const base = repo.commit('inventory');
    mkdirSync(path.join(repo.dir, 'inventory'));
    repo.git('mv', 'credentials.yaml', 'inventory/credentials.yaml');
    const head = committed ? repo.commit('move the inventory') : undefined;
    const { plan: result, valid } = await plan(repo, { file: 'inventory/credentials.yaml', base, ...(head === undefined ? {} : { head }) });
    expect(valid).toBe(true);
    expect(result.changes).toEqual([]);
    expect(result.operations).toEqual([]);
    expect(result.notes.join('\n')).toContain('`inventory/credentials.yaml` was `credentials.yaml` at base');
  });
});

describe('revisions', () => {
  it('compares the working tree with the merge-base of HEAD and main, not with where main is now', async () => {
    const repo = repository();
    const openai = { setting: 'openai_api_key', rotated: '2026-01-01', value: seal({ credentialId: 'openai' }, 'sk-proj-alpha-0001', JAN) };
    const root = repo.commit('empty');
    repo.write('credentials.yaml', inventory({ openai }));
    const forkPoint = repo.commit('add openai');
    repo.git('checkout', '--quiet', '-b', 'rotate');
    const rotatedValue = seal({ credentialId: 'openai' }, 'sk-proj-alpha-0002', SEP);
    repo.write('credentials.yaml', inventory({ openai: { ...openai, rotated: '2026-09-01', value: rotatedValue } }));
    repo.commit('rotate openai');
    repo.git('checkout', '--quiet', 'main');
    repo.write('credentials.yaml', inventory({ openai, smtp: { setting: 'email_password' } }));
    repo.commit('main gains smtp');
    repo.git('checkout', '--quiet', 'rotate');
    repo.write('credentials.yaml', `${inventory({ openai: { ...openai, rotated: '2026-09-01', value: rotatedValue } })}# an uncommitted edit\n`);

    const { plan: result, valid } = await plan(repo);
    expect(result.base).toBe(forkPoint);
    expect(result.head).toBe('worktree');
    expect(result.changes).toEqual([{ id: 'openai', change: 'rotated', fields: ['rotated', 'value'], deployments: ['production', 'staging'] }]);
    expect(valid).toBe(true);

    const committed = await plan(repo, { base: root, head: 'rotate' });
    expect(committed.plan.head).toBe(repo.git('rev-parse', 'rotate').trim());
    expect(committed.plan.changes.map((change) => `${change.id} ${change.change}`)).toEqual(['openai added']);
    expect(committed.plan.notes).toEqual(['The inventory does not exist at base: every credential is added.']);
  });

  it('plans a file in a subdirectory and names it by its path in the repository', async () => {
    const repo = repository();
    repo.write('ops/credentials.yaml', inventory({}));
    repo.commit('one');
    repo.write('ops/credentials.yaml', inventory({ openai: { setting: 'openai_api_key', owner: 'mallory' } }));
    const { plan: result, valid } = await plan(repo, { file: 'ops/credentials.yaml', base: 'HEAD' });
    expect(result.file).toBe('ops/credentials.yaml');
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['ops/credentials.yaml:12:12 unknown-person']);
    expect(valid).toBe(false);
  });

  it('is a usage error when the file exists at neither revision', async () => {
    const repo = repository();
    repo.commit('empty');
    await expect(plan(repo, { base: 'HEAD' })).rejects.toThrow(UsageError);
    await expect(plan(repo, { base: 'HEAD' })).rejects.toThrow(/credentials\.yaml exists neither at base [0-9a-f]{7} nor at the working tree/);
  });
});

describe('files absent or invalid', () => {
  it('adds everything when the file is new, and removes everything when it is deleted', async () => {
    const repo = repository();
    const before = repo.commit('empty');
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', value: seal({ credentialId: 'openai' }, 'sk-new-0003', JAN) } }));
    const added = repo.commit('add');
    const addedPlan = await plan(repo, { base: before });
    expect(addedPlan.plan.changes.map((c) => c.change)).toEqual(['added']);
    expect(addedPlan.plan.operations.map((o) => `${o.action} ${o.deployment}`)).toEqual(['set production', 'set staging']);

    repo.remove('credentials.yaml');
    const removedPlan = await plan(repo, { base: added });
    expect(removedPlan.headText).toBeUndefined();
    expect(removedPlan.plan.changes).toEqual([{ id: 'openai', change: 'removed', fields: [], deployments: ['production', 'staging'] }]);
    expect(removedPlan.plan.operations).toEqual([]);
    expect(removedPlan.plan.notes).toEqual(['The inventory does not exist at head: every credential is removed, and with no deployment left to reach, nothing is deleted.']);
    expect(removedPlan.valid).toBe(true);
  });

  it('reports YAML errors at head with their line and plans nothing rather than everything removed', async () => {
    const repo = repository();
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key' } }));
    repo.commit('one');
    repo.write('credentials.yaml', 'version: 1\ncredentials: [broken\n');
    const { plan: result, valid } = await plan(repo, { base: 'HEAD' });
    expect(valid).toBe(false);
    expect(result.changes).toEqual([]);
    expect(result.operations).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:1 yaml-syntax']);
    expect(result.notes).toEqual(['The inventory at head cannot be read: fix the errors below to see a plan.']);
  });

  it("includes validate's diagnostics at head alongside the plan's own, sorted by line", async () => {
    const repo = repository();
    const openai = { setting: 'openai_api_key', rotated: '2026-01-01', value: seal({ credentialId: 'openai' }, 'sk-proj-charlie-0004', JAN) };
    repo.write('credentials.yaml', inventory({ openai }));
    repo.commit('one');
    const changed = seal({ credentialId: 'openai' }, 'sk-proj-charlie-0005', SEP);
    repo.write('credentials.yaml', inventory({ openai: { ...openai, value: changed }, stripe: { setting: 'stripe_secret_key', owner: 'nobody' } }));
    const { plan: result, valid } = await plan(repo, { base: 'HEAD' });
    expect(valid).toBe(false);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      '14:14 error value-changed-without-rotation',
      '19:12 error unknown-person',
    ]);
  });
});

describe('values with and without the key', () => {
  async function reencrypted() {
    const repo = repository();
    const place = { credentialId: 'openai' };
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-01-01', value: seal(place, 'sk-proj-delta-0006', JAN) } }));
    repo.commit('one');
    // The same plaintext sealed again later: different ciphertext, same value.
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-01-01', value: seal(place, 'sk-proj-delta-0006', SEP) } }));
    return repo;
  }

  it('without a key, a value encrypted again looks changed, and the plan says values were compared as ciphertext', async () => {
    const { plan: result, valid, headText } = await plan(await reencrypted(), { base: 'HEAD' });
    expect(result.valueBasis).toBe('ciphertext');
    expect(result.changes.map((c) => c.change)).toEqual(['value-changed-without-rotation']);
    expect(valid).toBe(false);
    const text = renderPlanText(result, { sourceLines: headText === undefined ? undefined : sourceLinesOf(headText) });
    expect(text).toContain('Values were compared as ciphertext (no key)');
    expectNoSecrets(text, renderPlanJson(result), renderPlanMarkdown(result), renderPlanGitHub(result));
  });

  it('with the key, the same value encrypted again is a re-encryption that pushes nothing', async () => {
    const { plan: result, valid } = await plan(await reencrypted(), { base: 'HEAD' }, ring);
    expect(result.valueBasis).toBe('plaintext');
    expect(result.changes.map((c) => c.change)).toEqual(['re-encrypted']);
    expect(result.operations).toEqual([]);
    expect(valid).toBe(true);
    expect(renderPlanMarkdown(result)).not.toContain('ciphertext');
  });

  it('with the key, moving `rotated` over an unchanged value is a paper rotation', async () => {
    const repo = repository();
    const place = { credentialId: 'openai' };
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-01-01', value: seal(place, 'sk-proj-echo-0007', JAN) } }));
    repo.commit('one');
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-09-01', value: seal(place, 'sk-proj-echo-0007', SEP) } }));
    expect((await plan(repo, { base: 'HEAD' })).plan.changes.map((c) => c.change)).toEqual(['rotated']);
    const withKey = await plan(repo, { base: 'HEAD' }, ring);
    expect(withKey.plan.changes.map((c) => c.change)).toEqual(['rotation-without-value']);
    expect(withKey.plan.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual(['14 warning rotation-without-value']);
  });

  it('without a key, recognises a re-key (same place and sealing time, new key id): re-encrypted, nothing pushed, and says why', async () => {
    const repo = repository();
    const place = { credentialId: 'openai', deployment: 'staging' };
    const original = seal(place, 'sk-proj-foxtrot-0008', JAN);
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-01-01', values: { staging: original } } }));
    repo.commit('one');
    const rekeyed = resealValue(parseKeyRing(`${newKeyText},${keyText}`), place, original).sealed;
    secrets.push(rekeyed);
    expect(rekeyed).not.toBe(original);
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-01-01', values: { staging: rekeyed } } }));
    const { plan: result } = await plan(repo, { base: 'HEAD' });
    expect(result.changes).toEqual([{ id: 'openai', change: 're-encrypted', fields: ['values.staging'], deployments: ['staging'] }]);
    expect(result.operations).toEqual([]);
    const newKeyId = parseKeyRing(newKeyText).keys[0].id;
    const note = `1 value re-encrypted under key ${newKeyId}, plaintexts unchanged, nothing will be pushed. Before merging, make every apply environment's CREDLEDGER_KEY hold key ${newKeyId} first and the old key after it`;
    expect(renderPlanText(result)).toContain(note);
    expect(renderPlanMarkdown(result)).toContain('re-encrypted (value unchanged)');
    expect(renderPlanText(result)).not.toContain('No changes to credentials');
  });

  it('with the key, a head value that does not open is an error at its line, without echoing it', async () => {
    const repo = repository();
    repo.write('credentials.yaml', inventory({}));
    repo.commit('one');
    // Sealed for `openai` but pasted under `azure`: apply could not decrypt it there.
    const misplaced = seal({ credentialId: 'openai' }, 'sk-proj-golf-0009', SEP);
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key' }, azure: { setting: 'azure_ai_key', value: misplaced } }));
    const { plan: result, valid } = await plan(repo, { base: 'HEAD' }, ring);
    expect(valid).toBe(false);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`)).toEqual([
      '19:12 value-does-not-open: this value belongs to openai, not azure; apply could not push it',
    ]);
    expect(renderPlanJson(result)).not.toContain(misplaced);
  });

  it('with a key that cannot open base values, compares those as ciphertext and says so', async () => {
    const repo = repository();
    const place = { credentialId: 'openai' };
    const foreignRing = parseKeyRing(newKeyText);
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-01-01', value: seal(place, 'sk-proj-hotel-0010', JAN, foreignRing) } }));
    repo.commit('one');
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-09-01', value: seal(place, 'sk-proj-hotel-0011', SEP) } }));
    const { plan: result } = await plan(repo, { base: 'HEAD' }, ring);
    expect(result.changes.map((c) => c.change)).toEqual(['rotated']);
    expect(result.notes).toEqual(['1 value at base did not open with the keys of CREDLEDGER_KEY; it was compared as ciphertext.']);
  });
});

describe('rollback guard', () => {
  async function rolledBack() {
    const repo = repository();
    const place = { credentialId: 'openai' };
    const older = seal(place, 'sk-proj-india-0012', JAN);
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-09-01', value: seal(place, 'sk-proj-india-0013', SEP) } }));
    repo.commit('one');
    repo.write('credentials.yaml', inventory({ openai: { setting: 'openai_api_key', rotated: '2026-10-01', value: older } }));
    return repo;
  }

  it('refuses a value sealed before the one it replaces, with or without the key', async () => {
    const repo = await rolledBack();
    for (const keyRing of [undefined, ring]) {
      const { plan: result, valid } = await plan(repo, { base: 'HEAD' }, keyRing);
      expect(valid).toBe(false);
      expect(result.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}: ${d.message}`)).toEqual([
        '15 error rollback: the new value of `openai` was sealed 2026-01-01T00:00:00Z, before the value it replaces (2026-09-01T00:00:00Z): it re-introduces an older value; if that is intended, plan with --allow-rollback',
      ]);
    }
  });

  it('lets it through as a warning with allowRollback', async () => {
    const { plan: result, valid } = await plan(await rolledBack(), { base: 'HEAD', allowRollback: true });
    expect(valid).toBe(true);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning rollback']);
  });
});

describe('the pull-request comment', () => {
  it('renders a rotation, an addition, an owner change and a rename with no token, plaintext or key in it', async () => {
    const repo = repository();
    const values = {
      openai: seal({ credentialId: 'openai' }, 'sk-proj-juliet-0014', JAN),
      aws: seal({ credentialId: 'aws-secret' }, 'aws-secret-kilo-0015', JAN),
      azure: seal({ credentialId: 'azure-ai' }, 'azure-lima-0016', JAN),
    };
    repo.write(
      'credentials.yaml',
      inventory({
        openai: { setting: 'openai_api_key', rotated: '2026-01-01', value: values.openai },
        'aws-secret': { setting: 'aws_secret_access_key', rotated: '2026-01-01', deployments: ['production'], group: 'aws-s3', value: values.aws },
        'azure-ai': { setting: 'azure_ai_key', rotated: '2026-01-01', value: values.azure },
      }),
    );
    const base = repo.commit('one');
    repo.write(
      'credentials.yaml',
      inventory({
        openai: { setting: 'openai_api_key', rotated: '2026-09-01', value: seal({ credentialId: 'openai' }, 'sk-proj-mike-0017', SEP) },
        'aws-secret': { setting: 'aws_secret_access_key', rotated: '2026-01-01', deployments: ['production'], group: 'aws-s3', owner: 'carol', value: values.aws },
        azure: { setting: 'azure_ai_key', rotated: '2026-01-01', value: seal({ credentialId: 'azure' }, 'azure-lima-0016', JAN) },
        'admin-password': { setting: 'admin_password', deployments: ['staging'], value: seal({ credentialId: 'admin-password' }, 'correct horse battery staple', SEP) },
      }),
    );
    const head = repo.commit('two');
    const { plan: result } = await plan(repo, { base, head: 'HEAD' });
    const link = (file: string, line: number) => `https://github.com/acme/infra/blob/${head}/${file}#L${line}`;
    const markdown = renderPlanMarkdown(result, { link });
    expect(markdown).toBe(`**credledger plan** for \`credentials.yaml\`: 5 changes to 5 credentials; 5 operations on 2 deployments (1 needs a restart); 0 errors, 0 warnings

Base \`${base.slice(0, 7)}\` → head \`${head.slice(0, 7)}\`. Values were compared as ciphertext (no key): a value encrypted again without changing shows as changed; a re-key, which keeps the sealing time, does not.

#### Changes

| Credential | Change | Fields | Deployments |
|---|---|---|---|
| \`openai\` | 🔄 rotated | \`rotated\`, \`value\` | \`production\`, \`staging\` |
| \`aws-secret\` | 📝 metadata | \`owner\` | \`production\` |
| \`azure\` | ➕ added | – | \`production\`, \`staging\` |
| \`admin-password\` | ➕ added | – | \`staging\` |
| \`azure-ai\` | ➖ removed | – | \`production\`, \`staging\` |

#### Operations

**\`production\`**

| Action | Setting | Restart | Group | Credential |
|---|---|---|---|---|
| set | \`openai_api_key\` | no | – | \`openai\` |
| set | \`azure_ai_key\` | no | – | \`azure\` |

**\`staging\`**

| Action | Setting | Restart | Group | Credential |
|---|---|---|---|---|
| set | \`openai_api_key\` | no | – | \`openai\` |
| set | \`azure_ai_key\` | no | – | \`azure\` |
| set | \`admin_password\` | ⚠️ required | – | \`admin-password\` |

> [!WARNING]
> After apply, these settings take effect only once DocuElevate restarts (\`docker compose restart api worker\`):
> - \`staging\`: \`admin_password\`
`);
    expectNoSecrets(markdown, renderPlanJson(result), renderPlanText(result), renderPlanGitHub(result));

    // With the key the renamed credential's value is seen to be the same: no set for it.
    const withKey = await plan(repo, { base, head: 'HEAD' }, ring);
    expect(withKey.plan.operations.map((o) => `${o.action} ${o.deployment}/${o.setting}`)).toEqual([
      'set production/openai_api_key',
      'set staging/openai_api_key',
      'set staging/admin_password',
    ]);
    expectNoSecrets(renderPlanMarkdown(withKey.plan, { link }), renderPlanJson(withKey.plan), renderPlanText(withKey.plan));
  });
});
