import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-4FLMUSPY.js";
import {
  __toESM
} from "./chunk-ZPKHJYF4.js";

// src/core/yaml-edit.ts
var import_yaml = __toESM(require_dist(), 1);
import { isDeepStrictEqual } from "node:util";
var YamlEditError = class extends Error {
  constructor(message, path) {
    super(message);
    this.path = path;
  }
  path;
  name = "YamlEditError";
};
function editYamlScalars(text, edits, order = () => void 0) {
  let edited = text;
  for (const edit of edits) edited = applyEdit(edited, edit, order);
  checkEditedData(text, edited, edits);
  return edited;
}
function parseStrict(text, path) {
  const document = (0, import_yaml.parseDocument)(text, { uniqueKeys: true, keepSourceTokens: false });
  if (document.errors.length > 0) throw new YamlEditError(`the text has YAML errors (${document.errors[0]?.code ?? "unknown"}); fix them first`, path);
  return document;
}
function findPair(map, key) {
  return map.items.find((pair) => (0, import_yaml.isScalar)(pair.key) && pair.key.value === key);
}
function rangeOf(node, path) {
  const range = node?.range;
  if (!range) throw new YamlEditError(`no source position for ${path.join(".")}`, path);
  return range;
}
function applyEdit(text, edit, order) {
  const document = parseStrict(text, edit.path);
  const chain = [];
  let node = document.contents;
  for (const [index, key] of edit.path.entries()) {
    const here = edit.path.slice(0, index);
    if (!(0, import_yaml.isMap)(node)) throw new YamlEditError(`${here.join(".") || "the document"} is not a mapping, so ${key} cannot be set in it`, edit.path);
    chain.push(node);
    const pair = findPair(node, key);
    if (pair === void 0) return insertEntry(text, chain, here, edit.path.slice(index), edit.value, order);
    if (index === edit.path.length - 1) return replaceScalar(text, pair, edit);
    node = pair.value;
  }
  throw new YamlEditError("an edit needs a non-empty path", edit.path);
}
function replaceScalar(text, pair, edit) {
  const node = pair.value;
  if (!(0, import_yaml.isScalar)(node)) throw new YamlEditError(`${edit.path.join(".")} is not a single written-out value (it is a collection or an alias)`, edit.path);
  const [start, end] = rangeOf(node, edit.path);
  const old = text.slice(start, end);
  let rendered = renderScalar(edit.value, node.type);
  if (start === end && text[start - 1] === ":") rendered = ` ${rendered}`;
  const lineBreak = /\r?\n$/.exec(old)?.[0] ?? "";
  return text.slice(0, start) + rendered + lineBreak + text.slice(end);
}
function insertEntry(text, chain, parentPath, keys, value, order) {
  const map = chain[chain.length - 1];
  const [first] = keys;
  if (first === void 0) throw new YamlEditError("nothing to insert", parentPath);
  const preferred = order(parentPath);
  const anchor = chooseAnchor(map, first, preferred);
  return map.flow ? insertIntoFlowMap(text, map, anchor, keys, value, parentPath) : insertIntoBlockMap(text, chain, anchor, keys, value, parentPath);
}
function chooseAnchor(map, key, preferred) {
  const last = map.items[map.items.length - 1];
  const rank = preferred?.indexOf(key) ?? -1;
  if (preferred === void 0 || rank < 0) return last;
  const before = map.items.filter((pair) => {
    const other = preferred.indexOf((0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "");
    return other >= 0 && other < rank;
  });
  if (before.length > 0) return before[before.length - 1];
  const anyRanked = map.items.some((pair) => preferred.includes((0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : ""));
  return anyRanked ? void 0 : last;
}
function lineStartOf(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function lineBreakOf(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function endOfPair(pair, path) {
  return rangeOf(pair.value ?? pair.key, path)[1];
}
function insertIntoBlockMap(text, chain, anchor, keys, value, path) {
  const map = chain[chain.length - 1];
  const firstKey = map.items[0]?.key;
  if (firstKey === void 0) throw new YamlEditError(`${path.join(".")} is an empty mapping`, path);
  const keyStart = rangeOf(firstKey, path)[0];
  const indent = keyStart - lineStartOf(text, keyStart);
  const step = indentStep(text, chain, indent, path);
  const eol = lineBreakOf(text);
  const lines = keys.map((key, depth) => `${" ".repeat(indent + depth * step)}${renderKey(key)}:${depth === keys.length - 1 ? ` ${renderScalar(value)}` : ""}`);
  const block = lines.join(eol) + eol;
  if (anchor === void 0) {
    const at = lineStartOf(text, keyStart);
    return text.slice(0, at) + block + text.slice(at);
  }
  const end = endOfPair(anchor, path);
  if (end > 0 && text[end - 1] === "\n") return text.slice(0, end) + block + text.slice(end);
  const newline = text.indexOf("\n", end);
  if (newline < 0) return text + eol + block.slice(0, -eol.length);
  return text.slice(0, newline + 1) + block + text.slice(newline + 1);
}
function indentStep(text, chain, indent, path) {
  const parent = chain[chain.length - 2];
  const parentKey = parent?.items[0]?.key;
  if (parent === void 0 || parent.flow || parentKey === void 0) return 2;
  const parentStart = rangeOf(parentKey, path)[0];
  const step = indent - (parentStart - lineStartOf(text, parentStart));
  return step > 0 ? step : 2;
}
function insertIntoFlowMap(text, map, anchor, keys, value, path) {
  const entry = keys.reduceRight((inner, key, depth) => depth === keys.length - 1 ? `${renderKey(key)}: ${inner}` : `${renderKey(key)}: { ${inner} }`, renderScalar(value));
  const firstPair = map.items[0];
  if (firstPair === void 0) {
    const open = rangeOf(map, path)[0];
    return `${text.slice(0, open + 1)} ${entry} ${text.slice(open + 1)}`;
  }
  if (anchor === void 0) {
    const at = rangeOf(firstPair.key, path)[0];
    return `${text.slice(0, at)}${entry}, ${text.slice(at)}`;
  }
  const end = endOfPair(anchor, path);
  return `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
}
function renderScalar(value, style) {
  if (style === "QUOTE_SINGLE" && !/[\n\r']/.test(value)) return `'${value}'`;
  if (style === "QUOTE_DOUBLE" || style === "QUOTE_SINGLE") return JSON.stringify(value);
  return isSafePlain(value) ? value : JSON.stringify(value);
}
function renderKey(key) {
  return isSafePlain(key) ? key : JSON.stringify(key);
}
function isSafePlain(text) {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.:=+/-]*$/.test(text) || text.endsWith(":")) return false;
  const probe = (0, import_yaml.parseDocument)(`[${text}]`);
  const item = onlyItemOf(probe.contents);
  return probe.errors.length === 0 && (0, import_yaml.isScalar)(item) && item.value === text;
}
function onlyItemOf(contents) {
  const items = contents?.items;
  return items?.length === 1 ? items[0] : void 0;
}
function checkEditedData(before, after, edits) {
  const expected = parseStrict(before, []).toJS();
  for (const edit of edits) setIn(expected, edit.path, edit.value);
  const actual = parseStrict(after, []).toJS();
  if (!isDeepStrictEqual(actual, expected)) {
    throw new YamlEditError(`editing ${edits.map((edit) => edit.path.join(".")).join(", ")} in place would change other data; edit the file by hand`, edits[0]?.path ?? []);
  }
}
function setIn(target, path, value) {
  let current = target;
  for (const [index, key] of path.entries()) {
    const define = (entry) => Object.defineProperty(current, key, { value: entry, writable: true, enumerable: true, configurable: true });
    if (index === path.length - 1) {
      define(value);
      return;
    }
    const next = Object.hasOwn(current, key) ? current[key] : void 0;
    if (typeof next !== "object" || next === null) define({});
    current = current[key];
  }
}
function insertYamlMappingEntry(text, parentPath, key, fields) {
  const path = [...parentPath, key];
  const document = parseStrict(text, path);
  let node = document.contents;
  for (const name of parentPath) {
    if (!(0, import_yaml.isMap)(node)) break;
    node = findPair(node, name)?.value;
  }
  const eol = lineBreakOf(text);
  const flowEntry = `${renderKey(key)}: { ${fields.map(([name, value]) => `${renderKey(name)}: ${renderFlowScalar(value)}`).join(", ")} }`;
  let edited;
  if ((0, import_yaml.isMap)(node) && node.flow && node.items.length === 0 && text.slice(...rangeOf(node, path).slice(0, 2)).trim() === "{}") {
    const [start, end2] = rangeOf(node, path);
    const keyColumn = start - lineStartOf(text, start) - text.slice(lineStartOf(text, start), start).trimStart().length;
    edited = `${text.slice(0, start).trimEnd()}${eol}${" ".repeat(keyColumn + 2)}${flowEntry}${text.slice(end2)}`;
    return checkInsertion(text, edited, parentPath, key, fields);
  }
  if (!(0, import_yaml.isMap)(node) || node.flow || node.items.length === 0) throw new YamlEditError(`${parentPath.join(".")} is not a block mapping with entries to add ${key} beside`, path);
  if (findPair(node, key) !== void 0) throw new YamlEditError(`${path.join(".")} already exists`, path);
  const last = node.items[node.items.length - 1];
  const keyStart = rangeOf(node.items[0]?.key, path)[0];
  const indent = " ".repeat(keyStart - lineStartOf(text, keyStart));
  const flow = (0, import_yaml.isMap)(last.value) && last.value.flow;
  const entry = flow ? `${indent}${flowEntry}` : [`${indent}${renderKey(key)}:`, ...fields.map(([name, value]) => `${indent}  ${renderKey(name)}: ${renderScalar(value)}`)].join(eol);
  const end = endOfPair(last, path);
  if (end > 0 && text[end - 1] === "\n") edited = text.slice(0, end) + entry + eol + text.slice(end);
  else {
    const newline = text.indexOf("\n", end);
    edited = newline < 0 ? text + eol + entry : text.slice(0, newline + 1) + entry + eol + text.slice(newline + 1);
  }
  return checkInsertion(text, edited, parentPath, key, fields);
}
function checkInsertion(text, edited, parentPath, key, fields) {
  const path = [...parentPath, key];
  const actual = parseStrict(edited, []).toJS();
  const withEntry = structuredClone(parseStrict(text, []).toJS());
  let target = withEntry;
  for (const name of parentPath) target = target[name];
  target[key] = Object.fromEntries(fields);
  if (!isDeepStrictEqual(actual, withEntry)) throw new YamlEditError(`adding ${path.join(".")} in place would change other data; edit the file by hand`, path);
  return edited;
}
function renderFlowScalar(value) {
  if (/^[A-Za-z0-9_@.][^,{}[\]#&*!|>'"%`:\n\r]*$/.test(value) && value.trim() === value) {
    const probe = (0, import_yaml.parseDocument)(`{ k: ${value} }`);
    const item = probe.contents?.items?.[0];
    if (probe.errors.length === 0 && (0, import_yaml.isScalar)(item?.value) && item.value.value === value) return value;
  }
  return JSON.stringify(value);
}

// src/core/inventory-edit.ts
var CREDENTIAL_FIELD_ORDER = [
  "setting",
  "kind",
  "custom",
  "owner",
  "access",
  "issuer",
  "description",
  "deployments",
  "group",
  "created",
  "rotated",
  "every",
  "compromised",
  "incident",
  "revoked",
  "rotation",
  "value",
  "values"
];
var PERSON_FIELD_ORDER = ["github", "email", "name", "left", "seal_only"];
function valuePathOf(place) {
  return place.deployment === void 0 ? ["credentials", place.credentialId, "value"] : ["credentials", place.credentialId, "values", place.deployment];
}
function writeValuesInText(text, writes, deploymentOrder = []) {
  const edits = writes.flatMap((write) => [
    { path: valuePathOf(write.place), value: write.sealed },
    ...write.rotated === void 0 ? [] : [{ path: ["credentials", write.place.credentialId, "rotated"], value: write.rotated }]
  ]);
  return editYamlScalars(text, edits, inventoryKeyOrder(deploymentOrder));
}
function inventoryKeyOrder(deploymentOrder) {
  return (parentPath) => {
    if (parentPath.length === 2 && parentPath[0] === "credentials") return CREDENTIAL_FIELD_ORDER;
    if (parentPath.length === 2 && parentPath[0] === "people") return PERSON_FIELD_ORDER;
    if (parentPath.length === 3 && parentPath[0] === "credentials" && parentPath[2] === "values") return deploymentOrder;
    return void 0;
  };
}
function writeFieldsInText(text, writes) {
  return writes.length === 0 ? text : editYamlScalars(text, writes, inventoryKeyOrder([]));
}
function addPersonInText(text, id, fields) {
  return insertYamlMappingEntry(text, ["people"], id, fields);
}

export {
  YamlEditError,
  editYamlScalars,
  valuePathOf,
  writeValuesInText,
  writeFieldsInText,
  addPersonInText
};
