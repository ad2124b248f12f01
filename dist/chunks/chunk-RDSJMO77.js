import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  keyEntriesOf
} from "./chunk-IOQOTO7J.js";
import {
  rememberRunSecret
} from "./chunk-QL6ADRZ6.js";

// src/crypto/fernet.ts
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { inspect } from "node:util";
var VERSION = 128;
var HEADER_LENGTH = 1 + 8 + 16;
var HMAC_LENGTH = 32;
var BLOCK_SIZE = 16;
var MIN_TOKEN_LENGTH = HEADER_LENGTH + BLOCK_SIZE + HMAC_LENGTH;
var MAX_CLOCK_SKEW_SECONDS = 60;
var FernetError = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
  reason;
  name = "FernetError";
};
var FernetKey = class {
  #raw;
  constructor(raw) {
    if (raw.length !== 32) throw new FernetError("bad-key", `a Fernet key is 32 bytes, got ${raw.length}`);
    this.#raw = Buffer.from(raw);
  }
  /** A copy of the 32 raw bytes (signing key, then encryption key). */
  rawBytes() {
    return Buffer.from(this.#raw);
  }
  /** The key as text: base64url with `=` padding, the form Python accepts. */
  encode() {
    return encodeBase64Url(this.#raw);
  }
  get signingKey() {
    return Buffer.from(this.#raw.subarray(0, 16));
  }
  get encryptionKey() {
    return Buffer.from(this.#raw.subarray(16));
  }
  toString() {
    return "[FernetKey]";
  }
  toJSON() {
    return "[FernetKey]";
  }
  [inspect.custom]() {
    return "[FernetKey]";
  }
};
function generateFernetKey() {
  return encodeBase64Url(randomBytes(32));
}
function parseFernetKey(text) {
  const raw = decodeBase64Url(text);
  if (raw === null) throw new FernetError("bad-key", "a Fernet key must be base64url text (A-Z a-z 0-9 - _, optional = padding)");
  if (raw.length !== 32) throw new FernetError("bad-key", `a Fernet key decodes to 32 bytes, this one to ${raw.length}`);
  return new FernetKey(raw);
}
function encryptFernet(key, plaintext, options = {}) {
  const iv = options.iv ?? randomBytes(16);
  if (iv.length !== 16) throw new RangeError(`a Fernet IV is 16 bytes, got ${iv.length}`);
  const now = options.now ?? currentUnixSeconds();
  if (!Number.isSafeInteger(now) || now < 0) throw new RangeError(`a Fernet timestamp is a non-negative integer, got ${now}`);
  const header = Buffer.alloc(HEADER_LENGTH);
  header[0] = VERSION;
  header.writeBigUInt64BE(BigInt(now), 1);
  iv.copy(header, 9);
  const cipher = createCipheriv("aes-128-cbc", key.encryptionKey, iv);
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const signed = Buffer.concat([header, cipher.update(data), cipher.final()]);
  const mac = createHmac("sha256", key.signingKey).update(signed).digest();
  return encodeBase64Url(Buffer.concat([signed, mac]));
}
function decryptFernet(key, token, options = {}) {
  const data = decodeToken(token);
  const issuedAt = Number(data.readBigUInt64BE(1));
  if (options.ttlSeconds !== void 0) {
    const now = options.now ?? currentUnixSeconds();
    if (issuedAt + options.ttlSeconds < now) {
      throw new FernetError("expired", `the token is older than its ${options.ttlSeconds}-second lifetime`);
    }
    if (now + MAX_CLOCK_SKEW_SECONDS < issuedAt) {
      throw new FernetError("from-future", `the token's timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} seconds in the future`);
    }
  }
  const signedEnd = data.length - HMAC_LENGTH;
  const expected = createHmac("sha256", key.signingKey).update(data.subarray(0, signedEnd)).digest();
  if (!timingSafeEqual(expected, data.subarray(signedEnd))) {
    throw new FernetError("bad-hmac", "the token does not verify under this key (wrong key or altered token)");
  }
  const decipher = createDecipheriv("aes-128-cbc", key.encryptionKey, data.subarray(9, HEADER_LENGTH));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(data.subarray(HEADER_LENGTH, signedEnd)), decipher.final()]);
  return { plaintext: removePkcs7Padding(padded), issuedAt };
}
function readFernetTimestamp(token) {
  return Number(decodeToken(token).readBigUInt64BE(1));
}
function decodeToken(token) {
  const data = decodeBase64Url(token);
  if (data === null) throw new FernetError("bad-base64", "the token is not valid base64url");
  const cipherLength = data.length - HEADER_LENGTH - HMAC_LENGTH;
  if (cipherLength <= 0) {
    throw new FernetError("too-short", `the token decodes to ${data.length} bytes, fewer than the minimum ${MIN_TOKEN_LENGTH}`);
  }
  if (data[0] !== VERSION) throw new FernetError("bad-version", "the token does not start with Fernet version byte 0x80");
  if (cipherLength % BLOCK_SIZE !== 0) {
    throw new FernetError("bad-length", "the ciphertext is not a whole number of 16-byte blocks");
  }
  return data;
}
function removePkcs7Padding(padded) {
  const count = padded[padded.length - 1] ?? 0;
  let valid = count >= 1 && count <= BLOCK_SIZE;
  for (let i = padded.length - count; valid && i < padded.length; i++) valid = padded[i] === count;
  if (!valid) throw new FernetError("bad-padding", "the decrypted data has invalid PKCS7 padding");
  return padded.subarray(0, padded.length - count);
}
function encodeBase64Url(bytes) {
  const text = bytes.toString("base64url");
  return text + "=".repeat((4 - text.length % 4) % 4);
}
function decodeBase64Url(text) {
  const match = /^([A-Za-z0-9_-]*)(={0,2})$/.exec(text);
  if (match === null) return null;
  const body = match[1] ?? "";
  const padding = match[2] ?? "";
  if (body.length % 4 === 1) return null;
  if (padding !== "" && (body.length + padding.length) % 4 !== 0) return null;
  const bytes = Buffer.from(body, "base64url");
  return bytes.toString("base64url") === body ? bytes : null;
}
function currentUnixSeconds() {
  return Math.floor(Date.now() / 1e3);
}

// src/crypto/sealing-key.ts
import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from "node:crypto";
import { inspect as inspect2 } from "node:util";
var SEALING_KEY_PREFIX = "sealing-key:";
var PKCS8_X25519_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");
var SPKI_X25519_PREFIX = Buffer.from("302a300506032b656e032100", "hex");
var RECIPIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
var FINGERPRINT_MASTER_INFO = "credledger/v1/sealing/fingerprint-master";
var SealingKeyError = class extends Error {
  name = "SealingKeyError";
};
var SealingPrivateKey = class {
  #key;
  /** The recipient this key opens values for. */
  recipientId;
  /** The matching public key, padded base64url. */
  publicKey;
  /** First 8 hex characters of sha256 of the raw public key: safe to print. */
  id;
  constructor(recipientId, raw) {
    if (!RECIPIENT_ID_PATTERN.test(recipientId)) throw new SealingKeyError(`a recipient id is letters, digits, '.', '_' or '-' (up to 64), got ${JSON.stringify(recipientId)}`);
    if (raw.length !== 32) throw new SealingKeyError(`a sealing private key is 32 bytes, got ${raw.length}`);
    this.#key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: "der", type: "pkcs8" });
    this.recipientId = recipientId;
    const publicRaw = rawPublicKey(createPublicKey(this.#key));
    this.publicKey = encodeBase64Url2(publicRaw);
    this.id = publicKeyId(publicRaw);
  }
  /** The X25519 shared secret with another party's public key (32 raw bytes). */
  agree(otherPublicKey) {
    return diffieHellman({ privateKey: this.#key, publicKey: otherPublicKey });
  }
  /**
   * A Fernet key derived from the private key (HKDF-SHA256, info `credledger/v1/sealing/fingerprint-master`),
   * used only to fingerprint applied values when CI holds a sealing key and no master key. It never encrypts a value.
   */
  fingerprintMaster() {
    const raw = this.#key.export({ format: "der", type: "pkcs8" }).subarray(PKCS8_X25519_PREFIX.length);
    return new FernetKey(Buffer.from(hkdfSync("sha256", raw, Buffer.alloc(0), FINGERPRINT_MASTER_INFO, 32)));
  }
  /** The key as text, `sealing-key:<recipient id>:<base64url>`: what CREDLEDGER_SEALING_KEY holds. */
  encode() {
    const raw = this.#key.export({ format: "der", type: "pkcs8" }).subarray(PKCS8_X25519_PREFIX.length);
    return `${SEALING_KEY_PREFIX}${this.recipientId}:${encodeBase64Url2(raw)}`;
  }
  toString() {
    return `[SealingPrivateKey ${this.recipientId}]`;
  }
  toJSON() {
    return this.toString();
  }
  [inspect2.custom]() {
    return this.toString();
  }
};
function generateSealingKeyPair(recipientId) {
  const { privateKey } = generateKeyPairSync("x25519");
  const raw = privateKey.export({ format: "der", type: "pkcs8" }).subarray(PKCS8_X25519_PREFIX.length);
  const key = new SealingPrivateKey(recipientId, raw);
  return { privateKey: key, recipient: { id: recipientId, publicKey: key.publicKey } };
}
function isRecipientId(text) {
  return RECIPIENT_ID_PATTERN.test(text);
}
function isSealingKeyText(text) {
  return text.startsWith(SEALING_KEY_PREFIX);
}
function parseSealingPrivateKey(text) {
  if (!isSealingKeyText(text)) throw new SealingKeyError(`a sealing key starts with ${SEALING_KEY_PREFIX}`);
  const rest = text.slice(SEALING_KEY_PREFIX.length);
  const colon = rest.lastIndexOf(":");
  if (colon <= 0) throw new SealingKeyError("a sealing key is sealing-key:<recipient id>:<key>");
  const raw = decodeBase64Url32(rest.slice(colon + 1));
  if (raw === null) throw new SealingKeyError("the key part of a sealing key must be 32 bytes of base64url");
  return new SealingPrivateKey(rest.slice(0, colon), raw);
}
function importPublicKey(text) {
  const raw = decodeBase64Url32(text);
  if (raw === null) throw new SealingKeyError("an X25519 public key is 32 bytes of base64url (43 characters, optional =)");
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: "der", type: "spki" });
}
function agreeEphemeral(recipientPublicKey) {
  const { privateKey, publicKey } = generateKeyPairSync("x25519");
  return { sharedSecret: diffieHellman({ privateKey, publicKey: recipientPublicKey }), ephemeralPublicKey: encodeBase64Url2(rawPublicKey(publicKey)) };
}
function deriveFernetKeyFromSecret(sharedSecret, info) {
  return new FernetKey(Buffer.from(hkdfSync("sha256", sharedSecret, Buffer.alloc(0), info, 32)));
}
function publicKeyId(raw) {
  return createHash("sha256").update(raw).digest("hex").slice(0, 8);
}
function canonicalPublicKey(text) {
  const raw = decodeBase64Url32(text);
  return raw === null ? void 0 : encodeBase64Url2(raw);
}
function rawPublicKey(key) {
  return key.export({ format: "der", type: "spki" }).subarray(SPKI_X25519_PREFIX.length);
}
function encodeBase64Url2(bytes) {
  const text = bytes.toString("base64url");
  return text + "=".repeat((4 - text.length % 4) % 4);
}
function decodeBase64Url32(text) {
  const match = /^([A-Za-z0-9_-]{43})=?$/.exec(text);
  if (match === null) return null;
  const bytes = Buffer.from(match[1], "base64url");
  return bytes.length === 32 && bytes.toString("base64url") === match[1] ? bytes : null;
}

// src/crypto/key-ring.ts
import { createHash as createHash2 } from "node:crypto";
var KeyRingError = class extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
  code;
  name = "KeyRingError";
};
function keyId(key) {
  return createHash2("sha256").update(key.rawBytes()).digest("hex").slice(0, 8);
}
function parseKeys(text, source, allow = "any") {
  const entries = keyEntriesOf(text);
  const parsed = { masterKeys: [], sealingKeys: [] };
  for (const entry of entries) rememberRunSecret(entry);
  entries.forEach((entry, index) => {
    if (isSealingKeyText(entry)) {
      try {
        parsed.sealingKeys.push(parseSealingPrivateKey(entry));
      } catch (error) {
        const why = error instanceof SealingKeyError ? error.message : String(error);
        throw new KeyRingError("bad-key", `key ${index + 1} in ${source} is not a sealing key: ${why}`, { cause: error });
      }
      return;
    }
    if (allow === "sealing") {
      throw new KeyRingError("bad-key", `key ${index + 1} in ${source} is not a sealing key (they start with sealing-key:); a Fernet master key belongs in CREDLEDGER_KEY`);
    }
    try {
      parsed.masterKeys.push(parseFernetKey(entry));
    } catch (error) {
      const why = error instanceof FernetError ? error.message : String(error);
      throw new KeyRingError("bad-key", `key ${index + 1} in ${source} is not a Fernet key: ${why}`, { cause: error });
    }
  });
  return parsed;
}
function parseKeyRing(text, source = "CREDLEDGER_KEY") {
  const { masterKeys: masterKeys2, sealingKeys } = parseKeys(text, source);
  return createKeyRing(masterKeys2, source, sealingKeys);
}
function createKeyRing(keys, source, sealingKeys = []) {
  const ringKeys = [
    ...keys.map((key) => ({ id: keyId(key), key })),
    ...sealingKeys.map((sealing) => {
      const key = sealing.fingerprintMaster();
      return { id: keyId(key), key, fingerprintOnly: true };
    })
  ];
  const [first, ...rest] = ringKeys;
  if (first === void 0) throw new KeyRingError("no-keys", `${source} holds no key`);
  const seen = /* @__PURE__ */ new Set();
  for (const { id } of ringKeys) {
    if (seen.has(id)) throw new KeyRingError("duplicate-key", `${source} lists key ${id} more than once`);
    seen.add(id);
  }
  const recipients = /* @__PURE__ */ new Set();
  for (const { recipientId } of sealingKeys) {
    if (recipients.has(recipientId)) throw new KeyRingError("duplicate-key", `${source} lists a sealing key for recipient ${recipientId} more than once`);
    recipients.add(recipientId);
  }
  return { source, keys: [first, ...rest], sealingKeys: [...sealingKeys] };
}
function holdsMasterKey(ring) {
  return ring.keys[0].fingerprintOnly !== true;
}
function masterKeys(ring) {
  return ring.keys.filter((entry) => entry.fingerprintOnly !== true);
}
function primaryKey(ring) {
  return ring.keys[0];
}
function findKey(ring, id) {
  return ring.keys.find((entry) => entry.id === id);
}
function describeKeyIds(ring) {
  const ids = masterKeys(ring).map((entry) => entry.id);
  return ids.length === 0 ? "no master key" : ids.join(", ");
}
function describeSealingRecipients(ring) {
  return ring.sealingKeys.length === 0 ? "no sealing key" : ring.sealingKeys.map((key) => key.recipientId).join(", ");
}

export {
  FernetError,
  FernetKey,
  generateFernetKey,
  parseFernetKey,
  encryptFernet,
  decryptFernet,
  readFernetTimestamp,
  SealingKeyError,
  generateSealingKeyPair,
  isRecipientId,
  importPublicKey,
  agreeEphemeral,
  deriveFernetKeyFromSecret,
  canonicalPublicKey,
  KeyRingError,
  keyId,
  parseKeys,
  parseKeyRing,
  createKeyRing,
  holdsMasterKey,
  masterKeys,
  primaryKey,
  findKey,
  describeKeyIds,
  describeSealingRecipients
};
