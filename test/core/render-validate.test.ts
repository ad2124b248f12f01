import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { describeDriftIssueOutcome, renderDriftIssueNotKept, renderDriftIssueSummary } from '../../src/core/drift-issue.js';
import { renderUnshownDiagnostics, renderValidateSummary } from '../../src/core/render-validate.js';

function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return { code: 'unknown-person', severity: 'error', message: 'owner `bob` is not in `people`', path: 'credentials.openai.owner', file: 'credentials.yaml', line: 7, column: 12, ...overrides };
}

describe('the validate job summary (rendered in core, through core/markdown.ts)', () => {
  it('pins the verdict, the counts and the folded list of diagnostics the annotations left out', () => {
    const warning = diagnostic({ severity: 'warning', code: 'due-soon', message: 'due in 3 days', line: 9, column: 3 });
    expect(renderValidateSummary({ file: 'credentials.yaml', valid: false, diagnostics: [diagnostic(), warning], notShown: [warning] })).toBe(
      [
        '### Inventory `credentials.yaml`',
        '',
        '❌ invalid: 1 error(s), 1 warning(s).',
        '',
        '<details><summary>1 more diagnostic than GitHub shows as annotations</summary>',
        '',
        '- `credentials.yaml:9:3` **warning** `due-soon`: due in 3 days',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('says valid with no list when every diagnostic was annotated', () => {
    expect(renderValidateSummary({ file: 'inv.yaml', valid: true, diagnostics: [], notShown: [] })).toBe('### Inventory `inv.yaml`\n\n✅ valid: 0 error(s), 0 warning(s).\n');
    expect(renderUnshownDiagnostics([])).toBe('');
  });

  it('keeps a pull request’s names from becoming markup: quoted names are code spans, the rest escaped prose', () => {
    const hostile = diagnostic({ file: 'a|b.yaml', message: 'owner `@admin` is not in people <img src=x> [x](http://e.vil)' });
    const list = renderUnshownDiagnostics([hostile, hostile]);
    expect(list).toContain('<summary>2 more diagnostics than GitHub shows as annotations</summary>');
    expect(list).toContain('- a&#124;b.yaml:7:12 **error** `unknown-person`: owner `@admin` is not in people &lt;img src=x&gt; \\[x\\](http\\://e.vil)');
    expect(renderValidateSummary({ file: '# x\n@team', valid: true, diagnostics: [], notShown: [] })).toMatch(/^### Inventory `# x @team`\n/);
  });
});

describe('the drift issue summary', () => {
  it('names each action with its issue number, or why nothing was done', () => {
    expect(renderDriftIssueSummary({ decided: true, actions: [{ kind: 'update', number: 7 }, { kind: 'close', number: 9 }] }, false)).toBe('### Drift issue\n\nupdate #7, close #9\n');
    expect(renderDriftIssueSummary({ decided: true, actions: [{ kind: 'create' }] }, true)).toBe('### Drift issue (dry run)\n\ncreate\n');
    expect(describeDriftIssueOutcome({ decided: true, actions: [] })).toBe('no drift issue needed');
    expect(describeDriftIssueOutcome({ decided: false, actions: [{ kind: 'close', number: 9 }] })).toBe('left as it was: a deployment could not be audited');
    expect(renderDriftIssueNotKept()).toBe('### Drift issue\n\nnot kept: this run audits only some deployments (`deployment` input); a scheduled audit of every deployment keeps it.\n');
  });
});
