import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  SealedValueError,
  openSealedValue
} from "./chunk-YI3OOGKA.js";
import {
  errorAt
} from "./chunk-YUYCLIND.js";
import {
  listSealedValues,
  listValuePlaces,
  parseSealedValueText
} from "./chunk-X75H72PA.js";

// src/crypto/inventory-values.ts
function diagnosticCodeFor(error) {
  return `value-${error.code}`;
}
function findingForSealedValueError(error, path, advice = "") {
  return errorAt(diagnosticCodeFor(error), path, advice === "" ? error.message : `${error.message}; ${advice}`);
}
function checkValuesOpen(inventory, ring) {
  const candidates = listValuePlaces(inventory);
  const findings = [];
  const openedByKeyId = {};
  let examined = 0;
  (inventory.recipients ?? []).forEach((recipient, index) => {
    const held = ring.sealingKeys.find((key) => key.recipientId === recipient.id);
    if (held === void 0 || held.publicKey === recipient.publicKey) return;
    findings.push(
      errorAt(
        "sealing-key-mismatch",
        ["encryption", "recipients", index, "public_key"],
        `the sealing key ${ring.source} holds for recipient ${recipient.id} belongs to public key ${held.publicKey}, not to the one listed here: it is not this recipient's private key`
      )
    );
  });
  for (const entry of listSealedValues(inventory)) {
    const parts = parseSealedValueText(entry.sealed);
    if (parts === void 0) continue;
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

export {
  findingForSealedValueError,
  checkValuesOpen
};
