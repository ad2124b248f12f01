// The lines of a text as excerpts read them, and the line each sits under, without splitting the text or indexing
// every line: a 10,000-credential file has 100,000 lines, and an excerpt needs a handful of them.

/** Line starts as yaml's LineCounter records them: offset 0 and the offset after every line feed. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
  return starts;
}

/** The length of a line's leading whitespace, as the pattern ^\s* measures it. */
export function leadingSpaces(line: string): number {
  let index = 0;
  while (index < line.length && isWhitespace(line.charCodeAt(index))) index += 1;
  if (index < line.length && line.charCodeAt(index) > 0x7f) return /^\s*/.exec(line)?.[0].length ?? 0;
  return index;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** A line with something on it that is not a comment: a line others can sit under. */
function isContentLine(line: string, indent: number): boolean {
  return indent < line.length && line.charCodeAt(indent) !== 0x23; /* # */
}

/** How far a lookup walks up before it asks an index instead, and how much walking a text allows in all. */
export interface ParentLookupLimits {
  /** Lines one lookup reads above its line before it turns to an index of the shallower lines. */
  readonly walk: number;
  /** Indexes of shallower lines (one pass of a regular expression each) built before the whole-file index. */
  readonly shallowIndexes: number;
  /** Lines all lookups may read, as a multiple of the line count, before the whole-file index takes over. */
  readonly budget: number;
}

const DEFAULT_LIMITS: ParentLookupLimits = { walk: 64, shallowIndexes: 4, budget: 4 };
const UNKNOWN = -2;

/**
 * The lines of a file (cut at line feeds; a carriage return before one is not part of the line, as `split(/\r?\n/)`
 * cuts them) and, for any line, the line it sits under: the nearest line above with content (not blank, not a
 * comment) and less leading whitespace, or -1.
 *
 * A lookup walks up a few lines, where the parent of a deep line almost always is; one that would walk far (an
 * entry's key under its section's key, 100,000 lines up) asks an index of the lines shallower than its own, made
 * by one regular-expression pass for that indentation. Past a few such indexes, or once the walks have read four
 * times the file, one whole-file pass answers every lookup, so any number of lookups costs time linear in the file.
 */
export class SourceLines {
  readonly #text: string;
  readonly #starts: readonly number[];
  readonly #limits: ParentLookupLimits;
  #parents: Int32Array | undefined;
  #wholeFileParents: Int32Array | undefined;
  /** For an indentation, the content lines with less, in order. */
  readonly #shallowerLines = new Map<number, Int32Array>();
  #walked = 0;

  constructor(text: string, starts: readonly number[] = lineStartsOf(text), limits: ParentLookupLimits = DEFAULT_LIMITS) {
    this.#text = text;
    this.#starts = starts;
    this.#limits = limits;
  }

  get count(): number {
    return this.#starts.length;
  }

  /** The line at a zero-based index, without its line end; undefined past the last. */
  line(index: number): string | undefined {
    const start = this.#starts[index];
    if (start === undefined) return undefined;
    const next = this.#starts[index + 1];
    if (next === undefined) return this.#text.slice(start);
    const end = next - 1;
    return this.#text.slice(start, end > start && this.#text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
  }

  /** The index of the line `index` sits under, or -1 (for a line at the margin, or with nothing above it). */
  parentOf(index: number): number {
    if (index <= 0 || index >= this.count) return -1;
    if (this.#wholeFileParents) return this.#wholeFileParents[index] as number;
    this.#parents ??= new Int32Array(this.count).fill(UNKNOWN);
    const known = this.#parents[index] as number;
    if (known !== UNKNOWN) return known;
    const found = this.#lookUp(index);
    this.#parents[index] = found;
    return found;
  }

  #lookUp(index: number): number {
    const own = leadingSpaces(this.line(index) ?? '');
    if (own === 0) return -1;
    const floor = Math.max(0, index - this.#limits.walk);
    for (let above = index - 1; above >= floor; above -= 1) {
      const line = this.line(above) ?? '';
      const indent = leadingSpaces(line);
      if (indent < own && isContentLine(line, indent)) {
        this.#walked += index - above;
        return above;
      }
    }
    this.#walked += index - floor;
    if (floor === 0) return -1;
    const shallower = this.#shallowerLinesThan(own);
    if (shallower === undefined || this.#walked > this.#limits.budget * this.count) return this.#wholeFile()[index] as number;
    return lastBefore(shallower, index);
  }

  #shallowerLinesThan(indent: number): Int32Array | undefined {
    const known = this.#shallowerLines.get(indent);
    if (known !== undefined) return known;
    if (this.#shallowerLines.size >= this.#limits.shallowIndexes) return undefined;
    // A line feed, then less whitespace than `indent` on the same line, then something that is neither whitespace
    // nor `#`: the start of a content line with less indentation (the first line is tested on its own).
    const pattern = new RegExp(`\\n[^\\S\\n]{0,${indent - 1}}[^\\s#]`, 'g');
    const lines: number[] = [];
    const first = this.line(0) ?? '';
    const firstIndent = leadingSpaces(first);
    if (firstIndent < indent && isContentLine(first, firstIndent)) lines.push(0);
    let at = 0;
    for (let match = pattern.exec(this.#text); match !== null; match = pattern.exec(this.#text)) {
      at = lineOfStart(this.#starts, match.index + 1, at);
      lines.push(at);
    }
    const index = Int32Array.from(lines);
    this.#shallowerLines.set(indent, index);
    return index;
  }

  #wholeFile(): Int32Array {
    this.#wholeFileParents ??= wholeFileParentsOf(this);
    return this.#wholeFileParents;
  }
}

/** The line that starts at `offset`, searching the starts from `from` on (matches come in order). */
function lineOfStart(starts: readonly number[], offset: number, from: number): number {
  let low = from;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last of the ordered `lines` before `index`, or -1. */
function lastBefore(lines: Int32Array, index: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((lines[mid] as number) < index) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? -1 : (lines[low - 1] as number);
}

/**
 * For every line, the line it sits under, in one pass with a stack: what {@link SourceLines.parentOf} answers
 * one line at a time, and what it falls back on.
 */
export function wholeFileParentsOf(lines: SourceLines): Int32Array {
  const parents = new Int32Array(lines.count);
  // Each line's leading whitespace, measured once (the stack compares against it again and again).
  const indents = new Int32Array(lines.count);
  const stack: number[] = [];
  for (let index = 0; index < lines.count; index += 1) {
    const line = lines.line(index) ?? '';
    const own = leadingSpaces(line);
    indents[index] = own;
    if (isContentLine(line, own)) {
      while (stack.length > 0 && (indents[stack[stack.length - 1] as number] as number) >= own) stack.pop();
      parents[index] = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
      stack.push(index);
    } else {
      // Not pushed, so the stack stays as it was: the nearest candidate with less indentation, found without popping.
      let found = -1;
      for (let at = stack.length - 1; at >= 0; at -= 1) {
        const candidate = stack[at] as number;
        if ((indents[candidate] as number) < own) {
          found = candidate;
          break;
        }
      }
      parents[index] = found;
    }
  }
  return parents;
}
