import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  FernetError,
  FernetKey,
  SealingKeyError,
  agreeEphemeral,
  canonicalPublicKey,
  decryptFernet,
  deriveFernetKeyFromSecret,
  describeKeyIds,
  describeSealingRecipients,
  encryptFernet,
  holdsMasterKey,
  importPublicKey,
  isRecipientId,
  keyId,
  masterKeys,
  primaryKey
} from "./chunk-RDSJMO77.js";
import {
  SecretValue
} from "./chunk-NTY5ZNUX.js";
import {
  formatRecipientSealed,
  parseSealedValueText
} from "./chunk-X75H72PA.js";
import {
  isRunIdentifier
} from "./chunk-QL6ADRZ6.js";

// src/crypto/sealed-value.ts
import { createHmac, hkdfSync } from "node:crypto";
var SealedValueError = class extends Error {
  constructor(code, message, place, options) {
    super(message, options);
    this.code = code;
    this.place = place;
  }
  code;
  place;
  name = "SealedValueError";
};
var FINGERPRINT_INFO = "credledger/v1/fingerprint";
function parseSealedValue(text) {
  return parseSealedValueText(text) ?? null;
}
function describePlace(place) {
  return place.deployment === void 0 ? place.credentialId : `${place.credentialId} in deployment ${place.deployment}`;
}
function derivePlaceKey(masterKey, place) {
  return deriveKey(masterKey, placeInfo(place));
}
function sealValue(ring, place, plaintext, now) {
  if (!holdsMasterKey(ring)) throw new RangeError(`${ring.source} holds no master key: seal the value for a recipient instead`);
  const master = primaryKey(ring);
  const text = typeof plaintext === "string" ? plaintext : plaintext.reveal();
  return formatSealed(master.id, encryptFernet(derivePlaceKey(master.key, place), text, { now }));
}
function openSealedValue(ring, place, sealed, candidates = []) {
  return openWithKey(ring, place, sealed, candidates).value;
}
function resealValue(ring, place, sealed, candidates = [], toRecipient) {
  const parts = parseSealedValue(sealed);
  if (toRecipient !== void 0 && parts?.kind === "sealed" && parts.recipientId === toRecipient.id) {
    return { sealed, changed: false, fromKeyId: parts.keyId };
  }
  const { value, keyId: keyId2, issuedAt } = openWithKey(ring, place, sealed, candidates);
  if (toRecipient !== void 0) {
    return { sealed: sealValueForRecipient(toRecipient, place, value, issuedAt), changed: true, fromKeyId: keyId2 };
  }
  const master = primaryKey(ring);
  if (keyId2 === master.id) return { sealed, changed: false, fromKeyId: keyId2 };
  if (!holdsMasterKey(ring)) throw new RangeError(`${ring.source} holds no master key to re-encrypt under`);
  const resealed = encryptFernet(derivePlaceKey(master.key, place), value.reveal(), { now: issuedAt });
  return { sealed: formatSealed(master.id, resealed), changed: true, fromKeyId: keyId2 };
}
function sealValueForRecipient(recipient, place, plaintext, now) {
  if (!isRecipientId(recipient.id)) throw new SealingKeyError(`a recipient id is letters, digits, '.', '_' or '-' (up to 64), got ${JSON.stringify(recipient.id)}`);
  const recipientKey = importPublicKey(recipient.publicKey);
  const { sharedSecret, ephemeralPublicKey } = agreeEphemeral(recipientKey);
  const publicKey = canonicalPublicKey(recipient.publicKey);
  const key = deriveFernetKeyFromSecret(sharedSecret, sealedPlaceInfo(recipient.id, publicKey, ephemeralPublicKey, place));
  const text = typeof plaintext === "string" ? plaintext : plaintext.reveal();
  return formatRecipientSealed(recipient.id, ephemeralPublicKey, encryptFernet(key, text, { now }));
}
function sealedPlaceInfo(recipientId, recipientPublicKey, ephemeralPublicKey, place) {
  return `credledger/v1/sealed/${recipientId}/${recipientPublicKey}/${ephemeralPublicKey}/${placeInfo(place).slice(VALUE_INFO_PREFIX.length)}`;
}
function fingerprintValue(ring, place, plaintext, withKeyId) {
  const master = withKeyId === void 0 ? primaryKey(ring) : requireKey(ring, place, withKeyId, "the fingerprint was made", true);
  const info = Buffer.from(placeInfo(place), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(info.length);
  const fingerprint = createHmac("sha256", deriveKey(master.key, FINGERPRINT_INFO).rawBytes()).update(length).update(info).update(typeof plaintext === "string" ? plaintext : plaintext.reveal(), "utf8").digest("hex");
  return { keyId: master.id, fingerprint };
}
function chooseFingerprintKey(ring, sealed) {
  const parts = parseSealedValue(sealed);
  if (parts?.kind === "sealed") {
    const sealing = ring.sealingKeys.find((candidate) => candidate.recipientId === parts.recipientId);
    if (sealing !== void 0) return { keyId: keyId(sealing.fingerprintMaster()), name: `recipient ${parts.recipientId}` };
  }
  const first = primaryKey(ring);
  return { keyId: first.id, name: `key ${first.id}` };
}
function openWithKey(ring, place, sealed, candidates) {
  const where = describePlace(place);
  const parts = parseSealedValue(sealed);
  if (parts === null) {
    throw new SealedValueError(
      "malformed",
      `the value of ${where} is not an encrypted value (fernet:<key-id>:<token> or sealed:<recipient-id>:<ephemeral-public-key>:<token>)`,
      place
    );
  }
  const opener = parts.kind === "fernet" ? fernetOpener(ring, place, parts) : sealedOpener(ring, place, parts);
  let decrypted;
  try {
    decrypted = decryptFernet(opener.keyFor(place), parts.token);
  } catch (error) {
    if (!(error instanceof FernetError)) throw error;
    if (error.reason !== "bad-hmac") {
      throw new SealedValueError("malformed", `the value of ${where} has a damaged token: ${error.message}`, place, { cause: error });
    }
    const owner = candidates.find((candidate) => !isSamePlace(candidate, place) && opensIn(opener, candidate, parts.token));
    if (owner !== void 0) {
      throw new SealedValueError("wrong-place", `this value belongs to ${describePlace(owner)}, not ${where}`, place);
    }
    const why = parts.kind === "fernet" ? "it was altered, or sealed for another place" : "it was altered, sealed for another place, or that key is not the recipient's";
    throw new SealedValueError("not-authentic", `the value of ${where} does not verify under ${opener.under}: ${why}`, place, { cause: error });
  }
  try {
    const value = SecretValue.fromUtf8(decrypted.plaintext, (text) => isRunIdentifier(place.credentialId, text));
    return { value, keyId: opener.keyId, issuedAt: decrypted.issuedAt };
  } catch (error) {
    throw new SealedValueError("not-utf8", `the value of ${where} decrypts to bytes that are not UTF-8 text`, place, { cause: error });
  }
}
function fernetOpener(ring, place, parts) {
  const master = requireKey(ring, place, parts.keyId, "it is encrypted");
  return { keyId: master.id, under: `key ${master.id}`, keyFor: (candidate) => derivePlaceKey(master.key, candidate) };
}
function sealedOpener(ring, place, parts) {
  const where = describePlace(place);
  const key = ring.sealingKeys.find((candidate) => candidate.recipientId === parts.recipientId);
  if (key === void 0) {
    throw new SealedValueError(
      "unknown-key",
      `the value of ${where}: it is sealed for recipient ${parts.recipientId}, whose private key ${ring.source} does not hold (it holds ${describeSealingRecipients(ring)})`,
      place
    );
  }
  const sharedSecret = agreeWith(key, parts, place);
  return {
    keyId: parts.keyId,
    under: `the sealing key of recipient ${key.recipientId} (public key ${key.id})`,
    keyFor: (candidate) => deriveFernetKeyFromSecret(sharedSecret, sealedPlaceInfo(key.recipientId, key.publicKey, parts.ephemeralPublicKey, candidate))
  };
}
function agreeWith(key, parts, place) {
  try {
    return key.agree(importPublicKey(parts.ephemeralPublicKey));
  } catch (error) {
    if (error instanceof SealingKeyError || error.code === "ERR_OSSL_FAILED_DURING_DERIVATION") {
      throw new SealedValueError("malformed", `the value of ${describePlace(place)} has an unusable ephemeral public key`, place, { cause: error });
    }
    throw error;
  }
}
function requireKey(ring, place, id, what, forFingerprint = false) {
  const usable = forFingerprint ? ring.keys : masterKeys(ring);
  const found = usable.find((entry) => entry.id === id);
  if (found !== void 0) return found;
  throw new SealedValueError(
    "unknown-key",
    `the value of ${describePlace(place)}: ${what} under key ${id}, which ${ring.source} does not hold (it holds ${describeKeyIds(ring)})`,
    place
  );
}
function isSamePlace(a, b) {
  return a.credentialId === b.credentialId && a.deployment === b.deployment;
}
function opensIn(opener, place, token) {
  try {
    decryptFernet(opener.keyFor(place), token);
    return true;
  } catch {
    return false;
  }
}
function placeInfo(place) {
  const parts = place.deployment === void 0 ? [place.credentialId] : [place.credentialId, place.deployment];
  if (parts.some((part) => part === "" || part.includes("/"))) {
    throw new SealedValueError("bad-place", `cannot key a value for ${describePlace(place)}: ids must be non-empty and contain no "/"`, place);
  }
  return `${VALUE_INFO_PREFIX}${parts.join("/")}`;
}
var VALUE_INFO_PREFIX = "credledger/v1/value/";
function deriveKey(masterKey, info) {
  return new FernetKey(Buffer.from(hkdfSync("sha256", masterKey.rawBytes(), Buffer.alloc(0), info, 32)));
}
function formatSealed(keyId2, token) {
  return `fernet:${keyId2}:${token}`;
}

export {
  SealedValueError,
  parseSealedValue,
  describePlace,
  sealValue,
  openSealedValue,
  resealValue,
  sealValueForRecipient,
  fingerprintValue,
  chooseFingerprintKey
};
