import { describe, expect, it } from 'vitest';
import type { Inventory, SealedValueEntry } from '../../src/core/inventory.js';
import { diffInventories, type InventoryDiff, type ValueInspector } from '../../src/core/plan.js';
import { inventoryFrom, inventoryText } from '../support/inventory-text.js';

// Encrypted-looking values with a sealing time each; the core only ever compares and timestamps them.
const sealedAtByText = new Map<string, number>();
function sealed(name: string, sealedAt = 1_780_000_000, keyId = '1a2b3c4d'): string {
  const text = `fernet:${keyId}:${`gAAAA${name}`.padEnd(40, 'x')}`;
  sealedAtByText.set(text, sealedAt);
  return text;
}

const byCiphertext: ValueInspector = {
  basis: 'ciphertext',
  sameValue: (before, after) => before.sealed === after.sealed,
  sealedAt: (entry) => sealedAtByText.get(entry.sealed),
};

/** A plaintext comparison as the app builds it: these pairs of encrypted texts hold the same value. */
function byPlaintext(...equal: [string, string][]): ValueInspector {
  const same = (a: SealedValueEntry, b: SealedValueEntry) =>
    a.sealed === b.sealed || equal.some(([x, y]) => (x === a.sealed && y === b.sealed) || (x === b.sealed && y === a.sealed));
  return { basis: 'plaintext', sameValue: same, sealedAt: (entry) => sealedAtByText.get(entry.sealed) };
}

function inv(credentials: string, extra = ''): Inventory {
  return inventoryFrom(inventoryText(credentials, extra));
}

function diff(base: Inventory | undefined, head: Inventory | undefined, values = byCiphertext, allowRollback = false): InventoryDiff {
  return diffInventories(base, head, { values, allowRollback });
}

function findingsOf(result: InventoryDiff) {
  return result.findings.map(({ code, severity, path }) => ({ code, severity, path: path.join('.') }));
}

function operationsOf(result: InventoryDiff) {
  return result.operations.map((op) => `${op.action} ${op.deployment}/${op.setting}${op.restart_required ? ' (restart)' : ''}${op.group ? ` [${op.group}]` : ''} <${op.credential}>`);
}

const V1 = sealed('openai-one', 1_780_000_000);
const V2 = sealed('openai-two', 1_790_000_000);

function openai(fields: string): string {
  return `  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
${fields}`;
}

describe('change kinds', () => {
  it('adds a credential, setting it wherever it has a value', () => {
    const result = diff(inv(''), inv(openai(`    value: ${V1}\n`)));
    expect(result.changes).toEqual([{ id: 'openai', change: 'added', fields: [], deployments: ['production', 'staging'] }]);
    expect(operationsOf(result)).toEqual(['set production/openai_api_key <openai>', 'set staging/openai_api_key <openai>']);
    expect(result.findings).toEqual([]);
  });

  it('removes a credential, deleting its setting where it had a value', () => {
    const withValue = diff(inv(openai(`    deployments: [staging]\n    value: ${V1}\n`)), inv(''));
    expect(withValue.changes).toEqual([{ id: 'openai', change: 'removed', fields: [], deployments: ['staging'] }]);
    expect(operationsOf(withValue)).toEqual(['delete staging/openai_api_key <openai>']);
    // A credential that kept no value never had its setting pushed: nothing to delete.
    expect(diff(inv(openai('')), inv('')).operations).toEqual([]);
  });

  it('calls a new value with `rotated` moved forward a rotation', () => {
    const result = diff(inv(openai(`    rotated: 2026-01-01\n    value: ${V1}\n`)), inv(openai(`    rotated: 2026-09-01\n    value: ${V2}\n`)));
    expect(result.changes).toEqual([{ id: 'openai', change: 'rotated', fields: ['rotated', 'value'], deployments: ['production', 'staging'] }]);
    expect(operationsOf(result)).toEqual(['set production/openai_api_key <openai>', 'set staging/openai_api_key <openai>']);
    expect(result.findings).toEqual([]);
  });

  it('counts a first `rotated` after `created` as moving forward', () => {
    const result = diff(inv(openai(`    created: 2025-01-01\n    value: ${V1}\n`)), inv(openai(`    created: 2025-01-01\n    rotated: 2026-09-01\n    value: ${V2}\n`)));
    expect(result.changes.map((c) => c.change)).toEqual(['rotated']);
  });

  it.each([
    ['unchanged', '    rotated: 2026-01-01\n', '    rotated: 2026-01-01\n', []],
    ['moved back', '    rotated: 2026-05-01\n', '    rotated: 2026-01-01\n', ['rotated']],
    ['removed', '    rotated: 2026-05-01\n', '', ['rotated']],
  ])('flags a new value whose `rotated` is %s as value-changed-without-rotation (an error)', (_, before, after, metadata) => {
    const result = diff(inv(openai(`${before}    value: ${V1}\n`)), inv(openai(`${after}    value: ${V2}\n`)));
    expect(result.changes.map((c) => [c.change, c.fields])).toEqual([
      ['value-changed-without-rotation', ['value']],
      ...(metadata.length > 0 ? [['metadata', metadata]] : []),
    ]);
    expect(findingsOf(result)).toEqual([
      { code: 'value-changed-without-rotation', severity: 'error', path: after ? 'credentials.openai.rotated' : 'credentials.openai' },
    ]);
    expect(result.operations).toHaveLength(2);
  });

  it('warns of a paper rotation: `rotated` moved but the value did not', () => {
    const result = diff(inv(openai(`    rotated: 2026-01-01\n    value: ${V1}\n`)), inv(openai(`    rotated: 2026-09-01\n    value: ${V1}\n`)));
    expect(result.changes).toEqual([{ id: 'openai', change: 'rotation-without-value', fields: ['rotated'], deployments: ['production', 'staging'] }]);
    expect(findingsOf(result)).toEqual([{ code: 'rotation-without-value', severity: 'warning', path: 'credentials.openai.rotated' }]);
    expect(result.findings[0]?.message).toContain('(compared as ciphertext)');
    expect(result.operations).toEqual([]);
  });

  it('does not call it a paper rotation when the credential keeps no value in the inventory', () => {
    const result = diff(inv(openai('    rotated: 2026-01-01\n')), inv(openai('    rotated: 2026-09-01\n')));
    expect(result.changes).toEqual([{ id: 'openai', change: 'metadata', fields: ['rotated'], deployments: ['production', 'staging'] }]);
    expect(result.findings).toEqual([]);
  });

  it('lists metadata changes by field name, ignoring the order of access and the unit of every', () => {
    const base = inv(openai('    access: [bob, carol]\n    every: 12w\n    issuer: a\n    group: g\n'));
    const head = inv(openai('    access: [carol, bob]\n    every: 84d\n    issuer: b\n    description: new\n    compromised: 2026-10-01\n').replace('owner: alice', 'owner: carol'));
    expect(diff(base, head).changes).toEqual([
      { id: 'openai', change: 'metadata', fields: ['owner', 'issuer', 'description', 'group', 'compromised'], deployments: ['production', 'staging'] },
    ]);
    expect(diff(base, head).operations).toEqual([]);
  });

  it('reports nothing for identical inventories', () => {
    const text = openai(`    rotated: 2026-01-01\n    value: ${V1}\n`);
    expect(diff(inv(text), inv(text))).toEqual({ changes: [], operations: [], findings: [], notes: [] });
  });

  it('lists several kinds for one credential, rotation first', () => {
    const result = diff(
      inv(openai(`    rotated: 2026-01-01\n    deployments: [production]\n    value: ${V1}\n`)),
      inv(openai(`    rotated: 2026-09-01\n    deployments: [production, staging]\n    value: ${V2}\n`).replace('owner: alice', 'owner: carol')),
    );
    expect(result.changes.map((c) => [c.change, c.fields, c.deployments])).toEqual([
      ['rotated', ['rotated', 'value'], ['production']],
      ['retargeted', ['deployments'], ['staging']],
      ['metadata', ['owner'], ['production', 'staging']],
    ]);
  });
});

describe('deployments and settings', () => {
  it('retargets a credential: a deployment gained is set, a deployment lost is deleted', () => {
    const gained = diff(inv(openai(`    deployments: [production]\n    value: ${V1}\n`)), inv(openai(`    value: ${V1}\n`)));
    expect(gained.changes).toEqual([{ id: 'openai', change: 'retargeted', fields: ['deployments'], deployments: ['staging'] }]);
    expect(operationsOf(gained)).toEqual(['set staging/openai_api_key <openai>']);

    const lost = diff(inv(openai(`    value: ${V1}\n`)), inv(openai(`    deployments: [production]\n    value: ${V1}\n`)));
    expect(lost.changes).toEqual([{ id: 'openai', change: 'retargeted', fields: ['deployments'], deployments: ['staging'] }]);
    expect(operationsOf(lost)).toEqual(['delete staging/openai_api_key <openai>']);
  });

  it('moves a value to another setting: delete the old one and set the new one', () => {
    const result = diff(inv(openai(`    deployments: [production]\n    value: ${V1}\n`)), inv(openai(`    deployments: [production]\n    value: ${V1}\n`).replace('openai_api_key', 'azure_ai_key')));
    expect(result.changes).toEqual([{ id: 'openai', change: 'retargeted', fields: ['setting'], deployments: ['production'] }]);
    expect(operationsOf(result)).toEqual(['set production/azure_ai_key <openai>', 'delete production/openai_api_key <openai>']);
  });

  it('rotates one deployment of per-deployment values and touches only that one', () => {
    const production = sealed('prod-one');
    const result = diff(
      inv(openai(`    rotated: 2026-01-01\n    values:\n      production: ${production}\n      staging: ${V1}\n`)),
      inv(openai(`    rotated: 2026-09-01\n    values:\n      production: ${production}\n      staging: ${V2}\n`)),
    );
    expect(result.changes).toEqual([{ id: 'openai', change: 'rotated', fields: ['rotated', 'values.staging'], deployments: ['staging'] }]);
    expect(operationsOf(result)).toEqual(['set staging/openai_api_key <openai>']);
  });

  it('names both fields when one value becomes per-deployment values, and with a key sees no change at all', () => {
    const perDeployment = [sealed('split-prod'), sealed('split-staging')] as const;
    const base = inv(openai(`    rotated: 2026-01-01\n    value: ${V1}\n`));
    const head = inv(openai(`    rotated: 2026-01-01\n    values:\n      production: ${perDeployment[0]}\n      staging: ${perDeployment[1]}\n`));
    expect(diff(base, head).changes).toEqual([
      { id: 'openai', change: 'value-changed-without-rotation', fields: ['value', 'values.production', 'values.staging'], deployments: ['production', 'staging'] },
    ]);
    const withKey = diff(base, head, byPlaintext([V1, perDeployment[0]], [V1, perDeployment[1]]));
    expect(withKey).toEqual({ changes: [], operations: [], findings: [], notes: [] });
  });

  it('treats a first value as metadata with a set, and a dropped value as metadata that leaves the setting alone', () => {
    const stored = diff(inv(openai('    rotated: 2026-01-01\n')), inv(openai(`    rotated: 2026-01-01\n    values:\n      staging: ${V1}\n`)));
    expect(stored.changes).toEqual([{ id: 'openai', change: 'metadata', fields: ['values.staging'], deployments: ['production', 'staging'] }]);
    expect(operationsOf(stored)).toEqual(['set staging/openai_api_key <openai>']);
    expect(stored.findings).toEqual([]);

    const storedWithRotation = diff(inv(openai('    rotated: 2026-01-01\n')), inv(openai(`    rotated: 2026-09-01\n    value: ${V1}\n`)));
    expect(storedWithRotation.changes.map((c) => [c.change, c.fields])).toEqual([['rotated', ['rotated', 'value']]]);

    const dropped = diff(inv(openai(`    value: ${V1}\n`)), inv(openai('')));
    expect(dropped.changes).toEqual([{ id: 'openai', change: 'metadata', fields: ['value'], deployments: ['production', 'staging'] }]);
    expect(dropped.operations).toEqual([]);
  });

  it('leaves a deployment that left the inventory alone, and says so', () => {
    const base = inv(openai(`    value: ${V1}\n`));
    const head = inventoryFrom(inventoryText(openai(`    value: ${V1}\n`)).replace("  staging: { url: 'https://staging.example.com' }\n", ''));
    const result = diff(base, head);
    expect(result.operations).toEqual([]);
    expect(result.changes).toEqual([{ id: 'openai', change: 'retargeted', fields: ['deployments'], deployments: ['staging'] }]);
    expect(result.notes).toEqual(['Deployment `staging` leaves the inventory: credledger stops managing it and leaves its settings as they are.']);
  });

  it('marks operations that need a restart and carries the group', () => {
    const AK = sealed('aws-key-1');
    const AS = sealed('aws-secret-1');
    const head = inv(`  admin:
    setting: admin_password
    kind: password
    owner: alice
    deployments: [production]
    value: ${V1}
  aws-key:
    setting: aws_access_key_id
    kind: api_key
    owner: alice
    group: aws-s3
    deployments: [production]
    value: ${AK}
  aws-secret:
    setting: aws_secret_access_key
    kind: api_key
    owner: alice
    group: aws-s3
    deployments: [production]
    value: ${AS}
`);
    expect(operationsOf(diff(inv(''), head))).toEqual([
      'set production/admin_password (restart) <admin>',
      'set production/aws_access_key_id [aws-s3] <aws-key>',
      'set production/aws_secret_access_key [aws-s3] <aws-secret>',
    ]);
    expect(diff(inv(''), head).operations[0]).toEqual({
      deployment: 'production',
      setting: 'admin_password',
      action: 'set',
      restart_required: true,
      group: null,
      credential: 'admin',
    });
  });
});

describe('renamed ids', () => {
  const renamed = (id: string, value: string) => `  ${id}:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    deployments: [production]\n    value: ${value}\n`;
  const V1_UNDER_NEW_ID = sealed('openai-one-for-llm');

  it('shows removed + added, but one set of the setting, never a delete and a set', () => {
    const result = diff(inv(renamed('openai', V1)), inv(renamed('llm', V1_UNDER_NEW_ID)));
    expect(result.changes).toEqual([
      { id: 'llm', change: 'added', fields: [], deployments: ['production'] },
      { id: 'openai', change: 'removed', fields: [], deployments: ['production'] },
    ]);
    expect(operationsOf(result)).toEqual(['set production/openai_api_key <llm>']);
  });

  it('needs no operation at all when a key shows the value is the same', () => {
    const result = diff(inv(renamed('openai', V1)), inv(renamed('llm', V1_UNDER_NEW_ID)), byPlaintext([V1, V1_UNDER_NEW_ID]));
    expect(result.changes.map((c) => c.change)).toEqual(['added', 'removed']);
    expect(result.operations).toEqual([]);
  });

  it('leaves the setting alone when the new id keeps no value yet', () => {
    const withoutValue = '  llm:\n    setting: openai_api_key\n    kind: api_key\n    owner: alice\n    deployments: [production]\n';
    expect(diff(inv(renamed('openai', V1)), inv(withoutValue)).operations).toEqual([]);
  });
});

describe('a file absent on one side', () => {
  it('adds everything when the inventory does not exist at base', () => {
    const result = diff(undefined, inv(openai(`    value: ${V1}\n`)));
    expect(result.changes.map((c) => c.change)).toEqual(['added']);
    expect(result.operations).toHaveLength(2);
    expect(result.notes).toEqual(['The inventory does not exist at base: every credential is added.']);
  });

  it('removes everything when it does not exist at head, and deletes nothing it can no longer reach', () => {
    const result = diff(inv(openai(`    value: ${V1}\n`)), undefined);
    expect(result.changes).toEqual([{ id: 'openai', change: 'removed', fields: [], deployments: ['production', 'staging'] }]);
    expect(result.operations).toEqual([]);
    expect(result.notes[0]).toMatch(/does not exist at head/);
  });
});

describe('rollback guard', () => {
  const older = sealed('openai-older', 1_770_000_000);

  it('refuses a value sealed before the one it replaces', () => {
    const result = diff(inv(openai(`    rotated: 2026-01-01\n    value: ${V1}\n`)), inv(openai(`    rotated: 2026-09-01\n    value: ${older}\n`)));
    expect(result.changes.map((c) => c.change)).toEqual(['rotated']);
    expect(findingsOf(result)).toEqual([{ code: 'rollback', severity: 'error', path: 'credentials.openai.value' }]);
    expect(result.findings[0]?.message).toBe(
      'the new value of `openai` was sealed 2026-02-02T02:40:00Z, before the value it replaces (2026-05-28T20:26:40Z): it re-introduces an older value; if that is intended, plan with --allow-rollback',
    );
  });

  it('turns the error into a warning with allowRollback, and names the deployment of a per-deployment value', () => {
    const result = diff(
      inv(openai(`    rotated: 2026-01-01\n    values:\n      staging: ${V1}\n`)),
      inv(openai(`    rotated: 2026-09-01\n    values:\n      staging: ${older}\n`)),
      byCiphertext,
      true,
    );
    expect(findingsOf(result)).toEqual([{ code: 'rollback', severity: 'warning', path: 'credentials.openai.values.staging' }]);
    expect(result.findings[0]?.message).toMatch(/^the new value of `openai` on `staging` .*\(allowed by --allow-rollback\)$/);
  });

  it('says nothing when a newer value replaces an older one, or the sealing time cannot be read', () => {
    const unreadable = 'fernet:1a2b3c4d:unreadable-token-xxxxxxxxxxxxxxxx';
    expect(diff(inv(openai(`    rotated: 2026-01-01\n    value: ${V1}\n`)), inv(openai(`    rotated: 2026-09-01\n    value: ${V2}\n`))).findings).toEqual([]);
    expect(diff(inv(openai(`    rotated: 2026-01-01\n    value: ${V2}\n`)), inv(openai(`    rotated: 2026-09-01\n    value: ${unreadable}\n`))).findings).toEqual([]);
  });
});

describe('groups', () => {
  const pair = (keyValue: string, secretValue: string, rotated: string) => `  aws-key:
    setting: aws_access_key_id
    kind: api_key
    owner: alice
    group: aws-s3
    rotated: ${rotated}
    value: ${keyValue}
  aws-secret:
    setting: aws_secret_access_key
    kind: api_key
    owner: alice
    group: aws-s3
    rotated: ${rotated}
    value: ${secretValue}
`;
  const [K1, K2, S1, S2] = [sealed('k1'), sealed('k2', 1_790_000_000), sealed('s1'), sealed('s2', 1_790_000_000)];

  it('warns when only some members of a group change value', () => {
    const result = diff(inv(pair(K1, S1, '2026-01-01')), inv(pair(K1, S2, '2026-09-01')));
    expect(findingsOf(result)).toEqual([
      { code: 'rotation-without-value', severity: 'warning', path: 'credentials.aws-key.rotated' },
      { code: 'group-partly-changed', severity: 'warning', path: 'credentials.aws-key.group' },
    ]);
    expect(result.findings[1]?.message).toBe('group `aws-s3`: `aws-secret` changes value but `aws-key` does not; members are rotated and pushed together');
    expect(result.changes.map((c) => `${c.id} ${c.change}`)).toEqual(['aws-key rotation-without-value', 'aws-secret rotated']);
  });

  it('is quiet when the whole group rotates together', () => {
    const result = diff(inv(pair(K1, S1, '2026-01-01')), inv(pair(K2, S2, '2026-09-01')));
    expect(result.findings).toEqual([]);
    expect(operationsOf(result)).toEqual([
      'set production/aws_access_key_id [aws-s3] <aws-key>',
      'set production/aws_secret_access_key [aws-s3] <aws-secret>',
      'set staging/aws_access_key_id [aws-s3] <aws-key>',
      'set staging/aws_secret_access_key [aws-s3] <aws-secret>',
    ]);
  });

  it('reports joining a group as metadata', () => {
    const base = inv(pair(K1, S1, '2026-01-01').replace('    group: aws-s3\n', ''));
    expect(diff(base, inv(pair(K1, S1, '2026-01-01'))).changes).toEqual([{ id: 'aws-key', change: 'metadata', fields: ['group'], deployments: ['production', 'staging'] }]);
  });
});

describe('swaps (the admin password)', () => {
  const P1 = sealed('admin-one', 1_780_000_000);
  const P2 = sealed('admin-two', 1_790_000_000);
  const admin = (rotation: string, value: string, rotated = '2026-01-05') => `  admin-password:
    setting: admin_password
    kind: admin_password
    owner: alice
    rotated: ${rotated}
    rotation: { driver: docuelevate-admin-password${rotation} }
    value: ${value}
`;

  it('says what merging the request does, though no value changes in it', () => {
    const result = diff(inv(admin('', P1)), inv(admin(', swap: rot-0123456789ab', P1)));
    expect(result.operations).toEqual([]);
    expect(result.notes).toEqual([
      '`admin-password`: merging requests swap `rot-0123456789ab`. The apply after the merge makes the new value, records it sealed in `refs/credledger/rotation` and pushes it to `production`, `staging`, last on each; `credledger rotate --finish` then opens the pull request that writes it here.',
    ]);
  });

  it('says the value pull request writes down what the swap already pushed', () => {
    const result = diff(inv(admin(', swap: rot-0123456789ab', P1)), inv(admin('', P2, '2026-11-20')));
    expect(result.notes).toEqual(['`admin-password`: the new value is the one swap `rot-0123456789ab` made and already pushed; merging writes it into the inventory, and apply has nothing new to send once the deployments confirmed it.']);
  });

  it('adds nothing for a swap credential at rest, or one whose swap stays requested', () => {
    expect(diff(inv(admin('', P1)), inv(admin('', P1))).notes).toEqual([]);
    expect(diff(inv(admin(', swap: rot-0123456789ab', P1)), inv(admin(', swap: rot-0123456789ab', P1))).notes).toEqual([]);
  });
});
