import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkValuesOpen
} from "./chunk-DKTHFQQM.js";
import {
  loadInventoryFile,
  withYamlDocument
} from "./chunk-2DIQPP6S.js";
import {
  hasErrors,
  isError,
  placeFinding,
  sortDiagnostics
} from "./chunk-YUYCLIND.js";

// src/app/validate.ts
async function validateInventory(request) {
  const loaded = await loadInventoryFile(request.file, request.today);
  const found = await withYamlDocument(() => loaded.diagnostics);
  if (request.ring === void 0 || loaded.inventory === void 0) return { check: loaded, valid: !hasErrors(found) };
  const opened = checkValuesOpen(loaded.inventory, request.ring);
  const placed = await withYamlDocument(() => opened.findings.map((finding) => placeFinding(loaded.source, finding)));
  const diagnostics = sortDiagnostics([...found, ...placed]);
  const check = { source: loaded.source, inventory: loaded.inventory, diagnostics, errors: diagnostics.filter(isError) };
  return { check, valid: !hasErrors(diagnostics), decrypt: { values: opened.examined, openedByKeyId: opened.openedByKeyId } };
}

export {
  validateInventory
};
