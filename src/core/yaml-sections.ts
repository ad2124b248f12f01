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
  /** The entries' indentation: -1 when the section has none, null when it is not a block mapping we can cut. */
  entryIndent?: number | null;
  /** For entry searches: where to search next, and how many characters the searches have read. */
  resumeAt?: number;
  searched?: number;
}

// A plain key with nothing a YAML parser could read two ways: the identifiers inventories use.
const KEY_LINE = /^([A-Za-z0-9_.-]+) *:(?: |$)/;
const PLAIN_KEY = /^[A-Za-z0-9_.-]+$/;
/** A section's key line with nothing after the colon but a comment: its entries follow, indented. */
const SECTION_KEY_LINE = /^[A-Za-z0-9_.-]+ *:(?: +#.*)?\r?$/;

/** A content line (not blank, not a comment): its indentation, and where its content begins and ends (before a carriage return). */
interface ContentLine {
  readonly indent: number;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** The line [start, end) as a content line, or undefined when it is blank or a comment. */
function contentLineAt(text: string, start: number, end: number): ContentLine | undefined {
  // The leading blanks, measured without copying the line (the common, ASCII case).
  let first = start;
  while (first < end && isAsciiWhitespace(text.charCodeAt(first))) first += 1;
  if (first < end && text.charCodeAt(first) > 0x7f) {
    // Unicode white space counts as indentation here, as trimStart reads it.
    const line = text.slice(start, end).replace(/\r$/, '');
    const content = line.trimStart();
    const indent = line.length - content.length;
    return content !== '' && !content.startsWith('#') ? { indent, contentStart: start + indent, contentEnd: start + line.length } : undefined;
  }
  const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
  return first < lineEnd && text.charCodeAt(first) !== 0x23 /* # */ ? { indent: first - start, contentStart: first, contentEnd: lineEnd } : undefined;
}

/** Where the line that starts at `start` ends (its line feed, or `to`). */
function lineEndOf(text: string, start: number, to: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 || newline >= to ? to : newline;
}

/** True when the line at `start` has at least `count` spaces and then one more: it is indented deeper than `count`. */
function indentedBeyond(text: string, start: number, count: number): boolean {
  for (let at = start; at <= start + count; at += 1) if (text.charCodeAt(at) !== 0x20) return false;
  return true;
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
    // Until the first section, every line is read: only blank lines and comments may come before it.
    let start = 0;
    let current: { key: string; start: number } | undefined;
    while (current === undefined && start < text.length) {
      const end = lineEndOf(text, start, text.length);
      const line = contentLineAt(text, start, end);
      if (line !== undefined) {
        const key = line.indent === 0 ? keyOfLine(text, line.contentStart, line.contentEnd) : undefined;
        if (key === undefined) return undefined;
        current = { key, start };
      }
      start = end + 1;
    }
    if (current === undefined) return new YamlSections(text, sections);
    // Then only a line that starts with neither a blank (of any kind) nor a `#` can start another section: the
    // search jumps from one to the next, over the sections' own lines, blank lines and comments.
    SECTION_START.lastIndex = start - 1;
    for (let found = SECTION_START.exec(text); found !== null; found = SECTION_START.exec(text)) {
      const lineStart = found.index + 1;
      const end = lineEndOf(text, lineStart, text.length);
      const line = contentLineAt(text, lineStart, end);
      const key = line === undefined ? undefined : keyOfLine(text, line.contentStart, line.contentEnd);
      if (key === undefined || sections.has(key) || key === current.key) return undefined;
      sections.set(current.key, { start: current.start, end: lineStart });
      current = { key, start: lineStart };
      SECTION_START.lastIndex = end;
    }
    sections.set(current.key, { start: current.start, end: text.length });
    return new YamlSections(text, sections);
  }

  section(key: string): TextSlice | undefined {
    return this.#sections.get(key);
  }

  /** The lines of `section.entry`, when the section is a block mapping of plain keys. */
  entry(sectionKey: string, entryKey: string): TextSlice | undefined {
    const section = this.#sections.get(sectionKey);
    if (!section) return undefined;
    // Until the section is indexed whole, an entry is searched for: placing a few findings in a file of 10,000
    // entries then reads their lines only. Once the searches have read more than the section a few times over
    // (findings in an order the search does not follow), the whole index is built: the cost stays linear.
    if (section.entries === undefined && (section.searched ?? 0) < 4 * (section.end - section.start)) {
      const found = this.#searchEntry(section, entryKey);
      if (found !== undefined) return found;
    }
    return this.entries(sectionKey)?.get(entryKey);
  }

  /**
   * The entry `entryKey` of a section found by searching for its key line (`\n`, the entries' indentation, the key,
   * a colon), starting where the last search ended. In a text the fast parser vouched for, a line at the entries'
   * indentation inside the section is an entry's key line (deeper lines, block scalars included, are indented
   * further; keys are unique), so the first such line with this key is the entry, and it ends at the next content
   * line at that indentation, as the whole index cuts it. Undefined when the search cannot answer exactly.
   */
  #searchEntry(section: Section, entryKey: string): TextSlice | undefined {
    const text = this.#text;
    if (!PLAIN_KEY.test(entryKey)) return undefined;
    const indent = this.#entryIndentOf(section);
    if (indent === null || indent === -1) return undefined;
    const needle = `\n${' '.repeat(indent)}${entryKey}`;
    // From where the last search ended, then from the section's start.
    for (const from of [section.resumeAt ?? section.start, section.start]) {
      for (let at = text.indexOf(needle, from); at !== -1 && at + 1 < section.end; at = text.indexOf(needle, at + 1)) {
        const start = at + 1;
        const line = contentLineAt(text, start, lineEndOf(text, start, section.end));
        if (line === undefined || line.indent !== indent || keyOfLine(text, line.contentStart, line.contentEnd) !== entryKey) continue;
        section.searched = (section.searched ?? 0) + start - from;
        const end = this.#entryEnd(section, start, indent);
        if (end === undefined) return undefined;
        section.resumeAt = end === section.end ? section.start : end - 1;
        return { start, end };
      }
      section.searched = (section.searched ?? 0) + section.end - from;
      if (from === section.start) break;
    }
    return undefined;
  }

  /**
   * The indentation of a section's entries, that of the first content line under its key line (kept): -1 when
   * there is none, null when the key line is not `key:` alone (or with a comment), so the section cannot be cut.
   */
  #entryIndentOf(section: Section): number | null {
    if (section.entryIndent !== undefined) return section.entryIndent;
    const text = this.#text;
    const keyLineEnd = text.indexOf('\n', section.start);
    let indent: number | null = null;
    if (keyLineEnd !== -1 && SECTION_KEY_LINE.test(text.slice(section.start, keyLineEnd))) {
      indent = -1;
      for (let start = keyLineEnd + 1; start < section.end && indent === -1; ) {
        const end = lineEndOf(text, start, section.end);
        indent = contentLineAt(text, start, end)?.indent ?? -1;
        start = end + 1;
      }
    }
    section.entryIndent = indent;
    return indent;
  }

  /** Where the entry whose key line starts at `start` ends: the next content line at `indent`; undefined on a shallower one. */
  #entryEnd(section: Section, start: number, indent: number): number | undefined {
    const text = this.#text;
    for (let at = lineEndOf(text, start, section.end) + 1; at < section.end; ) {
      const end = lineEndOf(text, at, section.end);
      const line = contentLineAt(text, at, end);
      if (line !== undefined && line.indent <= indent) return line.indent === indent ? at : undefined;
      at = end + 1;
    }
    return section.end;
  }

  /**
   * Every entry of a section, in the order of the text, when the section is a block mapping of plain keys with
   * no key twice. The entries are contiguous: each ends where the next begins, the last where the section ends.
   */
  entries(sectionKey: string): ReadonlyMap<string, TextSlice> | undefined {
    const section = this.#sections.get(sectionKey);
    if (!section) return undefined;
    if (section.entries === undefined) section.entries = this.#indexEntries(section);
    return section.entries ?? undefined;
  }

  #indexEntries(section: Section): Map<string, TextSlice> | null {
    const text = this.#text;
    // `credentials:` alone (or with a comment) on its line: the entries follow, indented.
    const indent = this.#entryIndentOf(section);
    if (indent === null) return null;
    const entries = new Map<string, TextSlice>();
    if (indent === -1) return entries;
    let current: { key: string; start: number } | undefined;
    for (let start = text.indexOf('\n', section.start) + 1; start < section.end; ) {
      const end = lineEndOf(text, start, section.end);
      // An entry's own lines, indented deeper than its key, are passed over without being measured.
      if (!indentedBeyond(text, start, indent)) {
        const line = contentLineAt(text, start, end);
        if (line !== undefined) {
          if (line.indent < indent) return null;
          if (line.indent === indent) {
            const key = keyOfLine(text, line.contentStart, line.contentEnd);
            if (key === undefined || entries.has(key) || key === current?.key) return null;
            if (current) entries.set(current.key, { start: current.start, end: start });
            current = { key, start };
          }
        }
      }
      start = end + 1;
    }
    if (current) entries.set(current.key, { start: current.start, end: section.end });
    return entries;
  }
}

/** A line feed and then a line that starts a top-level key, a broken line or a flow collection: not a blank, not `#`. */
const SECTION_START = /\n[^\s#]/g;

/**
 * The range yaml gives a one-line scalar written after its key on a direct child line of an entry
 * (`    owner: alice  # comment`), or with `atKey` that of the key, whatever its value (`    values:` over a
 * mapping); undefined for anything else (a collection, a block or multi-line scalar, a value on the next line),
 * which is then left to a parser. Offsets are in the whole text.
 */
export function inlineScalarRange(text: string, entry: TextSlice, field: string, atKey: boolean): readonly [number, number] | undefined {
  const from = text.indexOf('\n', entry.start) + 1;
  if (from === 0) return undefined;
  let childIndent = -1;
  // The lines are read one at a time and copied only when their indentation makes them a candidate.
  for (let line = nextEntryLine(text, from, entry.end); line !== undefined; line = nextEntryLine(text, line.end + 1, entry.end)) {
    if (line.content.startsWith('#')) continue;
    if (childIndent === -1) childIndent = line.indent;
    if (line.indent !== childIndent) continue;
    const key = KEY_LINE.exec(line.content)?.[1];
    if (key !== field) continue;
    const keyStart = line.start + line.indent;
    // The key is the key whatever follows it: a collection or a block scalar below (`values:`) is read by no one.
    if (atKey) return [keyStart, keyStart + key.length];
    // A later line indented deeper (even a comment) could continue the value: leave that to the parser.
    const next = nextEntryLine(text, line.end + 1, entry.end);
    if (next && next.indent > childIndent) return undefined;
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

/** A line of an entry that is not blank, its content copied (comments included); `end` is where its line feed is. */
interface EntryLine {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  readonly content: string;
}

/** The first line of [from, to) that is not blank, or undefined. */
function nextEntryLine(text: string, from: number, to: number): EntryLine | undefined {
  let start = from;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline >= to ? to : newline;
    const line = text.slice(start, end).replace(/\r$/, '');
    const content = line.trimStart();
    if (content !== '') return { start, end, indent: line.length - content.length, content };
    start = end + 1;
  }
  return undefined;
}
