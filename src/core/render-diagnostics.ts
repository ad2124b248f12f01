// Renders diagnostics for people (caret excerpts), for GitHub (workflow commands) and for machines (JSON).
import type { Diagnostic } from './diagnostics.js';
import { leadingSpaces, SourceLines } from './source-lines.js';

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

/** Keys named after credential kinds: under `intervals` they hold a period; anywhere else (an `auth`'s `password`) a secret. */
const KIND_KEYS = new Set(['api_key', 'oauth_client_secret', 'password', 'admin_password', 'private_key', 'service_account', 'token', 'certificate']);
/** What a period looks like (`90d`, `12 months`). */
const PERIOD = /^["']?\d{1,5}\s*(d|w|m|y|days?|weeks?|months?|years?)["']?\s*(#.*)?$/i;
/** Keys a flow mapping may hold and still be shown: names, addresses, variable names; never a value. */
const FLOW_SHOWN_KEYS = new Set(['github', 'email', 'name', 'left', 'url', 'method', 'username_env', 'password_env', 'token_env', 'cookie_env', 'setting', 'kind', 'owner', 'every', 'created', 'rotated', 'issuer', 'group']);
/** Under these, a key is a name chosen by the inventory (an id, a person, a deployment, a kind), not a possible secret. */
const NAME_PARENTS = new Set(['credentials', 'people', 'deployments', 'intervals', 'due_soon', 'values']);
/** Under these, a list item is a name (a person, a deployment). */
const LIST_PARENTS = new Set(['access', 'deployments']);
/** Keys an `auth` mapping holds that are not secrets: the method and the names of variables. */
const AUTH_SHOWN_KEYS = new Set(['method', 'username_env', 'password_env', 'token_env', 'cookie_env']);

/** The lines of a file as excerpts show them (without their line ends), read on demand. */
export function sourceLinesOf(text: string): SourceLines {
  return new SourceLines(text);
}

/** Where a line sits: the lines of its file and its index there, so the keys above it can be read. */
export interface SourceContext {
  readonly lines: SourceLines;
  readonly index: number;
}

function keyOf(line: string): string | undefined {
  const match = KEYED_LINE.exec(line);
  return match ? (match[2] ?? '').replace(/^["']|["']$/g, '').trim() : undefined;
}

/**
 * The keys of the mappings a line sits in, nearest first, read from indentation: each a short walk up (see
 * {@link SourceLines.parentOf}), so placing N diagnostics never costs N scans of the file.
 */
function parentKeysOf(context: SourceContext): string[] {
  const keys: string[] = [];
  if (leadingSpaces(context.lines.line(context.index) ?? '') === 0) return keys;
  for (let index = context.lines.parentOf(context.index); index >= 0; index = context.lines.parentOf(index)) {
    const line = context.lines.line(index) ?? '';
    keys.push(keyOf(line) ?? '-');
    if (leadingSpaces(line) === 0) break;
  }
  return keys;
}

/** A flow mapping (`{ a: b, c: d }`) whose every key is one that never holds a secret. */
function isShownFlowMapping(content: string): boolean {
  if (!/^\{[^{}[\]]*\}\s*(#.*)?$/.test(content)) return false;
  const pairs = content.replace(/\s*(#.*)?$/, '').slice(1, -1).split(',').map((pair) => pair.trim()).filter(Boolean);
  return pairs.every((pair) => {
    const key = /^["']?([A-Za-z_]+)["']?\s*:/.exec(pair)?.[1];
    return key !== undefined && FLOW_SHOWN_KEYS.has(key);
  });
}

function withoutUrlCredentials(line: string): string {
  return line.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s'"@]*@/g, `$1${REDACTED}@`);
}

/**
 * The source line as an excerpt may show it: a line that could hold a value (a plaintext one, above all) keeps its
 * key and loses the rest. With the file around it (`context`), the keys above decide: anything under `value`,
 * `values` or `auth` that is not a name, a list item outside `access` and `deployments`, and a key where no name
 * belongs (it may be a secret pasted as a key) are redacted whole. Without context, a line with no key at all (a
 * broken line) is redacted whole unless it is empty or a plain list item.
 */
export function redactSourceLine(line: string, context?: SourceContext): string {
  const parents = context === undefined ? undefined : parentKeysOf(context);
  const indentText = /^\s*/.exec(line)?.[0] ?? '';
  const whole = `${indentText}${REDACTED}`;
  const underValue = parents !== undefined && (parents.slice(1).some((key) => key === 'value' || key === 'values') || parents[0] === 'value');
  const underAuth = parents !== undefined && (parents[0] === 'auth' || parents.slice(1).includes('auth'));
  if (line.trim() === '' || /^\s*#/.test(line)) return line;
  const listItem = /^\s*-\s*([A-Za-z0-9_.-]*)\s*$/.exec(line);
  if (listItem) return parents === undefined || (LIST_PARENTS.has(parents[0] ?? '') && !underValue && !underAuth) ? line : whole;
  const match = KEYED_LINE.exec(line);
  if (!match) return whole;
  if (underValue || (underAuth && parents?.[0] !== 'auth')) return whole;
  const [, indent = '', rawKey = '', colon = '', rest = ''] = match;
  const key = rawKey.replace(/^["']|["']$/g, '').trim();
  const content = rest.trim();
  const keyOnly = `${indent}${rawKey}${colon} ${REDACTED}`;
  // A key no schema knows, where no name belongs, may itself be a secret pasted in the wrong place.
  if (parents !== undefined && !SHOWN_KEYS.has(key) && key !== 'value' && key !== 'values' && !NAME_PARENTS.has(parents[0] ?? '') && !(parents[0] === 'auth' && AUTH_SHOWN_KEYS.has(key))) return whole;
  if (/^\s*-/.test(line) && parents !== undefined && !LIST_PARENTS.has(parents[0] ?? '')) return whole;
  if (content === '' || content.startsWith('#')) return line;
  if (parents?.[0] === 'auth') return AUTH_SHOWN_KEYS.has(key) ? line : keyOnly;
  if (parents?.[0] === 'values') return keyOnly;
  if (/\bvalues?\b/.test(content)) return keyOnly;
  if (KIND_KEYS.has(key)) return (parents === undefined ? PERIOD.test(content) : parents[0] === 'intervals' || parents[0] === 'due_soon') && PERIOD.test(content) ? line : keyOnly;
  const flow = content.startsWith('{') || content.startsWith('[');
  if (flow && content.startsWith('{')) return isShownFlowMapping(content) ? withoutUrlCredentials(line) : keyOnly;
  if (flow) return (key === 'access' || key === 'deployments') && /^\[[A-Za-z0-9_.,\s-]*\]\s*(#.*)?$/.test(content) ? line : keyOnly;
  if (SHOWN_KEYS.has(key)) return key === 'url' ? withoutUrlCredentials(line) : line;
  return keyOnly;
}

/**
 * `file:line:col: error [code] message`, then the source line with a caret under the place. The excerpt never shows
 * what may be a secret (see {@link redactSourceLine}).
 * `sourceLines` are the lines of the file the diagnostics point into.
 */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], sourceLines: SourceLines | undefined, style: TextStyle = PLAIN_STYLE): string {
  const blocks = diagnostics.map((diagnostic) => {
    const label = diagnostic.severity === 'error' ? style.error('error') : style.warning('warning');
    const head = `${style.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${label} ${style.dim(`[${diagnostic.code}]`)} ${diagnostic.message}`;
    const original = sourceLines?.line(diagnostic.line - 1);
    if (sourceLines === undefined || original === undefined) return head;
    const line = redactSourceLine(original, { lines: sourceLines, index: diagnostic.line - 1 });
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
