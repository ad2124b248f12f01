import { describe, expect, it } from 'vitest';
import { redactSourceLine, renderDiagnosticsText, sourceLinesOf } from '../../src/core/render-diagnostics.js';
import { checkInventoryText } from '../../src/core/inventory-validation.js';

describe('redactSourceLine', () => {
  it.each([
    ['    owner: caroll', '    owner: caroll'],
    ['    rotated: 2026-10-32', '    rotated: 2026-10-32'],
    ['    access: [zed, carol]', '    access: [zed, carol]'],
    ['  alice: { github: alice, email: alice@example.com }', '  alice: { github: alice, email: alice@example.com }'],
    ["  production: { url: 'https://docs.example.com' }", "  production: { url: 'https://docs.example.com' }"],
    ['    value: sk-live-supersecret-PLAINTEXT-1234', '    value: [redacted]'],
    ['      staging: hunter2-very-secret-password', '      staging: [redacted]'],
    ['    valu: hunter2-very-secret-password', '    valu: [redacted]'],
    ['    value: 12345678', '    value: [redacted]'],
    ['    values: { staging: hunter2-very-secret }', '    values: [redacted]'],
    ['  openai: { setting: openai_api_key, value: sk-live-abc }', '  openai: [redacted]'],
    ['     value: sk-broken-indent-secret', '     value: [redacted]'],
    ['    sk-live-a-line-without-a-key', '    [redacted]'],
    ['    - bob', '    - bob'],
    ['    value:', '    value:'],
    ['    password: 90d', '    password: 90d'],
    ['    password: hunter2-very-secret', '    password: [redacted]'],
    ['    auth: { method: login, username_env: DE_USER, password: hunter2-inline-secret }', '    auth: [redacted]'],
    ['    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }', '    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }'],
    ["    url: 'https://admin:hunter2-url-secret@docs.example.com'", "    url: 'https://[redacted]@docs.example.com'"],
  ])('%s', (line, shown) => {
    expect(redactSourceLine(line)).toBe(shown);
  });

  // Issue #12 item 3: a plaintext as a list item, as a mapping key, or inline in auth once showed in the excerpt.
  const FILE = [
    'credentials:',
    '  openai:',
    '    access:',
    '      - alice',
    '    value:',
    '      - sk-live-list-item-secret',
    '      sk-live-mapping-key-secret: x',
    '    sk-live-misplaced-key-secret:',
    '    deployments:',
    '      - production',
    'deployments:',
    '  production:',
    '    auth:',
    '      method: login',
    '      password: hunter2-auth-block-secret',
    '      username_env: DE_USER',
    'policy:',
    '  intervals:',
    '    password: 90d',
  ];
  it.each([
    [3, '      - alice'],
    [5, '      [redacted]'],
    [6, '      [redacted]'],
    [7, '    [redacted]'],
    [9, '      - production'],
    [13, '      method: login'],
    [14, '      password: [redacted]'],
    [15, '      username_env: DE_USER'],
    [18, '    password: 90d'],
  ])('line %i in context', (index, shown) => {
    expect(redactSourceLine(FILE[index] ?? '', { lines: sourceLinesOf(FILE.join('\n')), index })).toBe(shown);
  });
});

describe('renderDiagnosticsText', () => {
  it('never shows a plaintext value in an excerpt, whatever the diagnostic', () => {
    const secrets = ['sk-live-supersecret-PLAINTEXT-1234', 'hunter2-very-secret-password', '98765432109'];
    const text = `version: 1
people:
  alice: { github: alice }
credentials:
  a:
    setting: openai_api_key
    kind: api_key
    owner: alice
    value: ${secrets[0]}
  b:
    setting: azure_ai_key
    kind: api_key
    owner: alice
    valu: ${secrets[1]}
  c:
    setting: email_password
    kind: password
    owner: alice
    value: ${secrets[2]}
`;
    const { diagnostics, source } = checkInventoryText(text, 'inv.yaml', '2026-11-26');
    expect(diagnostics.map((d) => d.code)).toEqual(['plaintext-value', 'schema-unknown-property', 'schema-type']);
    const rendered = renderDiagnosticsText(diagnostics, source.lines);
    for (const secret of secrets) expect(rendered).not.toContain(secret);
    expect(rendered).toContain('   9 |     value: [redacted]\n     |            ^^^^^^^^^^');
    expect(rendered).toContain('inv.yaml:14:5: error [schema-unknown-property]');
  });
});
