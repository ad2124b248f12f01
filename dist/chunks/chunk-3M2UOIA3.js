import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/identifier-order.ts
var IDENTIFIER_TEXT = /^[A-Za-z0-9_.-]*$/;
var UPPERCASE = /[A-Z]/;
var OWN_KEY_TEXT = /^[a-z0-9.-]*$/;
var rootCollator;
function identifierSortKey(text) {
  if (OWN_KEY_TEXT.test(text)) return text;
  if (!IDENTIFIER_TEXT.test(text)) return void 0;
  const primary = text.toLowerCase().replaceAll("_", ",");
  if (!UPPERCASE.test(text)) return primary;
  let tertiary = "";
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    tertiary += code >= 65 && code <= 90 ? "1" : "0";
  }
  return `${primary}\0${tertiary}`;
}
function sortableIdentifier(text) {
  return { text, key: identifierSortKey(text) };
}
function compareIdentifierSortables(a, b) {
  if (a.key !== void 0 && b.key !== void 0) return compareText(a.key, b.key);
  return a.text === b.text ? 0 : (rootCollator ??= new Intl.Collator("und")).compare(a.text, b.text);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  sortableIdentifier,
  compareIdentifierSortables,
  compareText
};
