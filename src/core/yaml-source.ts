// A parsed YAML inventory text: its plain data, positions of any path in it, and its syntax problems.
// The data comes from the fast parser when it can vouch for the text (yaml-plain-data.ts); the `yaml` Document,
// which carries positions and comments, is only built when something needs it: a finding to place, an edit,
// or a text with errors to report.
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { formatDocumentPath, type Diagnostic, type DocumentPath, type Finding } from './diagnostics.js';
import { loadPlainYamlData } from './yaml-plain-data.js';

/** Aliases may expand to at most this many nodes: enough for real files, far too few for a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 100;

/** A YAML text with its parse tree and the means to place a path in it. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** Parsed on first use. */
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

class LazyYamlSource implements YamlSource {
  #document: Document.Parsed | undefined;
  #lineCounter: LineCounter | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  get document(): Document.Parsed {
    if (!this.#document) this.#parse();
    return this.#document!;
  }

  get lineCounter(): LineCounter {
    if (!this.#lineCounter) this.#parse();
    return this.#lineCounter!;
  }

  // Without yaml's duplicate-key check, which is quadratic: see yamlErrors.
  #parse(): void {
    const lineCounter = new LineCounter();
    this.#document = parseDocument(this.text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
    this.#lineCounter = lineCounter;
  }
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
  return parseDocument(source.text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }).errors;
}

// yaml's rule: two keys are the same when they are one node or two scalars with equal (===) values.
function hasDuplicateKey(document: Document.Parsed): boolean {
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

/** Turns the parser's errors and the failure to build plain data into diagnostics. */
export function checkYamlSyntax(source: YamlSource): { data: unknown; diagnostics: Diagnostic[] } {
  const plain = loadPlainYamlData(source.text);
  if (plain) return { data: plain.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = yamlErrors(source).map((error) => {
    const { line, col } = source.lineCounter.linePos(error.pos[0]);
    const code = error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return { code, severity: 'error' as const, message: firstLine.replace(/ at line \d+, column \d+:?$/, ''), path: '', file: source.file, line, column: col };
  });
  if (diagnostics.length > 0) return { data: undefined, diagnostics };
  try {
    return { data: source.document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }), diagnostics };
  } catch (error) {
    const aliasOffset = findFirstAliasOffset(source.document);
    const { line, col } = source.lineCounter.linePos(aliasOffset);
    const reason = error instanceof Error ? error.message : String(error);
    const message = /Excessive alias count/.test(reason)
      ? `aliases expand beyond ${MAX_ALIAS_EXPANSION} nodes; write the values out instead`
      : `an alias could not be resolved: ${reason}`;
    return { data: undefined, diagnostics: [{ code: 'yaml-alias', severity: 'error', message, path: '', file: source.file, line, column: col }] };
  }
}

function findFirstAliasOffset(document: Document.Parsed): number {
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
function resolveNode(document: Document.Parsed, path: DocumentPath): { node: Node | null; keyNode: Node | null; complete: boolean } {
  let current: unknown = document.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isAlias(current)) current = current.resolve(document);
    if (isMap(current)) {
      const pair = pairWithKey(current, segment);
      if (!pair) return { node: current as Node, keyNode: null, complete: false };
      keyNode = isScalar(pair.key) ? pair.key : null;
      current = pair.value ?? pair.key;
    } else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
      keyNode = null;
      current = current.items[segment];
    } else {
      return { node: (current as Node) ?? null, keyNode: null, complete: false };
    }
  }
  return { node: (current as Node) ?? null, keyNode, complete: true };
}

/** Places a finding in the source: file, line and column of the value (or its key). */
export function placeFinding(source: YamlSource, finding: Finding): Diagnostic {
  const { node, keyNode, complete } = resolveNode(source.document, finding.path);
  const target = complete && finding.atKey && keyNode ? keyNode : node;
  const range = target?.range ?? [0, 0, 0];
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
