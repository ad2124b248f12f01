// How plan tells values apart: by ciphertext without a key, by plaintext with one (decrypted here, compared in constant time, never handed on).
import { errorAt, type Finding } from '../core/diagnostics.js';
import { listSealedValues, type Inventory, type SealedValueEntry, type ValuePlace } from '../core/inventory.js';
import type { ValueInspector } from '../core/plan.js';
import { parseSealedValueText } from '../core/sealed-value-format.js';
import { readFernetTimestamp } from '../crypto/fernet.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { SealedValueError, openSealedValue } from '../crypto/sealed-value.js';
import type { SecretValue } from '../crypto/secret-value.js';

/** An inspector, and what opening the values found (only with a key). */
export interface ValueInspection {
  readonly inspector: ValueInspector;
  /** Head values that do not open: paths point into the head inventory. */
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

/** The Fernet timestamp of an encrypted value; unauthenticated unless the value was opened. */
function sealedAtOf(entry: SealedValueEntry): number | undefined {
  const parts = parseSealedValueText(entry.sealed);
  if (!parts) return undefined;
  try {
    return readFernetTimestamp(parts.token);
  } catch {
    return undefined;
  }
}

function samePlace(a: ValuePlace, b: ValuePlace): boolean {
  return a.credentialId === b.credentialId && a.deployment === b.deployment;
}

/**
 * Equal encrypted text, or the same value re-keyed: `credledger rekey` re-encrypts a value in its
 * place under a new key and keeps its timestamp, so a `fernet:` token of the same place and second
 * under another key id holds the value it replaces. Making such a token for a new value takes the
 * key. A value sealed with the public key proves nothing by its timestamp and counts as changed.
 */
function sameCiphertext(before: SealedValueEntry, after: SealedValueEntry): boolean {
  if (before.sealed === after.sealed) return true;
  const was = parseSealedValueText(before.sealed);
  const now = parseSealedValueText(after.sealed);
  if (!was || !now || was.keyId === now.keyId || !samePlace(before.place, after.place)) return false;
  // Anyone with the public key can make a sealed token with any timestamp, so only a new `fernet:`
  // token (which takes the master key) vouches for being the same value re-keyed.
  if (now.kind !== 'fernet') return false;
  const sealedAt = sealedAtOf(before);
  return sealedAt !== undefined && sealedAt === sealedAtOf(after);
}

/** Compares values as encrypted text: what a run without the key (a fork's pull request) can do. */
export function inspectByCiphertext(): ValueInspection {
  return { inspector: { basis: 'ciphertext', sameValue: sameCiphertext, sealedAt: sealedAtOf }, findings: [], notes: [] };
}

/** Every place a value could have been sealed for, so a value pasted in the wrong place names where it belongs. */
function candidatePlaces(inventories: readonly (Inventory | undefined)[]): ValuePlace[] {
  const places = new Map<string, ValuePlace>();
  for (const inventory of inventories) {
    for (const credential of inventory?.credentials ?? []) {
      places.set(credential.id, { credentialId: credential.id });
      for (const deployment of inventory?.deployments.keys() ?? []) {
        places.set(`${credential.id}/${deployment}`, { credentialId: credential.id, deployment });
      }
    }
  }
  return [...places.values()];
}

const entryKey = (entry: SealedValueEntry) => `${entry.place.credentialId}\u0000${entry.place.deployment ?? ''}\u0000${entry.sealed}`;

/**
 * Decrypts every value of both inventories with the ring and compares plaintexts, so a value
 * encrypted again without changing is no rotation. Plaintexts stay inside this closure as
 * SecretValues; the plan learns only "same" or "different". A head value that does not open is an
 * error (apply could not push it); a base value that does not open is compared as ciphertext.
 */
export function inspectByPlaintext(ring: KeyRing, base: Inventory | undefined, head: Inventory | undefined): ValueInspection {
  const baseEntries = base ? listSealedValues(base) : [];
  const headEntries = head ? listSealedValues(head) : [];
  const candidates = candidatePlaces([head, base]);
  const opened = new Map<string, SecretValue | null>();
  const open = (entry: SealedValueEntry): SealedValueError | undefined => {
    const key = entryKey(entry);
    if (opened.has(key)) return undefined;
    try {
      opened.set(key, openSealedValue(ring, entry.place, entry.sealed, candidates));
      return undefined;
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      opened.set(key, null);
      return error;
    }
  };

  const findings: Finding[] = [];
  for (const entry of headEntries) {
    // A value not in the encrypted format is already validate's `plaintext-value` error.
    if (!parseSealedValueText(entry.sealed)) continue;
    const error = open(entry);
    if (error) findings.push(errorAt('value-does-not-open', entry.path, `${error.message}; apply could not push it`));
  }
  let unopenedAtBase = 0;
  for (const entry of baseEntries) {
    if (parseSealedValueText(entry.sealed) && open(entry)) unopenedAtBase += 1;
  }
  const notes =
    unopenedAtBase === 0
      ? []
      : [`${unopenedAtBase === 1 ? '1 value' : `${unopenedAtBase} values`} at base did not open with the keys of ${ring.source}; ${unopenedAtBase === 1 ? 'it was' : 'they were'} compared as ciphertext.`];

  const inspector: ValueInspector = {
    basis: 'plaintext',
    sameValue(before, after) {
      const was = opened.get(entryKey(before));
      const now = opened.get(entryKey(after));
      return was && now ? was.equals(now) : sameCiphertext(before, after);
    },
    sealedAt: sealedAtOf,
  };
  return { inspector, findings, notes };
}
