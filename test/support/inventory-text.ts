// Builds inventories from short YAML snippets for table-driven tests.
import { readInventory } from '../../src/core/inventory-reader.js';
import type { Inventory } from '../../src/core/inventory.js';

/** A minimal valid header: people and two deployments, followed by the given credentials block. */
export function inventoryText(credentials: string, extra = ''): string {
  return `version: 1
${extra}people:
  alice: { github: alice }
  bob: { github: bob, left: 2026-10-31 }
  carol: { github: carol }
deployments:
  production: { url: 'https://docs.example.com' }
  staging: { url: 'https://staging.example.com' }
credentials:
${credentials}`;
}

/** Reads inventory text that is expected to be well-formed. */
export function inventoryFrom(text: string): Inventory {
  const result = readInventory(text, 'test.yaml');
  if (!result.inventory) throw new Error(`not an inventory: ${JSON.stringify(result.diagnostics)}`);
  return result.inventory;
}
