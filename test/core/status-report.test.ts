import { readFileSync } from 'node:fs';
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
    expect(report.publicDemoKeyValues).toHaveLength(26);
    expect(report.publicDemoKeyValues?.slice(0, 2)).toEqual(['openai', 'azure-ai']);
    expect(report.publicDemoKeyValues).toContain('admin-password/production');
    expect(renderStatusText(report).split('\n').at(-1)).toMatch(/^warning: 26 values are sealed under the public demo key 175365ad \(examples\/demo\.key\), which anyone can read: openai, azure-ai, /);
    expect(renderStatusMarkdown(report)).toContain('> :warning: 26 values are sealed under the public demo key 175365ad');
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
