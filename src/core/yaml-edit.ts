// Targeted edits of YAML text: string scalars set by path, touching only the bytes of the edited entries.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

/** Set one string scalar. Mappings missing along the path are created; the document is never re-serialised. */
export interface YamlScalarEdit {
  /** Mapping keys from the document root to the scalar. */
  readonly path: readonly string[];
  readonly value: string;
}

/**
 * Where a new key goes among the keys of the mapping at `parentPath`: the keys in their preferred
 * order. A new key is placed after the last existing key that comes before it in that order.
 * Undefined (or a key not in the order): after the mapping's last key.
 */
export type KeyOrder = (parentPath: readonly string[]) => readonly string[] | undefined;

/** An edit that cannot be made without rewriting more than its own entry. Names paths, never values. */
export class YamlEditError extends Error {
  override readonly name = 'YamlEditError';
  constructor(
    message: string,
    readonly path: readonly string[],
  ) {
    super(message);
  }
}

type Range = readonly [number, number, number];

/**
 * Applies edits to YAML text by splicing: an existing scalar's bytes are replaced (its quoting
 * style kept), a missing key is inserted as a new line in block mappings (or `, key: value` in flow
 * mappings) at the indentation of its siblings. Comments, order, quoting, blank lines and line
 * endings elsewhere stay byte for byte. yaml's own `toString()` would re-align comments and
 * re-flow collections, so it is not used.
 * @throws YamlEditError when the text has YAML errors, a path runs through something that is not a
 * mapping, or the edited text does not read back as the original data with exactly these changes.
 */
export function editYamlScalars(text: string, edits: readonly YamlScalarEdit[], order: KeyOrder = () => undefined): string {
  let edited = text;
  for (const edit of edits) edited = applyEdit(edited, edit, order);
  checkEditedData(text, edited, edits);
  return edited;
}

function parseStrict(text: string, path: readonly string[]) {
  const document = parseDocument(text, { uniqueKeys: true, keepSourceTokens: false });
  if (document.errors.length > 0) throw new YamlEditError(`the text has YAML errors (${document.errors[0]?.code ?? 'unknown'}); fix them first`, path);
  return document;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function rangeOf(node: unknown, path: readonly string[]): Range {
  const range = (node as Node | null)?.range;
  if (!range) throw new YamlEditError(`no source position for ${path.join('.')}`, path);
  return range;
}

function applyEdit(text: string, edit: YamlScalarEdit, order: KeyOrder): string {
  const document = parseStrict(text, edit.path);
  const chain: YAMLMap[] = [];
  let node: unknown = document.contents;
  for (const [index, key] of edit.path.entries()) {
    const here = edit.path.slice(0, index);
    if (!isMap(node)) throw new YamlEditError(`${here.join('.') || 'the document'} is not a mapping, so ${key} cannot be set in it`, edit.path);
    chain.push(node);
    const pair = findPair(node, key);
    if (pair === undefined) return insertEntry(text, chain, here, edit.path.slice(index), edit.value, order);
    if (index === edit.path.length - 1) return replaceScalar(text, pair, edit);
    node = pair.value;
  }
  throw new YamlEditError('an edit needs a non-empty path', edit.path);
}

function replaceScalar(text: string, pair: Pair, edit: YamlScalarEdit): string {
  const node = pair.value;
  if (!isScalar(node)) throw new YamlEditError(`${edit.path.join('.')} is not a single written-out value (it is a collection or an alias)`, edit.path);
  const [start, end] = rangeOf(node, edit.path);
  const old = text.slice(start, end);
  let rendered = renderScalar(edit.value, node.type);
  // An empty value (`key:`) has an empty range right after the colon.
  if (start === end && text[start - 1] === ':') rendered = ` ${rendered}`;
  // A block scalar's range takes its last line break with it; the replacement must give it back.
  const lineBreak = /\r?\n$/.exec(old)?.[0] ?? '';
  return text.slice(0, start) + rendered + lineBreak + text.slice(end);
}

function insertEntry(text: string, chain: readonly YAMLMap[], parentPath: readonly string[], keys: readonly string[], value: string, order: KeyOrder): string {
  const map = chain[chain.length - 1] as YAMLMap;
  const [first] = keys;
  if (first === undefined) throw new YamlEditError('nothing to insert', parentPath);
  const preferred = order(parentPath);
  const anchor = chooseAnchor(map, first, preferred);
  return map.flow ? insertIntoFlowMap(text, map, anchor, keys, value, parentPath) : insertIntoBlockMap(text, chain, anchor, keys, value, parentPath);
}

/** The pair to insert after (undefined: before the first pair, or into an empty mapping). */
function chooseAnchor(map: YAMLMap, key: string, preferred: readonly string[] | undefined): Pair | undefined {
  const last = map.items[map.items.length - 1];
  const rank = preferred?.indexOf(key) ?? -1;
  if (preferred === undefined || rank < 0) return last;
  const before = map.items.filter((pair) => {
    const other = preferred.indexOf(isScalar(pair.key) ? String(pair.key.value) : '');
    return other >= 0 && other < rank;
  });
  if (before.length > 0) return before[before.length - 1];
  const anyRanked = map.items.some((pair) => preferred.includes(isScalar(pair.key) ? String(pair.key.value) : ''));
  return anyRanked ? undefined : last;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function endOfPair(pair: Pair, path: readonly string[]): number {
  return rangeOf(pair.value ?? pair.key, path)[1];
}

function insertIntoBlockMap(text: string, chain: readonly YAMLMap[], anchor: Pair | undefined, keys: readonly string[], value: string, path: readonly string[]): string {
  const map = chain[chain.length - 1] as YAMLMap;
  const firstKey = map.items[0]?.key;
  if (firstKey === undefined) throw new YamlEditError(`${path.join('.')} is an empty mapping`, path);
  const keyStart = rangeOf(firstKey, path)[0];
  const indent = keyStart - lineStartOf(text, keyStart);
  const step = indentStep(text, chain, indent, path);
  const eol = lineBreakOf(text);
  const lines = keys.map((key, depth) => `${' '.repeat(indent + depth * step)}${renderKey(key)}:${depth === keys.length - 1 ? ` ${renderScalar(value)}` : ''}`);
  const block = lines.join(eol) + eol;
  if (anchor === undefined) {
    const at = lineStartOf(text, keyStart);
    return text.slice(0, at) + block + text.slice(at);
  }
  const end = endOfPair(anchor, path);
  if (end > 0 && text[end - 1] === '\n') return text.slice(0, end) + block + text.slice(end);
  const newline = text.indexOf('\n', end);
  if (newline < 0) return text + eol + block.slice(0, -eol.length);
  return text.slice(0, newline + 1) + block + text.slice(newline + 1);
}

// New nested mappings are indented like the file indents its mappings (2 when it cannot tell).
function indentStep(text: string, chain: readonly YAMLMap[], indent: number, path: readonly string[]): number {
  const parent = chain[chain.length - 2];
  const parentKey = parent?.items[0]?.key;
  if (parent === undefined || parent.flow || parentKey === undefined) return 2;
  const parentStart = rangeOf(parentKey, path)[0];
  const step = indent - (parentStart - lineStartOf(text, parentStart));
  return step > 0 ? step : 2;
}

function insertIntoFlowMap(text: string, map: YAMLMap, anchor: Pair | undefined, keys: readonly string[], value: string, path: readonly string[]): string {
  const entry = keys.reduceRight((inner, key, depth) => (depth === keys.length - 1 ? `${renderKey(key)}: ${inner}` : `${renderKey(key)}: { ${inner} }`), renderScalar(value));
  const firstPair = map.items[0];
  if (firstPair === undefined) {
    const open = rangeOf(map, path)[0];
    return `${text.slice(0, open + 1)} ${entry} ${text.slice(open + 1)}`;
  }
  if (anchor === undefined) {
    const at = rangeOf(firstPair.key, path)[0];
    return `${text.slice(0, at)}${entry}, ${text.slice(at)}`;
  }
  const end = endOfPair(anchor, path);
  return `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
}

// Plain when the text reads back as the same string in any context (no flow indicators, no
// `: ` or ` #`, not a number, boolean or null); otherwise in the quotes the old value used, or double.
function renderScalar(value: string, style?: string | undefined): string {
  if (style === 'QUOTE_SINGLE' && !/[\n\r']/.test(value)) return `'${value}'`;
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') return JSON.stringify(value);
  return isSafePlain(value) ? value : JSON.stringify(value);
}

function renderKey(key: string): string {
  return isSafePlain(key) ? key : JSON.stringify(key);
}

function isSafePlain(text: string): boolean {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.:=+/-]*$/.test(text) || text.endsWith(':')) return false;
  const probe = parseDocument(`[${text}]`);
  const item = onlyItemOf(probe.contents);
  return probe.errors.length === 0 && isScalar(item) && item.value === text;
}

function onlyItemOf(contents: unknown): unknown {
  const items = (contents as { items?: unknown[] } | null)?.items;
  return items?.length === 1 ? items[0] : undefined;
}

// The last line of defence: whatever the splices did, the data must be the old data plus exactly the edits.
function checkEditedData(before: string, after: string, edits: readonly YamlScalarEdit[]): void {
  const expected = parseStrict(before, []).toJS() as unknown;
  for (const edit of edits) setIn(expected, edit.path, edit.value);
  const actual = parseStrict(after, []).toJS() as unknown;
  if (!isDeepStrictEqual(actual, expected)) {
    throw new YamlEditError(`editing ${edits.map((edit) => edit.path.join('.')).join(', ')} in place would change other data; edit the file by hand`, edits[0]?.path ?? []);
  }
}

function setIn(target: unknown, path: readonly string[], value: string): void {
  let current = target as Record<string, unknown>;
  for (const [index, key] of path.entries()) {
    // defineProperty: a name such as `__proto__` or `constructor` is an entry here, never the prototype.
    const define = (entry: unknown) => Object.defineProperty(current, key, { value: entry, writable: true, enumerable: true, configurable: true });
    if (index === path.length - 1) {
      define(value);
      return;
    }
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (typeof next !== 'object' || next === null) define({});
    current = current[key] as Record<string, unknown>;
  }
}

/**
 * Adds `key` with a mapping of string `fields` to the block mapping at `parentPath`, after its last entry, written
 * the way its siblings are: `key: { a: 1, b: 2 }` when the last sibling is a flow mapping, else a block. Nothing
 * else in the text changes.
 * @throws YamlEditError when the parent is missing, empty or not a block mapping, the key exists, or the edited
 * text does not read back as the original data plus this entry.
 */
export function insertYamlMappingEntry(text: string, parentPath: readonly string[], key: string, fields: readonly (readonly [string, string])[]): string {
  const path = [...parentPath, key];
  const document = parseStrict(text, path);
  let node: unknown = document.contents;
  for (const name of parentPath) {
    if (!isMap(node)) break;
    node = findPair(node, name)?.value;
  }
  const eol = lineBreakOf(text);
  const flowEntry = `${renderKey(key)}: { ${fields.map(([name, value]) => `${renderKey(name)}: ${renderFlowScalar(value)}`).join(', ')} }`;
  let edited: string;
  if (isMap(node) && node.flow && node.items.length === 0 && text.slice(...rangeOf(node, path).slice(0, 2)).trim() === '{}') {
    // `people: {}`, as init writes it: the first entry turns it into a block, indented one step under its key.
    const [start, end] = rangeOf(node, path);
    const keyColumn = start - lineStartOf(text, start) - text.slice(lineStartOf(text, start), start).trimStart().length;
    edited = `${text.slice(0, start).trimEnd()}${eol}${' '.repeat(keyColumn + 2)}${flowEntry}${text.slice(end)}`;
    return checkInsertion(text, edited, parentPath, key, fields);
  }
  if (!isMap(node) || node.flow || node.items.length === 0) throw new YamlEditError(`${parentPath.join('.')} is not a block mapping with entries to add ${key} beside`, path);
  if (findPair(node, key) !== undefined) throw new YamlEditError(`${path.join('.')} already exists`, path);
  const last = node.items[node.items.length - 1] as Pair;
  const keyStart = rangeOf(node.items[0]?.key, path)[0];
  const indent = ' '.repeat(keyStart - lineStartOf(text, keyStart));
  const flow = isMap(last.value) && last.value.flow;
  const entry = flow
    ? `${indent}${flowEntry}`
    : [`${indent}${renderKey(key)}:`, ...fields.map(([name, value]) => `${indent}  ${renderKey(name)}: ${renderScalar(value)}`)].join(eol);
  const end = endOfPair(last, path);
  if (end > 0 && text[end - 1] === '\n') edited = text.slice(0, end) + entry + eol + text.slice(end);
  else {
    const newline = text.indexOf('\n', end);
    edited = newline < 0 ? text + eol + entry : text.slice(0, newline + 1) + entry + eol + text.slice(newline + 1);
  }
  return checkInsertion(text, edited, parentPath, key, fields);
}

// As for scalar edits: the data must be the old data plus exactly the new entry.
function checkInsertion(text: string, edited: string, parentPath: readonly string[], key: string, fields: readonly (readonly [string, string])[]): string {
  const path = [...parentPath, key];
  const actual = parseStrict(edited, []).toJS() as unknown;
  const withEntry = structuredClone(parseStrict(text, []).toJS() as Record<string, unknown>);
  let target = withEntry;
  for (const name of parentPath) target = target[name] as Record<string, unknown>;
  target[key] = Object.fromEntries(fields);
  if (!isDeepStrictEqual(actual, withEntry)) throw new YamlEditError(`adding ${path.join('.')} in place would change other data; edit the file by hand`, path);
  return edited;
}

// Plain in a flow mapping when it reads back as the same string there (`Alice Martin`), else double-quoted.
function renderFlowScalar(value: string): string {
  if (/^[A-Za-z0-9_@.][^,{}[\]#&*!|>'"%`:\n\r]*$/.test(value) && value.trim() === value) {
    const probe = parseDocument(`{ k: ${value} }`);
    const item = (probe.contents as YAMLMap | null)?.items?.[0];
    if (probe.errors.length === 0 && isScalar(item?.value) && item.value.value === value) return value;
  }
  return JSON.stringify(value);
}
