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

// Keys whose scalar is never a secret: the excerpt may show them. Anything else (`value`, a deployment's entry under
// `values`, a mistyped key such as `valu`) is shown as `[redacted]`, since a plaintext may sit there.
const SHOWN_KEYS = new Set([
  'version', 'policy', 'intervals', 'due_soon', 'people', 'deployments', 'credentials', 'setting', 'kind', 'owner', 'access', 'issuer',
  'description', 'created', 'rotated', 'every', 'group', 'custom', 'compromised', 'revoked', 'left', 'github', 'email', 'name', 'url',
  'auth', 'method', 'username_env', 'password_env', 'token_env', 'cookie_env', 'api_key', 'oauth_client_secret', 'password',
  'admin_password', 'private_key', 'service_account', 'token', 'certificate',
]);
const KEYED_LINE = /^(\s*(?:-\s+)?)("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)(\s*:)(\s.*|)$/;
const REDACTED = '[redacted]';

/**
 * The source line as an excerpt may show it: a line that could hold a value (a plaintext one, above all) keeps its
 * key and loses the rest. A line with no key at all (a broken line, a list item) is redacted whole unless it is empty.
 */
export function redactSourceLine(line: string): string {
  const match = KEYED_LINE.exec(line);
  if (!match) return line.trim() === '' || /^\s*#/.test(line) || /^\s*-\s*[A-Za-z0-9_.-]*\s*$/.test(line) ? line : `${/^\s*/.exec(line)?.[0] ?? ''}${REDACTED}`;
  const [, indent = '', rawKey = '', colon = '', rest = ''] = match;
  const key = rawKey.replace(/^["']|["']$/g, '').trim();
  const content = rest.trim();
  if (content === '' || content.startsWith('#')) return line;
  const flow = content.startsWith('{') || content.startsWith('[');
  if (SHOWN_KEYS.has(key) && !/\bvalues?\b/.test(content)) return line;
  // A flow mapping under a name (a person, a deployment) is shown unless it might carry a value.
  if (flow && !/\bvalues?\b/.test(content) && !SHOWN_KEYS.has(key) && /^[A-Za-z0-9_.-]+$/.test(key) && /^\{[^}]*\b(github|url|email|name|left|method)\b/.test(content)) return line;
  return `${indent}${rawKey}${colon} ${REDACTED}`;
}

/**
 * `file:line:col: error [code] message`, then the source line with a caret under the place. The excerpt never shows
 * what may be a secret (see {@link redactSourceLine}).
 * `sourceLines` are the lines of the file the diagnostics point into.
 */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], sourceLines: readonly string[], style: TextStyle = PLAIN_STYLE): string {
  const blocks = diagnostics.map((diagnostic) => {
    const label = diagnostic.severity === 'error' ? style.error('error') : style.warning('warning');
    const head = `${style.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${label} ${style.dim(`[${diagnostic.code}]`)} ${diagnostic.message}`;
    const original = sourceLines[diagnostic.line - 1];
    if (original === undefined) return head;
    const line = redactSourceLine(original);
    const gutter = String(diagnostic.line).padStart(4);
    const redacted = line !== original;
    const column = Math.min(diagnostic.column, line.length + 1);
    const width = redacted ? REDACTED.length : diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? Math.max(1, diagnostic.endColumn - diagnostic.column) : 1;
    const caretColumn = redacted && diagnostic.column > line.length - REDACTED.length ? line.length - REDACTED.length + 1 : column;
    const caret = `${' '.repeat(Math.max(0, caretColumn - 1))}${'^'.repeat(Math.min(width, 60))}`;
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
