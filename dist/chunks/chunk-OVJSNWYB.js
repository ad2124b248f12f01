import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkValuesOpen
} from "./chunk-MVG2JEC2.js";
import {
  loadInventoryFile,
  withYamlDocument
} from "./chunk-OFF5FPFZ.js";
import {
  hasErrors,
  isError,
  placeFinding,
  sortDiagnostics
} from "./chunk-WWP5I3BF.js";

// src/app/validate.ts
async function validateInventory(request) {
  const loaded = await loadInventoryFile(request.file, request.today);
  if (request.ring === void 0 || loaded.inventory === void 0) return { check: loaded, valid: !hasErrors(loaded.diagnostics) };
  const opened = checkValuesOpen(loaded.inventory, request.ring);
  const placed = await withYamlDocument(() => opened.findings.map((finding) => placeFinding(loaded.source, finding)));
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...placed]);
  const check = { source: loaded.source, inventory: loaded.inventory, diagnostics, errors: diagnostics.filter(isError) };
  return { check, valid: !hasErrors(diagnostics), decrypt: { values: opened.examined, openedByKeyId: opened.openedByKeyId } };
}

export {
  validateInventory
};
