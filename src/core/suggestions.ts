// "Did you mean": the closest known name to a mistyped one, by edit distance, when it is close enough to be a typo.
import { distance } from 'fastest-levenshtein';

/**
 * The known name nearest to `word`, or undefined when none is near enough to be a typo of it: at most
 * one edit for short words, and about a third of the word's length for longer ones. Case is ignored.
 */
export function suggestClosest(word: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const name of known) {
    if (name === word) continue;
    const edits = distance(word.toLowerCase(), name.toLowerCase());
    if (edits <= limit && (best === undefined || edits < best.distance)) best = { name, distance: edits };
  }
  return best?.name;
}

/** "; did you mean `x`?" for a message, or nothing when no known name is close. */
export function describeSuggestion(word: string, known: Iterable<string>, quote: (name: string) => string = (name) => `\`${name}\``): string {
  const suggestion = suggestClosest(word, known);
  return suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
}
