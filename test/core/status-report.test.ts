import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { renderStatusMarkdown, renderStatusText } from '../../src/core/render-status.js';
import { buildStatusReport } from '../../src/core/status-report.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';
import { inventoryFrom, inventoryText } from '../support/inventory-text.js';

const example = inventoryFrom(readFileSync(EXAMPLE_INVENTORY, 'utf8'));

describe('buildStatusReport', () => {
  it.each(['2025-01-01', '2026-06-30', '2026-11-26', '2027-03-15', '2030-12-31'])('keeps the JSON contract for now=%s', (now) => {
    const report = buildStatusReport(example, now);
    // The example is sealed under the public demo key, so the report names those values too.
    expect(Object.keys(report)).toEqual(['now', 'credentials', 'summary', 'publicDemoKeyValues']);
    expect(report.now).toBe(now);
    expect(Object.keys(report.summary).sort()).toEqual(['due-soon', 'ok', 'overdue', 'unknown']);
    for (const row of report.credentials) {
      expect(Object.keys(row)).toEqual(['id', 'setting', 'deployment', 'kind', 'owner', 'rotated', 'due', 'state', 'severity', 'reasons']);
      expect(row.due === null || /^\d{4}-\d{2}-\d{2}$/.test(row.due)).toBe(true);
      expect(['ok', 'due-soon', 'overdue', 'unknown']).toContain(row.state);
      expect(Array.isArray(row.reasons)).toBe(true);
    }
    const total = Object.values(report.summary).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(report.credentials.length);
  });

  it('shows every state and a personnel change on the example', () => {
    const report = buildStatusReport(example, '2026-11-26');
    expect(report.summary.overdue).toBeGreaterThan(0);
    expect(report.summary['due-soon']).toBeGreaterThan(0);
    expect(report.summary.ok).toBeGreaterThan(0);
    expect(report.credentials.flatMap((row) => row.reasons)).toContain('bob left 2026-10-31');
  });

  it('has one row per credential and deployment, overdue first', () => {
    const inventory = inventoryFrom(
      inventoryText(
        '  late:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotated: 2026-01-01\n  fresh:\n    setting: azure_ai_key\n    kind: api_key\n    owner: carol\n    rotated: 2026-11-01\n    deployments: [staging]\n',
      ),
    );
    const report = buildStatusReport(inventory, '2026-11-26');
    expect(report.credentials.map((row) => [row.id, row.deployment, row.state])).toEqual([
      ['late', 'production', 'overdue'],
      ['late', 'staging', 'overdue'],
      ['fresh', 'staging', 'ok'],
    ]);
    expect(report.summary).toEqual({ ok: 1, 'due-soon': 0, overdue: 2, unknown: 0 });
  });

  it('orders rows overdue first, then by due date, id and deployment in the root collation, on any inventory', () => {
    // The reference is the rule as documented, with Intl's collator: the report's one-string order keys and
    // identifier sort keys must give the same order (ties keep the file's order, as a stable sort does).
    const collator = new Intl.Collator('und');
    const rank = { overdue: 0, 'due-soon': 1, unknown: 2, ok: 3 } as const;
    const identifier = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,6}$/);
    const credential = fc.record({
      id: identifier,
      kind: fc.constantFrom('api_key', 'password', 'session_secret', 'private_key'),
      owner: fc.constantFrom('alice', 'bob', 'carol'),
      rotated: fc.option(fc.integer({ min: -800, max: 0 }).map((days) => addDays('2026-11-26', days)), { nil: undefined }),
      deployments: fc.subarray(['production', 'staging', 'Staging', 'prod_2']),
    });
    fc.assert(
      fc.property(fc.uniqueArray(credential, { selector: (entry) => entry.id, minLength: 1, maxLength: 25 }), (credentials) => {
        const extraDeployments = "  Staging: { url: 'https://s2.example.com' }\n  prod_2: { url: 'https://p2.example.com' }\n";
        const text = inventoryText(
          credentials
            .map((entry) => `  '${entry.id}':\n    setting: custom_${entry.id.replace(/[^A-Za-z0-9_]/g, '_')}\n    custom: true\n    kind: ${entry.kind}\n    owner: ${entry.owner}\n${entry.rotated ? `    rotated: ${entry.rotated}\n` : ''}    deployments: [${entry.deployments.join(', ')}]\n`)
            .join(''),
        ).replace('credentials:\n', `${extraDeployments}credentials:\n`);
        const rows = buildStatusReport(inventoryFrom(text), '2026-11-26').credentials;
        const expected = [...rows].sort(
          (a, b) =>
            rank[a.state] - rank[b.state] ||
            ((a.due ?? '9999') < (b.due ?? '9999') ? -1 : (a.due ?? '9999') > (b.due ?? '9999') ? 1 : 0) ||
            collator.compare(a.id, b.id) ||
            collator.compare(a.deployment ?? '', b.deployment ?? ''),
        );
        expect(rows.map((row) => `${row.id}@${row.deployment}`)).toEqual(expected.map((row) => `${row.id}@${row.deployment}`));
      }),
      { numRuns: 200 },
    );
  });

  it('moves a credential from ok to due-soon to overdue as days pass', () => {
    const inventory = inventoryFrom(inventoryText('  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotated: 2026-09-01\n'));
    const stateOn = (now: string) => buildStatusReport(inventory, now).credentials[0]?.state;
    expect(stateOn(addDays('2026-11-30', -15))).toBe('ok');
    expect(stateOn(addDays('2026-11-30', -14))).toBe('due-soon');
    expect(stateOn(addDays('2026-11-30', -1))).toBe('due-soon');
    expect(stateOn('2026-11-30')).toBe('overdue');
  });
});

describe('status renderers', () => {
  const report = buildStatusReport(example, '2026-11-26');

  it('aligns the text table', () => {
    const lines = renderStatusText(report).split('\n');
    const stateColumn = lines[0]!.indexOf('STATE');
    expect(stateColumn).toBeGreaterThan(0);
    for (const line of lines.slice(1, report.credentials.length + 1)) expect(line.slice(stateColumn)).toMatch(/^(overdue|due-soon|ok|unknown)/);
    expect(lines.at(-2)).toMatch(/^\d+ overdue, \d+ due soon, \d+ ok, 0 unknown \(as of 2026-11-26\)$/);
  });

  it('shows the values sealed under the public demo key, in text, Markdown and JSON', () => {
    expect(report.publicDemoKeyValues).toHaveLength(24);
    expect(report.publicDemoKeyValues?.slice(0, 2)).toEqual(['openai', 'azure-ai']);
    expect(report.publicDemoKeyValues).toContain('admin-password/production');
    expect(renderStatusText(report).split('\n').at(-1)).toMatch(/^warning: 24 values are sealed under the public demo key 175365ad \(examples\/demo\.key\), which anyone can read: openai, azure-ai, /);
    expect(renderStatusMarkdown(report)).toContain('> :warning: 24 values are sealed under the public demo key 175365ad');
  });

  it('has no demo-key line for an inventory with none', () => {
    const own = buildStatusReport({ ...example, credentials: example.credentials.map(({ value: _value, values: _values, ...rest }) => rest) }, '2026-11-26');
    expect(own.publicDemoKeyValues).toBeUndefined();
    expect(renderStatusText(own)).not.toContain('demo key');
  });

  it('renders a Markdown table with one row per line', () => {
    const markdown = renderStatusMarkdown(report);
    const tableRows = markdown.split('\n').filter((line) => line.startsWith('| `'));
    expect(tableRows).toHaveLength(report.credentials.length);
    expect(markdown).toContain('🔴 overdue');
  });
});

describe('status at scale', () => {
  it('renders 200,000 rows (1,000 credentials on 200 deployments) in every format', () => {
    const deployments = Array.from({ length: 200 }, (_, index) => `  d${index}: { url: 'https://d${index}.example.com' }`).join('\n');
    const credentials = Array.from({ length: 1_000 }, (_, index) => `  c${index}: { setting: custom_${index}, custom: true, kind: api_key, owner: alice, rotated: 2026-0${(index % 9) + 1}-01 }`).join('\n');
    const inventory = inventoryFrom(`version: 1\npeople:\n  alice: { github: alice }\ndeployments:\n${deployments}\ncredentials:\n${credentials}\n`);
    const report = buildStatusReport(inventory, '2026-11-26');
    expect(report.credentials).toHaveLength(200_000);

    const lines = renderStatusText(report).split('\n');
    expect(lines).toHaveLength(1 + 200_000 + 2);
    const stateColumn = lines[0]!.indexOf('STATE');
    expect(lines[200_000]!.slice(stateColumn)).toMatch(/^(overdue|due-soon|ok)/);
    expect(renderStatusMarkdown(report).split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(200_000);
    expect(JSON.parse(JSON.stringify(report)).credentials).toHaveLength(200_000);
  });
});
