import { describe, expect, it } from 'vitest';
import { remindCountsLine, renderRemindSummary, renderRemindText, type RemindOutcome } from '../../src/core/render-remind.js';

function outcome(overrides: Partial<RemindOutcome> = {}): RemindOutcome {
  return {
    repo: 'acme/infra',
    label: 'credential-rotation',
    now: '2026-03-01',
    dryRun: false,
    existingIssuesRead: true,
    actions: [
      { kind: 'create', id: 'openai', number: 7, url: 'https://github.com/acme/infra/issues/7', title: 'Rotate openai', labels: ['credential-rotation'], assignee: 'alice', assigned: true },
      { kind: 'close', id: 'paperless', number: 3, url: 'https://github.com/acme/infra/issues/3', reason: 'removed' },
      { kind: 'unchanged', id: 'smtp', number: 4, url: 'https://github.com/acme/infra/issues/4' },
    ],
    counts: { created: 1, updated: 0, closed: 1, reopened: 0, unchanged: 1 },
    labelsCreated: [],
    ...overrides,
  };
}

describe('remind rendering (one renderer for the CLI and the Action)', () => {
  it('gives the CLI one line per changed issue and the tally, leaving unchanged issues to the count', () => {
    expect(renderRemindText(outcome())).toBe(
      [
        'acme/infra (label credential-rotation, as of 2026-03-01):',
        '  created   #7 openai  Rotate openai [credential-rotation] assignee alice',
        '  closed    #3 paperless  (no longer in the inventory)',
        'acme/infra: created 1, updated 0, closed 1, reopened 0, unchanged 1',
        '',
      ].join('\n'),
    );
  });

  it('says what a dry run without a token assumed, in the intended (not past) tense', () => {
    const text = renderRemindText(outcome({ dryRun: true, existingIssuesRead: false, actions: [{ kind: 'create', id: 'openai', title: 'Rotate openai', labels: ['x'] }], counts: { created: 1, updated: 0, closed: 0, reopened: 0, unchanged: 0 } }));
    expect(text).toContain('Dry run: nothing written to acme/infra.');
    expect(text).toContain('GITHUB_TOKEN is not set: existing issues were not read');
    expect(text).toContain('  create    openai  Rotate openai [x] (owner has no GitHub login: unassigned)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('would create 1, update 0, close 0, reopen 0; 0 unchanged');
  });

  it('gives the Action summary the same tally and a table linking each changed issue', () => {
    const summary = renderRemindSummary(outcome());
    expect(summary).toBe(
      [
        '### Rotation reminders',
        '',
        remindCountsLine(outcome().counts),
        '',
        '| credential | action | issue |',
        '|---|---|---|',
        '| `openai` | create | [#7](https://github.com/acme/infra/issues/7) |',
        '| `paperless` | close | [#3](https://github.com/acme/infra/issues/3) |',
        '',
      ].join('\n'),
    );
    expect(renderRemindText(outcome())).toContain(remindCountsLine(outcome().counts));
    expect(renderRemindSummary(outcome({ actions: [], dryRun: true }))).toBe('### Rotation reminders (dry run)\n\ncreated 1, updated 0, closed 1, reopened 0, unchanged 1\n');
  });
});
