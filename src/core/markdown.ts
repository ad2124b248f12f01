// The one Markdown escaper: every piece of text that credledger did not write itself (names from the inventory, which a
// pull request controls, and text a server sent) enters a comment, an issue body or a job summary through here.
//
// GitHub renders those as the bot, so a name must never become a heading, a link, an image, raw HTML, a @-mention or
// the end of a table row. Two shapes are offered: `markdownCode` (a code span: shown literally, never linked or
// mentioned) and `markdownText` (prose with every markup character escaped). Tables are built only by `markdownTable`
// from cells made by those two (or by fixed text of our own).

/**
 * Characters that end a line or a table row anywhere (CR, LF, NEL, LS, PS, VT, FF), every other C0/C1 control character
 * and the bidirectional overrides that make text read differently from what it holds. Each becomes one space.
 */
const CONTROL_OR_LINE_BREAK = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** ASCII punctuation that starts or ends Markdown anywhere in a line: emphasis, code, links, images, strikethrough, math. */
const MARKUP_PUNCTUATION = /[\\`*_[\]~#!$]/g;

/** What GitHub turns into a link by itself: `scheme://` and `www.` (e-mail addresses lose their `@` below). */
const AUTOLINK_START = /:(?=\/\/)|(?<=\bwww)\./gi;

/** Characters that make a block (list item, setext heading, block quote, ordered list) at the start of a line. */
const BLOCK_START = /^(\s*)([-+=]|\d+[.)])/;

/** Text on one line, with every control character and line break (of any kind) turned into a space. */
export function flattenToLine(text: string): string {
  return text.replace(CONTROL_OR_LINE_BREAK, ' ');
}

/**
 * Text as prose or a table cell, shown exactly as written: no markup, no HTML (`<` and `>` are entities), no table
 * break (`|` is an entity, which GitHub's row splitting does not see), no @-mention or e-mail link (a zero-width space
 * follows `@`), no autolinked URL (the `:` of `://` and the `.` of `www.` are escaped), no block at the start of a line.
 */
export function markdownText(text: string): string {
  return flattenToLine(text)
    .replace(MARKUP_PUNCTUATION, (char) => `\\${char}`)
    .replace(AUTOLINK_START, (char) => `\\${char}`)
    .replace(BLOCK_START, (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/@/g, '@\u200b');
}

/**
 * Text as an inline code span: shown literally (no HTML, link or mention is ever made inside one), on one line, with a
 * fence longer than any run of backticks inside. GitHub splits table rows at a `|` even inside a code span, and a
 * backslash before it cannot be shown faithfully, so text with a `|` is rendered as escaped prose instead.
 */
export function markdownCode(text: string): string {
  const flat = flattenToLine(text);
  if (flat.includes('|')) return markdownText(flat);
  if (flat === '') return '` `';
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each end when both are there; pad so the text's own spaces and backticks survive.
  const padded = /^[ `]|[ `]$/.test(flat) ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}

/** Items as code spans separated by commas, or `none` (our own text) when there are none. */
export function markdownCodeList(items: readonly string[], none = '–'): string {
  return items.length === 0 ? none : items.map(markdownCode).join(', ');
}

/**
 * A message of our own that quotes names in `backticks`: the quoted parts become code spans and the rest is escaped.
 * With an odd number of backticks the quoting cannot be trusted (a name held one), so all of it is escaped prose.
 */
export function markdownMessage(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return markdownText(message);
  return parts.map((part, index) => (index % 2 === 0 ? markdownText(part) : markdownCode(part))).join('');
}

/** A block quote of text a server or a person sent: escaped prose on one quoted line. */
export function markdownQuote(text: string): string {
  return `> ${markdownText(text)}`;
}

/**
 * A GitHub table. Cells must come from `markdownText`, `markdownCode`, `markdownCodeList`, `markdownMessage` or be
 * fixed text of our own; as a last guard any line break becomes a space and any `|` left in a cell an entity, so a row
 * always has exactly the header's cells.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => flattenToLine(text).replace(/\|/g, '&#124;');
  const row = (cells: readonly string[]) => `| ${header.map((_, column) => cell(cells[column] ?? '')).join(' | ')} |`;
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

/** A link destination that cannot end early (at a space, a parenthesis or an angle bracket) or break the line. */
export function markdownUrl(url: string): string {
  return flattenToLine(url).replace(/[\s()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
