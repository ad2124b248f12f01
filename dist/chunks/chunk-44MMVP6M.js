import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkValuesOpen
} from "./chunk-QTWLEP6E.js";
import {
  loadInventoryFile
} from "./chunk-MIT6DLVX.js";
import {
  hasErrors,
  placeFinding,
  sortDiagnostics
} from "./chunk-DA7ONON6.js";

// src/app/validate.ts
async function validateInventory(request) {
  const loaded = await loadInventoryFile(request.file, request.today);
  if (request.ring === void 0 || loaded.inventory === void 0) return { check: loaded, valid: !hasErrors(loaded.diagnostics) };
  const opened = checkValuesOpen(loaded.inventory, request.ring);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...opened.findings.map((finding) => placeFinding(loaded.source, finding))]);
  const check = { ...loaded, diagnostics };
  return { check, valid: !hasErrors(diagnostics), decrypt: { values: opened.examined, openedByKeyId: opened.openedByKeyId } };
}

export {
  validateInventory
};
