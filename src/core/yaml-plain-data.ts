// The fast road from YAML text to plain data: js-yaml with a schema that resolves scalars exactly as the `yaml`
// package's YAML 1.2 core schema does. The `yaml` Document stays the authority (diagnostics, positions, edits):
// this road only answers for texts it is sure about, and says "ask the Document" for everything else.
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';

// The plain scalars of the YAML 1.2 core schema, with the patterns and conversions `yaml` uses
// (yaml/dist/schema/core): no underscores in numbers, no signed hex or octal, no YAML 1.1 booleans.
const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
  construct: () => null,
});
const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
  construct: (text: string) => text[0] === 't' || text[0] === 'T',
});
const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(text),
  construct: (text: string) =>
    text.startsWith('0o') ? parseInt(text.substring(2), 8) : text.startsWith('0x') ? parseInt(text.substring(2), 16) : parseInt(text, 10),
});
const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string) =>
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(text),
  construct: (text: string) => {
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
    return parseFloat(text);
  },
});

const CORE_1_2_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

// Constructs the two parsers could read differently, left to the Document: directives (`%YAML 1.1` changes the
// schema), document markers with content after them or a document end, anchors and aliases (expansion limits), tags, explicit `?` keys, collections that may be keys, a `#`
// right after a quote, bracket or comma, lines over 1024 characters, byte order marks, tabs in indentation, a `- -` nested sequence, lone carriage returns,
// quoted scalars over several lines (yaml and js-yaml disagree on them) and flow collections likewise (see below).
// A false alarm only costs speed (a `&` in a description, say, with no space after it).
const LEFT_TO_THE_DOCUMENT = /^%|^\.\.\.|^---(?![ \t]*\r?$|[ \t]+#)|(?:^|[\s[{,])(?:[&*][^\s,[\]{}]|!|\?(?:\s|$))|[[{,][ \t]*[[{]|^[ \t-]*[[{]|["'[\]{},]#|^[^\n]{1025}|\uFEFF|^ *\t|^ *-[ \t]+-(?:[ \t]|$)|\r(?!\n)|(?:^|[\s[{,:])(?:"(?:[^"\\\n]|\\[^\n])*\\?\n|'[^'\n]*\n)/m;

// A `[` or `{` closed on a later line: yaml holds its lines to indentation rules js-yaml does not check. Brackets
// in quotes or comments count too: a false alarm again only costs speed.
function hasMultiLineFlowCollection(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) depth += 1;
    else if ((code === 0x5d || code === 0x7d) && depth > 0) depth -= 1;
    else if (code === 0x0a && depth > 0) return true;
  }
  return false;
}

// Keys `yaml` turns into something else than js-yaml does (a null key becomes ''), or that name the prototype.
const SUSPICIOUS_KEYS = new Set(['', '~', 'null', 'Null', 'NULL', '__proto__']);

function hasSuspiciousKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === 'object' && item !== null) pending.push(item);
    } else if (typeof current === 'object' && current !== null) {
      for (const key of Object.keys(current)) {
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
  if (LEFT_TO_THE_DOCUMENT.test(text) || hasMultiLineFlowCollection(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_1_2_SCHEMA });
  } catch {
    return undefined;
  }
  if (hasSuspiciousKey(data)) return undefined;
  return { data: data === undefined ? null : data };
}
