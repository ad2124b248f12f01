// Use case: a rotation. Stores a credential's new value, encrypted for its place (under the master key, or sealed for a recipient), and moves `rotated`; nothing else in the file changes.
import { isCalendarDate, type CalendarDate } from '../core/dates.js';
import { errorAt, formatDocumentPath, type Finding } from '../core/diagnostics.js';
import { valuePathOf, writeValuesInText } from '../core/inventory-edit.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import { listValuePlaces, type Inventory, type Recipient, type ValuePlace } from '../core/inventory.js';
import { parseSealedValueText } from '../core/sealed-value-format.js';
import { YamlEditError } from '../core/yaml-edit.js';
import { placeFinding } from '../core/yaml-source.js';
import { findingForSealedValueError } from '../crypto/inventory-values.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { primaryKey } from '../crypto/key-ring.js';
import { SealedValueError, describePlace, openSealedValue, sealValue, sealValueForRecipient } from '../crypto/sealed-value.js';
import { SealingKeyError } from '../crypto/sealing-key.js';
import { SecretValue } from '../crypto/secret-value.js';
import { UsageError } from '../ports/errors.js';
import { readInventoryText, replaceInventoryText } from './inventory-file.js';
import { choosePlaceToSet, requireCredential, sealedValueAt, type Refusal } from './value-place.js';

export interface SetValueRequest {
  readonly file: string;
  readonly credentialId: string;
  /** `--deployment`: write `values.<deployment>` rather than the shared `value`. */
  readonly deployment?: string;
  readonly value: SecretValue;
  /** The rotation date to record; default `today`. */
  readonly rotated?: CalendarDate;
  /** Today's UTC date (dates in the file are checked against it). */
  readonly today: CalendarDate;
  /** The moment the value is sealed, recorded in the Fernet token. */
  readonly now: Date;
  /**
   * The keys. `set` encrypts under the first master key; `seal` needs none and uses a ring, when
   * there is one, only to compare the new value with the current one.
   */
  readonly ring?: KeyRing;
  /** `seal`: seal the value for a recipient's public key (the first listed, or `recipientId`) instead of encrypting it under the master key. */
  readonly seal?: { readonly recipientId?: string };
}

/** What the value replaced: nothing, an encrypted value (under which key), or a plaintext. */
export type ReplacedValue = { readonly kind: 'none' } | { readonly kind: 'sealed'; readonly keyId: string } | { readonly kind: 'plaintext' };

export interface ValueSet {
  readonly kind: 'set';
  readonly file: string;
  readonly place: ValuePlace;
  /** The JSON path written, e.g. `credentials.openai.value`. */
  readonly path: string;
  /** The credential's DocuElevate setting. */
  readonly setting: string;
  /** What the new value is under: the ring's first key id, or `sealed:<recipient>`. */
  readonly keyId: string;
  readonly replaced: ReplacedValue;
  /** False when the current value could not be opened to compare (`seal` without its private key). */
  readonly compared: boolean;
  readonly rotated: { readonly previous?: CalendarDate; readonly current: CalendarDate };
}

export type SetValueResult = ValueSet | Refusal;

/**
 * Encrypts the new value for its place under the ring's first key, writes it and the rotation
 * date into the inventory, and replaces the file atomically. Refuses (returns the reasons as
 * diagnostics, writes nothing) when the file is not readable YAML, when the current value cannot
 * be opened to compare (a swapped value is named: "this value belongs to …"), or when the new
 * value is empty or equals the current one: neither is a rotation.
 * @throws UsageError for an unknown credential or deployment, a bad `rotated`.
 * @throws ExternalError when the file changed meanwhile or cannot be written.
 */
/** The largest value `set` and `seal` store (64 KiB): a PEM chain or a service-account file fits many times over. */
export const MAX_VALUE_BYTES = 65_536;

export async function setCredentialValue(request: SetValueRequest): Promise<SetValueResult> {
  const bytes = Buffer.byteLength(request.value.reveal(), 'utf8');
  if (bytes > MAX_VALUE_BYTES) throw new UsageError(`the new value is ${bytes} bytes; credledger stores values up to ${MAX_VALUE_BYTES} bytes (a credential, not a file)`);
  const rotated = request.rotated ?? request.today;
  if (!isCalendarDate(rotated)) throw new UsageError(`--rotated must be a real date written YYYY-MM-DD (got ${rotated})`);
  if (rotated > request.today) throw new UsageError(`--rotated ${rotated} is after today (${request.today})`);

  const text = await readInventoryText(request.file);
  const check = checkInventoryText(text, request.file, request.today);
  if (!check.inventory) return { kind: 'refused', source: check.source, diagnostics: check.diagnostics };
  const inventory = check.inventory;
  const credential = requireCredential(inventory, request.credentialId);
  if (credential.created !== undefined && rotated < credential.created) {
    throw new UsageError(`--rotated ${rotated} is before \`${credential.id}\` was created (${credential.created})`);
  }
  if (credential.rotated !== undefined && rotated < credential.rotated) {
    throw new UsageError(`--rotated ${rotated} is before \`${credential.id}\`'s last rotation (${credential.rotated}): a rotation moves the date forward`);
  }
  const place = choosePlaceToSet(inventory, credential, request.deployment);
  const path = valuePathOf(place);
  const refuse = (finding: Finding): Refusal => ({ kind: 'refused', source: check.source, diagnostics: [placeFinding(check.source, finding)] });
  // A refusal like an unchanged value (exit 1, as set's help says), not a usage error: the flags were right, the value was not.
  if (request.value.length === 0) return refuse(errorAt('empty-value', path, `the new value of ${describePlace(place)} is empty: credledger stores values, not their absence`));
  const recipient = request.seal === undefined ? undefined : chooseRecipient(inventory, request.seal.recipientId);
  if (recipient === undefined && request.seal !== undefined) {
    return refuse(errorAt('no-recipients', [], 'the inventory lists no encryption.recipients to seal for: `credledger keygen --sealing` makes a key pair and prints the entry to add', true));
  }
  const ring = request.ring;
  if (recipient === undefined && ring === undefined) throw new UsageError('set needs a key ring');

  const current = sealedValueAt(credential, place);
  let replaced: ReplacedValue = { kind: 'none' };
  let compared = true;
  if (current !== undefined) {
    const parts = parseSealedValueText(current);
    let previous: SecretValue | undefined;
    if (parts === undefined) {
      // A plaintext in the file (validate flags it): replacing it is the fix, unless it is the same text.
      previous = new SecretValue(current);
      replaced = { kind: 'plaintext' };
    } else {
      replaced = { kind: 'sealed', keyId: parts.keyId };
      try {
        // Sealing needs no key: without one (or with one that does not open it) the current value is replaced unread.
        if (ring !== undefined) previous = openSealedValue(ring, place, current, listValuePlaces(inventory));
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        if (recipient === undefined) return refuse(findingForSealedValueError(error, path, unreadableAdvice(error, place)));
      }
      compared = previous !== undefined;
    }
    if (previous !== undefined && request.value.equals(previous)) {
      const where = credential.issuer === undefined ? '' : ` (get a new one from ${credential.issuer})`;
      return refuse(errorAt('not-a-rotation', path, `the new value of ${describePlace(place)} equals the current one: this is not a rotation${where}`));
    }
  }

  let sealed: string;
  const nowSeconds = Math.floor(request.now.getTime() / 1000);
  try {
    sealed = recipient !== undefined ? sealValueForRecipient(recipient, place, request.value, nowSeconds) : sealValue(ring as KeyRing, place, request.value, nowSeconds);
  } catch (error) {
    // Only an id the schema already rejects (empty, or with a `/`) cannot be keyed.
    if (error instanceof SealedValueError) return refuse(findingForSealedValueError(error, path));
    // A public key the schema already rejects (not 32 bytes of base64url).
    if (error instanceof SealingKeyError) return refuse(errorAt('bad-recipient-key', ['encryption', 'recipients'], `cannot seal for recipient ${recipient?.id ?? ''}: ${error.message}`));
    throw error;
  }
  let edited: string;
  try {
    edited = writeValuesInText(text, [{ place, sealed, rotated: rotated === credential.rotated ? undefined : rotated }], [...inventory.deployments.keys()]);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    return refuse(errorAt('cannot-edit-in-place', path, error.message));
  }
  await replaceInventoryText(request.file, text, edited);
  return {
    kind: 'set',
    file: request.file,
    place,
    path: formatDocumentPath(path),
    setting: credential.setting,
    keyId: recipient !== undefined ? `sealed:${recipient.id}` : primaryKey(ring as KeyRing).id,
    replaced,
    compared,
    rotated: { previous: credential.rotated, current: rotated },
  };
}

/** The recipient to seal for: the one named, else the first listed (recipients are listed newest first). */
function chooseRecipient(inventory: Inventory, recipientId: string | undefined): Recipient | undefined {
  const recipients = inventory.recipients ?? [];
  if (recipientId === undefined) return recipients[0];
  const found = recipients.find((recipient) => recipient.id === recipientId);
  if (found === undefined) {
    throw new UsageError(`--recipient ${recipientId} is not in encryption.recipients (${recipients.length === 0 ? 'none is listed' : `it lists ${recipients.map((r) => r.id).join(', ')}`})`);
  }
  return found;
}

function unreadableAdvice(error: SealedValueError, place: ValuePlace): string {
  const deployment = place.deployment === undefined ? '' : ` --deployment ${place.deployment}`;
  const startOver = `delete that line and run \`credledger set ${place.credentialId}${deployment}\` again`;
  switch (error.code) {
    case 'unknown-key':
      return `set compares the new value with the current one, so add that key to the ring (after the first), or, if it is lost, ${startOver}`;
    case 'wrong-place':
      return `the current value was copied from there: ${startOver}`;
    default:
      return `set compares the new value with the current one and cannot read it: ${startOver}`;
  }
}
