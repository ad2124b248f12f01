import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  rememberRunSecret
} from "./chunk-QL6ADRZ6.js";

// src/crypto/secret-value.ts
import { createHash, timingSafeEqual } from "node:crypto";
import { inspect } from "node:util";
var REDACTED = "[redacted]";
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var NOT_SECRET_AT_ITS_ISSUER = /* @__PURE__ */ Symbol("not secret at its issuer");
var SecretValue = class _SecretValue {
  // A private field is invisible to JSON, spread, Object.keys and test-runner diff printers.
  #plaintext;
  #identifier;
  constructor(plaintext, kind) {
    this.#plaintext = plaintext;
    this.#identifier = kind === NOT_SECRET_AT_ITS_ISSUER;
    if (kind !== NOT_SECRET_AT_ITS_ISSUER) rememberRunSecret(plaintext);
  }
  /**
   * A value the inventory stores like any other but that its issuer does not treat as secret, such as a new AWS
   * access key id: rotate names it (old → new) in its pull request and output, so it is not added to the run's
   * redaction. It still prints as `[redacted]` by itself. Values decrypted from the inventory are secrets regardless.
   */
  static identifier(plaintext) {
    return new _SecretValue(plaintext, NOT_SECRET_AT_ITS_ISSUER);
  }
  /**
   * Wraps decrypted bytes, which must be UTF-8 (every credential value is text).
   * @param isIdentifier decides, from the text, whether it is an identifier its issuer does not treat as secret (a
   * declared AWS access key id; see core/rotation-identifiers.ts): such a value is not added to the run's redaction.
   * @throws TypeError when they are not; the message does not contain the bytes.
   */
  static fromUtf8(bytes, isIdentifier) {
    const text = utf8.decode(bytes);
    return isIdentifier?.(text) === true ? _SecretValue.identifier(text) : new _SecretValue(text);
  }
  /** True for an {@link SecretValue.identifier}: the run neither redacts nor masks it. */
  get isIdentifier() {
    return this.#identifier;
  }
  /** Returns the plaintext. Callers own what happens to it next. */
  reveal() {
    return this.#plaintext;
  }
  /** Length in Unicode code points (what DocuElevate, in Python, counts when it masks). */
  get length() {
    return [...this.#plaintext].length;
  }
  /**
   * The mask DocuElevate's settings API returns for this value: the first 4 characters and one `*`
   * per remaining character when longer than 8 characters, else `********`; an empty value stays
   * empty. Apply compares a read-back against it, which confirms length and prefix, no more.
   */
  maskedLikeDocuElevate() {
    const chars = [...this.#plaintext];
    if (chars.length === 0) return "";
    if (chars.length <= 8) return "********";
    return chars.slice(0, 4).join("") + "*".repeat(chars.length - 4);
  }
  /** Compares two values in constant time (digests of equal length, so the length does not leak either). */
  equals(other) {
    return timingSafeEqual(digest(this.#plaintext), digest(other.#plaintext));
  }
  toString() {
    return REDACTED;
  }
  toJSON() {
    return REDACTED;
  }
  valueOf() {
    return REDACTED;
  }
  [Symbol.toPrimitive]() {
    return REDACTED;
  }
  [inspect.custom]() {
    return REDACTED;
  }
};
function digest(text) {
  return createHash("sha256").update(text, "utf8").digest();
}

export {
  SecretValue
};
