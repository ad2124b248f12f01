import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkInventorySchema } from '../../src/core/inventory-schema.js';
import { compiledFrom } from '../../src/core/generated/inventory-schema-validator.js';
import { EXAMPLE_INVENTORY, REPO_ROOT } from '../support/paths.js';

type SchemaNode = Record<string, unknown>;

/** Every property schema in the document, with its path, so editors can show a description for each. */
function collectPropertySchemas(node: unknown, at: string, found: [string, SchemaNode][]): void {
  if (Array.isArray(node)) node.forEach((item, index) => collectPropertySchemas(item, `${at}[${index}]`, found));
  if (typeof node !== 'object' || node === null) return;
  const schema = node as SchemaNode;
  for (const [name, child] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) {
    found.push([`${at}.${name}`, child as SchemaNode]);
  }
  for (const [key, child] of Object.entries(schema)) collectPropertySchemas(child, `${at}.${key}`, found);
}

describe('the published JSON Schema', () => {
  it('is the file the editor comment points at', () => {
    const published = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/credentials.schema.json'), 'utf8'));
    // The validator compiled at build time was compiled from exactly this file.
    expect(published).toEqual(compiledFrom);
    expect(readFileSync(EXAMPLE_INVENTORY, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schemas\/credentials\.schema\.json/);
  });

  it('describes every property', () => {
    const found: [string, SchemaNode][] = [];
    collectPropertySchemas(JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/credentials.schema.json'), 'utf8')), '$', found);
    expect(found.length).toBeGreaterThan(40);
    const undocumented = found.filter(([, schema]) => typeof schema.description !== 'string' || schema.description.length < 10).map(([at]) => at);
    expect(undocumented).toEqual([]);
  });

  it('accepts the bundled example', () => {
    expect(checkInventorySchema(parse(readFileSync(EXAMPLE_INVENTORY, 'utf8')))).toEqual([]);
  });

  it('rejects a credential without a kind', () => {
    expect(checkInventorySchema({ version: 1, credentials: { a: { setting: 'x', owner: 'y' } } })).toEqual([
      expect.objectContaining({ code: 'schema-required', path: ['credentials', 'a'] }),
    ]);
  });
});
