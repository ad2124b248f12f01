import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  choosePlaceToSet,
  requireCredential,
  sealedValueAt
} from "./chunk-U23GFO32.js";
import {
  YamlEditError,
  valuePathOf,
  writeValuesInText
} from "./chunk-V2QDFDXZ.js";
import {
  findingForSealedValueError
} from "./chunk-DKTHFQQM.js";
import {
  SealedValueError,
  describePlace,
  openSealedValue,
  sealValue,
  sealValueForRecipient
} from "./chunk-YI3OOGKA.js";
import {
  SealingKeyError,
  primaryKey
} from "./chunk-RDSJMO77.js";
import {
  SecretValue
} from "./chunk-NTY5ZNUX.js";
import {
  readInventoryText,
  replaceInventoryText
} from "./chunk-2DIQPP6S.js";
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import {
  isCalendarDate
} from "./chunk-55Y3H7G4.js";
import {
  errorAt,
  formatDocumentPath,
  placeFinding
} from "./chunk-YUYCLIND.js";
import {
  listValuePlaces,
  parseSealedValueText
} from "./chunk-X75H72PA.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/set-value.ts
var MAX_VALUE_BYTES = 65536;
async function setCredentialValue(request) {
  const bytes = Buffer.byteLength(request.value.reveal(), "utf8");
  if (bytes > MAX_VALUE_BYTES) throw new UsageError(`the new value is ${bytes} bytes; credledger stores values up to ${MAX_VALUE_BYTES} bytes (a credential, not a file)`);
  const rotated = request.rotated ?? request.today;
  if (!isCalendarDate(rotated)) throw new UsageError(`--rotated must be a real date written YYYY-MM-DD (got ${rotated})`);
  if (rotated > request.today) throw new UsageError(`--rotated ${rotated} is after today (${request.today})`);
  const text = await readInventoryText(request.file);
  const check = checkInventoryText(text, request.file, request.today);
  if (!check.inventory) return { kind: "refused", source: check.source, diagnostics: check.diagnostics };
  const inventory = check.inventory;
  const credential = requireCredential(inventory, request.credentialId);
  if (credential.created !== void 0 && rotated < credential.created) {
    throw new UsageError(`--rotated ${rotated} is before \`${credential.id}\` was created (${credential.created})`);
  }
  if (credential.rotated !== void 0 && rotated < credential.rotated) {
    throw new UsageError(`--rotated ${rotated} is before \`${credential.id}\`'s last rotation (${credential.rotated}): a rotation moves the date forward`);
  }
  const place = choosePlaceToSet(inventory, credential, request.deployment);
  const path = valuePathOf(place);
  const refuse = (finding) => ({ kind: "refused", source: check.source, diagnostics: [placeFinding(check.source, finding)] });
  if (request.value.length === 0) return refuse(errorAt("empty-value", path, `the new value of ${describePlace(place)} is empty: credledger stores values, not their absence`));
  const recipient = request.seal === void 0 ? void 0 : chooseRecipient(inventory, request.seal.recipientId);
  if (recipient === void 0 && request.seal !== void 0) {
    return refuse(errorAt("no-recipients", [], "the inventory lists no encryption.recipients to seal for: `credledger keygen --sealing` makes a key pair and prints the entry to add", true));
  }
  const ring = request.ring;
  if (recipient === void 0 && ring === void 0) throw new UsageError("set needs a key ring");
  const current = sealedValueAt(credential, place);
  let replaced = { kind: "none" };
  let compared = true;
  if (current !== void 0) {
    const parts = parseSealedValueText(current);
    let previous;
    if (parts === void 0) {
      previous = new SecretValue(current);
      replaced = { kind: "plaintext" };
    } else {
      replaced = { kind: "sealed", keyId: parts.keyId };
      try {
        if (ring !== void 0) previous = openSealedValue(ring, place, current, listValuePlaces(inventory));
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        if (recipient === void 0) return refuse(findingForSealedValueError(error, path, unreadableAdvice(error, place)));
      }
      compared = previous !== void 0;
    }
    if (previous !== void 0 && request.value.equals(previous)) {
      const where = credential.issuer === void 0 ? "" : ` (get a new one from ${credential.issuer})`;
      return refuse(errorAt("not-a-rotation", path, `the new value of ${describePlace(place)} equals the current one: this is not a rotation${where}`));
    }
  }
  let sealed;
  const nowSeconds = Math.floor(request.now.getTime() / 1e3);
  try {
    sealed = recipient !== void 0 ? sealValueForRecipient(recipient, place, request.value, nowSeconds) : sealValue(ring, place, request.value, nowSeconds);
  } catch (error) {
    if (error instanceof SealedValueError) return refuse(findingForSealedValueError(error, path));
    if (error instanceof SealingKeyError) return refuse(errorAt("bad-recipient-key", ["encryption", "recipients"], `cannot seal for recipient ${recipient?.id ?? ""}: ${error.message}`));
    throw error;
  }
  let edited;
  try {
    edited = writeValuesInText(text, [{ place, sealed, rotated: rotated === credential.rotated ? void 0 : rotated }], [...inventory.deployments.keys()]);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    return refuse(errorAt("cannot-edit-in-place", path, error.message));
  }
  await replaceInventoryText(request.file, text, edited);
  return {
    kind: "set",
    file: request.file,
    place,
    path: formatDocumentPath(path),
    setting: credential.setting,
    keyId: recipient !== void 0 ? `sealed:${recipient.id}` : primaryKey(ring).id,
    replaced,
    compared,
    rotated: { previous: credential.rotated, current: rotated }
  };
}
function chooseRecipient(inventory, recipientId) {
  const recipients = inventory.recipients ?? [];
  if (recipientId === void 0) return recipients[0];
  const found = recipients.find((recipient) => recipient.id === recipientId);
  if (found === void 0) {
    throw new UsageError(`--recipient ${recipientId} is not in encryption.recipients (${recipients.length === 0 ? "none is listed" : `it lists ${recipients.map((r) => r.id).join(", ")}`})`);
  }
  return found;
}
function unreadableAdvice(error, place) {
  const deployment = place.deployment === void 0 ? "" : ` --deployment ${place.deployment}`;
  const startOver = `delete that line and run \`credledger set ${place.credentialId}${deployment}\` again`;
  switch (error.code) {
    case "unknown-key":
      return `set compares the new value with the current one, so add that key to the ring (after the first), or, if it is lost, ${startOver}`;
    case "wrong-place":
      return `the current value was copied from there: ${startOver}`;
    default:
      return `set compares the new value with the current one and cannot read it: ${startOver}`;
  }
}

export {
  setCredentialValue
};
