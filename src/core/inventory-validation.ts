// Validation of an inventory text: syntax, schema and semantic rules in one pass, all problems collected.
import type { CalendarDate } from './dates.js';
import { isError, sortDiagnostics, type Diagnostic, type Finding, type Severity } from './diagnostics.js';
import type { Inventory } from './inventory.js';
import { readInventory } from './inventory-reader.js';
import { inventoryRuleFindings } from './inventory-rules.js';
import { placeFinding, type YamlSource } from './yaml-source.js';

/**
 * An inventory read and checked: the model (when buildable) and its diagnostics, sorted by position. Rule findings
 * are placed (given their file:line:column) when first asked for: `errors` places only the errors, which is all a
 * command acting on a valid file needs, so `status` of a file with a warning on every row does not place them.
 */
export interface InventoryCheck {
  readonly source: YamlSource;
  readonly inventory: Inventory | undefined;
  /**
   * Every diagnostic, warnings included. Placed when first read, which may need the Document API (a finding inside
   * an entry only a parse of that entry can place): outside the full CLI, read it inside `withYamlDocument`.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** The errors among `diagnostics`, in the same order. */
  readonly errors: readonly Diagnostic[];
}

/** Reads and checks an inventory text on day `today`. */
export function checkInventoryText(text: string, file: string, today: CalendarDate): InventoryCheck {
  const read = readInventory(text, file);
  const model = read.inventory ?? read.partial;
  const rules = model ? inventoryRuleFindings(model, { today }) : undefined;
  // The diagnostics that `keep` selects, sorted: the reader's, placed already, and the rules' findings, placed now.
  const assemble = (findings: readonly Finding[], keep: (item: { readonly severity: Severity }) => boolean): readonly Diagnostic[] =>
    model ? sortDiagnostics([...read.diagnostics.filter(keep), ...findings.filter(keep).map((finding) => placeFinding(read.source, finding))]) : read.diagnostics.filter(keep);
  let diagnostics: readonly Diagnostic[] | undefined;
  let errors: readonly Diagnostic[] | undefined;
  // Own enumerable getters, so a spread copy ({ ...check, diagnostics }) still carries both lists. The errors alone
  // need neither the warnings placed nor the rules that only warn run.
  return {
    source: read.source,
    inventory: read.inventory,
    get diagnostics() {
      return (diagnostics ??= assemble(rules?.all() ?? [], () => true));
    },
    get errors() {
      return (errors ??= diagnostics?.filter(isError) ?? assemble(rules?.ofErrorRules() ?? [], isError));
    },
  };
}
