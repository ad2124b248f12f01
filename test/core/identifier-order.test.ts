// identifier-order.ts sorts identifiers without ICU: it must give exactly the order of the root collator, which is
// what reports used before (and what `localeCompare` gives on a machine whose locale has no tailoring).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIdentifiers, compareIdentifierSortables, identifierSortKey, sortableIdentifier } from '../../src/core/identifier-order.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const root = new Intl.Collator('und');

const IDENTIFIER_CHARACTERS = [...'abcxyzABCXYZ019_.-'];
const identifier = fc
  .array(fc.constantFrom(...IDENTIFIER_CHARACTERS), { maxLength: 8 })
  .map((characters) => characters.join(''));
// Strings close to each other (one character changed, added, or its case flipped) are where the levels matter.
const nearPair = fc.tuple(identifier, fc.nat(8), fc.constantFrom(...IDENTIFIER_CHARACTERS), fc.constantFrom('flip', 'insert', 'replace')).map(([text, at, character, edit]) => {
  const index = text.length === 0 ? 0 : at % text.length;
  const other =
    edit === 'flip'
      ? text.slice(0, index) + (text[index] === text[index]?.toUpperCase() ? text[index]?.toLowerCase() : text[index]?.toUpperCase() ?? '') + text.slice(index + 1)
      : edit === 'insert'
        ? text.slice(0, index) + character + text.slice(index)
        : text.slice(0, index) + character + text.slice(index + 1);
  return [text, other] as const;
});

describe('identifier order', () => {
  it('orders identifier characters as the root collation does: _ - . digits letters, lowercase first', () => {
    const sorted = ['b', 'B', 'a', 'A', '1', '0', '.', '-', '_', 'a_', 'a-', 'a.', 'a0', 'aA', 'Aa', 'AA', 'aa', ''].sort(compareIdentifiers);
    expect(sorted).toEqual(['', '_', '-', '.', '0', '1', 'a', 'A', 'a_', 'a-', 'a.', 'a0', 'aa', 'aA', 'Aa', 'AA', 'b', 'B']);
    expect([...sorted].sort(root.compare)).toEqual(sorted);
  });

  it('agrees with the root collator on every pair of identifiers', () => {
    const sign = (value: number) => Math.sign(value);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(identifier, identifier), nearPair), ([a, b]) => {
        expect(sign(compareIdentifiers(a, b))).toBe(sign(root.compare(a, b)));
      }),
      { numRuns: RUNS },
    );
  });

  it('sorts a whole list of identifiers as the root collator does', () => {
    fc.assert(
      fc.property(fc.array(identifier, { maxLength: 40 }), (texts) => {
        expect([...texts].sort(compareIdentifiers)).toEqual([...texts].sort(root.compare));
      }),
      { numRuns: RUNS },
    );
  });

  it('falls back to the collator for text that is not an identifier', () => {
    expect(identifierSortKey('café')).toBeUndefined();
    expect(identifierSortKey('a b')).toBeUndefined();
    const texts = ['zeta', 'Émile', 'emile', 'a b', 'a_b', 'éclair', 'Eclair'];
    expect([...texts].sort(compareIdentifiers)).toEqual([...texts].sort(root.compare));
    expect(compareIdentifierSortables(sortableIdentifier('café'), sortableIdentifier('café'))).toBe(0);
  });
});
