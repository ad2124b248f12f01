// The public demo key (examples/demo.key) and the values sealed under it: readable by anyone who has the repository.
import { listSealedValues, type Inventory, type ListedSealedValue, type SealedValueEntry } from './inventory.js';

/** The id of examples/demo.key, the key the example inventory is sealed under. It is published: it protects nothing. */
export const PUBLIC_DEMO_KEY_ID = '175365ad';

/** The inventory's values sealed under the public demo key, in file order. */
export function listDemoKeyValues(inventory: Inventory): ListedSealedValue[] {
  return listSealedValues(inventory).filter((entry) => entry.parts?.kind === 'fernet' && entry.parts.keyId === PUBLIC_DEMO_KEY_ID);
}

/** `openai` or `admin-password/production`: how status and plan name a value's place. */
export function describeValuePlace(entry: SealedValueEntry): string {
  return entry.place.deployment === undefined ? entry.place.credentialId : `${entry.place.credentialId}/${entry.place.deployment}`;
}

/**
 * "24 values are sealed under the public demo key 175365ad (examples/demo.key), which anyone can read: openai, …":
 * one sentence for validate, status and the plan, naming at most `shown` places.
 */
export function describeDemoKeyValues(entries: readonly (SealedValueEntry | string)[], shown = 6): string {
  // Only the places shown are named: the rest are counted (an inventory may hold thousands).
  const places = entries.slice(0, shown).map((entry) => (typeof entry === 'string' ? entry : describeValuePlace(entry)));
  const listed = entries.length > shown ? `${places.join(', ')} and ${entries.length - shown} more` : places.join(', ');
  const count = entries.length === 1 ? '1 value is' : `${entries.length} values are`;
  return `${count} sealed under the public demo key ${PUBLIC_DEMO_KEY_ID} (examples/demo.key), which anyone can read: ${listed}; they are examples, not secrets: store real values under your own key with \`credledger set <id> --value-stdin\``;
}
