// Two parsers read an inventory: js-yaml for the data when it can vouch for the text, the `yaml` Document for
// everything else. This differential test holds them to one answer over fixtures and fuzzed variants of them:
// the same data, the same files in error, and the same syntax diagnostics as the Document alone gave before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateScaleInventoryText } from '../../bench/generate-inventory.js';
import { loadPlainYamlData } from '../../src/core/yaml-plain-data.js';
import { FUZZ_ALPHABET, mutate, random } from '../support/yaml-fuzz.js';
import type { DocumentPath } from '../../src/core/diagnostics.js';
import { YamlSections } from '../../src/core/yaml-sections.js';
import { MAX_ALIAS_EXPANSION, checkYamlSyntax, parseYamlSource, placeFinding } from '../../src/core/yaml-source.js';

// The reading the inventory had before the fast parser: the Document with yaml's own duplicate-key check, its
// errors' offsets counted into lines from the text itself (yaml's LineCounter can miss a line after some errors).
function referenceSyntax(text: string): { data: unknown; errors: { code: string; message: string; line: number; column: number }[] } {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const errors = document.errors.map((error) => {
    const before = text.slice(0, error.pos[0]);
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return { code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', message: (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''), line, column: col };
  });
  // A duplicate key does not stop the data being built (the last occurrence wins); any other error does.
  if (errors.some((error) => error.code !== 'duplicate-key')) return { data: undefined, errors };
  try {
    return { data: document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }), errors };
  } catch {
    return { data: undefined, errors: [...errors, { code: 'yaml-alias', message: '', line: 0, column: 0 }] };
  }
}

const SNIPPETS = [
  'version: 1\ncredentials: [a, b\n',
  'version: 1\ncredentials: {}\ncredentials: {}\n',
  'a: 1\nb: { x: 1, x: 2 }\nc: [1, 2\n',
  'a: 1\na: 2\nb: "unterminated\n',
  '- a\n- b\n',
  '',
  '# only a comment\n',
  'ints: [0, -0, +12, 007, 0o17, 0x1F, 0X1f, 1_000, 12345678901234567890, -0x1, 0b101]\n',
  'floats: [1.5, .5, 1., 1e3, 1.5E-2, .inf, -.Inf, +.INF, .nan, .NaN, 1_0.5, 0.1e, 6.8523015e+5]\n',
  'bools: [true, True, TRUE, false, yes, no, on, off, y, n, tRUE]\n',
  'nulls: [~, null, Null, NULL, nUll, "", \'\']\nempty:\n',
  'dates: [2026-11-26, 2026-02-30, 2026-11-26T10:00:00Z, 12:30:45]\n',
  // Around the scalar resolver's shortcuts: a dash past the first character, and the lengths of null and booleans.
  'dashed: [1-2, -1, -1.5, 1e-5, 1E-5, 2.5e-3, 0xe-1, 1e-5-3, 12-, --1, -.inf, 1-e5]\n',
  'words: [nulls, nul, Nul, ~~, trues, tru, fals, falsee, Falsy, token, t, f, n]\n',
  'quoted: ["a\\tb\\u00e9\\x41\\U0001F600", \'it\'\'s\', "line\n  folded"]\n',
  'block: |\n  one\n  two\nfolded: >-\n  one\n  two\n\n  three\nkeep: |+\n  kept\n\nnext: 1\n',
  'plain: a:b # comment\nurl: https://x.example.com/a?b=c&d=e\nhash: a#b\n',
  'multi: this is\n  a multi-line\n  plain scalar\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 12\nb: !custom x\n',
  '%YAML 1.1\n---\na: yes\n',
  '? complex\n: value\n',
  '[a, b]: c\n',
  '{a: 1}: c\n',
  '~: null key\n',
  'null: key\n"": empty\n',
  '1: a\n"1": b\n',
  '1.0: a\n1: b\n',
  '__proto__: { polluted: true }\n',
  '"__proto__": 1\nb: { \'__proto__\': 2 }\n',
  // Empty keys in flow collections (null to yaml, the string 'null' to js-yaml), and quoted empty or `~` keys.
  'a: { : x }\n',
  'a: [ : x ]\n',
  'a: { b: 1, : x }\n',
  'a: { ~: 1 }\nb: [null: 2]\n',
  '"": 1\n\'~\': 2\nc: { "": 3 }\n',
  'a:\n\t- tab\n',
  'a: b\n  c: d\n',
  '- a\nb: c\n',
  '---\na: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  '\uFEFFa: 1\n',
  'a: "x"#c\n',
  `${'k'.repeat(1030)}: v\n`,
  'a: [1, 2,]\nb: {c: 1,}\n',
  'a: - b\n',
  'a:\n  - b\n  -c\n',
  'a: "\\z"\n',
  'text: "contains\u0007bell"\n',
  'seq:\n- a\n- b\n',
  'a: { b: [ { c: d } ] }\n',
];

function corpus(): string[] {
  return [
    readFileSync(new URL('../../credentials.yaml.example', import.meta.url), 'utf8'),
    generateScaleInventoryText(8),
    generateScaleInventoryText(8, { changeEvery: 3 }),
    ...SNIPPETS,
  ];
}

function expectAgreement(text: string): void {
  const reference = referenceSyntax(text);
  const plain = loadPlainYamlData(text);
  if (plain) {
    expect(reference.errors, `the fast parser accepted a text the Document rejects:\n${text}`).toEqual([]);
    expect(plain.data, `the parsers read different data from:\n${text}`).toEqual(reference.data);
  }
  const checked = checkYamlSyntax(parseYamlSource(text, 'inv.yaml'));
  // Duplicate keys are worded by credledger (naming the key) and an alias failure by its own message; their
  // place, and every other error, is yaml's.
  const comparable = (error: { code: string; message: string; line: number; column: number }) =>
    error.code === 'yaml-alias' ? { code: error.code } : { ...error, message: error.code === 'duplicate-key' ? '' : error.message };
  expect(checked.diagnostics.map(({ code, message, line, column }) => comparable({ code, message, line, column })), text).toEqual(reference.errors.map(comparable));
  if (reference.errors.length === 0) expect(checked.data, text).toEqual(reference.data);
  if (reference.errors.length > 0 && reference.errors.every((error) => error.code === 'duplicate-key')) expect(checked.blocking, text).toBe(false);
}

describe('the fast data parser and the yaml Document agree', () => {
  it.each(corpus().map((text, index) => [index, text] as const))('on fixture %i', (_index, text) => {
    expectAgreement(text);
  });

  it('on fuzzed variants of every fixture, and the fast parser answers for the clean ones', () => {
    const next = random(17);
    let vouched = 0;
    for (const text of corpus()) {
      let variant = text;
      const rounds = text.length > 2_000 ? 20 : 100;
      for (let round = 0; round < rounds; round += 1) {
        variant = round % 10 === 0 ? text : mutate(variant, next);
        expectAgreement(variant);
        if (loadPlainYamlData(variant)) vouched += 1;
      }
    }
    // The fast road must actually be taken, or the test would prove nothing about it.
    expect(vouched).toBeGreaterThan(200);
  });

  it('on many small texts with a few random edits each', () => {
    const next = random(7);
    const alphabet = [...FUZZ_ALPHABET, '\\', '@', '`', '\r', '\r\n', '\\\n', '---', '...'];
    const bases = ['---\na: 1 # c\n\nb:\n  c: 2\n  d: [3]\n', "a: 'x'\nb: \"y\\\"z\"\n", 'a: 1\nb: [x, y]\nc: { d: e }\n', 'x:\n  - a: 1\n    b: "q"\n  - c\n', 'k: >\n  t\n  u\nz: |\n  p\n', 'a: "x\\\n  y"\r\nb: \'q\'\r\n'];
    for (const base of bases) {
      for (let variant = 0; variant < 250; variant += 1) {
        let text = base;
        for (let edit = 0; edit < 1 + Math.floor(next() * 3); edit += 1) {
          const at = Math.floor(next() * (text.length + 1));
          text = next() < 0.6 ? text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        }
        expectAgreement(text);
      }
    }
  });

  it('answers for the example and the generated inventories, so large clean files take the fast road', () => {
    for (const text of corpus().slice(0, 3)) expect(loadPlainYamlData(text)).toBeDefined();
  });

  it('leaves constructs the parsers may read differently to the Document', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 12\n', '%YAML 1.1\n---\na: yes\n', '? k\n: v\n', '~: v\n', '[a]: b\n']) {
      expect(loadPlainYamlData(text), text).toBeUndefined();
    }
    expect(loadPlainYamlData('issuer: AWS & Co, see *the docs*\n')).toBeUndefined();
    expect(loadPlainYamlData('issuer: AWS & Co\n')).toEqual({ data: { issuer: 'AWS & Co' } });
  });
});

// Every path into the data, and one step past each leaf and into each mapping that does not exist.
function pathsOf(value: unknown, prefix: DocumentPath = []): DocumentPath[] {
  const paths: DocumentPath[] = [prefix, [...prefix, 'no-such-key']];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

describe('placing findings by parsing only the entry that holds them', () => {
  it('leaves keys a parser could read two ways to the whole Document, with the same answer', () => {
    const text = 'credentials:\n  123: { setting: n }\n  true: x\n  "q": y\n';
    const sliced = parseYamlSource(text, 'inv.yaml');
    checkYamlSyntax(sliced);
    const whole = parseYamlSource(text, 'inv.yaml');
    void whole.document;
    for (const path of [['credentials', '123', 'setting'], ['credentials', 'true'], ['credentials', 'q']]) {
      const finding = { code: 'c', severity: 'error' as const, message: 'm', path };
      expect(placeFinding(sliced, finding)).toEqual(placeFinding(whole, finding));
    }
  });

  const texts = [
    ...corpus().filter((text) => loadPlainYamlData(text)),
    '# header\nversion: 1\ncredentials:\n  # a comment\n  a:\n    setting: x\n\n  b: { setting: y }   # trailing\n  # between\n  c:\n    value: |\n      block\n\n      scalar\n    owner: z\npeople: {}\n',
    'credentials:\n  a:\n    owner: alice   # c\n    issuer: "q # not"\n    desc: a#b\n    x: y\t# tab\n    y: 1\n    z: trailing   \n    w: two\n      lines\n    v: x # c\n      # deeper comment\n    u: ~\n    t: \'s\'\n  b: { k: v }\n',
    'version: 1\ncredentials:   # the list\n    deep:\n      owner: a\n    deeper: [1, 2]\n',
    // The section index jumps over indented lines by pattern: blank lines of blanks, a last line of blanks with no
    // line feed, a carriage return, and (line by line instead) a line whose first character is past ASCII.
    'credentials:\n  a:\n    owner: x\n \n  b:\n    owner: y\r\n  c: { owner: z }\n  ',
    'credentials:\n  a:\n    description: "\u00e9t\u00e9"\n    owner: x\npeople:\n  x: {}\n',
    'credentials:\n  a:\n    description: |\n      \u00e9t\u00e9\n    owner: x\n  b:\n    owner: y\n',
    // Lines the section and entry indexes pass over unread: comments in column 0 and at an entry's indentation,
    // blank lines shorter and longer than it, a section whose first line is a comment.
    'version: 1\n# top\ncredentials:\n  # first\n  a:\n    owner: x\n# column 0, inside\n  # entry level\n      \n \n  b:\n    owner: y\n   \npeople:\n  x: {}\n',
  ];
  it.each(texts.map((text, index) => [index, text] as const))('gives the same file:line:column as the whole Document, on text %i', (index, text) => {
    const data = loadPlainYamlData(text)?.data;
    expect(data).toBeDefined();
    const sliced = parseYamlSource(text, 'inv.yaml');
    checkYamlSyntax(sliced);
    const whole = parseYamlSource(text, 'inv.yaml');
    void whole.document;
    // Paths inside a section first, then one into a section the file lacks, then the whole file: only those two
    // need the Document.
    const outside = (path: DocumentPath) => (path.length === 0 ? 2 : path[0] === 'no-such-key' ? 1 : 0);
    const paths = pathsOf(data).sort((a, b) => outside(a) - outside(b));
    for (const path of paths) {
      if (outside(path) === 1 && index < 3) expect((sliced as unknown as { documentParsed: boolean }).documentParsed, 'the slices answered every path so far').toBe(false);
      for (const atKey of [false, true]) {
        const finding = { code: 'c', severity: 'error' as const, message: 'm', path, atKey };
        expect(placeFinding(sliced, finding), JSON.stringify(path)).toEqual(placeFinding(whole, finding));
      }
    }
  });

  // Entries are found by a search that resumes where the last one ended: in reverse and shuffled orders it wraps
  // around, and past its budget the whole index takes over. Either way the places are the Document's.
  it.each(texts.map((text, index) => [index, text] as const))('gives the same places in reverse and shuffled orders, on text %i', (_index, text) => {
    const data = loadPlainYamlData(text)?.data;
    const whole = parseYamlSource(text, 'inv.yaml');
    void whole.document;
    const paths = pathsOf(data).filter((path) => path.length >= 2);
    const next = random(paths.length);
    const shuffled = paths.map((path) => [next(), path] as const).sort((a, b) => a[0] - b[0]).map(([, path]) => path);
    for (const order of [[...paths].reverse(), shuffled]) {
      const sliced = parseYamlSource(text, 'inv.yaml');
      checkYamlSyntax(sliced);
      for (const path of order) {
        const finding = { code: 'c', severity: 'error' as const, message: 'm', path, atKey: true };
        expect(placeFinding(sliced, finding), JSON.stringify(path)).toEqual(placeFinding(whole, finding));
      }
    }
  });

  describe('finding an entry by search', () => {
  // The search must cut every entry exactly as the whole index does, on every text the fast parser vouches for.
  function expectSearchMatchesIndex(text: string, next: () => number): boolean {
    const indexed = YamlSections.index(text);
    if (!indexed) return false;
    let compared = false;
    for (const section of ['version', 'policy', 'people', 'deployments', 'credentials', 'a', 'b', 'x', 'credential']) {
      const entries = indexed.entries(section);
      if (!entries) continue;
      const keys = [...entries.keys(), 'no-such-entry'];
      const order = keys.map((key) => [next(), key] as const).sort((a, b) => a[0] - b[0]).map(([, key]) => key);
      const searched = YamlSections.index(text)!;
      for (const key of order) expect(searched.entry(section, key), `${section}.${key} in:\n${text}`).toEqual(entries.get(key));
      compared = true;
    }
    return compared;
  }

  it('cuts each entry as the whole index does, on fuzzed variants of the fixtures', () => {
    const next = random(23);
    let compared = 0;
    for (const text of [...corpus(), ...texts]) {
      let variant = text;
      for (let round = 0; round < 60; round += 1) {
        variant = round % 10 === 0 ? text : mutate(variant, next);
        if (loadPlainYamlData(variant) && expectSearchMatchesIndex(variant, next)) compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
  });
});
