import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/markdown.ts
var CONTROL_OR_LINE_BREAK = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
var MARKUP_PUNCTUATION = /[\\`*_[\]~#!$]/g;
var AUTOLINK_START = /:(?=\/\/)|(?<=\bwww)\./gi;
var BLOCK_START = /^(\s*)([-+=]|\d+[.)])/;
function flattenToLine(text) {
  return text.replace(CONTROL_OR_LINE_BREAK, " ");
}
function markdownText(text) {
  return flattenToLine(text).replace(MARKUP_PUNCTUATION, (char) => `\\${char}`).replace(AUTOLINK_START, (char) => `\\${char}`).replace(BLOCK_START, (_, space, marker) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/@/g, "@\u200B");
}
function markdownCode(text) {
  const flat = flattenToLine(text);
  if (flat.includes("|")) return markdownText(flat);
  if (flat === "") return "` `";
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padded = /^[ `]|[ `]$/.test(flat) ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}
function markdownCodeList(items, none = "\u2013") {
  return items.length === 0 ? none : items.map(markdownCode).join(", ");
}
function markdownMessage(message) {
  const parts = message.split("`");
  if (parts.length % 2 === 0) return markdownText(message);
  return parts.map((part, index) => index % 2 === 0 ? markdownText(part) : markdownCode(part)).join("");
}
function markdownQuote(text) {
  return `> ${markdownText(text)}`;
}
function markdownTable(header, rows) {
  const cell = (text) => flattenToLine(text).replace(/\|/g, "&#124;");
  const row = (cells) => `| ${header.map((_, column) => cell(cells[column] ?? "")).join(" | ")} |`;
  return [row(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(row)].join("\n");
}
function markdownUrl(url) {
  return flattenToLine(url).replace(/[\s()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export {
  markdownText,
  markdownCode,
  markdownCodeList,
  markdownMessage,
  markdownQuote,
  markdownTable,
  markdownUrl
};
