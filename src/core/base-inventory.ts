// The inventory at a plan's base, read beside the head already read in full. Two revisions of a large inventory
// differ in a few credentials: a base credential whose entry is the head's, byte for byte, is the head's own
// credential, so only the rest of the base (its other sections and the entries that differ) is parsed. A plan of
// 10,000 credentials with 5% changed then parses 10,500 credentials, not 20,000.
//
// Why equal text means an equal credential: the head's text was vouched for by the fast parser (no anchors,
// aliases, tags, multi-line flow collections or quoted scalars, indentation that only returns to open levels), so
// an entry of `credentials` is delimited by indentation alone and reads the same wherever it stands. What a
// credential is built from besides its entry is the list of deployments (a credential that lists none takes them
// all), so that section must be the same text on both sides too. Anything else is read whole, as before.
import { findCredential, type Credential, type Inventory } from './inventory.js';
import { readInventory } from './inventory-reader.js';
import { YamlSections, type TextSlice } from './yaml-sections.js';
import { vouchedSectionsOf, type YamlSource } from './yaml-source.js';

/** The head of the plan, as read and checked. */
export interface ReadHead {
  readonly source: YamlSource;
  readonly inventory: Inventory | undefined;
}

/**
 * The inventory of `baseText`, exactly as `readInventory(baseText, file).inventory` gives it (test/core/
 * base-inventory.test.ts holds the two to one answer over fixtures and fuzzed edits), reusing the head's credentials
 * where their entries are unchanged.
 */
export function readBaseInventory(baseText: string, file: string, head: ReadHead | undefined): Inventory | undefined {
  const reused = readReusingHead(baseText, file, head);
  return reused ? reused.inventory : readInventory(baseText, file).inventory;
}

function sliceText(text: string, slice: TextSlice | undefined): string | undefined {
  return slice === undefined ? undefined : text.slice(slice.start, slice.end);
}

/** The base read with the head's unchanged credentials, or undefined when the texts do not allow it. */
function readReusingHead(baseText: string, file: string, head: ReadHead | undefined): { inventory: Inventory | undefined } | undefined {
  if (head?.inventory === undefined) return undefined;
  const headSections = vouchedSectionsOf(head.source);
  const headEntries = headSections?.entries('credentials');
  if (!headSections || !headEntries) return undefined;
  const baseSections = YamlSections.index(baseText);
  const baseSection = baseSections?.section('credentials');
  const baseEntries = baseSections?.entries('credentials');
  if (!baseSections || !baseSection || !baseEntries || baseEntries.size === 0) return undefined;
  const headText = head.source.text;
  if (sliceText(baseText, baseSections.section('deployments')) !== sliceText(headText, headSections.section('deployments'))) return undefined;

  const reused = new Map<string, Credential>();
  const changedEntries: string[] = [];
  for (const [id, slice] of baseEntries) {
    const baseEntry = baseText.slice(slice.start, slice.end);
    const credential = baseEntry === sliceText(headText, headEntries.get(id)) ? findCredential(head.inventory, id) : undefined;
    if (credential !== undefined) reused.set(id, credential);
    else changedEntries.push(baseEntry);
  }
  // The base without its unchanged entries: what comes before the first entry (the entries are in the order of the
  // text), the changed ones in their order, and what follows the section. Read the ordinary way, it checks and
  // builds everything that is not reused.
  const firstEntryStart = baseEntries.values().next().value!.start;
  const parsedPart = readInventory(baseText.slice(0, firstEntryStart) + changedEntries.join('') + baseText.slice(baseSection.end), file).inventory;
  if (parsedPart === undefined) return { inventory: undefined };
  // The order the whole text's data would list its ids in: that of an object's keys (integer-like ids first).
  const order: Record<string, true> = Object.create(null) as Record<string, true>;
  for (const id of baseEntries.keys()) order[id] = true;
  const credentials: Credential[] = [];
  for (const id in order) {
    const credential = reused.get(id) ?? findCredential(parsedPart, id);
    if (credential !== undefined) credentials.push(credential);
  }
  return { inventory: { ...parsedPart, credentials } };
}
