// Deterministic fuzzing of YAML texts for the differential tests: the same seed gives the same inputs, so a
// failure names the same text on every run.

/** A small deterministic generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Pieces of YAML syntax the edits insert. */
export const FUZZ_ALPHABET = [':', ' ', '-', '\n', '"', "'", '#', '[', ']', '{', '}', ',', '\t', '&', '*', '!', '|', '>', '?', '%', 'a', '1', '.', '~', '  ', ': ', '- ', '\n  '];

/** One random edit: a piece inserted, characters deleted or replaced, a line repeated, removed or swapped. */
export function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 6)) {
    case 0:
      return text.slice(0, at) + FUZZ_ALPHABET[Math.floor(next() * FUZZ_ALPHABET.length)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2:
      return text.slice(0, at) + FUZZ_ALPHABET[Math.floor(next() * FUZZ_ALPHABET.length)] + text.slice(at + 1);
    case 3: {
      const line = Math.floor(next() * lines.length);
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    }
    case 4: {
      const line = Math.floor(next() * lines.length);
      lines.splice(line, 1);
      return lines.join('\n');
    }
    default: {
      const a = Math.floor(next() * lines.length);
      const b = Math.floor(next() * lines.length);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
  }
}

