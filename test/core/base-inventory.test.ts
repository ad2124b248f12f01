// The base of a plan is read beside its head, reusing the head's unchanged credentials. This differential test holds
// that reading to the whole one (readInventory of the base text) over fixtures and fuzzed pairs of revisions: the
// same inventory, in the same order, and the same plan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScaleInventoryText } from '../../bench/generate-inventory.js';
import { readBaseInventory } from '../../src/core/base-inventory.js';
import type { Inventory } from '../../src/core/inventory.js';
import { readInventory } from '../../src/core/inventory-reader.js';
import { checkInventoryText } from '../../src/core/inventory-validation.js';
import { diffInventories, type ValueInspector } from '../../src/core/plan.js';
import { mutate, random } from '../support/yaml-fuzz.js';

const TODAY = '2026-11-26';
const FILE = 'credentials.yaml';

const byCiphertext: ValueInspector = { basis: 'ciphertext', sameValue: (before, after) => before.sealed === after.sealed, sealedAt: () => undefined };

// Texts whose entries the section index can cut, with what makes cutting them delicate: integer-like ids (an
// object lists them first), comments and blank lines between entries, a block scalar, carriage returns, a
// credential without `deployments` (it takes them all), and no line feed at the end.
const SMALL = `# the inventory
version: 1
people:
  alice: { github: alice }
  bob: { github: bob }
deployments:
  prod: { url: "https://prod.example.com", auth: { method: login, username_env: U, password_env: P } }
  stage: { url: "https://stage.example.com", auth: { method: login, username_env: U, password_env: P } }
credentials:
  # a comment before the first entry
  zeta:
    setting: openai_api_key
    kind: api_key
    owner: alice
    description: |
      kept as written
      over two lines

  10:
    setting: azure_openai_api_key
    kind: api_key
    owner: bob
    deployments: [prod]
  2:
    setting: smtp_password
    kind: password
    owner: alice
    access: [bob]
  # trailing comment of the section
policy:
  due_soon: 14d`;

function corpus(): string[] {
  return [
    readFileSync(new URL('../../credentials.yaml.example', import.meta.url), 'utf8'),
    generateScaleInventoryText(8),
    generateScaleInventoryText(8, { changeEvery: 3 }),
    SMALL,
    SMALL.replaceAll('\n', '\r\n'),
  ];
}

/** An inventory with its maps as ordered lists, so order counts in the comparison. */
function ordered(inventory: Inventory | undefined) {
  return inventory && { ...inventory, people: [...inventory.people], deployments: [...inventory.deployments] };
}

function expectSameBase(baseText: string, headText: string): number {
  const head = checkInventoryText(headText, FILE, TODAY);
  const base = readBaseInventory(baseText, FILE, head);
  const whole = readInventory(baseText, FILE).inventory;
  const pair = `base:\n${baseText}\n\nhead:\n${headText}`;
  expect(ordered(base), pair).toEqual(ordered(whole));
  if (head.inventory) {
    const options = { values: byCiphertext, allowRollback: false };
    expect(diffInventories(base, head.inventory, options), pair).toEqual(diffInventories(whole, head.inventory, options));
  }
  const headCredentials = new Set(head.inventory?.credentials ?? []);
  return (base?.credentials ?? []).filter((credential) => headCredentials.has(credential)).length;
}

/** A few random edits of `text`. */
function edited(text: string, next: () => number): string {
  let variant = text;
  for (let edit = 0; edit < 1 + Math.floor(next() * 3); edit += 1) variant = mutate(variant, next);
  return variant;
}

describe('the base read beside the head', () => {
  it('reuses the head credentials whose entries are unchanged, and parses the rest', () => {
    const headText = generateScaleInventoryText(30, { changeEvery: 3 });
    const baseText = generateScaleInventoryText(30);
    const head = checkInventoryText(headText, FILE, TODAY);
    const base = readBaseInventory(baseText, FILE, head)!;
    const whole = readInventory(baseText, FILE).inventory!;
    const headById = new Map(head.inventory!.credentials.map((credential) => [credential.id, credential]));
    const reused = base.credentials.filter((credential) => headById.get(credential.id) === credential);
    // Every third credential was rotated; the others are the head's own objects.
    expect(reused.length).toBeGreaterThan(0);
    expect(reused.length).toBeLessThan(base.credentials.length);
    for (const credential of base.credentials) {
      const same = JSON.stringify(credential) === JSON.stringify(headById.get(credential.id));
      expect(headById.get(credential.id) === credential, credential.id).toBe(same);
    }
    expect(ordered(base)).toEqual(ordered(whole));
  });

  it('lists integer-like ids first, as the whole text read does', () => {
    const head = SMALL.replace('    owner: bob\n', '    owner: alice\n');
    const base = readBaseInventory(SMALL, FILE, checkInventoryText(head, FILE, TODAY))!;
    expect(base.credentials.map((credential) => credential.id)).toEqual(['2', '10', 'zeta']);
    expect(expectSameBase(SMALL, head)).toBe(2);
  });

  it('reads the whole base when the deployments differ (a credential that lists none takes them all)', () => {
    const head = SMALL.replace('  stage: {', '  staging: {');
    expect(expectSameBase(SMALL, head)).toBe(0);
  });

  it('reads the whole base when the head needed the Document (an alias reads another entry)', () => {
    const head = SMALL.replace('    owner: alice\n    description', '    owner: &owner alice\n    description').replace('    owner: alice\n    access', '    owner: *owner\n    access');
    const base = head.replace('&owner alice', '&owner bob');
    expect(expectSameBase(base, head)).toBe(0);
    expect(readBaseInventory(base, FILE, checkInventoryText(head, FILE, TODAY))!.credentials.find((credential) => credential.id === '2')?.owner).toBe('bob');
  });

  it.each(corpus().map((text, index) => [index, text] as const))('agrees with the whole read on fixture %i and fuzzed revisions of it', (_index, text) => {
    const next = random(23);
    let reused = 0;
    const rounds = text.length > 5_000 ? 40 : 120;
    for (let round = 0; round < rounds; round += 1) {
      const variant = edited(text, next);
      reused += expectSameBase(variant, text);
      reused += expectSameBase(text, variant);
      reused += expectSameBase(variant, edited(variant, next));
    }
    // The reuse must actually happen, or the test would prove nothing about it.
    expect(reused).toBeGreaterThan(rounds);
  });

  it('agrees when entries are added, removed, reordered or moved between revisions', () => {
    const text = generateScaleInventoryText(20);
    const lines = text.split('\n');
    const start = lines.indexOf('credentials:') + 1;
    const next = random(5);
    let reused = 0;
    for (let round = 0; round < 60; round += 1) {
      const entries: string[][] = [];
      for (const line of lines.slice(start)) {
        if (/^ {2}\S/.test(line) || entries.length === 0) entries.push([line]);
        else entries.at(-1)!.push(line);
      }
      const a = Math.floor(next() * entries.length);
      const b = Math.floor(next() * entries.length);
      if (round % 3 === 0) [entries[a], entries[b]] = [entries[b]!, entries[a]!];
      else if (round % 3 === 1) entries.splice(a, 1);
      else entries.splice(a, 0, entries[b]!.map((line, index) => (index === 0 ? line.replace(/^ {2}(\S+):/, '  copy-$1:') : line)));
      const variant = [...lines.slice(0, start), ...entries.flat()].join('\n');
      reused += expectSameBase(variant, text) + expectSameBase(text, variant);
    }
    expect(reused).toBeGreaterThan(60);
  });
});
