import { describe, expect, it } from 'vitest';
import { editYamlScalars, insertYamlMappingEntry, YamlEditError, type KeyOrder } from '../../src/core/yaml-edit.js';
import { diffLines } from '../support/line-diff.js';

const SOURCE = `# top comment
a:   # about a
  x: 1          # aligned comment
  auth: { m: login, u: U }
  nested:
    p: 1
    q: 2  # about q
  # a comment before s
  s: |
    hello
  empty:
  quoted: 'q'
  dquoted: "d"

b: 2
`;

const ORDER: KeyOrder = (parent) => (parent.join('.') === 'a' ? ['x', 'auth', 'inserted', 'nested', 's'] : undefined);

describe('editYamlScalars', () => {
  it.each([
    ['a plain scalar, keeping its trailing comment', ['a', 'x'], 'fernet:0a1b2c3d:gAAAAA_-=', { removed: [[3, '  x: 1          # aligned comment']], added: [[3, '  x: fernet:0a1b2c3d:gAAAAA_-=          # aligned comment']] }],
    ['a single-quoted scalar, in single quotes', ['a', 'quoted'], 'new', { removed: [[12, "  quoted: 'q'"]], added: [[12, "  quoted: 'new'"]] }],
    ['a double-quoted scalar, in double quotes', ['a', 'dquoted'], 'new', { removed: [[13, '  dquoted: "d"']], added: [[13, '  dquoted: "new"']] }],
    ['an empty value', ['a', 'empty'], 'v', { removed: [[11, '  empty:']], added: [[11, '  empty: v']] }],
    ['a block scalar, which becomes one line', ['a', 's'], 'v', { removed: [[9, '  s: |'], [10, '    hello']], added: [[9, '  s: v']] }],
    ['a key in a flow mapping', ['a', 'auth', 'k'], 'v', { removed: [[4, '  auth: { m: login, u: U }']], added: [[4, '  auth: { m: login, u: U, k: v }']] }],
    ['a new key after the keys before it in the preferred order', ['a', 'inserted'], '2026-09-01', { removed: [], added: [[5, '  inserted: 2026-09-01']] }],
    ['a new key at the end of a nested mapping', ['a', 'nested', 'r'], 'v', { removed: [], added: [[8, '    r: v']] }],
    ['a new nested mapping, indented like the file', ['a', 'values', 'production'], 'v', { removed: [], added: [[14, '  values:'], [15, '    production: v']] }],
    ['a new top-level mapping', ['c', 'd'], 'v', { removed: [], added: [[16, 'c:'], [17, '  d: v']] }],
  ] as const)('sets %s', (_name, path, value, expected) => {
    const edited = editYamlScalars(SOURCE, [{ path, value }], ORDER);
    expect(diffLines(SOURCE, edited)).toEqual(expected);
  });

  it('quotes what would not read back as the same string', () => {
    const edited = editYamlScalars(SOURCE, [{ path: ['a', 'x'], value: 'true' }, { path: ['a', 'nested', 'p'], value: 'a: b # c' }, { path: ['a', 'quoted'], value: "it's" }]);
    expect(edited).toContain('  x: "true"          # aligned comment\n');
    expect(edited).toContain('    p: "a: b # c"\n');
    expect(edited).toContain(`  quoted: "it's"\n`);
  });

  it('keeps CRLF line endings, also on inserted lines', () => {
    const crlf = SOURCE.replace(/\n/g, '\r\n');
    const edited = editYamlScalars(crlf, [{ path: ['a', 'nested', 'r'], value: 'v' }, { path: ['a', 'x'], value: 'y' }]);
    expect(edited).toBe(crlf.replace('    q: 2  # about q\r\n', '    q: 2  # about q\r\n    r: v\r\n').replace('  x: 1 ', '  x: y '));
  });

  it('inserts at the end of a file without a final line break', () => {
    expect(editYamlScalars('a:\n  x: 1', [{ path: ['a', 'y'], value: 'v' }])).toBe('a:\n  x: 1\n  y: v');
  });

  it('inserts before the first key when every key comes after the new one', () => {
    const order: KeyOrder = () => ['first', 'x'];
    expect(editYamlScalars('a:\n  # x comes here\n  x: 1\n', [{ path: ['a', 'first'], value: 'v' }], order)).toBe('a:\n  # x comes here\n  first: v\n  x: 1\n');
  });

  it('applies several edits in order, each seeing the previous ones', () => {
    const edited = editYamlScalars(SOURCE, [
      { path: ['a', 'values', 'production'], value: 'p' },
      { path: ['a', 'values', 'staging'], value: 's' },
    ]);
    expect(edited).toContain('  values:\n    production: p\n    staging: s\n');
  });

  it.each([
    ['a collection', ['a', 'nested'], /not a single written-out value/],
    ['a path through a scalar', ['b', 'x'], /b is not a mapping/],
    ['an alias', ['alias'], /not a single written-out value/],
  ] as const)('refuses to set %s', (_name, path, message) => {
    expect(() => editYamlScalars(`${SOURCE}base: &base 1\nalias: *base\n`, [{ path, value: 'v' }])).toThrow(message);
  });

  it('refuses text with YAML errors', () => {
    expect(() => editYamlScalars('a: [1\n', [{ path: ['a'], value: 'v' }])).toThrow(YamlEditError);
  });

  it('refuses an edit that would change other data', () => {
    // The anchored value is shared with b through the alias: changing it in place would change b too.
    expect(() => editYamlScalars('a: &x old\nb: *x\n', [{ path: ['a'], value: 'new' }])).toThrow(/would change other data/);
  });
});

describe('insertYamlMappingEntry', () => {
  it('adds an entry in the style of its last sibling: a flow mapping on one line, or a block', () => {
    const flow = 'people:\n  alice: { github: alice }   # lead\nother: 1\n';
    expect(insertYamlMappingEntry(flow, ['people'], 'erin', [['github', 'erin'], ['name', 'Erin Kim'], ['email', 'a, b']])).toBe(
      'people:\n  alice: { github: alice }   # lead\n  erin: { github: erin, name: Erin Kim, email: "a, b" }\nother: 1\n',
    );
    const block = 'people:\n    alice:\n        github: alice\n';
    expect(insertYamlMappingEntry(block, ['people'], 'erin', [['github', 'erin']])).toBe('people:\n    alice:\n        github: alice\n    erin:\n      github: erin\n');
  });

  it('turns an empty `{}` into a block with the first entry', () => {
    expect(insertYamlMappingEntry('version: 1\npeople: {}\nother: 2\n', ['people'], 'alice', [['github', 'alice']])).toBe('version: 1\npeople:\n  alice: { github: alice }\nother: 2\n');
  });

  it('refuses a key that exists, and a parent that is not a block mapping with entries', () => {
    expect(() => insertYamlMappingEntry('people:\n  erin: {}\n', ['people'], 'erin', [])).toThrow(YamlEditError);
    expect(() => insertYamlMappingEntry('people: { a: {} }\n', ['people'], 'erin', [])).toThrow(/not a block mapping/);
  });
});
