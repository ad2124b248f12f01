// Use case: break-glass. Decrypts one value of the inventory and hands it back, still wrapped.
import type { CalendarDate } from '../core/dates.js';
import { errorAt, formatDocumentPath } from '../core/diagnostics.js';
import { valuePathOf } from '../core/inventory-edit.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import { listValuePlaces, type ValuePlace } from '../core/inventory.js';
import { placeFinding } from '../core/yaml-source.js';
import { findingForSealedValueError } from '../crypto/inventory-values.js';
import { readFernetTimestamp } from '../crypto/fernet.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { SealedValueError, openSealedValue, parseSealedValue } from '../crypto/sealed-value.js';
import type { SecretValue } from '../crypto/secret-value.js';
import { readInventoryText } from './inventory-file.js';
import { choosePlaceToRead, requireCredential, sealedValueAt, type Refusal } from './value-place.js';

export interface RevealRequest {
  readonly file: string;
  readonly credentialId: string;
  /** The deployment whose value to open (its `values.<deployment>`, else the shared `value`). */
  readonly deployment?: string;
  readonly ring: KeyRing;
  /** Today's UTC date (dates in the file are checked against it). */
  readonly today: CalendarDate;
}

export interface Revealed {
  readonly kind: 'revealed';
  readonly place: ValuePlace;
  /** The JSON path of the value, e.g. `credentials.openai.value`. */
  readonly path: string;
  readonly keyId: string;
  /** When the value was encrypted (the Fernet timestamp, verified). */
  readonly sealedAt: Date;
  /** Still wrapped: printing it is the caller's explicit decision. */
  readonly value: SecretValue;
}

export type RevealResult = Revealed | Refusal;

/**
 * Opens one value in its place. Refuses (diagnostics, no value) when the credential has no value
 * there or the value does not open: unknown key, copied from another place ("this value belongs
 * to …"), altered, or a plaintext.
 * @throws UsageError for an unknown credential or deployment, or a missing --deployment.
 */
export async function revealValue(request: RevealRequest): Promise<RevealResult> {
  const text = await readInventoryText(request.file);
  const check = checkInventoryText(text, request.file, request.today);
  if (!check.inventory) return { kind: 'refused', source: check.source, diagnostics: check.diagnostics };
  const credential = requireCredential(check.inventory, request.credentialId);
  const refuse = (finding: Parameters<typeof placeFinding>[1]): Refusal => ({ kind: 'refused', source: check.source, diagnostics: [placeFinding(check.source, finding)] });
  const place = choosePlaceToRead(check.inventory, credential, request.deployment);
  if (place === undefined) {
    const deployment = request.deployment === undefined ? '' : ` for ${request.deployment}`;
    return refuse(errorAt('value-missing', ['credentials', credential.id], `\`${credential.id}\` has no value${deployment} in the inventory`, true));
  }
  const path = valuePathOf(place);
  const sealed = sealedValueAt(credential, place) ?? '';
  try {
    const value = openSealedValue(request.ring, place, sealed, listValuePlaces(check.inventory));
    // Verified by opening: the timestamp is authentic.
    const parts = parseSealedValue(sealed);
    if (parts === null) throw new Error('an opened value has the sealed format');
    return { kind: 'revealed', place, path: formatDocumentPath(path), keyId: parts.keyId, sealedAt: new Date(readFernetTimestamp(parts.token) * 1000), value };
  } catch (error) {
    if (!(error instanceof SealedValueError)) throw error;
    return refuse(findingForSealedValueError(error, path));
  }
}
