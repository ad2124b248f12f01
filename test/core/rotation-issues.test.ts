import { describe, expect, it } from 'vitest';
import {
  buildDesiredIssues,
  countIssueActions,
  DEFAULT_ISSUE_LABEL,
  issueMarker,
  labelDefinitions,
  planIssueReconciliation,
  readIssueMarker,
  renderIssueTitle,
  type DesiredIssue,
  type DesiredIssues,
  type ExistingIssue,
  type IssueAction,
} from '../../src/core/rotation-issues.js';
import { renderGitHubHtml, tableRows, unsafeMarkup, visibleText } from '../support/markdown-oracle.js';
import { inventoryFrom, NOW, SEALED_SAMPLE, TEAM_INVENTORY, withoutCredential, withRotated } from './rotation-fixtures.js';

const team = inventoryFrom(TEAM_INVENTORY);

function desiredOn(now: string, text = TEAM_INVENTORY, label?: string): DesiredIssues {
  return buildDesiredIssues(inventoryFrom(text, now), now, label === undefined ? {} : { label });
}

function issueFor(desired: DesiredIssues, id: string): DesiredIssue {
  const issue = desired.issues.find((candidate) => candidate.id === id);
  if (!issue) throw new Error(`no desired issue for ${id}`);
  return issue;
}

/** An existing issue exactly as credledger would have left it. */
function existingFrom(issue: DesiredIssue, number: number, overrides: Partial<ExistingIssue> = {}): ExistingIssue {
  const assignees = issue.assignee ? [issue.assignee] : [];
  return { number, id: issue.id, title: issue.title, body: issue.body, state: 'open', labels: [...issue.labels], assignees, ...overrides };
}

/** Performs actions on an in-memory copy of the issues, the way GitHub would, for idempotence checks. */
function performOnCopy(existing: readonly ExistingIssue[], actions: readonly IssueAction[]): ExistingIssue[] {
  const issues = new Map(existing.map((issue) => [issue.number, { ...issue }]));
  let next = Math.max(0, ...issues.keys()) + 1;
  for (const action of actions) {
    if (action.kind === 'create') {
      const assignees = action.assignee ? [action.assignee] : [];
      issues.set(next, { number: next, id: action.id, title: action.title, body: action.body, state: 'open', labels: [...action.labels], assignees });
      next += 1;
    } else if (action.kind === 'update' || action.kind === 'reopen') {
      const issue = issues.get(action.number)!;
      issues.set(action.number, {
        ...issue,
        title: action.changes.title ?? issue.title,
        body: action.changes.body ?? issue.body,
        labels: action.changes.labels ? [...action.changes.labels] : issue.labels,
        state: 'open',
      });
    } else if (action.kind === 'close') {
      issues.set(action.number, { ...issues.get(action.number)!, state: 'closed' });
    }
  }
  return [...issues.values()];
}

describe('renderIssueTitle', () => {
  it.each([
    ['due-soon', '2026-12-01', 'Rotate openai (openai_api_key) — due 2026-12-01'],
    ['overdue', '2026-11-01', 'Rotate openai (openai_api_key) — overdue since 2026-11-01'],
  ] as const)('%s', (state, due, title) => {
    expect(renderIssueTitle({ id: 'openai', setting: 'openai_api_key' }, state, due)).toBe(title);
  });
});

describe('issue markers', () => {
  it.each([
    ['its own marker', `${issueMarker('aws-access-key-id')}\nbody`, 'aws-access-key-id'],
    ['a marker further down', 'Some text\n\n<!-- credledger:id=openai -->\n', 'openai'],
    ['ids with dots and underscores', issueMarker('svc_a.b-c'), 'svc_a.b-c'],
    ['no marker', 'A human-written issue about credential rotation', undefined],
    ['a look-alike comment', '<!-- credledger:id= -->', undefined],
    ['an empty body', null, undefined],
  ])('reads %s', (_name, body, id) => {
    expect(readIssueMarker(body)).toBe(id);
  });
});

describe('labelDefinitions', () => {
  it('defines the configured label and the three severity labels, each with a colour', () => {
    const labels = labelDefinitions('rotation');
    expect(labels.map((label) => label.name)).toEqual(['rotation', 'overdue', 'due-soon', 'compromised']);
    for (const label of labels) expect(label.color).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe('buildDesiredIssues', () => {
  const desired = buildDesiredIssues(team, NOW);

  it('wants one issue per due-soon or overdue credential, ordered by id', () => {
    expect(desired.issues.map((issue) => [issue.id, issue.state, issue.due])).toEqual([
      ['aws-access-key-id', 'overdue', '2026-10-30'],
      ['aws-secret-access-key', 'overdue', '2026-10-30'],
      ['google-drive-refresh-token', 'overdue', '2026-11-10'],
      ['openai', 'due-soon', '2026-11-30'],
      ['paperless', 'overdue', '2026-10-31'],
      ['session-secret', 'overdue', '2026-11-15'],
    ]);
    expect([...desired.standing.keys()].sort()).toEqual(['azure-ai', 'webdav']);
    expect(desired.standing.get('azure-ai')).toEqual({ id: 'azure-ai', state: 'ok', lastRotated: '2026-10-20', due: '2027-01-18' });
  });

  it.each([
    ['openai', 'Rotate openai (openai_api_key) — due 2026-11-30', ['credential-rotation', 'due-soon'], 'alice'],
    ['paperless', 'Rotate paperless (paperless_ngx_api_token) — overdue since 2026-10-31', ['credential-rotation', 'overdue'], 'carol'],
    ['session-secret', 'Rotate session-secret (session_secret) — overdue since 2026-11-15', ['credential-rotation', 'overdue', 'compromised'], 'alice'],
    ['aws-access-key-id', 'Rotate aws-access-key-id (aws_access_key_id) — overdue since 2026-10-30', ['credential-rotation', 'overdue'], undefined],
  ])('%s: title, labels and assignee', (id, title, labels, assignee) => {
    const issue = issueFor(desired, id);
    expect(issue.title).toBe(title);
    expect(issue.labels).toEqual(labels);
    expect(issue.assignee).toBe(assignee);
  });

  it('uses the configured label', () => {
    expect(issueFor(desiredOn(NOW, TEAM_INVENTORY, 'secrets'), 'openai').labels).toEqual(['secrets', 'due-soon']);
    expect(desired.label).toBe(DEFAULT_ISSUE_LABEL);
  });

  it('writes the marker, what is due and why, the facts and the runbook into the body', () => {
    const body = issueFor(desired, 'paperless').body;
    expect(body.startsWith(`${issueMarker('paperless')}\n`)).toBe(true);
    expect(body).toContain('is **overdue**: its rotation was due on 2026-10-31');
    expect(body).toContain('- bob left 2026-10-31');
    expect(body).toContain('| Deployments | `production`, `staging` |');
    expect(body).toContain('| Owner | `carol` (GitHub `carol`) |');
    expect(body).toContain('| Access | `bob` |');
    expect(body).toContain('| Last rotation | 2026-10-01 |');
    expect(body).toContain('| Due | 2026-10-31 |');
    expect(body).toContain('### Runbook');
    expect(body).toContain('- [ ] Encrypt the new value of `paperless` into the inventory: `credledger set paperless --deployment production --value-stdin`, `credledger set paperless --deployment staging --value-stdin`');
  });

  it.each([
    ['interval', 'aws-access-key-id', '- 90d interval elapsed on 2026-10-30'],
    ['revocation', 'google-drive-refresh-token', '- revoked on 2026-11-10: re-authorise'],
    ['compromise', 'session-secret', '- suspected compromise on 2026-11-15'],
    ['coming interval', 'openai', '- 90d interval ends 2026-11-30'],
  ])('explains a %s', (_name, id, line) => {
    expect(issueFor(desired, id).body).toContain(line);
  });

  it('says a compromised credential may have leaked', () => {
    expect(issueFor(desired, 'session-secret').body).toContain('may be compromised: rotate it now');
  });

  it('never puts a value in a title or body, not even an encrypted one', () => {
    for (const issue of desired.issues) {
      for (const text of [issue.title, issue.body, issue.unassignedBody]) {
        expect(text).not.toContain(SEALED_SAMPLE);
        expect(text).not.toContain('SEALEDTOKEN');
        expect(text).not.toContain('fernet:');
      }
    }
  });

  it('mentions the owner only in the body for when they cannot be assigned', () => {
    const issue = issueFor(desired, 'openai');
    expect(issue.body).not.toContain('@alice');
    expect(issue.unassignedBody).toContain('@alice: you own this credential');
    expect(issue.unassignedBody.startsWith(`${issueMarker('openai')}\n`)).toBe(true);
    const noLogin = issueFor(desired, 'aws-access-key-id');
    expect(noLogin.unassignedBody).toBe(noLogin.body);
  });

  it('renders the same text on another day in the same state, so reruns write nothing', () => {
    const later = desiredOn('2026-11-25');
    for (const issue of desired.issues) {
      const again = issueFor(later, issue.id);
      expect([again.title, again.body, again.labels]).toEqual([issue.title, issue.body, issue.labels]);
    }
  });

  it('keeps inventory text from becoming HTML, table cells or mentions', () => {
    const text = TEAM_INVENTORY.replace('alice: { github: alice, name: Alice Martin }', 'alice: { github: alice, name: "Al <!-- x --> | @root" }').replace(
      'issuer: platform.openai.com',
      'issuer: "<!-- credledger:id=webdav --> @everyone"',
    );
    const body = issueFor(desiredOn(NOW, text), 'openai').body;
    expect(body).toContain('Al &lt;\\!-- x --&gt; &#124; @\u200broot');
    expect(body.match(/^<!-- credledger:id=/gm)).toHaveLength(1);
    expect(readIssueMarker(body)).toBe('openai');
    expect(readIssueMarker(body.replace(issueMarker('openai'), ''))).toBeUndefined();
    // GitHub neither renders HTML nor resolves mentions inside code spans.
    const outsideCode = body.replace(issueMarker('openai'), '').replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/<!--\s*credledger/);
    expect(outsideCode).not.toMatch(/(^|\s)@(everyone|root)/);
  });

  // Issue #12 item 6: a `|` in issuer once ended the code span and let the rest of the value out as raw Markdown.
  it.each(['x` | <img src=x onerror=alert(1)> [l](https://evil.example) @team | `y', 'a\\|b <b>hi</b> @team', 'line\rbreak ![i](https://e.x/i.png) @team'])(
    'renders issuer %j as one cell with no HTML, link or mention',
    (issuer) => {
      const text = TEAM_INVENTORY.replace('issuer: platform.openai.com', `issuer: ${JSON.stringify(issuer)}`);
      const body = issueFor(desiredOn(NOW, text), 'openai').body;
      const html = renderGitHubHtml(body.replace(issueMarker('openai'), ''));
      expect(unsafeMarkup(html)).toEqual([]);
      const rows = tableRows(html);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row).toHaveLength(2);
      const issuerRow = rows.find((row) => row[0] === 'Issuer');
      expect(visibleText(issuerRow?.[1] ?? '').replace(/\u200b/g, '')).toBe(issuer.replace(/\r/g, ' '));
    },
  );
});

describe('planIssueReconciliation', () => {
  const desired = buildDesiredIssues(team, NOW);
  const openai = issueFor(desired, 'openai');
  const paperless = issueFor(desired, 'paperless');
  const steady = desired.issues.map((issue, index) => existingFrom(issue, index + 1));

  it('creates every issue in an empty repository', () => {
    const actions = planIssueReconciliation(desired, []);
    expect(actions.map((action) => [action.kind, action.id])).toEqual(desired.issues.map((issue) => ['create', issue.id]));
    const create = actions.find((action) => action.id === 'openai');
    expect(create).toMatchObject({ kind: 'create', title: openai.title, body: openai.body, unassignedBody: openai.unassignedBody, labels: openai.labels, assignee: 'alice' });
  });

  it('plans no write when the issues already match', () => {
    const actions = planIssueReconciliation(desired, steady);
    expect(actions.every((action) => action.kind === 'unchanged')).toBe(true);
    expect(countIssueActions(actions)).toEqual({ created: 0, updated: 0, closed: 0, reopened: 0, unchanged: desired.issues.length });
  });

  it.each<[string, Partial<ExistingIssue>, object]>([
    ['a changed title only', { title: 'Rotate openai (openai_api_key) — due 2026-11-29' }, { title: openai.title }],
    ['an edited body only', { body: `${openai.body}\nA human edit\n` }, { body: openai.body }],
    ['a lost severity label', { labels: ['credential-rotation'] }, { labels: ['credential-rotation', 'due-soon'] }],
    ['a stale severity label next to a human one', { labels: ['team-ai', 'credential-rotation', 'overdue'] }, { labels: ['team-ai', 'credential-rotation', 'due-soon'] }],
  ])('updates only the field that differs: %s', (_name, overrides, changes) => {
    const actions = planIssueReconciliation({ ...desired, issues: [openai] }, [existingFrom(openai, 7, overrides)]);
    expect(actions).toEqual([{ kind: 'update', id: 'openai', number: 7, url: undefined, changes }]);
  });

  it.each<[string, readonly string[]]>([
    ['labels people added', ['credential-rotation', 'due-soon', 'security', 'q4']],
    ['labels in another order', ['due-soon', 'credential-rotation']],
    ['labels spelled in another case', ['Credential-Rotation', 'Due-Soon']],
  ])('leaves %s alone', (_name, labels) => {
    const actions = planIssueReconciliation({ ...desired, issues: [openai] }, [existingFrom(openai, 7, { labels })]);
    expect(actions).toEqual([{ kind: 'unchanged', id: 'openai', number: 7, url: undefined }]);
  });

  it.each([
    ['CRLF line ends', () => openai.body.replace(/\n/g, '\r\n')],
    ['no final newline', () => openai.body.trimEnd()],
  ])('does not rewrite a body that differs only by %s', (_name, body) => {
    const actions = planIssueReconciliation({ ...desired, issues: [openai] }, [existingFrom(openai, 7, { body: body() })]);
    expect(actions).toEqual([{ kind: 'unchanged', id: 'openai', number: 7, url: undefined }]);
  });

  it('updates title, body and labels together when a credential turns overdue', () => {
    const dueSoon = issueFor(desiredOn('2026-11-20'), 'openai');
    const overdue = issueFor(desiredOn('2026-12-01'), 'openai');
    const [action] = planIssueReconciliation({ ...desiredOn('2026-12-01'), issues: [overdue] }, [existingFrom(dueSoon, 3, { labels: ['credential-rotation', 'due-soon', 'ai'] })]);
    expect(action).toEqual({
      kind: 'update',
      id: 'openai',
      number: 3,
      url: undefined,
      changes: { title: 'Rotate openai (openai_api_key) — overdue since 2026-11-30', body: overdue.body, labels: ['ai', 'credential-rotation', 'overdue'] },
    });
  });

  it('expects the @-mention body while the owner is not assigned, and keeps it', () => {
    const refused = existingFrom(openai, 4, { assignees: [], body: openai.unassignedBody });
    expect(planIssueReconciliation({ ...desired, issues: [openai] }, [refused])).toEqual([{ kind: 'unchanged', id: 'openai', number: 4, url: undefined }]);
    const reassigned = existingFrom(openai, 4, { assignees: ['dave'] });
    expect(planIssueReconciliation({ ...desired, issues: [openai] }, [reassigned])).toEqual([
      // The owner (alice) is tried as assignee alongside; the plain body follows once GitHub accepts her.
      { kind: 'update', id: 'openai', number: 4, url: undefined, changes: { body: openai.unassignedBody }, assign: { login: 'alice', assignedBody: openai.body } },
    ]);
    const alsoAssigned = existingFrom(openai, 4, { assignees: ['dave', 'Alice'] });
    expect(planIssueReconciliation({ ...desired, issues: [openai] }, [alsoAssigned])[0]?.kind).toBe('unchanged');
  });

  it('reopens the latest closed issue of the id instead of creating a duplicate', () => {
    const old = existingFrom(paperless, 2, { state: 'closed', title: 'Rotate paperless (paperless_ngx_api_token) — overdue since 2026-01-01' });
    const older = existingFrom(paperless, 1, { state: 'closed' });
    const actions = planIssueReconciliation({ ...desired, issues: [paperless] }, [older, old]);
    expect(actions).toEqual([
      {
        kind: 'reopen',
        id: 'paperless',
        number: 2,
        url: undefined,
        changes: { title: paperless.title },
        comment: '`paperless` is overdue since 2026-10-31, so credledger is reopening this issue.',
      },
    ]);
  });

  it('closes the open issue of a rotated credential with a comment, and of a removed one', () => {
    const existing = [existingFrom(openai, 10), { ...existingFrom(openai, 11), id: 'retired-key', body: issueMarker('retired-key') }];
    const afterRotation = desiredOn(NOW, withRotated(TEAM_INVENTORY, 'openai', '2026-11-18'));
    const actions = planIssueReconciliation({ ...afterRotation, issues: [] }, existing);
    expect(actions).toEqual([
      { kind: 'close', id: 'openai', number: 10, url: undefined, reason: 'rotated', comment: '`openai` is no longer due (last rotation 2026-11-18, next due 2027-02-16), so credledger is closing this issue.' },
      { kind: 'close', id: 'retired-key', number: 11, url: undefined, reason: 'removed', comment: '`retired-key` is no longer in the inventory, so credledger is closing this issue.' },
    ]);
  });

  it('leaves closed issues of credentials that are not due alone', () => {
    const closed = existingFrom(openai, 10, { state: 'closed' });
    expect(planIssueReconciliation({ ...desired, issues: [] }, [closed])).toEqual([]);
  });

  it('keeps the oldest of two open issues for an id and closes the other as a duplicate', () => {
    const actions = planIssueReconciliation({ ...desired, issues: [openai] }, [existingFrom(openai, 9), existingFrom(openai, 5)]);
    expect(actions).toEqual([
      { kind: 'unchanged', id: 'openai', number: 5, url: undefined },
      { kind: 'close', id: 'openai', number: 9, url: undefined, reason: 'duplicate', comment: 'Duplicate of #5, which tracks `openai`; credledger is closing this one.' },
    ]);
  });

  it.each([
    ['from nothing', [] as ExistingIssue[]],
    ['from stale issues', [existingFrom(openai, 1, { title: 'old', labels: ['overdue', 'x'] }), { ...existingFrom(openai, 2), id: 'gone', state: 'open' as const }]],
    ['from closed issues', steady.map((issue) => ({ ...issue, state: 'closed' as const, body: 'edited' }))],
  ])('reaches a state that plans no write %s', (_name, existing) => {
    const first = planIssueReconciliation(desired, existing);
    const second = planIssueReconciliation(desired, performOnCopy(existing, first));
    expect(second.filter((action) => action.kind !== 'unchanged')).toEqual([]);
  });

  it('follows an offboarding: every credential the person could read gets an issue', () => {
    const text = TEAM_INVENTORY.replace('carol: { github: carol }', 'carol: { github: carol, left: 2026-11-30 }').replace('owner: carol\n    rotated: 2026-10-20', 'owner: alice\n    access: [carol]\n    rotated: 2026-10-20');
    const reassigned = text.replace(/owner: carol/g, 'owner: alice');
    const before = desiredOn('2026-11-20', reassigned);
    expect(issueFor(before, 'azure-ai').body).toContain('- carol leaves 2026-11-30');
    expect(issueFor(before, 'azure-ai').state).toBe('due-soon');
    const after = desiredOn('2026-12-01', reassigned);
    expect(issueFor(after, 'azure-ai').title).toBe('Rotate azure-ai (azure_ai_key) — overdue since 2026-11-30');
    expect(issueFor(after, 'azure-ai').body).toContain('- carol left 2026-11-30');
  });
});
