// Use case: move every encrypted value of the inventory to the key ring's first key (after a key rotation), or seal every value for a recipient.
import type { CalendarDate } from '../core/dates.js';
import { errorAt, type Finding } from '../core/diagnostics.js';
import { writeValuesInText, type ValueWrite } from '../core/inventory-edit.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import { listSealedValues, listValuePlaces, type Recipient } from '../core/inventory.js';
import { parseSealedValueText } from '../core/sealed-value-format.js';
import { YamlEditError } from '../core/yaml-edit.js';
import { placeFinding } from '../core/yaml-source.js';
import { findingForSealedValueError } from '../crypto/inventory-values.js';
import { holdsMasterKey, primaryKey, type KeyRing } from '../crypto/key-ring.js';
import { SealedValueError, resealValue } from '../crypto/sealed-value.js';
import { UsageError } from '../ports/errors.js';
import { readInventoryText, replaceInventoryText } from './inventory-file.js';
import type { Refusal } from './value-place.js';

export interface RekeyRequest {
  readonly file: string;
  readonly ring: KeyRing;
  /** Today's UTC date (dates in the file are checked against it). */
  readonly today: CalendarDate;
  /**
   * `--to-sealed`: seal every value for this recipient of `encryption.recipients` (undefined: the
   * first listed) rather than moving it to the ring's first master key. Also how recipients rotate:
   * list the new one first, then re-seal with the old private key in the ring.
   */
  readonly toSealed?: { readonly recipientId?: string };
}

export interface Rekeyed {
  readonly kind: 'rekeyed';
  readonly file: string;
  /** What every value is now under: the key id, or `sealed:<recipient>`. */
  readonly keyId: string;
  /** Encrypted values in the inventory. */
  readonly values: number;
  /** Values re-encrypted (the rest already were under `keyId`). */
  readonly changed: number;
  /** How many values each key held before, by key id (including `keyId` itself). */
  readonly fromKeyIds: Readonly<Record<string, number>>;
}

export type RekeyResult = Rekeyed | Refusal;

/**
 * Re-encrypts every value not yet under the ring's first key, keeping each token's timestamp
 * (it records when the value was set), and replaces the file atomically; nothing else changes.
 * All or nothing: when any value cannot be opened in its place (unknown key, copied from another
 * place, altered, a plaintext), the file is left as it was and every such value is reported.
 * @throws ExternalError when the file changed meanwhile or cannot be written.
 */
export async function rekeyInventory(request: RekeyRequest): Promise<RekeyResult> {
  const text = await readInventoryText(request.file);
  const check = checkInventoryText(text, request.file, request.today);
  if (!check.inventory) return { kind: 'refused', source: check.source, diagnostics: check.diagnostics };
  const candidates = listValuePlaces(check.inventory);
  const recipients = check.inventory.recipients ?? [];
  let recipient: Recipient | undefined;
  if (request.toSealed !== undefined) {
    const wanted = request.toSealed.recipientId;
    recipient = wanted === undefined ? recipients[0] : recipients.find((candidate) => candidate.id === wanted);
    if (recipient === undefined) {
      const listed = recipients.length === 0 ? 'none is listed' : `it lists ${recipients.map((candidate) => candidate.id).join(', ')}`;
      const message = wanted === undefined ? 'there is no recipient to seal for' : `recipient ${wanted} is not listed`;
      throw new UsageError(`${message} under encryption.recipients (${listed}): \`credledger keygen --sealing\` makes a key pair and prints the entry to add`);
    }
  } else if (!holdsMasterKey(request.ring)) {
    throw new UsageError(`rekey moves values to the first master key, and ${request.ring.source} holds none: pass --to-sealed to seal every value for a recipient`);
  }
  const findings: Finding[] = [];
  const mismatch = recipient === undefined ? undefined : request.ring.sealingKeys.find((key) => key.recipientId === recipient.id && key.publicKey !== recipient.publicKey);
  if (recipient !== undefined && mismatch !== undefined) {
    // Values already `sealed:<id>` are left unopened, so a key pair replaced under the same id would leave them under the old one.
    findings.push(
      errorAt(
        'sealing-key-mismatch',
        ['encryption', 'recipients', recipients.indexOf(recipient), 'public_key'],
        `${request.ring.source} holds a private key for recipient ${recipient.id} whose public key is not the one listed here. A new key pair needs a new recipient id: list it first, keep the old entry, and re-seal with the old private key; values already sealed for ${recipient.id} would otherwise stay under the old key`,
      ),
    );
  }
  const writes: ValueWrite[] = [];
  const fromKeyIds: Record<string, number> = {};
  const entries = listSealedValues(check.inventory);
  for (const entry of entries) {
    const parts = parseSealedValueText(entry.sealed);
    if (parts === undefined) {
      findings.push(errorAt('plaintext-value', entry.path, 'this value is not encrypted, so rekey cannot move it: store it with `credledger set` or `credledger seal` first (see `credledger validate`)'));
      continue;
    }
    try {
      const result = resealValue(request.ring, entry.place, entry.sealed, candidates, recipient);
      fromKeyIds[result.fromKeyId] = (fromKeyIds[result.fromKeyId] ?? 0) + 1;
      if (result.changed) writes.push({ place: entry.place, sealed: result.sealed });
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      findings.push(findingForSealedValueError(error, entry.path, 'rekey changes nothing until every value opens'));
    }
  }
  const refuse = (all: Finding[]): Refusal => ({ kind: 'refused', source: check.source, diagnostics: all.map((finding) => placeFinding(check.source, finding)) });
  if (findings.length > 0) return refuse(findings);
  if (writes.length > 0) {
    let edited: string;
    try {
      edited = writeValuesInText(text, writes);
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      return refuse([errorAt('cannot-edit-in-place', [...error.path], error.message)]);
    }
    await replaceInventoryText(request.file, text, edited);
  }
  return { kind: 'rekeyed', file: request.file, keyId: recipient === undefined ? primaryKey(request.ring).id : `sealed:${recipient.id}`, values: entries.length, changed: writes.length, fromKeyIds };
}
