// A parsed YAML inventory text: its plain data, positions of any path in it, and its syntax problems.
// The data comes from the fast parser when it can vouch for the text (yaml-plain-data.ts); the `yaml` Document,
// which carries positions and comments, is only built when something needs it: a finding to place, an edit,
// or a text with errors to report. This module only imports yaml's types: the library itself (yaml-document.ts)
// is installed by whoever may need it (the CLI for commands that edit, the app layer on demand), so a clean
// `validate` or `status` never loads it. Without it installed, anything that needs the Document throws
// YamlDocumentNeeded, and src/app/yaml-document-loader.ts loads it and runs the pure function again.
import type * as Yaml from 'yaml';
import type { Document, Node, Pair, YAMLError, YAMLMap } from 'yaml';
import { formatDocumentPath, type Diagnostic, type DocumentPath, type Finding } from './diagnostics.js';
import { loadPlainYamlData } from './yaml-plain-data.js';
import { YamlSections, inlineScalarRange, type TextSlice } from './yaml-sections.js';
import { lineStartsOf, SourceLines } from './source-lines.js';

/** The parts of the `yaml` package the Document path uses (a port: src/core/yaml-document.ts fills it). */
export interface YamlDocumentSupport {
  readonly isAlias: typeof Yaml.isAlias;
  readonly isMap: typeof Yaml.isMap;
  readonly isNode: typeof Yaml.isNode;
  readonly isPair: typeof Yaml.isPair;
  readonly isScalar: typeof Yaml.isScalar;
  readonly isSeq: typeof Yaml.isSeq;
  readonly parseDocument: typeof Yaml.parseDocument;
  readonly visit: typeof Yaml.visit;
}

let installed: YamlDocumentSupport | undefined;

/** Makes the Document API available to every YamlSource (yaml-document.ts calls it when it is imported). */
export function installYamlDocumentSupport(support: YamlDocumentSupport): void {
  installed = support;
}

/** Thrown where a text needs the Document and the `yaml` library is not loaded yet: load it, then call again. */
export class YamlDocumentNeeded extends Error {
  constructor() {
    super('the yaml Document API is needed but not loaded (import src/core/yaml-document.ts first)');
    this.name = 'YamlDocumentNeeded';
  }
}

function yaml(): YamlDocumentSupport {
  if (!installed) throw new YamlDocumentNeeded();
  return installed;
}

/** One-based line and column of an offset, as yaml's LineCounter.linePos gives them. */
export interface LinePositions {
  /** Offset 0 and the offset after every line feed. */
  readonly lineStarts: readonly number[];
  linePos(offset: number): { line: number; col: number };
}

class TextLineCounter implements LinePositions {
  constructor(readonly lineStarts: readonly number[]) {}

  linePos(offset: number): { line: number; col: number } {
    const lineStarts = this.lineStarts;
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - lineStarts[low - 1]! + 1 };
  }
}

/** Aliases may expand to at most this many nodes: enough for real files, far too few for a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 100;

/** A YAML text with its parse tree and the means to place a path in it. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** Parsed on first use. */
  readonly document: Document.Parsed;
  readonly lineCounter: LinePositions;
  /** The text's lines, for excerpts: read from the same line starts. */
  readonly lines: SourceLines;
}

class LazyYamlSource implements YamlSource {
  #document: Document.Parsed | undefined;
  #lineCounter: LinePositions | undefined;
  #lines: SourceLines | undefined;
  #sections: YamlSections | undefined | null;
  readonly #sliceDocuments = new Map<number, Document.Parsed>();
  /** Set when the fast parser vouched for the text: then its sections can be parsed one by one. */
  vouched = false;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  get document(): Document.Parsed {
    if (!this.#document) this.#parse();
    return this.#document!;
  }

  get lineCounter(): LinePositions {
    if (!this.#lineCounter) this.#lineCounter = new TextLineCounter(lineStartsOf(this.text));
    return this.#lineCounter;
  }

  get lines(): SourceLines {
    this.#lines ??= new SourceLines(this.text, this.lineCounter.lineStarts);
    return this.#lines;
  }

  get documentParsed(): boolean {
    return this.#document !== undefined;
  }

  // Without yaml's duplicate-key check, which is quadratic: see yamlErrors.
  #parse(): void {
    // No yaml LineCounter: it can miss a line (yaml 2.9.1 skips the line start of a plain scalar's continuation
    // after a syntax error), which would shift every later position; the text's own line starts cannot.
    this.#document = yaml().parseDocument(this.text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  }

  /** The text's sections, when the fast parser vouched for it (then indentation alone delimits them). */
  get vouchedSections(): YamlSections | undefined {
    if (!this.vouched) return undefined;
    if (this.#sections === undefined) this.#sections = YamlSections.index(this.text) ?? null;
    return this.#sections ?? undefined;
  }

  /**
   * The range of the node at `path` found by parsing only the section or entry that holds it, or undefined when
   * that cannot be done exactly (then the whole Document decides).
   */
  rangeFromSlice(path: DocumentPath, atKey: boolean): readonly [number, number] | undefined {
    if (this.#document || path.length === 0) return undefined;
    const sections = this.vouchedSections;
    if (!sections) return undefined;
    const entry = path.length >= 2 ? sections.entry(String(path[0]), String(path[1])) : undefined;
    // The common finding (`credentials.<id>.owner` and the like) needs no parser at all.
    if (entry && path.length === 3 && typeof path[2] === 'string') {
      const range = inlineScalarRange(this.text, entry, path[2], atKey);
      if (range) return range;
    }
    const slice = entry ?? sections.section(String(path[0]));
    if (!slice) return undefined;
    const document = this.#sliceDocument(slice);
    if (document.errors.length > 0) return undefined;
    const resolved = resolveNode(document, entry ? path.slice(1) : path);
    // The slice's own key must be found, or the answer would be a node the whole Document does not give.
    if (resolved.depth === 0) return undefined;
    const target = resolved.complete && atKey && resolved.keyNode ? resolved.keyNode : resolved.node;
    const range = target?.range;
    if (!range) return undefined;
    return [range[0] + slice.start, range[1] + slice.start];
  }

  #sliceDocument(slice: TextSlice): Document.Parsed {
    let document = this.#sliceDocuments.get(slice.start);
    if (!document) {
      document = yaml().parseDocument(this.text.slice(slice.start, slice.end), { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
      this.#sliceDocuments.set(slice.start, document);
    }
    return document;
  }
}

/**
 * The sections of a source whose text the fast parser vouched for when it was checked (checkYamlSyntax), or
 * undefined: then the text may hold constructs (anchors, multi-line flow) that indentation does not delimit.
 */
export function vouchedSectionsOf(source: YamlSource): YamlSections | undefined {
  return source instanceof LazyYamlSource ? source.vouchedSections : undefined;
}

/** Wraps YAML text; the Document (comments, positions; yaml's core schema, so dates stay strings) is parsed lazily. */
export function parseYamlSource(text: string, file: string): YamlSource {
  return new LazyYamlSource(file, text);
}

/**
 * The parser's errors. The Document is parsed without yaml's duplicate-key check (it scans every earlier key of a
 * map for each new one: quadratic in the size of `credentials`); a set finds repeated keys in one pass, and only a
 * text that has one is parsed again with the check, for the errors exactly as yaml words and places them.
 */
function yamlErrors(source: YamlSource): readonly YAMLError[] {
  if (!hasDuplicateKey(source.document)) return source.document.errors;
  return yaml().parseDocument(source.text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }).errors;
}

// yaml's rule: two keys are the same when they are one node or two scalars with equal (===) values.
function hasDuplicateKey(document: Document.Parsed): boolean {
  const { isScalar, visit } = yaml();
  let found = false;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (seen.has(pair.key.value)) {
          found = true;
          return visit.BREAK;
        }
        seen.add(pair.key.value);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Turns the parser's errors and the failure to build plain data into diagnostics. A duplicate key names the
 * key and where it first appears; it does not stop the data being built (the last occurrence wins there), so
 * the rest of the file can still be checked: `blocking` is true only when no data could be built.
 */
export function checkYamlSyntax(source: YamlSource): { data: unknown; diagnostics: Diagnostic[]; blocking: boolean } {
  const plain = loadPlainYamlData(source.text);
  if (plain) {
    if (source instanceof LazyYamlSource) source.vouched = true;
    return { data: plain.data, diagnostics: [], blocking: false };
  }
  const diagnostics: Diagnostic[] = yamlErrors(source).map((error) => {
    const offset = error.pos[0];
    const { line, col } = source.lineCounter.linePos(offset);
    const place = { severity: 'error' as const, path: '', file: source.file, line, column: col };
    if (error.code === 'DUPLICATE_KEY') return { ...place, code: 'duplicate-key', message: describeDuplicateKey(source, offset) };
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return { ...place, code: 'yaml-syntax', message: firstLine.replace(/ at line \d+, column \d+:?$/, '') };
  });
  if (diagnostics.some((diagnostic) => diagnostic.code !== 'duplicate-key')) return { data: undefined, diagnostics, blocking: true };
  try {
    return { data: source.document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }), diagnostics, blocking: false };
  } catch (error) {
    const aliasOffset = findFirstAliasOffset(source.document);
    const { line, col } = source.lineCounter.linePos(aliasOffset);
    const reason = error instanceof Error ? error.message : String(error);
    const message = /Excessive alias count/.test(reason)
      ? `aliases expand beyond ${MAX_ALIAS_EXPANSION} nodes; write the values out instead`
      : `an alias could not be resolved: ${reason}`;
    return { data: undefined, diagnostics: [...diagnostics, { code: 'yaml-alias', severity: 'error', message, path: '', file: source.file, line, column: col }], blocking: true };
  }
}

/** "key `openai` appears twice in this mapping (first at line 12) ...", for the repeated key that starts at `offset`. */
function describeDuplicateKey(source: YamlSource, offset: number): string {
  const { isNode, isScalar, visit } = yaml();
  let message = 'a key appears twice in one mapping';
  visit(source.document, {
    Map(_key, map) {
      const index = map.items.findIndex((pair) => isNode(pair.key) && pair.key.range?.[0] === offset);
      if (index < 0) return undefined;
      const repeated = map.items[index]?.key;
      const name = isScalar(repeated) ? String(repeated.value) : String(repeated);
      const first = map.items.slice(0, index).find((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)) === name)?.key;
      const firstLine = isNode(first) && first.range ? ` (first at line ${source.lineCounter.linePos(first.range[0]).line})` : '';
      message = `key \`${name}\` appears twice in this mapping${firstLine}: YAML keeps only one of them; remove or rename one`;
      return visit.BREAK;
    },
  });
  return message;
}

function findFirstAliasOffset(document: Document.Parsed): number {
  const { visit } = yaml();
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

// Each map's pairs by key, built the first time a path goes through the map: placing n findings in a map of
// m keys then costs n + m lookups, not n × m.
const pairsByKey = new WeakMap<YAMLMap, Map<unknown, Pair>>();

function pairWithKey(map: YAMLMap, key: unknown): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    const { isPair, isScalar } = yaml();
    index = new Map();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const itemKey = isScalar(item.key) ? item.key.value : item.key;
      if (!index.has(itemKey)) index.set(itemKey, item as Pair);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/** The node at `path`, or the deepest ancestor that exists, with the key node when the last step is a map key. */
function resolveNode(document: Document.Parsed, path: DocumentPath): { node: Node | null; keyNode: Node | null; complete: boolean; depth: number } {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let current: unknown = document.contents;
  let keyNode: Node | null = null;
  for (const [depth, segment] of path.entries()) {
    if (isAlias(current)) current = current.resolve(document);
    if (isMap(current)) {
      const pair = pairWithKey(current, segment);
      if (!pair) return { node: current as Node, keyNode: null, complete: false, depth };
      keyNode = isScalar(pair.key) ? pair.key : null;
      current = pair.value ?? pair.key;
    } else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
      keyNode = null;
      current = current.items[segment];
    } else {
      return { node: (current as Node) ?? null, keyNode: null, complete: false, depth };
    }
  }
  return { node: (current as Node) ?? null, keyNode, complete: true, depth: path.length };
}

function rangeInDocument(document: Document.Parsed, path: DocumentPath, atKey: boolean): readonly [number, number] {
  const { node, keyNode, complete } = resolveNode(document, path);
  const target = complete && atKey && keyNode ? keyNode : node;
  const range = target?.range ?? [0, 0, 0];
  return [range[0], range[1]];
}

/** Places a finding in the source: file, line and column of the value (or its key). */
export function placeFinding(source: YamlSource, finding: Finding): Diagnostic {
  const atKey = finding.atKey === true;
  const range = (source instanceof LazyYamlSource ? source.rangeFromSlice(finding.path, atKey) : undefined) ?? rangeInDocument(source.document, finding.path, atKey);
  const start = source.lineCounter.linePos(range[0]);
  const end = source.lineCounter.linePos(range[1]);
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    path: formatDocumentPath(finding.path),
    file: source.file,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
  };
}
