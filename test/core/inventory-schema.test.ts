import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkInventorySchema } from '../../src/core/inventory-schema.js';
import fc from 'fast-check';
import { ajvFormats, compiledFrom, plainHttpUri } from '../../src/core/generated/inventory-schema-validator.js';
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
    expect(published).toEqual(compiledFrom());
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

describe('the uri format', () => {
  it('takes its fast road only for strings the full RFC 3986 pattern accepts', () => {
    const host = fc.stringMatching(/^[A-Za-z0-9.-]{1,20}$/);
    const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{0,8}$/);
    const plain = fc.tuple(fc.constantFrom('http', 'https'), host, fc.option(fc.integer({ min: 0, max: 99_999 })), fc.array(segment, { maxLength: 4 })).map(
      ([scheme, name, port, segments]) => `${scheme}://${name}${port === null ? '' : `:${port}`}${segments.map((part) => `/${part}`).join('')}`,
    );
    fc.assert(
      fc.property(fc.oneof(plain, fc.string(), fc.webUrl()), (text) => {
        if (plainHttpUri.test(text)) expect(ajvFormats.uri(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // And the fast road is the one deployment URLs take.
    expect(plainHttpUri.test('https://docs.example.com')).toBe(true);
    expect(plainHttpUri.test('http://127.0.0.1:8000/')).toBe(true);
    expect(plainHttpUri.test('https://user:pw@docs.example.com')).toBe(false);
  });
});
