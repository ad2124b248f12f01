import { describe, expect, it } from 'vitest';
import { checkInventoryText } from '../../src/core/inventory-validation.js';
import { checkInventoryRules, INVENTORY_RULES, inventoryRuleFindings, MAX_CREDENTIALS, WARNING_ONLY_RULES } from '../../src/core/inventory-rules.js';
import { inventoryFrom, inventoryText } from '../support/inventory-text.js';

const TODAY = '2026-11-26';
const SEALED = 'fernet:3f2a9c1e:gAAAAABpAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

// Line numbers below count from 1 at `version: 1`.
const HEADER = `version: 1
people:
  alice: { github: alice }
  bob: { github: bob, left: 2026-10-31 }
deployments:
  production: { url: 'https://docs.example.com' }
  staging: { url: 'https://staging.example.com' }
credentials:
`; // the first credential line is line 9

function check(text: string) {
  return checkInventoryText(text, 'inv.yaml', TODAY).diagnostics.map(({ code, severity, line, column, path }) => ({ code, severity, line, column, path }));
}

describe('syntax and shape', () => {
  it.each([
    ['broken YAML', 'version: 1\ncredentials: [a, b\n', [{ code: 'yaml-syntax', line: 3, column: 1 }]],
    ['duplicate key', 'version: 1\ncredentials: {}\ncredentials: {}\n', [{ code: 'duplicate-key', line: 3, column: 1 }]],
    ['not a mapping', '- a\n- b\n', [{ code: 'not-a-mapping', line: 1, column: 1 }]],
    ['empty file', '', [{ code: 'not-a-mapping', line: 1, column: 1 }]],
    ['wrong version', 'version: 2\ncredentials: {}\n', [{ code: 'schema-const', line: 1, column: 10 }]],
    ['missing credentials', 'version: 1\n', [{ code: 'schema-required', line: 1, column: 1 }]],
    [
      'alias bomb',
      'version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ncredentials: {}\n',
      [{ code: 'yaml-alias', line: 3, column: 8 }],
    ],
  ])('%s', (_name, text, expected) => {
    expect(check(text)).toEqual(expected.map((item) => expect.objectContaining(item)));
  });
});

describe('positions after a broken line', () => {
  // yaml 2.9.1's LineCounter skips the start of a plain scalar's continuation line after this syntax error, which
  // once put every later diagnostic one line too high; positions now come from the text's own line starts.
  it('counts every line, a continued scalar included', () => {
    const text = '  version: 1\npeople:\n    alice: x\n      bob: y\ncredentials:\n  k: 1\n';
    const placed = checkInventoryText(text, 'inv.yaml', TODAY).diagnostics.map(({ line, column, message }) => ({ line, column, message }));
    expect(placed).toContainEqual({ line: 4, column: 12, message: 'Unexpected scalar token in YAML stream: "y"' });
    expect(placed).toContainEqual({ line: 5, column: 1, message: 'Unexpected scalar token in YAML stream: "credentials"' });
    expect(placed).toContainEqual({ line: 6, column: 3, message: 'Unexpected scalar token in YAML stream: "k"' });
  });
});

describe('rules', () => {
  it.each([
    ['unknown owner', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: zed\n', [{ code: 'unknown-person', line: 12, column: 12, path: 'credentials.c.owner' }]],
    ['unknown person in access', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    access: [alice, zed]\n', [{ code: 'unknown-person', line: 13, column: 21, path: 'credentials.c.access[1]' }]],
    ['unknown deployment', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    deployments: [qa]\n', [{ code: 'unknown-deployment', line: 13, column: 19 }]],
    [
      'two credentials on one setting and deployment',
      '  a:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n  b:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    deployments: [staging]\n',
      [{ code: 'duplicate-setting', line: 14, column: 14 }],
    ],
    ['setting not in the catalogue', '  c:\n    setting: my_key\n    kind: api_key\n    owner: alice\n', [{ code: 'unknown-setting', severity: 'warning', line: 10, column: 14 }]],
    ['custom silences the catalogue warning', '  c:\n    setting: my_key\n    kind: api_key\n    owner: alice\n    custom: true\n', []],
    [
      'a session_secret value, which DocuElevate ignores',
      '  c:\n    setting: session_secret\n    kind: session_secret\n    owner: alice\n    value: ' + SEALED + '\n',
      [{ code: 'session-secret-value', severity: 'warning', line: 13, column: 5, path: 'credentials.c.value' }],
    ],
    ['a session_secret tracked without a value', '  c:\n    setting: session_secret\n    kind: session_secret\n    owner: alice\n', []],
    ['environment-only setting', '  c:\n    setting: session_secret_previous\n    kind: session_secret\n    owner: alice\n', [{ code: 'environment-only-setting', line: 10, column: 14 }]],
    ['rotated before created', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    created: 2026-05-01\n    rotated: 2026-04-01\n', [{ code: 'rotated-before-created', line: 14, column: 14 }]],
    ['date after today', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotated: 2026-11-27\n', [{ code: 'date-in-future', line: 13, column: 14 }]],
    ['impossible date', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotated: 2026-02-30\n', [{ code: 'invalid-date', line: 13, column: 14 }]],
    ['badly written date', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotated: 1/2/2026\n', [{ code: 'schema-format', line: 13, column: 14 }]],
    ['every on an event-driven kind', '  c:\n    setting: dropbox_refresh_token\n    kind: oauth_refresh_token\n    owner: alice\n    every: 30d\n', [{ code: 'every-on-event-driven-kind', line: 13, column: 12 }]],
    ['owner who has left', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: bob\n', [{ code: 'owner-has-left', severity: 'warning', line: 12, column: 12 }]],
    ['plaintext value with a known prefix', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    value: sk-proj-123456\n', [{ code: 'plaintext-value', line: 13, column: 12 }]],
    ['plaintext in values', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    values:\n      staging: hunter2hunter2\n      production: ' + SEALED + '\n', [{ code: 'plaintext-value', line: 14, column: 16 }]],
    ['encrypted value is accepted', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    value: ' + SEALED + '\n', []],
    [
      'value and values together',
      '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    value: ' + SEALED + '\n    values: { staging: ' + SEALED + ' }\n',
      [{ code: 'value-and-values', line: 14, column: 5 }],
    ],
    [
      'group members on different deployments',
      '  a:\n    setting: aws_access_key_id\n    kind: api_key\n    owner: alice\n    group: aws\n  b:\n    setting: aws_secret_access_key\n    kind: api_key\n    owner: alice\n    group: aws\n    deployments: [production]\n',
      [{ code: 'group-deployments-differ', line: 18, column: 12 }],
    ],
    ['unknown property', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    colour: blue\n', [{ code: 'schema-unknown-property', line: 13, column: 5 }]],
    ['unknown kind', '  c:\n    setting: openai_api_key\n    kind: apikey\n    owner: alice\n', [{ code: 'schema-enum', line: 11, column: 11 }]],
    ['missing owner', '  c:\n    setting: openai_api_key\n    kind: api_key\n', [{ code: 'schema-required', line: 10, column: 5 }]],
  ])('%s', (_name, credentials, expected) => {
    expect(check(HEADER + credentials)).toEqual(expected.map((item) => expect.objectContaining(item)));
  });

  it('collects every problem of a file at once', () => {
    const text = HEADER + '  c:\n    setting: session_secret_previous\n    kind: session_secret\n    owner: bob\n    access: [zed]\n    every: 30d\n    rotated: 2027-01-01\n    value: AKIAIOSFODNN7EXAMPLE\n    colour: blue\n';
    expect(check(text).map((diagnostic) => diagnostic.code)).toEqual([
      'environment-only-setting',
      'owner-has-left',
      'unknown-person',
      'every-on-event-driven-kind',
      'date-in-future',
      'plaintext-value',
      'schema-unknown-property',
    ]);
  });

  it('gives the errors alone, in the same order and places, whether or not the warnings were placed first', () => {
    const text = HEADER + '  c:\n    setting: session_secret_previous\n    kind: session_secret\n    owner: bob\n    access: [zed]\n    every: 30d\n    rotated: 2027-01-01\n    value: AKIAIOSFODNN7EXAMPLE\n    colour: blue\n';
    const errorsFirst = checkInventoryText(text, 'inv.yaml', '2026-11-26');
    const errors = errorsFirst.errors;
    expect(errors.map((diagnostic) => diagnostic.code)).toEqual(['environment-only-setting', 'unknown-person', 'every-on-event-driven-kind', 'date-in-future', 'plaintext-value', 'schema-unknown-property']);
    expect(errorsFirst.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual(errors);
    const allFirst = checkInventoryText(text, 'inv.yaml', '2026-11-26');
    expect(allFirst.diagnostics.some((diagnostic) => diagnostic.severity === 'warning')).toBe(true);
    expect(allFirst.errors).toEqual(errors);
    // A copy made by spreading carries both lists.
    expect({ ...errorsFirst }.errors).toEqual(errors);
  });

  it('leaves the rules that only warn out of the errors, and they find no error', () => {
    // Each of the three rules that only warn has something to say here: an owner who left, a session secret with a
    // value, a value under the public demo key; and an unknown person and a plaintext value are errors beside them.
    const demoValue = 'fernet:175365ad:gAAAAABpAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const text =
      HEADER +
      `  s:\n    setting: session_secret\n    kind: session_secret\n    owner: bob\n    created: 2026-01-01\n    value: ${demoValue}\n` +
      '  o:\n    setting: openai_api_key\n    kind: api_key\n    owner: zed\n    created: 2026-01-01\n    value: sk-not-sealed\n';
    const model = inventoryFrom(text);
    const context = { today: TODAY };
    for (const rule of WARNING_ONLY_RULES) {
      const findings = rule(model, context);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.filter((finding) => finding.severity !== 'warning')).toEqual([]);
    }
    const everyFinding = checkInventoryRules(model, context);
    const warningOnly = new Set([...WARNING_ONLY_RULES].flatMap((rule) => rule(model, context).map((finding) => finding.code)));
    expect([...warningOnly].sort()).toEqual(['demo-key-value', 'owner-has-left', 'session-secret-value']);
    expect(inventoryRuleFindings(model, context).ofErrorRules()).toEqual(everyFinding.filter((finding) => !warningOnly.has(finding.code)));
    expect(everyFinding.filter((finding) => finding.severity === 'error').map((finding) => finding.code)).toEqual(['unknown-person', 'plaintext-value']);
    expect(WARNING_ONLY_RULES.size).toBeLessThan(INVENTORY_RULES.length);

    const checked = checkInventoryText(text, 'inv.yaml', TODAY);
    expect(checked.errors.map((diagnostic) => diagnostic.code)).toEqual(['unknown-person', 'plaintext-value']);
    expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual(checked.errors);
  });

  it('names a duplicate key and where it first appears, and still reports every other problem', () => {
    const text = HEADER + '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alcie\n    kind: api_key\n    isuer: platform.openai.com\n';
    const result = checkInventoryText(text, 'inv.yaml', TODAY);
    expect(result.inventory).toBeUndefined();
    expect(result.diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 'unknown-person', line: 12 },
      { code: 'duplicate-key', line: 13 },
      { code: 'schema-unknown-property', line: 14 },
    ]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'owner `alcie` is not listed under `people`; did you mean `alice`?',
      'key `kind` appears twice in this mapping (first at line 11): YAML keeps only one of them; remove or rename one',
      'unknown property `isuer` in `c`; did you mean `issuer`?',
    ]);
  });

  it.each([
    ['a credential field', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotatd: 2026-01-01\n', 'unknown property `rotatd` in `c`; did you mean `rotated`?'],
    ['an auth field', "version: 1\ndeployments:\n  p:\n    url: 'https://x.example'\n    auth: { method: login, username_env: U, pasword_env: P }\ncredentials: {}\n", 'unknown property `pasword_env` in `auth`; did you mean `password_env`?'],
    ['a person in access', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    access: [bbo]\n', '`bbo` in access is not listed under `people`; did you mean `bob`?'],
    ['a deployment', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    deployments: [prodution]\n', 'deployment `prodution` is not listed under `deployments`; did you mean `production`?'],
    ['nothing close', '  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    access: [mallory]\n', '`mallory` in access is not listed under `people`'],
  ])('suggests the nearest name for a mistyped %s', (_name, body, message) => {
    const text = body.startsWith('version') ? body : HEADER + body;
    expect(checkInventoryText(text, 'inv.yaml', TODAY).diagnostics.map((diagnostic) => diagnostic.message)).toContain(message);
  });

  it('never echoes a plaintext value in a message', () => {
    const secret = 'sk-proj-VERYSECRET-0123456789';
    const text = HEADER + `  c:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    value: ${secret}\n`;
    const diagnostics = checkInventoryText(text, 'inv.yaml', TODAY).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(JSON.stringify(diagnostics)).not.toContain(secret);
    expect(diagnostics[0]?.message).toContain('credledger set c --value-stdin');
  });

  it('points an auth mistake at the method', () => {
    const text = "version: 1\ndeployments:\n  production:\n    url: 'https://x.example'\n    auth: { method: password }\ncredentials: {}\n";
    expect(check(text)).toEqual([expect.objectContaining({ code: 'schema-enum', line: 5, column: 21 })]);
  });
});

describe('rotation specs', () => {
  const pair = (rotation: string, partnerGroup = 'aws') =>
    `${HEADER}  key-id:\n    setting: aws_access_key_id\n    kind: api_key\n    owner: alice\n    group: aws\n    rotation: ${rotation}\n  key-secret:\n    setting: aws_secret_access_key\n    kind: api_key\n    owner: alice\n    group: ${partnerGroup}\n`;

  const admin = (rotation: string, withValue = true) =>
    `${HEADER}  admin:\n    setting: admin_password\n    kind: admin_password\n    owner: alice\n    rotation: ${rotation}\n${withValue ? `    value: ${SEALED}\n` : ''}`;

  it('accepts a complete aws-iam-access-key spec and a generated secret', () => {
    expect(check(pair('{ driver: aws-iam-access-key, user: docuelevate-s3, secret: key-secret, key_id: AKIAABCDEFGHIJKLMNOP }'))).toEqual([]);
    expect(check(`${HEADER}  token:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    rotation: { driver: generated-secret, length: 64, alphabet: hex }\n`)).toEqual([]);
  });

  it.each([
    ['an unknown driver', pair('{ driver: vault }'), [{ code: 'schema-enum', line: 14, path: 'credentials.key-id.rotation.driver' }]],
    ['no user or secret', pair('{ driver: aws-iam-access-key }'), [{ code: 'rotation-incomplete', line: 14 }, { code: 'rotation-incomplete', line: 14 }]],
    ['a secret that is no credential', pair('{ driver: aws-iam-access-key, user: u, secret: nope }'), [{ code: 'rotation-unknown-credential', path: 'credentials.key-id.rotation.secret' }]],
    ['a pair outside one group', pair('{ driver: aws-iam-access-key, user: u, secret: key-secret }', 'other'), [{ code: 'rotation-group', path: 'credentials.key-id.rotation.secret' }]],
    ['a field of another driver', pair('{ driver: aws-iam-access-key, user: u, secret: key-secret, length: 32 }'), [{ code: 'rotation-field', path: 'credentials.key-id.rotation.length' }]],
    ['a length out of range', pair('{ driver: generated-secret, length: 8 }'), [{ code: 'schema-minimum', path: 'credentials.key-id.rotation.length' }]],
    ['a swap request on another driver', pair('{ driver: generated-secret, swap: rot-0123456789ab }'), [{ code: 'rotation-field', path: 'credentials.key-id.rotation.swap' }]],
    ['a swap request that is no rotation id', admin('{ driver: docuelevate-admin-password, swap: now }'), [{ code: 'schema-format', path: 'credentials.admin.rotation.swap' }]],
    ['a swap request of another setting', pair('{ driver: docuelevate-admin-password, swap: rot-0123456789ab }'), [{ code: 'rotation-swap', path: 'credentials.key-id.rotation.swap' }, { code: 'rotation-swap', path: 'credentials.key-id.rotation.swap' }]],
    ['a swap request without a value to replace', admin('{ driver: docuelevate-admin-password, swap: rot-0123456789ab }', false), [{ code: 'rotation-swap', path: 'credentials.admin.rotation.swap' }]],
  ])('refuses %s, pointing at it', (_name, text, expected) => {
    expect(check(text)).toEqual(expected.map((item) => expect.objectContaining(item)));
  });

  it('accepts a swap request on the admin password (what `credledger rotate` writes)', () => {
    expect(check(admin('{ driver: docuelevate-admin-password, length: 32, swap: rot-0123456789ab }'))).toEqual([]);
  });
});

describe('session_secret', () => {
  it('says DocuElevate ignores a database value and gives the real rotation', () => {
    const text = HEADER + '  c:\n    setting: session_secret\n    kind: session_secret\n    owner: alice\n    deployments: [production]\n    values: { production: ' + SEALED + ' }\n';
    const [diagnostic] = checkInventoryText(text, 'inv.yaml', TODAY).diagnostics;
    expect(diagnostic?.message).toBe(
      "DocuElevate never uses a session_secret held in its database: sessions and the encryption of its stored settings use SESSION_SECRET from the deployment's environment, read at start-up, so apply's push of this value changes nothing. Track it without a value; to rotate it, set SESSION_SECRET_PREVIOUS to the old secret and SESSION_SECRET to the new one in the deployment's environment, restart api and worker, run `credledger apply --rehydrate <deployment>` to re-encrypt the database-held values under the new secret, then drop SESSION_SECRET_PREVIOUS",
    );
  });
});

// Issue #12 item 15: no limit on the number of credentials; now a validation error that names the limit.
describe('limits', () => {
  it(`refuses more than ${MAX_CREDENTIALS} credentials`, () => {
    const one = inventoryFrom(inventoryText('  openai: { setting: openai_api_key, kind: api_key, owner: alice, created: 2026-01-01 }\n'));
    const [credential] = one.credentials;
    if (!credential) throw new Error('no credential');
    const many = { ...one, credentials: Array.from({ length: MAX_CREDENTIALS + 1 }, (_, index) => ({ ...credential, id: `c${index}`, setting: `custom_${index}` })) };
    const findings = checkInventoryRules(many, { today: '2026-11-26' });
    expect(findings.filter((finding) => finding.code === 'too-many-credentials').map((finding) => finding.message)).toEqual([
      `${MAX_CREDENTIALS + 1} credentials; an inventory holds at most ${MAX_CREDENTIALS}: split it into one file per team or environment`,
    ]);
    expect(checkInventoryRules(one, { today: '2026-11-26' }).map((finding) => finding.code)).not.toContain('too-many-credentials');
  });
});
