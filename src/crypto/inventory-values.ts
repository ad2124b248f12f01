// Opening an inventory's encrypted values with a key ring: findings for `validate --decrypt`, `set`, `rekey`, `reveal`.
import { errorAt, type DocumentPath, type Finding } from '../core/diagnostics.js';
import { listSealedValues, listValuePlaces, type Inventory } from '../core/inventory.js';
import { parseSealedValueText } from '../core/sealed-value-format.js';
import type { KeyRing } from './key-ring.js';
import { SealedValueError, openSealedValue } from './sealed-value.js';

/**
 * The diagnostic code for a value that does not open: `value-` and the error's code, e.g.
 * `value-unknown-key`, `value-wrong-place`, `value-not-authentic`, `value-malformed`.
 */
export function diagnosticCodeFor(error: SealedValueError): string {
  return `value-${error.code}`;
}

/** A finding at the value's path for a value that does not open; `advice` is appended to the message. */
export function findingForSealedValueError(error: SealedValueError, path: DocumentPath, advice = ''): Finding {
  return errorAt(diagnosticCodeFor(error), path, advice === '' ? error.message : `${error.message}; ${advice}`);
}

export interface ValuesOpenCheck {
  /** One error per value that does not open in its place. */
  readonly findings: Finding[];
  /** Encrypted values examined (values not in the encrypted format are left to the plaintext rule). */
  readonly examined: number;
  /** Values that opened, counted by the id of the key they are encrypted under. */
  readonly openedByKeyId: Readonly<Record<string, number>>;
}

/**
 * Checks that every encrypted value of the inventory opens in its own place, and that each sealing
 * key of the ring is the private key of the recipient of that id listed in the inventory. Every place of the
 * inventory is a candidate, so a value copied from another credential or deployment is reported
 * as "this value belongs to …". Plaintexts are only decrypted and dropped, never returned.
 */
export function checkValuesOpen(inventory: Inventory, ring: KeyRing): ValuesOpenCheck {
  const candidates = listValuePlaces(inventory);
  const findings: Finding[] = [];
  const openedByKeyId: Record<string, number> = {};
  let examined = 0;
  (inventory.recipients ?? []).forEach((recipient, index) => {
    const held = ring.sealingKeys.find((key) => key.recipientId === recipient.id);
    if (held === undefined || held.publicKey === recipient.publicKey) return;
    findings.push(
      errorAt(
        'sealing-key-mismatch',
        ['encryption', 'recipients', index, 'public_key'],
        `the sealing key ${ring.source} holds for recipient ${recipient.id} belongs to public key ${held.publicKey}, not to the one listed here: it is not this recipient's private key`,
      ),
    );
  });
  for (const entry of listSealedValues(inventory)) {
    const parts = parseSealedValueText(entry.sealed);
    if (parts === undefined) continue;
    examined++;
    try {
      openSealedValue(ring, entry.place, entry.sealed, candidates);
      openedByKeyId[parts.keyId] = (openedByKeyId[parts.keyId] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      findings.push(findingForSealedValueError(error, entry.path));
    }
  }
  return { findings, examined, openedByKeyId };
}
