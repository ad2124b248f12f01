import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkInventoryText
} from "./chunk-7HJEODN6.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/inventory-file.ts
import { randomBytes } from "node:crypto";
import { open, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
var DEFAULT_INVENTORY_FILE = "credentials.yaml";
async function readInventoryText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw new UsageError(`inventory file not found: ${file} (pass --file, or create it from credentials.yaml.example)`);
    if (code === "EISDIR") throw new UsageError(`${file} is a directory, not an inventory file`);
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  }
}
async function loadInventoryFile(file, today) {
  return checkInventoryText(await readInventoryText(file), file, today);
}
async function replaceInventoryText(file, previous, next) {
  if (await readInventoryText(file) !== previous) {
    throw new ExternalError(`${file} changed while credledger was editing it; nothing was written: run the command again`);
  }
  const target = await realpath(file);
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
  DEFAULT_INVENTORY_FILE,
  readInventoryText,
  loadInventoryFile,
  replaceInventoryText
};
