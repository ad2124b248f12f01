// Diagnostics: user mistakes as data, each with a stable code and the place it points at.

/** A path into the inventory document, e.g. `['credentials', 'openai', 'owner']`. */
export type DocumentPath = readonly (string | number)[];

export type Severity = 'error' | 'warning';

/** One finding about an inventory: what, where, and how bad. */
export interface Diagnostic {
  /** Stable, kebab-case identifier (documented in the README), e.g. `unknown-person`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** JSON path of the offending value, e.g. `credentials.openai.owner`. Empty for the whole document. */
  readonly path: string;
  readonly file: string;
  /** 1-based line and column of the start of the offending node. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A diagnostic before it has been placed in the source text. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: DocumentPath;
  /** Point at the key of the last path segment rather than at its value (e.g. an unknown property). */
  readonly atKey?: boolean;
}

/** Renders a document path as a JSON path: `credentials.openai.access[1]`. */
export function formatDocumentPath(path: DocumentPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Shorthand constructors keep rule code readable. */
export function errorAt(code: string, path: DocumentPath, message: string, atKey = false): Finding {
  return { code, severity: 'error', message, path, atKey };
}

export function warningAt(code: string, path: DocumentPath, message: string, atKey = false): Finding {
  return { code, severity: 'warning', message, path, atKey };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(isError);
}

/** True for an error, false for a warning (a diagnostic or a finding not yet placed). */
export function isError(item: { readonly severity: Severity }): boolean {
  return item.severity === 'error';
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

/** Orders diagnostics by position, then code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    // Equal strings are not handed to localeCompare: it is slow, and nearly every pair shares its file.
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code),
  );
}
