import { describe, expect, it } from 'vitest';
import { YamlSections } from '../../src/core/yaml-sections.js';

describe('the section index', () => {
  it('cuts a text into its sections and a section into its entries, each ending where the next begins', () => {
    const text = 'version: 1\ncredentials:\n  # first\n  a:\n    x: 1\n\n  b: 2\npolicy:\n  due_soon: 14d\n';
    const sections = YamlSections.index(text)!;
    const credentials = sections.section('credentials')!;
    expect(text.slice(credentials.start, credentials.end)).toBe('credentials:\n  # first\n  a:\n    x: 1\n\n  b: 2\n');
    const entries = [...sections.entries('credentials')!].map(([key, slice]) => [key, text.slice(slice.start, slice.end)]);
    expect(entries).toEqual([
      ['a', '  a:\n    x: 1\n\n'],
      ['b', '  b: 2\n'],
    ]);
  });

  it('passes over comments and blank lines at any indentation, with either line ending', () => {
    for (const newline of ['\n', '\r\n']) {
      const text = ['# head', '', 'a:', '# column 0', '  x:', '    k: 1', '   # deeper', '', '  y: 2', '# between', 'b: 3', ''].join(newline);
      const sections = YamlSections.index(text)!;
      expect([...['a', 'b']].map((key) => text.slice(sections.section(key)!.start, sections.section(key)!.end).split(newline)[0])).toEqual(['a:', 'b: 3']);
      const entries = sections.entries('a')!;
      expect([...entries.keys()]).toEqual(['x', 'y']);
      expect(text.slice(entries.get('y')!.start, entries.get('y')!.end)).toBe(['  y: 2', '# between', ''].join(newline));
    }
  });

  it('reads entries at the indentation of the first one, and gives up on a line indented less', () => {
    const text = 'a:\n   x: 1\n   y:\n      k: v\n  z: 2\n';
    expect(YamlSections.index(text)!.entries('a')).toBeUndefined();
    const deeper = 'a:\n   x: 1\n   y:\n    k: v\n';
    expect([...YamlSections.index(deeper)!.entries('a')!.keys()]).toEqual(['x', 'y']);
  });

  it('gives up on a key that appears twice, also when the two are next to each other', () => {
    expect(YamlSections.index('a: 1\na: 2\n')).toBeUndefined();
    expect(YamlSections.index('a: 1\nb: 2\na: 3\n')).toBeUndefined();
    const text = 'credentials:\n  x:\n  x:\n    k: v\nother:\n  y: 1\n  z: 2\n  y: 3\n';
    expect(YamlSections.index(text)!.entries('credentials')).toBeUndefined();
    expect(YamlSections.index(text)!.entries('other')).toBeUndefined();
  });
});
