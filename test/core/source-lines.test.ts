import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingSpaces, SourceLines, wholeFileParentsOf, type ParentLookupLimits } from '../../src/core/source-lines.js';

// The reference both readings are held to: the text split the way excerpts always cut it, and for each line the
// nearest line above with content (not blank, not `#`) and less leading whitespace (as ^\s* measures it).
function referenceLines(text: string): string[] {
  return text.split(/\r?\n/);
}

function referenceParents(lines: readonly string[]): number[] {
  return lines.map((line, index) => {
    const own = /^\s*/.exec(line)?.[0].length ?? 0;
    for (let above = index - 1; above >= 0; above -= 1) {
      const candidate = lines[above] ?? '';
      const indent = /^\s*/.exec(candidate)?.[0].length ?? 0;
      if (indent < own && indent < candidate.length && candidate[indent] !== '#') return above;
    }
    return -1;
  });
}

// Lines like an inventory's (keys, list items, comments, blanks) and lines no inventory has (tabs, carriage
// returns, no-break and other Unicode spaces, a line separator inside a line), nested to any depth.
const indentation = fc.array(fc.constantFrom(' ', ' ', ' ', ' ', '\t', '\u00a0', '\u3000', '\r'), { maxLength: 12 }).map((list) => list.join(''));
const body = fc.constantFrom('key: value', '- item', '# comment', '', 'a', '#', 'b:', '\u2028x', 'ü: 1', 'value: sk-live', '\r', ' ');
const line = fc.tuple(indentation, body).map(([indent, text]) => `${indent}${text}`);
const text = fc.array(line, { maxLength: 120 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((end) => lines.join(end)));
// Tight limits send lookups down every road: the walk, the indexes of shallower lines, and the whole-file index.
const limits = fc.record<ParentLookupLimits>({ walk: fc.integer({ min: 0, max: 8 }), shallowIndexes: fc.integer({ min: 0, max: 3 }), budget: fc.integer({ min: 0, max: 3 }) });

describe('SourceLines', () => {
  it('reads each line as split(/\\r?\\n/) cuts it', () => {
    fc.assert(
      fc.property(text, (source) => {
        const lines = new SourceLines(source);
        const expected = referenceLines(source);
        expect(lines.count).toBe(expected.length);
        expect(Array.from({ length: lines.count + 1 }, (_, index) => lines.line(index))).toEqual([...expected, undefined]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the line each line sits under, whatever the order of the lookups and the road each takes', () => {
    fc.assert(
      fc.property(text, limits, fc.array(fc.nat(), { maxLength: 200 }), (source, chosen, picks) => {
        const expected = referenceParents(referenceLines(source));
        const lines = new SourceLines(source, undefined, chosen);
        // Some lookups in a random order first (they fill the memo and spend the budget), then every line.
        for (const pick of picks) {
          const index = pick % expected.length;
          expect(lines.parentOf(index)).toBe(expected[index]);
        }
        expect(Array.from({ length: expected.length }, (_, index) => lines.parentOf(index))).toEqual(expected);
        expect(Array.from(wholeFileParentsOf(new SourceLines(source)))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('measures leading whitespace as ^\\s* does', () => {
    fc.assert(
      fc.property(line, (sample) => {
        expect(leadingSpaces(sample)).toBe(/^\s*/.exec(sample)?.[0].length ?? 0);
      }),
    );
  });

  it('answers a far parent without walking to it, and stays right past its limits', () => {
    // The last entry's key sits 4,000 lines under its section's: the 1,000 entries between are read by no walk.
    const entries = Array.from({ length: 1000 }, (_, index) => `  entry${index}:\n    setting: s${index}\n    values:\n      production: v`).join('\n');
    const source = `version: 1\ncredentials:\n${entries}\npeople:\n  alice: {}\n`;
    const lines = new SourceLines(source, undefined, { walk: 4, shallowIndexes: 1, budget: 1 });
    const last = lines.count - 4;
    expect(lines.line(last)).toBe('      production: v');
    expect(lines.parentOf(last)).toBe(last - 1);
    expect(lines.parentOf(last - 1)).toBe(last - 3);
    expect(lines.parentOf(last - 3)).toBe(1);
    expect(lines.parentOf(lines.count - 2)).toBe(lines.count - 3);
    const expected = referenceParents(referenceLines(source));
    expect(Array.from({ length: lines.count }, (_, index) => lines.parentOf(index))).toEqual(expected);
  });
});
