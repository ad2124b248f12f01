import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Plan } from '../../src/core/plan.js';
import { sourceLinesOf } from '../../src/core/render-diagnostics.js';
import {
  MAX_MARKDOWN_LENGTH,
  planToJson,
  renderPlanGitHub,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  summarisePlan,
  truncateMarkdown,
} from '../../src/core/render-plan.js';
import { renderGitHubHtml, tableRows, unsafeMarkup, visibleText } from '../support/markdown-oracle.js';

const BASE = '1a2b3c4d5e6f7081928374655647382910abcdef';
const HEAD = 'fedcba0987654321fedcba0987654321fedcba09';

const ERROR: Diagnostic = {
  code: 'value-changed-without-rotation',
  severity: 'error',
  message: 'the value of `azure` changed but `rotated` did not move forward',
  path: 'credentials.azure.rotated',
  file: 'credentials.yaml',
  line: 3,
  column: 14,
  endLine: 3,
  endColumn: 24,
};

const PLAN: Plan = {
  file: 'credentials.yaml',
  base: BASE,
  head: HEAD,
  valueBasis: 'ciphertext',
  changes: [
    { id: 'openai', change: 'rotated', fields: ['rotated', 'value'], deployments: ['production', 'staging'] },
    { id: 'dropbox', change: 'added', fields: [], deployments: ['production'] },
    { id: 'azure', change: 'value-changed-without-rotation', fields: ['value'], deployments: ['staging'] },
  ],
  operations: [
    { deployment: 'production', setting: 'openai_api_key', action: 'set', restart_required: false, group: null, credential: 'openai' },
    { deployment: 'production', setting: 'admin_password', action: 'delete', restart_required: true, group: null, credential: 'admin' },
    { deployment: 'staging', setting: 'aws_access_key_id', action: 'set', restart_required: false, group: 'aws-s3', credential: 'aws-key' },
  ],
  diagnostics: [ERROR],
  notes: ['Deployment `old` leaves the inventory: credledger stops managing it and leaves its settings as they are.'],
};

const EMPTY: Plan = { ...PLAN, head: 'worktree', valueBasis: 'plaintext', changes: [], operations: [], diagnostics: [], notes: [] };

describe('summarisePlan', () => {
  it.each([
    [PLAN, '3 changes to 3 credentials; 3 operations on 2 deployments (1 needs a restart); 1 error, 0 warnings'],
    [EMPTY, 'no changes; no operations; 0 errors, 0 warnings'],
    [{ ...EMPTY, changes: PLAN.changes.slice(0, 1), operations: PLAN.operations.slice(0, 1) }, '1 change to 1 credential; 1 operation on 1 deployment; 0 errors, 0 warnings'],
  ])('%#: %s', (plan, summary) => {
    expect(summarisePlan(plan)).toBe(summary);
  });
});

describe('JSON', () => {
  it('has exactly the contract keys, without the credential behind each operation', () => {
    const parsed = JSON.parse(renderPlanJson(PLAN)) as unknown;
    expect(parsed).toEqual({
      base: BASE,
      head: HEAD,
      changes: [
        { id: 'openai', change: 'rotated', fields: ['rotated', 'value'], deployments: ['production', 'staging'] },
        { id: 'dropbox', change: 'added', fields: [], deployments: ['production'] },
        { id: 'azure', change: 'value-changed-without-rotation', fields: ['value'], deployments: ['staging'] },
      ],
      operations: [
        { deployment: 'production', setting: 'openai_api_key', action: 'set', restart_required: false, group: null },
        { deployment: 'production', setting: 'admin_password', action: 'delete', restart_required: true, group: null },
        { deployment: 'staging', setting: 'aws_access_key_id', action: 'set', restart_required: false, group: 'aws-s3' },
      ],
      diagnostics: [ERROR],
    });
    expect(Object.keys(planToJson(EMPTY))).toEqual(['base', 'head', 'changes', 'operations', 'diagnostics']);
    expect(planToJson(EMPTY).head).toBe('worktree');
  });
});

describe('text', () => {
  it('shows header, changes, aligned operations, diagnostics with an excerpt, and the summary', () => {
    const source = ['credentials:', '  azure:', '    rotated: 2026-01-01'];
    expect(renderPlanText(PLAN, { sourceLines: sourceLinesOf(source.join('\n')) })).toBe(`Plan for credentials.yaml: base 1a2b3c4 -> head fedcba0
Values were compared as ciphertext (no key): a value encrypted again without changing shows as changed; a re-key, which keeps the sealing time, does not.
Deployment \`old\` leaves the inventory: credledger stops managing it and leaves its settings as they are.

Changes:
  ID       CHANGE                          FIELDS          DEPLOYMENTS
  openai   rotated                         rotated, value  production, staging
  dropbox  added                           -               production
  azure    value-changed-without-rotation  value           staging

Operations:
  production
    set     openai_api_key     (openai)
    delete  admin_password     (admin)    restart required
  staging
    set     aws_access_key_id  (aws-key)  group aws-s3

credentials.yaml:3:14: error [value-changed-without-rotation] the value of \`azure\` changed but \`rotated\` did not move forward
   3 |     rotated: 2026-01-01
     |              ^^^^^^^^^^

3 changes to 3 credentials; 3 operations on 2 deployments (1 needs a restart); 1 error, 0 warnings`);
  });

  it('says plainly when nothing changes', () => {
    expect(renderPlanText(EMPTY)).toBe(`Plan for credentials.yaml: base 1a2b3c4 -> working tree

No changes to credentials.

No operations: the merge sets and deletes nothing.

no changes; no operations; 0 errors, 0 warnings`);
  });
});

describe('github', () => {
  it('prints diagnostics as annotations and the plan without excerpts', () => {
    const output = renderPlanGitHub(PLAN);
    const lines = output.split('\n');
    expect(lines[0]).toBe(
      '::error file=credentials.yaml,line=3,col=14,endLine=3,endColumn=24,title=value-changed-without-rotation::the value of `azure` changed but `rotated` did not move forward',
    );
    expect(lines[1]).toBe('Plan for credentials.yaml: base 1a2b3c4 -> head fedcba0');
    expect(output).not.toContain(' | ');
    expect(lines.at(-1)).toBe(summarisePlan(PLAN));
    expect(renderPlanGitHub(EMPTY).startsWith('Plan for')).toBe(true);
  });
});

describe('markdown', () => {
  it('renders the comment body: summary, changes, operations per deployment, restarts, linked diagnostics', () => {
    const markdown = renderPlanMarkdown(PLAN, { link: (file, line) => `https://github.com/acme/infra/blob/${HEAD}/${file}#L${line}` });
    expect(markdown).toBe(`**credledger plan** for \`credentials.yaml\`: 3 changes to 3 credentials; 3 operations on 2 deployments (1 needs a restart); 1 error, 0 warnings

Base \`1a2b3c4\` → head \`fedcba0\`. Values were compared as ciphertext (no key): a value encrypted again without changing shows as changed; a re-key, which keeps the sealing time, does not.

> [!NOTE]
> Deployment \`old\` leaves the inventory: credledger stops managing it and leaves its settings as they are.

#### Changes

| Credential | Change | Fields | Deployments |
|---|---|---|---|
| \`openai\` | 🔄 rotated | \`rotated\`, \`value\` | \`production\`, \`staging\` |
| \`dropbox\` | ➕ added | – | \`production\` |
| \`azure\` | ❌ value changed without rotation | \`value\` | \`staging\` |

#### Operations

**\`production\`**

| Action | Setting | Restart | Group | Credential |
|---|---|---|---|---|
| set | \`openai_api_key\` | no | – | \`openai\` |
| delete | \`admin_password\` | ⚠️ required | – | \`admin\` |

**\`staging\`**

| Action | Setting | Restart | Group | Credential |
|---|---|---|---|---|
| set | \`aws_access_key_id\` | no | \`aws-s3\` | \`aws-key\` |

> [!WARNING]
> After apply, these settings take effect only once DocuElevate restarts (\`docker compose restart api worker\`):
> - \`production\`: \`admin_password\`

#### Diagnostics

- ❌ **error** \`value-changed-without-rotation\` at [credentials.yaml:3](https://github.com/acme/infra/blob/${HEAD}/credentials.yaml#L3): the value of \`azure\` changed but \`rotated\` did not move forward
`);
  });

  it('without a link builder shows file:line as code, and says when nothing changes', () => {
    expect(renderPlanMarkdown({ ...EMPTY, diagnostics: [ERROR] })).toBe(`**credledger plan** for \`credentials.yaml\`: no changes; no operations; 1 error, 0 warnings

Base \`1a2b3c4\` → the working tree.

#### Changes

No changes to credentials.

#### Operations

None: the merge sets and deletes nothing.

#### Diagnostics

- ❌ **error** \`value-changed-without-rotation\` at \`credentials.yaml:3\`: the value of \`azure\` changed but \`rotated\` did not move forward
`);
  });

  it('keeps names from the inventory from turning into HTML, links, mentions or extra table cells', () => {
    const hostile: Diagnostic = { ...ERROR, severity: 'warning', message: 'owner `a|b` is <img src=x> @octocat [here](https://evil.example) *bold*' };
    const unbalanced: Diagnostic = { ...ERROR, message: 'name `broken <b>x</b>' };
    const markdown = renderPlanMarkdown({
      ...EMPTY,
      changes: [{ id: 'we|ird`id', change: 'metadata', fields: ['owner'], deployments: ['production'] }],
      diagnostics: [hostile, unbalanced],
    });
    expect(markdown).toContain('| we&#124;ird\\`id | 📝 metadata | `owner` | `production` |');
    expect(markdown).toContain('owner a&#124;b is &lt;img src=x&gt; @\u200boctocat \\[here\\](https\\://evil.example) \\*bold\\*');
    expect(markdown).toContain('name \\`broken &lt;b&gt;x&lt;/b&gt;');
    expect(markdown).not.toMatch(/<img|<b>|@octocat/);
    expect(unsafeMarkup(renderGitHubHtml(markdown))).toEqual([]);
  });

  // Issue #12 item 5: a lone carriage return once ended a table row and let the rest render as raw Markdown.
  it.each(['\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f'])('keeps a %j in any name inside its table cell', (lineBreak) => {
    const evil = (name: string) => `${name}${lineBreak}![x](https://evil.example/x.png) [l](https://evil.example) @team <b>hi</b> # heading`;
    const markdown = renderPlanMarkdown({
      ...EMPTY,
      changes: [{ id: evil('openai'), change: 'metadata', fields: ['owner'], deployments: [evil('production')] }],
      operations: [{ deployment: evil('production'), setting: 'openai_api_key', action: 'set', restart_required: true, group: evil('group'), credential: evil('openai') }],
      diagnostics: [{ ...ERROR, message: `owner \`${evil('alice')}\` of ${evil('x')} is not listed` }],
      notes: [`Deployment \`${evil('old')}\` leaves the inventory`],
    });
    const html = renderGitHubHtml(markdown);
    expect(unsafeMarkup(html)).toEqual([]);
    const rows = tableRows(html);
    expect(rows.map((row) => row.length)).toEqual([4, 4, 5, 5]);
    expect(visibleText(rows[1]?.[0] ?? '').replace(/\u200b/g, '')).toBe(evil('openai').replace(lineBreak, ' '.repeat(lineBreak.length)));
  });

  it('escapes a link that would end early', () => {
    const markdown = renderPlanMarkdown({ ...EMPTY, diagnostics: [ERROR] }, { link: () => 'https://example.com/a b(c)' });
    expect(markdown).toContain('[credentials.yaml:3](https://example.com/a%20b%28c%29)');
  });

  it(`cuts a body over ${MAX_MARKDOWN_LENGTH} characters at a line boundary, with a note`, () => {
    const changes = Array.from({ length: 1500 }, (_, index) => ({
      id: `credential-${String(index).padStart(4, '0')}`,
      change: 'metadata' as const,
      fields: ['owner', 'access', 'issuer'],
      deployments: ['production', 'staging'],
    }));
    const whole = renderPlanMarkdown({ ...EMPTY, changes }, { maxLength: Number.MAX_SAFE_INTEGER });
    expect(whole.length).toBeGreaterThan(MAX_MARKDOWN_LENGTH);
    const cut = renderPlanMarkdown({ ...EMPTY, changes });
    expect(cut.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
    expect(cut.length).toBeGreaterThan(MAX_MARKDOWN_LENGTH - 200);
    const note = cut.slice(cut.lastIndexOf('\n> [!CAUTION]'));
    const kept = cut.slice(0, cut.length - note.length);
    expect(whole.startsWith(kept)).toBe(true);
    expect(kept.endsWith('|\n')).toBe(true);
    const left = whole.slice(kept.length).replace(/\n$/, '').split('\n').length;
    expect(note).toBe(`\n> [!CAUTION]\n> The plan was cut here: ${left} more lines would not fit in a comment. Run \`credledger plan\` for all of it.\n`);
  });

  it('honours a smaller limit and leaves short text alone', () => {
    const text = 'one\ntwo\nthree\n';
    expect(truncateMarkdown(text, 100)).toBe(text);
    const cut = truncateMarkdown(`${'x'.repeat(50)}\n${'y'.repeat(50)}\n${'z'.repeat(50)}\n${'w'.repeat(50)}\n`, 170);
    expect(cut.length).toBeLessThanOrEqual(170);
    expect(cut).toBe(`${'x'.repeat(50)}\n\n> [!CAUTION]\n> The plan was cut here: 3 more lines would not fit in a comment. Run \`credledger plan\` for all of it.\n`);
  });
});
