// Where things sit in an inventory text, for tests that assert exact line diffs.
import { errorAt, type DocumentPath } from '../../src/core/diagnostics.js';
import { parseYamlSource, placeFinding } from '../../src/core/yaml-source.js';

/** The 1-based line and column of the value at `path` in `text`. */
export function positionOf(text: string, path: DocumentPath): { line: number; column: number } {
  const { line, column } = placeFinding(parseYamlSource(text, 'x'), errorAt('probe', path, ''));
  return { line, column };
}

/** The text of 1-based line `line`. */
export function lineAt(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

/** The line number of the value at `path`, with its text. */
export function lineOfPath(text: string, path: DocumentPath): [number, string] {
  const { line } = positionOf(text, path);
  return [line, lineAt(text, line)];
}

/** `text` with `path`'s whole line replaced by `replacement` (or removed when it is undefined). */
export function replaceLineOf(text: string, path: DocumentPath, replacement?: string): string {
  const lines = text.split('\n');
  const { line } = positionOf(text, path);
  lines.splice(line - 1, 1, ...(replacement === undefined ? [] : [replacement]));
  return lines.join('\n');
}
