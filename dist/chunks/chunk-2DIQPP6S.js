import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import {
  YamlDocumentNeeded
} from "./chunk-YUYCLIND.js";
import {
  declareRunIdentifiers,
  declaredIdentifiers
} from "./chunk-QL6ADRZ6.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/yaml-document-loader.ts
async function loadYamlDocumentSupport() {
  await import("./yaml-document-SFIM77P5.js");
}
async function withYamlDocument(work) {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof YamlDocumentNeeded)) throw error;
    await loadYamlDocumentSupport();
    return work();
  }
}

// src/app/inventory-file.ts
import { isUtf8 } from "node:buffer";
import { randomBytes } from "node:crypto";
import { open, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
var DEFAULT_INVENTORY_FILE = "credentials.yaml";
var MAX_INVENTORY_BYTES = 64e6;
function firstInvalidUtf8Byte(bytes) {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index] ?? 0;
    const length = lead < 128 ? 1 : lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) if (((bytes[index + next] ?? 0) & 192) !== 128) return index;
    const second = bytes[index + 1] ?? 0;
    if (lead === 224 && second < 160 || lead === 237 && second > 159 || lead === 240 && second < 144 || lead === 244 && second > 143) return index;
    index += length;
  }
  return -1;
}
async function readInventoryText(file) {
  try {
    const { size } = await stat(file);
    if (size > MAX_INVENTORY_BYTES) {
      throw new UsageError(`${file} is ${size} bytes; credledger reads inventories up to ${MAX_INVENTORY_BYTES} bytes (split it, one file per team or environment)`);
    }
    const bytes = await readFile(file);
    const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8Byte(bytes);
    if (invalid >= 0) {
      const before = bytes.subarray(0, invalid).toString("utf8");
      const line = before.split("\n").length;
      const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
      throw new UsageError(`${file}:${line}:${column}: byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, "0")} is not UTF-8: save the inventory as UTF-8 text`);
    }
    return bytes.toString("utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = error.code;
    if (code === "ENOENT") throw new UsageError(`inventory file not found: ${file} (pass --file, or create it from credentials.yaml.example)`);
    if (code === "EISDIR") throw new UsageError(`${file} is a directory, not an inventory file`);
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  }
}
async function loadInventoryFile(file, today) {
  const text = await readInventoryText(file);
  const check = await withYamlDocument(() => checkInventoryText(text, file, today));
  if (check.inventory) declareRunIdentifiers(declaredIdentifiers(check.inventory));
  return check;
}
async function replaceInventoryText(file, previous, next) {
  const target = await realpath(file);
  await withInventoryLock(file, target, async () => {
    if (await readInventoryText(file) !== previous) {
      throw new ExternalError(`${file} changed while credledger was editing it; nothing was written: run the command again`);
    }
    await renameOver(file, target, next);
  });
}
var LOCK_STALE_MS = 3e4;
var LOCK_WAIT_MS = 1e4;
async function withInventoryLock(file, target, edit) {
  const lock = `${target}.credledger-lock`;
  const started = Date.now();
  for (; ; ) {
    try {
      const handle = await open(lock, "wx", 384);
      await handle.writeFile(`${process.pid} ${(/* @__PURE__ */ new Date()).toISOString()}
`);
      await handle.close();
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw new ExternalError(`cannot lock ${file} for editing: ${error.code ?? error.message}`, { cause: error });
      const held = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (held > LOCK_STALE_MS) await rm(lock, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) {
        throw new ExternalError(`another credledger is editing ${file} (lock ${lock}); nothing was written: run the command again once it is done, or remove the lock if none is running`);
      } else await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
    }
  }
  try {
    await edit();
  } finally {
    await rm(lock, { force: true });
  }
}
async function renameOver(file, target, next) {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const { mode } = await stat(target);
    const handle = await open(temporary, "wx", mode & 511);
    try {
      await handle.writeFile(next, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ExternalError(`cannot write ${file}: ${error.code ?? error.message}`, { cause: error });
  }
}

export {
  withYamlDocument,
  DEFAULT_INVENTORY_FILE,
  readInventoryText,
  loadInventoryFile,
  replaceInventoryText
};
