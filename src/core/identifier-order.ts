// The order reports list credentials, deployments and people in: Unicode's root collation (CLDR root, what
// `new Intl.Collator('und')` does), worked out without ICU for identifiers, which is all a valid inventory holds.
//
// Identifiers are `[A-Za-z0-9][A-Za-z0-9_.-]*`. For those characters the root collation has one weight per
// character and no contractions: at the first level `_` < `-` < `.` < digits < letters, with a letter's two cases
// equal; at the third level lowercase before uppercase. Building an ICU collator costs a cold process about as much
// as reading a thousand credentials (it loads the collation data), and each of its comparisons walks both strings
// in C++; a sort key made once per string and compared as plain text gives the same order for a fraction of that.
// Text that is not an identifier (a library caller's, an invalid file's) falls back to the collator itself.

const IDENTIFIER_TEXT = /^[A-Za-z0-9_.-]*$/;
const UPPERCASE = /[A-Z]/;
// Lowercase, digits, `.` and `-`: most identifiers, whose key is the text itself (nothing to fold or rewrite).
const OWN_KEY_TEXT = /^[a-z0-9.-]*$/;

let rootCollator: Intl.Collator | undefined;

/**
 * A key whose plain code-unit order is the root collation's order of identifiers, or undefined when `text` is not
 * made of identifier characters. The key is the first level (case folded, `_` written as `,`, which sorts below
 * `-`), a NUL (below every first-level character, so a prefix sorts first), then one digit per character for the
 * third level: 1 for an uppercase letter, 0 for anything else.
 */
export function identifierSortKey(text: string): string | undefined {
  if (OWN_KEY_TEXT.test(text)) return text;
  if (!IDENTIFIER_TEXT.test(text)) return undefined;
  const primary = text.toLowerCase().replaceAll('_', ',');
  if (!UPPERCASE.test(text)) return primary;
  let tertiary = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    tertiary += code >= 65 && code <= 90 ? '1' : '0';
  }
  return `${primary}\u0000${tertiary}`;
}

/** A string and its sort key, made once for a sort that compares it many times. */
export interface IdentifierSortable {
  readonly text: string;
  readonly key: string | undefined;
}

export function sortableIdentifier(text: string): IdentifierSortable {
  return { text, key: identifierSortKey(text) };
}

/**
 * Compares two sortables in the root collation's order: by their keys when both are identifiers, else by the
 * collator. A key without a third level is a plain first level: it equals a key with one only when the other text
 * differs from it in case alone, and then the lowercase one (the shorter key) comes first, which plain comparison
 * already gives.
 */
export function compareIdentifierSortables(a: IdentifierSortable, b: IdentifierSortable): number {
  if (a.key !== undefined && b.key !== undefined) return compareText(a.key, b.key);
  return a.text === b.text ? 0 : (rootCollator ??= new Intl.Collator('und')).compare(a.text, b.text);
}

/** Orders two strings by their code units, as `<` does: for sort keys made to be compared as plain text. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two strings in the root collation's order (for one-off comparisons; sorts should make sortables once). */
export function compareIdentifiers(a: string, b: string): number {
  return compareIdentifierSortables(sortableIdentifier(a), sortableIdentifier(b));
}
