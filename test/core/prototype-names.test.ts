// Issue #12 items 7 and 8: names the inventory chooses (ids, settings, deployments, groups, people) that are also
// properties of Object.prototype once crashed remind, hid warnings and made apply plan a set for ever. Every such
// name goes through validate, status, plan, remind and apply's planning here; and no source file may look a name up
// in a plain-object table again.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setCredentialValue } from '../../src/app/set-value.js';
import { listDesiredState } from '../../src/core/apply-plan.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { checkInventoryText } from '../../src/core/inventory-validation.js';
import { buildDesiredIssues } from '../../src/core/rotation-issues.js';
import { buildStatusReport } from '../../src/core/status-report.js';
import { recordWithoutPrototype } from '../../src/core/own-property.js';
import { sealValue } from '../../src/crypto/sealed-value.js';
import { createTestKey } from '../support/apply-sandbox.js';
import { REPO_ROOT } from '../support/paths.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const RING = createTestKey().ring;
const SEALED = sealValue(RING, { credentialId: 'x', deployment: 'other' }, 'a value', 1_767_225_600);

function inventoryNaming(name: string): string {
  const quoted = JSON.stringify(name);
  return `version: 1
people:
  ${quoted}: { github: alice }
deployments:
  ${quoted}: { url: 'https://docs.example.com' }
  other: { url: 'https://other.example.com' }
credentials:
  ${quoted}:
    setting: ${quoted}
    custom: true
    kind: api_key
    owner: ${quoted}
    group: ${quoted}
    created: 2025-01-01
    deployments: [${quoted}, other]
    values:
      other: ${SEALED}
`;
}

// The schema's names start with a letter or digit: `__proto__` and the like are refused, cleanly, before any lookup.
it.each(PROTOTYPE_NAMES.filter((name) => name.startsWith('_')))('refuses the name %s with schema errors, not a crash', (name) => {
  const check = checkInventoryText(inventoryNaming(name), 'test.yaml', '2026-11-26');
  expect(check.diagnostics.some((d) => d.code === 'schema-name' && d.severity === 'error')).toBe(true);
});

describe.each(PROTOTYPE_NAMES.filter((name) => !name.startsWith('_')))('the name %s', (name) => {
  const check = checkInventoryText(inventoryNaming(name), 'test.yaml', '2026-11-26');

  it('validates and keeps the missing-value warning for that deployment', () => {
    expect(check.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    expect(check.diagnostics.map((d) => d.code)).toContain('missing-deployment-value');
    expect(check.inventory).toBeDefined();
  });

  it('goes through status, remind and apply planning without a crash or a phantom value', () => {
    const inventory = check.inventory;
    if (!inventory) throw new Error('no inventory');
    const status = buildStatusReport(inventory, '2026-11-26');
    expect(status.credentials.map((row) => row.id)).toContain(name);
    const issues = buildDesiredIssues(inventory, '2026-11-26');
    for (const issue of issues.issues) expect(issue.body).toContain('credledger');
    const { desired } = listDesiredState(inventory, [name, 'other']);
    // Only `other` has a value: nothing may be planned for the deployment named like a prototype property.
    expect(desired.map((setting) => setting.deployment)).toEqual(['other']);
  });
});

/** A constant table read with a name the inventory chooses (an enum-typed field such as `kind` or `state` is fine). */
const INVENTORY_NAME_LOOKUP = /\b[A-Z][A-Z0-9_]+\[[a-z][A-Za-z]*\.(id|setting|deployment|owner|group|issuer|credential|credentialId|name)\]/;

describe('set --deployment with a prototype name', () => {
  it.each(['constructor', 'toString', 'valueOf'])('writes values.%s without a crash', async (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credledger-proto-'));
    try {
      const file = path.join(dir, 'credentials.yaml');
      writeFileSync(file, inventoryNaming(name));
      const result = await setCredentialValue({ file, credentialId: name, deployment: name, value: new SecretValue('a new value 0001'), today: '2026-11-26', now: new Date('2026-11-26T12:00:00Z'), ring: RING });
      expect(result.kind).toBe('set');
      const check = checkInventoryText(readFileSync(file, 'utf8'), 'test.yaml', '2026-11-26');
      expect(check.diagnostics.map((d) => d.code)).not.toContain('missing-deployment-value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lookups by inventory names', () => {
  it('a table without a prototype answers nothing for prototype names', () => {
    const table = recordWithoutPrototype([['a', 1]]);
    for (const name of PROTOTYPE_NAMES) expect(table[name]).toBeUndefined();
  });

  it('no source looks up an inventory name with `?.[` or in a constant table without ownValue', () => {
    const offences: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && !full.includes(`${path.sep}devserver${path.sep}`)) {
          readFileSync(full, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              // `record?.[name]` and `UPPER_CASE_TABLE[name.field]`: the shapes that read Object.prototype for `constructor`.
              if (/\?\.\[[a-z]/.test(line) || /\b(credential|c)\.values\[/.test(line) || INVENTORY_NAME_LOOKUP.test(line)) offences.push(`${path.relative(REPO_ROOT, full)}:${index + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(path.join(REPO_ROOT, 'src'));
    expect(offences).toEqual([]);
  });
});
