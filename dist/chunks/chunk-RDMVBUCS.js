import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkValuesOpen
} from "./chunk-EAN7MT2I.js";
import {
  loadInventoryFile
} from "./chunk-Q66AH3RP.js";
import {
  hasErrors,
  placeFinding,
  sortDiagnostics
} from "./chunk-7HJEODN6.js";

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
