// Property tests (fast-check) over the loader, validate, status, remind and the renderers: arbitrary YAML, mutations
// of the example inventory, and arbitrary Unicode in every name field. No uncaught error, diagnostics inside the file,
// and rendered Markdown that parses to exactly the intended table cells with no raw HTML, link or mention.
// `npm run fuzz` raises the number of runs through FUZZ_RUNS.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInventoryText } from '../../src/core/inventory-validation.js';
import type { Plan } from '../../src/core/plan.js';
import { renderPlanMarkdown } from '../../src/core/render-plan.js';
import { renderStatusMarkdown } from '../../src/core/render-status.js';
import { buildDesiredIssues, issueMarker } from '../../src/core/rotation-issues.js';
import { buildStatusReport } from '../../src/core/status-report.js';
import { renderGitHubHtml, tableRows, unsafeMarkup } from '../support/markdown-oracle.js';
import { EXAMPLE_INVENTORY } from '../support/paths.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TODAY = '2026-11-26';
const EXAMPLE = readFileSync(EXAMPLE_INVENTORY, 'utf8');

function expectPositionsInside(text: string): void {
  const check = checkInventoryText(text, 'fuzz.yaml', TODAY);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const diagnostic of check.diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.line).toBeLessThanOrEqual(lines + 1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  }
}

/** A mutation of the example: a line deleted, duplicated, swapped with the next, or text spliced in anywhere. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }),
);

function mutate(text: string, mutations: readonly { kind: string; at: number; text?: string }[]): string {
  let lines = text.split('\n');
  for (const step of mutations) {
    const at = step.at % Math.max(1, lines.length);
    if (step.kind === 'delete') lines.splice(at, 1);
    else if (step.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    else if (step.kind === 'swap') [lines[at], lines[at + 1]] = [lines[at + 1] ?? '', lines[at] ?? ''];
    else {
      const line = lines[at] ?? '';
      const column = step.at % (line.length + 1);
      lines[at] = `${line.slice(0, column)}${step.text ?? ''}${line.slice(column)}`;
      lines = lines.join('\n').split('\n');
    }
  }
  return lines.join('\n');
}

describe('the loader and validate', () => {
  it('never throw on arbitrary text, and point inside it', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectPositionsInside(text)), { numRuns: RUNS });
  });

  it('never throw on mutations of the example, and point inside it', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => expectPositionsInside(mutate(EXAMPLE, mutations))), { numRuns: RUNS });
  });
});

/** A name as a pull request might write it: anything, or something the schema accepts with markup around it. */
const anyName = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  fc.constantFrom('a|b', 'x\ry', '<b>x</b>', '@team', '[l](https://e.x)', '`x`', 'constructor', '__proto__', 'a\u2028b'),
);

function inventoryWith(names: { id: string; owner: string; deployment: string; group: string; issuer: string; person: string }): string {
  const q = (text: string) => JSON.stringify(text);
  return `version: 1
people:
  ${q(names.owner)}: { github: alice, name: ${q(names.person)} }
deployments:
  ${q(names.deployment)}: { url: 'https://docs.example.com' }
credentials:
  ${q(names.id)}:
    setting: openai_api_key
    kind: api_key
    owner: ${q(names.owner)}
    group: ${q(names.group)}
    issuer: ${q(names.issuer)}
    created: 2020-01-01
    deployments: [${q(names.deployment)}]
`;
}

function expectCleanTables(markdown: string): void {
  const html = renderGitHubHtml(markdown);
  expect(unsafeMarkup(html)).toEqual([]);
  // Every table's rows have as many cells as its header.
  for (const table of html.split('<table>').slice(1)) {
    const rows = tableRows(`<table>${table.split('</table>')[0] ?? ''}</table>`);
    for (const row of rows) expect(row.length).toBe(rows[0]?.length);
  }
}

/** What the schema accepts as an id, a person, a deployment or a group (the free-text fields take anything). */
const schemaName = fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/), fc.constantFrom('constructor', 'toString', 'a.b-c_d'));

describe('status and remind with arbitrary names', () => {
  it('render Markdown with exactly the intended cells and no HTML, link or mention', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.record({ id: schemaName, owner: schemaName, deployment: schemaName, group: schemaName, issuer: anyName, person: anyName }), (names) => {
        const check = checkInventoryText(inventoryWith(names), 'fuzz.yaml', TODAY);
        if (check.inventory === undefined || check.diagnostics.some((d) => d.severity === 'error')) return;
        rendered += 1;
        expectCleanTables(renderStatusMarkdown(buildStatusReport(check.inventory, TODAY)));
        for (const issue of buildDesiredIssues(check.inventory, TODAY).issues) expectCleanTables(issue.body.replace(issueMarker(issue.id), ''));
      }),
      { numRuns: RUNS },
    );
    // Most generated inventories are valid, so the property is not vacuous.
    expect(rendered).toBeGreaterThan(RUNS / 2);
  });
});

describe('the plan comment with arbitrary names', () => {
  it('has one cell per column and no HTML, link or mention', () => {
    fc.assert(
      fc.property(anyName, anyName, anyName, anyName, (id, deployment, group, note) => {
        const plan: Plan = {
          file: 'credentials.yaml',
          base: 'a'.repeat(40),
          head: 'b'.repeat(40),
          valueBasis: 'ciphertext',
          changes: [{ id, change: 'added', fields: ['owner'], deployments: [deployment] }],
          operations: [{ deployment, setting: 'openai_api_key', action: 'set', restart_required: true, group, credential: id }],
          diagnostics: [{ code: 'unknown-person', severity: 'error', message: `owner \`${note}\` of ${id} is not listed`, path: 'x', file: 'credentials.yaml', line: 1, column: 1 }],
          notes: [`Deployment \`${deployment}\` leaves the inventory`],
        };
        expectCleanTables(renderPlanMarkdown(plan));
      }),
      { numRuns: RUNS },
    );
  });
});
