// Validation of an inventory text: syntax, schema and semantic rules in one pass, all problems collected.
import type { CalendarDate } from './dates.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { Inventory } from './inventory.js';
import { readInventory } from './inventory-reader.js';
import { checkInventoryRules } from './inventory-rules.js';
import { placeFinding, type YamlSource } from './yaml-source.js';

/** An inventory read and checked: the model (when buildable) and every diagnostic, sorted by position. */
export interface InventoryCheck {
  readonly source: YamlSource;
  readonly inventory: Inventory | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and checks an inventory text on day `today`. */
export function checkInventoryText(text: string, file: string, today: CalendarDate): InventoryCheck {
  const read = readInventory(text, file);
  const model = read.inventory ?? read.partial;
  if (!model) return { source: read.source, inventory: undefined, diagnostics: read.diagnostics };
  const ruleDiagnostics = checkInventoryRules(model, { today }).map((finding) => placeFinding(read.source, finding));
  return { source: read.source, inventory: read.inventory, diagnostics: sortDiagnostics([...read.diagnostics, ...ruleDiagnostics]) };
}
