// Renders diagnostics for people (caret excerpts), for GitHub (workflow commands) and for machines (JSON).
import type { Diagnostic } from './diagnostics.js';

/** Styling hooks so the core never decides about terminals; the CLI passes colour or identity functions. */
export interface TextStyle {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

export const PLAIN_STYLE: TextStyle = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t };

/**
 * `file:line:col: error [code] message`, then the source line with a caret under the place.
 * `sourceLines` are the lines of the file the diagnostics point into.
 */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], sourceLines: readonly string[], style: TextStyle = PLAIN_STYLE): string {
  const blocks = diagnostics.map((diagnostic) => {
    const label = diagnostic.severity === 'error' ? style.error('error') : style.warning('warning');
    const head = `${style.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${label} ${style.dim(`[${diagnostic.code}]`)} ${diagnostic.message}`;
    const line = sourceLines[diagnostic.line - 1];
    if (line === undefined) return head;
    const gutter = String(diagnostic.line).padStart(4);
    const width = diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? Math.max(1, diagnostic.endColumn - diagnostic.column) : 1;
    const caret = `${' '.repeat(diagnostic.column - 1)}${'^'.repeat(Math.min(width, 60))}`;
    return `${head}\n${style.dim(`${gutter} | `)}${line}\n${style.dim(`${' '.repeat(gutter.length)} | `)}${diagnostic.severity === 'error' ? style.error(caret) : style.warning(caret)}`;
  });
  return blocks.join('\n\n');
}

/** One-line summary: `2 errors, 1 warning`. */
export function summariseDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

// Workflow command property and data escaping, as the Actions runner reads them.
function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,title=CODE::message` lines for GitHub annotations. */
export function renderDiagnosticsGitHub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const properties = [
        `file=${escapeCommandProperty(diagnostic.file)}`,
        `line=${diagnostic.line}`,
        `col=${diagnostic.column}`,
        ...(diagnostic.endLine ? [`endLine=${diagnostic.endLine}`] : []),
        ...(diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? [`endColumn=${diagnostic.endColumn}`] : []),
        `title=${escapeCommandProperty(diagnostic.code)}`,
      ].join(',');
      return `::${diagnostic.severity} ${properties}::${escapeCommandData(diagnostic.message)}`;
    })
    .join('\n');
}
