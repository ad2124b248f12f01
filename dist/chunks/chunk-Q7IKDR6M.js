import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/source-lines.ts
function lineStartsOf(text) {
  const starts = [0];
  for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", newline + 1)) starts.push(newline + 1);
  return starts;
}
function leadingSpaces(line) {
  let index = 0;
  while (index < line.length && isWhitespace(line.charCodeAt(index))) index += 1;
  if (index < line.length && line.charCodeAt(index) > 127) return /^\s*/.exec(line)?.[0].length ?? 0;
  return index;
}
function isWhitespace(code) {
  return code === 32 || code >= 9 && code <= 13;
}
function isContentLine(line, indent) {
  return indent < line.length && line.charCodeAt(indent) !== 35;
}
var DEFAULT_LIMITS = { walk: 64, shallowIndexes: 4, budget: 4 };
var UNKNOWN = -2;
var SourceLines = class {
  #text;
  #starts;
  #limits;
  #parents;
  #wholeFileParents;
  /** For an indentation, the content lines with less, in order. */
  #shallowerLines = /* @__PURE__ */ new Map();
  #walked = 0;
  constructor(text, starts = lineStartsOf(text), limits = DEFAULT_LIMITS) {
    this.#text = text;
    this.#starts = starts;
    this.#limits = limits;
  }
  get count() {
    return this.#starts.length;
  }
  /** The line at a zero-based index, without its line end; undefined past the last. */
  line(index) {
    const start = this.#starts[index];
    if (start === void 0) return void 0;
    const next = this.#starts[index + 1];
    if (next === void 0) return this.#text.slice(start);
    const end = next - 1;
    return this.#text.slice(start, end > start && this.#text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  }
  /** The index of the line `index` sits under, or -1 (for a line at the margin, or with nothing above it). */
  parentOf(index) {
    if (index <= 0 || index >= this.count) return -1;
    if (this.#wholeFileParents) return this.#wholeFileParents[index];
    this.#parents ??= new Int32Array(this.count).fill(UNKNOWN);
    const known = this.#parents[index];
    if (known !== UNKNOWN) return known;
    const found = this.#lookUp(index);
    this.#parents[index] = found;
    return found;
  }
  #lookUp(index) {
    const own = leadingSpaces(this.line(index) ?? "");
    if (own === 0) return -1;
    const floor = Math.max(0, index - this.#limits.walk);
    for (let above = index - 1; above >= floor; above -= 1) {
      const line = this.line(above) ?? "";
      const indent = leadingSpaces(line);
      if (indent < own && isContentLine(line, indent)) {
        this.#walked += index - above;
        return above;
      }
    }
    this.#walked += index - floor;
    if (floor === 0) return -1;
    const shallower = this.#shallowerLinesThan(own);
    if (shallower === void 0 || this.#walked > this.#limits.budget * this.count) return this.#wholeFile()[index];
    return lastBefore(shallower, index);
  }
  #shallowerLinesThan(indent) {
    const known = this.#shallowerLines.get(indent);
    if (known !== void 0) return known;
    if (this.#shallowerLines.size >= this.#limits.shallowIndexes) return void 0;
    const pattern = new RegExp(`\\n[^\\S\\n]{0,${indent - 1}}[^\\s#]`, "g");
    const lines = [];
    const first = this.line(0) ?? "";
    const firstIndent = leadingSpaces(first);
    if (firstIndent < indent && isContentLine(first, firstIndent)) lines.push(0);
    let at = 0;
    for (let match = pattern.exec(this.#text); match !== null; match = pattern.exec(this.#text)) {
      at = lineOfStart(this.#starts, match.index + 1, at);
      lines.push(at);
    }
    const index = Int32Array.from(lines);
    this.#shallowerLines.set(indent, index);
    return index;
  }
  #wholeFile() {
    this.#wholeFileParents ??= wholeFileParentsOf(this);
    return this.#wholeFileParents;
  }
};
function lineOfStart(starts, offset, from) {
  let low = from;
  let high = starts.length - 1;
  while (low < high) {
    const mid = low + high >> 1;
    if (starts[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
function lastBefore(lines, index) {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (lines[mid] < index) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? -1 : lines[low - 1];
}
function wholeFileParentsOf(lines) {
  const parents = new Int32Array(lines.count);
  const indents = new Int32Array(lines.count);
  const stack = [];
  for (let index = 0; index < lines.count; index += 1) {
    const line = lines.line(index) ?? "";
    const own = leadingSpaces(line);
    indents[index] = own;
    if (isContentLine(line, own)) {
      while (stack.length > 0 && indents[stack[stack.length - 1]] >= own) stack.pop();
      parents[index] = stack.length > 0 ? stack[stack.length - 1] : -1;
      stack.push(index);
    } else {
      let found = -1;
      for (let at = stack.length - 1; at >= 0; at -= 1) {
        const candidate = stack[at];
        if (indents[candidate] < own) {
          found = candidate;
          break;
        }
      }
      parents[index] = found;
    }
  }
  return parents;
}

export {
  lineStartsOf,
  leadingSpaces,
  SourceLines
};
