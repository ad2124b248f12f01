// A parsed YAML inventory text: its document, positions of any path in it, and its syntax problems.
import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatDocumentPath, type Diagnostic, type DocumentPath, type Finding } from './diagnostics.js';

/** Aliases may expand to at most this many nodes: enough for real files, far too few for a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 100;

/** A YAML text with its parse tree and the means to place a path in it. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** Parses YAML text, keeping comments and positions (yaml's core schema: dates stay strings). */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  return { file, text, document, lineCounter };
}

/**
 * Turns the parser's errors and the failure to build plain data into diagnostics. A duplicate key names the
 * key and where it first appears; it does not stop the data being built (the last occurrence wins there), so
 * the rest of the file can still be checked: `blocking` is true only when no data could be built.
 */
export function checkYamlSyntax(source: YamlSource): { data: unknown; diagnostics: Diagnostic[]; blocking: boolean } {
  const diagnostics: Diagnostic[] = source.document.errors.map((error) => {
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
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** The node at `path`, or the deepest ancestor that exists, with the key node when the last step is a map key. */
function resolveNode(document: Document.Parsed, path: DocumentPath): { node: Node | null; keyNode: Node | null; complete: boolean } {
  let current: unknown = document.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isAlias(current)) current = current.resolve(document);
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && (isScalar(item.key) ? item.key.value : item.key) === segment);
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
