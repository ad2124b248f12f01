// "Did you mean": the closest known name to a mistyped one, by edit distance, when it is close enough to be a typo.
import { distance } from 'fastest-levenshtein';

/**
 * The known name nearest to `word`, or undefined when none is near enough to be a typo of it: at most
 * one edit for short words, and about a third of the word's length for longer ones; two letters swapped
 * count as one edit. Case is ignored.
 */
export function suggestClosest(word: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const name of known) {
    if (name === word) continue;
    const [a, b] = [word.toLowerCase(), name.toLowerCase()];
    const edits = isAdjacentSwap(a, b) ? 1 : distance(a, b);
    if (edits <= limit && (best === undefined || edits < best.distance)) best = { name, distance: edits };
  }
  return best?.name;
}

/** "; did you mean `x`?" for a message, or nothing when no known name is close. */
export function describeSuggestion(word: string, known: Iterable<string>, quote: (name: string) => string = (name) => `\`${name}\``): string {
  const suggestion = suggestClosest(word, known);
  return suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
}

/** Whether `b` is `a` with two neighbouring letters swapped (the commonest typo, two edits for Levenshtein). */
function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  const [first, second] = differing;
  return differing.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
}
