// What DocuElevate's `GET /api/settings/{key}` shows for a value written as a string: Python's str() of the parsed setting.

/**
 * The text DocuElevate shows (before masking) for a setting of the given catalogue `type` that holds `sent`.
 * DocuElevate parses a written string into the setting's Python type, and its GET answers `str()` of that:
 * a `list` (`notification_urls`) sent as `json://a,json://b` shows `['json://a', 'json://b']`, a `boolean`
 * sent `true` shows `True`, an `integer` sent `010` shows `10`. Strings (and any other type) show as sent.
 * The POST answer is different: it masks the string exactly as sent.
 */
export function showSettingValue(type: string, sent: string): string {
  switch (type) {
    case 'list':
      return showPythonList(parseCommaList(sent));
    case 'boolean':
      // DocuElevate's settings loader: anything but these spellings is False.
      return ['true', '1', 'yes', 'y', 't'].includes(sent.toLowerCase()) ? 'True' : 'False';
    case 'integer':
      return showPythonInteger(sent);
    default:
      return sent;
  }
}

/** DocuElevate's comma-separated list: items trimmed, empty ones dropped. */
function parseCommaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `int(text)` as Python reads it (surrounding spaces, a sign, `_` between digits); DocuElevate stores 0 when it fails. */
function showPythonInteger(text: string): string {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(trimmed)) return '0';
  const digits = trimmed.replaceAll('_', '');
  return BigInt(digits).toString();
}

/** Python's `str()` of a list of strings: `['a', "it's"]`. */
export function showPythonList(items: readonly string[]): string {
  return `[${items.map(showPythonStringRepr).join(', ')}]`;
}

// Characters Python's str.isprintable() rejects (other than the plain space), which repr() escapes.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]|(?! )\p{Zs}/u;

/** Python's `repr()` of a string: single quotes unless the text has one and no double quote; escapes as Python writes them. */
export function showPythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (NOT_PRINTABLE.test(char)) out += escapeCodePoint(char.codePointAt(0) ?? 0);
    else out += char;
  }
  return out + quote;
}

function escapeCodePoint(codePoint: number): string {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\U${codePoint.toString(16).padStart(8, '0')}`;
}
