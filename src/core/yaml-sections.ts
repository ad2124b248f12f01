// Where the top-level sections of an inventory text and the entries inside them begin and end, found from
// indentation alone. A finding inside `credentials.<id>` is then placed by parsing that entry's few lines
// instead of the whole file: the cost of a finding no longer grows with the size of the file.
// Only texts the fast parser vouched for come here (no multi-line flow collections or quoted scalars, no tabs).

/** A run of lines of the text: [start, end) offsets, from the start of the key's line. */
export interface TextSlice {
  readonly start: number;
  readonly end: number;
}

interface Section extends TextSlice {
  /** The entries of the section's block mapping, by key; undefined when the section is not one we can cut. */
  entries?: Map<string, TextSlice> | null;
}

// A plain key with nothing a YAML parser could read two ways: the identifiers inventories use.
const KEY_LINE = /^([A-Za-z0-9_.-]+) *:(?: |$)/;

/**
 * Calls `visit` with each content line of [from, to) (not blank, not a comment): where it starts, its indentation, and
 * where its content begins and ends (before a carriage return), which callers read only for the lines that matter.
 * Stops when `visit` returns false. A plain loop, not a generator: it runs over every line of a large file.
 */
function scanContentLines(text: string, from: number, to: number, visit: (start: number, indent: number, contentStart: number, contentEnd: number) => boolean): void {
  let start = from;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline >= to ? to : newline;
    // The leading blanks, measured without copying the line (the common, ASCII case).
    let first = start;
    while (first < end && isAsciiWhitespace(text.charCodeAt(first))) first += 1;
    if (first < end && text.charCodeAt(first) > 0x7f) {
      // Unicode white space counts as indentation here, as trimStart reads it.
      const line = text.slice(start, end).replace(/\r$/, '');
      const content = line.trimStart();
      const indent = line.length - content.length;
      if (content !== '' && !content.startsWith('#') && !visit(start, indent, start + indent, start + line.length)) return;
    } else {
      const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      if (first < lineEnd && text.charCodeAt(first) !== 0x23 /* # */ && !visit(start, first - start, first, lineEnd)) return;
    }
    start = end + 1;
  }
}

/** The plain key a line's content starts with, or undefined. */
function keyOfLine(text: string, contentStart: number, contentEnd: number): string | undefined {
  return KEY_LINE.exec(text.slice(contentStart, contentEnd))?.[1];
}

function isAsciiWhitespace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** The sections of a text, or undefined when its top level is not plain `key:` lines (then the Document decides). */
export class YamlSections {
  readonly #text: string;
  readonly #sections: Map<string, Section>;

  private constructor(text: string, sections: Map<string, Section>) {
    this.#text = text;
    this.#sections = sections;
  }

  static index(text: string): YamlSections | undefined {
    const sections = new Map<string, Section>();
    let current: { key: string; start: number } | undefined;
    let cuttable = true;
    scanContentLines(text, 0, text.length, (start, indent, contentStart, contentEnd) => {
      if (indent > 0) return (cuttable = current !== undefined);
      const key = keyOfLine(text, contentStart, contentEnd);
      if (key === undefined || sections.has(key)) return (cuttable = false);
      if (current) sections.set(current.key, { start: current.start, end: start });
      current = { key, start };
      return true;
    });
    if (!cuttable) return undefined;
    if (current) sections.set(current.key, { start: current.start, end: text.length });
    return new YamlSections(text, sections);
  }

  section(key: string): TextSlice | undefined {
    return this.#sections.get(key);
  }

  /** The lines of `section.entry`, when the section is a block mapping of plain keys. */
  entry(sectionKey: string, entryKey: string): TextSlice | undefined {
    const section = this.#sections.get(sectionKey);
    if (!section) return undefined;
    if (section.entries === undefined) section.entries = this.#indexEntries(section);
    return section.entries?.get(entryKey);
  }

  #indexEntries(section: Section): Map<string, TextSlice> | null {
    const text = this.#text;
    const keyLineEnd = text.indexOf('\n', section.start);
    if (keyLineEnd === -1) return null;
    // `credentials:` alone (or with a comment) on its line: the entries follow, indented.
    if (!/^[A-Za-z0-9_.-]+ *:(?: +#.*)?\r?$/.test(text.slice(section.start, keyLineEnd))) return null;
    const entries = new Map<string, TextSlice>();
    let indent = -1;
    let current: { key: string; start: number } | undefined;
    let cuttable = true;
    scanContentLines(text, keyLineEnd + 1, section.end, (start, lineIndent, contentStart, contentEnd) => {
      if (indent === -1) indent = lineIndent;
      if (lineIndent > indent) return true;
      if (lineIndent < indent) return (cuttable = false);
      const key = keyOfLine(text, contentStart, contentEnd);
      if (key === undefined || entries.has(key)) return (cuttable = false);
      if (current) entries.set(current.key, { start: current.start, end: start });
      current = { key, start };
      return true;
    });
    if (!cuttable) return null;
    if (current) entries.set(current.key, { start: current.start, end: section.end });
    return entries;
  }
}

/** Line starts as yaml's LineCounter records them: offset 0 and the offset after every line feed. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
  return starts;
}

/**
 * The range yaml gives a one-line scalar written after its key on a direct child line of an entry
 * (`    owner: alice  # comment`), or of that key with `atKey`; undefined for anything else (a collection, a block
 * or multi-line scalar, a value on the next line), which is then left to a parser. Offsets are in the whole text.
 */
export function inlineScalarRange(text: string, entry: TextSlice, field: string, atKey: boolean): readonly [number, number] | undefined {
  let childIndent = -1;
  const lines = [...contentLinesWithComments(text, text.indexOf('\n', entry.start) + 1, entry.end)];
  for (const [index, line] of lines.entries()) {
    if (line.content.startsWith('#')) continue;
    if (childIndent === -1) childIndent = line.indent;
    if (line.indent !== childIndent) continue;
    const key = KEY_LINE.exec(line.content)?.[1];
    if (key !== field) continue;
    // A later line indented deeper (even a comment) could continue the value: leave that to the parser.
    const next = lines[index + 1];
    if (next && next.indent > childIndent) return undefined;
    const keyStart = line.start + line.indent;
    if (atKey) return [keyStart, keyStart + key.length];
    const afterColon = line.content.indexOf(':') + 1;
    const rest = line.content.slice(afterColon);
    const valueOffset = afterColon + (rest.length - rest.trimStart().length);
    const value = line.content.slice(valueOffset);
    const first = value[0];
    if (first === undefined || first === '#' || '[{|>&*!?"\'%@`'.includes(first)) return undefined;
    // A plain scalar ends before ` #` or a tab and `#`; trailing blanks are not part of it.
    const comment = /[ \t]#/.exec(value);
    const scalar = (comment ? value.slice(0, comment.index) : value).replace(/[ \t\r]+$/, '');
    if (scalar === '' || /: |:$/.test(scalar)) return undefined;
    const start = keyStart + valueOffset;
    return [start, start + scalar.length];
  }
  return undefined;
}

/** A line of an entry, its content copied (comments included). */
interface EntryLine {
  readonly start: number;
  readonly indent: number;
  readonly content: string;
}

function* contentLinesWithComments(text: string, from: number, to: number): Generator<EntryLine> {
  let start = from;
  while (start < to && start > 0) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline >= to ? to : newline;
    const line = text.slice(start, end).replace(/\r$/, '');
    const content = line.trimStart();
    if (content !== '') yield { start, indent: line.length - content.length, content };
    start = end + 1;
  }
}
