import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  KeyRingError,
  createKeyRing,
  parseKeyRing,
  parseKeys
} from "./chunk-RDSJMO77.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/key-source.ts
import { readFile } from "node:fs/promises";
var KEY_ENVIRONMENT_VARIABLE = "CREDLEDGER_KEY";
var SEALING_KEY_ENVIRONMENT_VARIABLE = "CREDLEDGER_SEALING_KEY";
async function loadOptionalKeyRing(options) {
  try {
    if (options.keyFile !== void 0) {
      let text;
      try {
        text = await readFile(options.keyFile, "utf8");
      } catch (error) {
        const code = error.code;
        const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" || code === "EPERM" ? "permission denied" : error.message;
        throw new UsageError(`cannot read key file ${describeKeyFilePath(options.keyFile)}: ${why}`);
      }
      return parseKeyRing(text, options.keyFile);
    }
    const master = options.env[KEY_ENVIRONMENT_VARIABLE] ?? "";
    const sealing = options.env[SEALING_KEY_ENVIRONMENT_VARIABLE] ?? "";
    const sources = [master.trim() === "" ? void 0 : KEY_ENVIRONMENT_VARIABLE, sealing.trim() === "" ? void 0 : SEALING_KEY_ENVIRONMENT_VARIABLE].filter((name) => name !== void 0);
    if (sources.length === 0) return void 0;
    const fromMaster = parseKeys(master, KEY_ENVIRONMENT_VARIABLE);
    const fromSealing = parseKeys(sealing, SEALING_KEY_ENVIRONMENT_VARIABLE, "sealing");
    return createKeyRing(fromMaster.masterKeys, sources.join(" and "), [...fromMaster.sealingKeys, ...fromSealing.sealingKeys]);
  } catch (error) {
    if (error instanceof KeyRingError) throw new UsageError(error.message);
    throw error;
  }
}
async function loadKeyRing(options) {
  const ring = await loadOptionalKeyRing(options);
  if (!ring) {
    throw new UsageError(
      `no key: set ${KEY_ENVIRONMENT_VARIABLE} (comma-separated Fernet keys, the first encrypts), ${SEALING_KEY_ENVIRONMENT_VARIABLE} (sealing private keys, for sealed: values), or pass --key-file PATH; \`credledger keygen\` makes one`
    );
  }
  return ring;
}
function describeKeyFilePath(file) {
  if (/^(sealing-key:)?[A-Za-z0-9_:=-]{32,}$/.test(file.trim()) || file.includes(",")) {
    return "(the path is not shown: it looks like a key itself; --key-file takes the path of a file that holds the keys)";
  }
  return file;
}

export {
  loadOptionalKeyRing,
  loadKeyRing
};
