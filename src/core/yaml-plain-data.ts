// The fast road from YAML text to plain data: js-yaml with a schema that resolves scalars exactly as the `yaml`
// package's YAML 1.2 core schema does. The `yaml` Document stays the authority (diagnostics, positions, edits):
// this road only answers for texts it is sure about, and says "ask the Document" for everything else.
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';

// The plain scalars of the YAML 1.2 core schema, with the patterns and conversions `yaml` uses
// (yaml/dist/schema/core): no underscores in numbers, no signed hex or octal, no YAML 1.1 booleans.
const NULL_PATTERN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PATTERN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_PATTERN = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/;
const FLOAT_PATTERN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/** What resolveCoreScalar returns for a plain scalar that stays a string. */
const PLAIN_STRING = Symbol('plain string');

/**
 * A plain scalar's core-schema value (null, a boolean, a number), or PLAIN_STRING. The first character decides which
 * pattern can apply, so the names and tokens that make up most of an inventory are passed over without one.
 */
function resolveCoreScalar(text: string): unknown {
  if (text === '') return null;
  const first = text.charCodeAt(0);
  switch (first) {
    case 0x7e: // ~
    case 0x6e: // n
    case 0x4e: // N
      return (text.length === 1 || text.length === 4) && NULL_PATTERN.test(text) ? null : PLAIN_STRING;
    case 0x74: // t
    case 0x54: // T
    case 0x66: // f
    case 0x46: // F
      // true and false, in their three spellings: names such as `token` are passed over by their length.
      return (text.length === 4 || text.length === 5) && BOOL_PATTERN.test(text) ? first === 0x74 || first === 0x54 : PLAIN_STRING;
    default:
      break;
  }
  const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
  if (!numeric) return PLAIN_STRING;
  // A `-` past the first character that does not follow an exponent's `e` belongs to no number: dates above all.
  const dash = text.indexOf('-', 1);
  if (dash !== -1 && text.charCodeAt(dash - 1) !== 0x65 && text.charCodeAt(dash - 1) !== 0x45) return PLAIN_STRING;
  if (first !== 0x2e && INT_PATTERN.test(text)) {
    return text.startsWith('0o') ? parseInt(text.substring(2), 8) : text.startsWith('0x') ? parseInt(text.substring(2), 16) : parseInt(text, 10);
  }
  if (!FLOAT_PATTERN.test(text)) return PLAIN_STRING;
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return first === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return parseFloat(text);
}

/** How many plain scalars the current load read as null: keys among them are read differently by the two parsers. */
let nullsRead = 0;

// One implicit type for all of them: js-yaml asks every implicit type in turn about every plain scalar (keys
// included), so one resolver costs one call per scalar where a type per kind cost four. Its tag is never read:
// the gate leaves every text with a tag to the Document.
const coreScalarType = new Type('tag:yaml.org,2002:core-scalar', {
  kind: 'scalar',
  resolve: (text: string) => resolveCoreScalar(text) !== PLAIN_STRING,
  construct: (text: string) => {
    const value = resolveCoreScalar(text);
    if (value === null) nullsRead += 1;
    return value;
  },
});

const CORE_1_2_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreScalarType] });

// Constructs the two parsers could read differently, left to the Document: directives (`%YAML 1.1` changes the
// schema), document markers with content after them or a document end, anchors and aliases (expansion limits),
// tags, explicit `?` keys, collections that may be keys, a `#` right after a quote, bracket or comma, lines over
// 1024 characters, byte order marks, tabs in indentation, a `- -` nested sequence, lone carriage returns, and
// quoted scalars or flow collections over several lines (yaml holds their lines to indentation rules js-yaml
// does not check). One pass over the characters; a false alarm (a `&` in a description, say, with no space after
// it, or a bracket in a comment) only costs speed.
function needsTheDocument(text: string): boolean {
  // The regular expression only runs on a text with a carriage return: most have none, and it costs a full pass.
  if (text.includes('\uFEFF') || (text.includes('\r') && /\r(?!\n)/.test(text))) return true;
  const length = text.length;
  // Indentation of the enclosing block lines: a line may only dedent to one of them (yaml rejects the rest). The
  // first `depth` entries are in use: the arrays are not shrunk, so a dedent is a decrement, not a pop.
  const indents: number[] = [];
  // Whether each of those levels holds sequence entries (`- `) or mapping keys: mixing them is left to the Document.
  const levelIsSequence: boolean[] = [];
  let depth = 0;
  // While inside a block scalar (`|`, `>`), the indentation of the line that opened it.
  let blockScalarParent = -1;
  let flowDepth = 0;
  let nextPipe = -1;
  let nextGreaterThan = -1;
  // The next character the switch below reacts to, other than a line feed, and where the current line ends: a line
  // with none of them is crossed in one step, and the search runs once per such character, not once per line.
  let nextSignificant = -1;
  let currentLineEnd = 0;
  let lineStart = 0;
  let index = 0;
  while (index <= length) {
    // At the start of a line: markers, directives, indentation.
    if (index === lineStart) {
      let lineEnd = text.indexOf('\n', index);
      if (lineEnd === -1) lineEnd = length;
      if (lineEnd - index > 1024) return true;
      currentLineEnd = lineEnd;
      const first = text.charCodeAt(index);
      if (first === 0x25 /* % */) return true;
      if (first === 0x2e && text.startsWith('...', index)) return true;
      if (first === 0x2d && text.startsWith('---', index) && !/^---(?:[ \t]*\r?$|[ \t]+#)/.test(text.slice(index, lineEnd))) return true;
      let column = index;
      while (text.charCodeAt(column) === 0x20) column += 1;
      const head = text.charCodeAt(column);
      if (head === 0x09) return true;
      let afterDashes = column;
      while (afterDashes < lineEnd && (text.charCodeAt(afterDashes) === 0x20 || text.charCodeAt(afterDashes) === 0x09 || text.charCodeAt(afterDashes) === 0x2d)) afterDashes += 1;
      const next = text.charCodeAt(afterDashes);
      if (next === 0x5b || next === 0x7b) return true;
      const indent = column - index;
      const content = column < lineEnd && head !== 0x0d && head !== 0x23;
      const inBlockScalar = blockScalarParent !== -1 && (!content || indent > blockScalarParent);
      if (inBlockScalar && column < lineEnd) {
        // A line of the block scalar's text: its characters mean nothing to YAML.
        index = lineEnd;
        continue;
      }
      if (!inBlockScalar) blockScalarParent = -1;
      if (content && !inBlockScalar) {
        const afterHead = text.charCodeAt(column + 1);
        const sequenceEntry = head === 0x2d && (column + 1 >= lineEnd || afterHead === 0x20 || afterHead === 0x09 || afterHead === 0x0d);
        if (sequenceEntry && /^-[ \t]+-(?:[ \t]|\r?$)/.test(text.slice(column, Math.min(lineEnd, column + 64)))) return true;
        const previous = depth === 0 ? 0 : indents[depth - 1]!;
        while (depth > 0 && indents[depth - 1]! > indent) depth -= 1;
        if (indent < previous && (depth === 0 ? 0 : indents[depth - 1]!) !== indent) return true;
        if (depth === 0 || indents[depth - 1]! < indent) {
          indents[depth] = indent;
          levelIsSequence[depth] = sequenceEntry;
          depth += 1;
        } else if (levelIsSequence[depth - 1] !== sequenceEntry) {
          return true;
        }
        // A block scalar header ends the line: `key: |`, `- >-`, `key: |+ # comment`. Explicit indentation
        // indicators (`|2`) are left to the Document. Only lines with a `|` or `>` are looked at closely: where
        // the next of each is, is kept, so finding out costs one search over the text, not one per line.
        if (nextPipe < column) nextPipe = indexOrEnd(text, '|', column);
        if (nextGreaterThan < column) nextGreaterThan = indexOrEnd(text, '>', column);
        if (nextPipe < lineEnd || nextGreaterThan < lineEnd) {
          const header = /(?:^|[ \t])[|>]([0-9+-]*)[ \t]*(?:#.*)?\r?$/.exec(text.slice(column, lineEnd));
          if (header) {
            if (/[0-9]/.test(header[1] ?? '')) return true;
            blockScalarParent = indent;
          }
        }
      }
    }
    if (index === length) break;
    const code = text.charCodeAt(index);
    const previous = index === lineStart ? 0x20 : text.charCodeAt(index - 1);
    const afterSpaceOrFlow = previous === 0x20 || previous === 0x09 || previous === 0x5b || previous === 0x7b || previous === 0x2c;
    switch (code) {
      case 0x0a: // line feed
        if (flowDepth > 0) return true;
        lineStart = index + 1;
        break;
      case 0x0d: // carriage return
        if (text.charCodeAt(index + 1) !== 0x0a) return true;
        break;
      case 0x26: // & anchor
      case 0x2a: {
        // * alias
        const after = text.charCodeAt(index + 1);
        if (afterSpaceOrFlow && index + 1 < length && !(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x2c || after === 0x5b || after === 0x5d || after === 0x7b || after === 0x7d)) return true;
        break;
      }
      case 0x21: // ! tag
        if (afterSpaceOrFlow) return true;
        break;
      case 0x3f: {
        // ? explicit key
        const after = text.charCodeAt(index + 1);
        if (afterSpaceOrFlow && (index + 1 >= length || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d)) return true;
        break;
      }
      case 0x23: // # right after a quote, bracket or comma
        if (index > lineStart && (previous === 0x22 || previous === 0x27 || previous === 0x5b || previous === 0x5d || previous === 0x7b || previous === 0x7d || previous === 0x2c)) return true;
        break;
      case 0x5b: // [
      case 0x7b: // {
      case 0x2c: {
        // , : a collection right after one of these may be a key, and a `:` starts an empty key (null to yaml,
        // which makes it '', and the string 'null' to js-yaml)
        if (code !== 0x2c) flowDepth += 1;
        let after = index + 1;
        while (text.charCodeAt(after) === 0x20 || text.charCodeAt(after) === 0x09) after += 1;
        const next = text.charCodeAt(after);
        if (next === 0x5b || next === 0x7b || next === 0x3a) return true;
        break;
      }
      case 0x5d: // ]
      case 0x7d: // }
        if (flowDepth > 0) flowDepth -= 1;
        break;
      case 0x22: // " a double-quoted scalar must close on its line
        if (afterSpaceOrFlow || previous === 0x3a) {
          let scan = index + 1;
          while (scan < length) {
            const inner = text.charCodeAt(scan);
            if (inner === 0x22) break;
            if (inner === 0x0a || (inner === 0x5c && text.charCodeAt(scan + 1) === 0x0a)) return true;
            scan += inner === 0x5c ? 2 : 1;
          }
          if (scan >= length) return true;
        }
        break;
      case 0x27: // ' a single-quoted scalar likewise
        if (afterSpaceOrFlow || previous === 0x3a) {
          const close = text.indexOf("'", index + 1);
          const newline = text.indexOf('\n', index + 1);
          if (newline !== -1 && (close === -1 || newline < close)) return true;
        }
        break;
      default:
        break;
    }
    index += 1;
    // The characters between here and the next one the switch reacts to mean nothing to this check: jump over
    // them (the scan at a line's start runs when the line feed before it is reached).
    if (index !== lineStart) {
      if (nextSignificant < index) {
        // test, not exec: no match array per character found. Each match is one character, just before lastIndex.
        SIGNIFICANT_IN_LINE.lastIndex = index;
        nextSignificant = SIGNIFICANT_IN_LINE.test(text) ? SIGNIFICANT_IN_LINE.lastIndex - 1 : length;
      }
      index = nextSignificant < currentLineEnd ? nextSignificant : currentLineEnd;
    }
  }
  return false;
}

/** Where `character` next occurs at or after `from`, or the text's length. */
function indexOrEnd(text: string, character: string, from: number): number {
  const found = text.indexOf(character, from);
  return found === -1 ? text.length : found;
}

/** The characters needsTheDocument's switch reacts to, but for the line feed (each line's end is known). */
const SIGNIFICANT_IN_LINE = /[\r&*!?#[\]{},"']/g;

// Keys `yaml` turns into something else than js-yaml does (a null key becomes ''), or that name the prototype.
const SUSPICIOUS_KEYS = new Set(['', '~', 'null', 'Null', 'NULL', '__proto__']);

function hasSuspiciousKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index += 1) {
        const item: unknown = current[index];
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
    } else if (typeof current === 'object' && current !== null) {
      // for…in, not Object.keys: no array of keys per mapping. js-yaml's mappings are plain objects, so it lists
      // their own keys (a `__proto__` key is defined as an own property).
      for (const key in current) {
        if (SUSPICIOUS_KEYS.has(key)) return true;
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
    }
  }
  return false;
}

/**
 * The plain data of a YAML text when the fast parser can vouch for it, or undefined when the text must go through
 * the `yaml` Document: it has a syntax error or a duplicate key (js-yaml refuses both), or uses a construct the two
 * parsers might read differently. Whenever this returns data, the Document would have found no error and built
 * the same data (test/core/yaml-plain-data.test.ts checks that over every fixture and fuzzed variants of them).
 */
export function loadPlainYamlData(text: string): { readonly data: unknown } | undefined {
  // The answer for the last text asked about: when a check is run again once the Document API is loaded
  // (src/app/yaml-document-loader.ts), the text is not read twice. Nothing downstream mutates the data.
  if (text === lastText) return lastAnswer;
  lastAnswer = answerFor(text);
  lastText = text;
  return lastAnswer;
}

let lastText: string | undefined;
let lastAnswer: { readonly data: unknown } | undefined;

function answerFor(text: string): { readonly data: unknown } | undefined {
  if (needsTheDocument(text)) return undefined;
  let data: unknown;
  nullsRead = 0;
  try {
    data = load(text, { schema: CORE_1_2_SCHEMA });
  } catch {
    return undefined;
  }
  // A suspicious key needs a plain null (read through the resolver above: an empty key in a flow collection, the
  // one other way to write one, is left to the Document by the gate), or `__proto__` in the text. Quoted empty
  // and `~` keys read the same in both parsers. So the walk over the data runs only when one of those is there.
  if ((nullsRead > 0 || text.includes('__proto__')) && hasSuspiciousKey(data)) return undefined;
  return { data: data === undefined ? null : data };
}
