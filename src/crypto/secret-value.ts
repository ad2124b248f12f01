// A decrypted credential value that prints as [redacted] everywhere except through reveal().
import { createHash, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import { rememberRunSecret } from './run-secrets.js';

const REDACTED = '[redacted]';
// fatal: bytes that are not UTF-8 are refused rather than silently replaced; ignoreBOM keeps a
// leading U+FEFF, which is part of the value.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Only {@link SecretValue.identifier} passes it: a value outside this module is always a secret. */
const NOT_SECRET_AT_ITS_ISSUER = Symbol('not secret at its issuer');

/**
 * Holds a plaintext. Every implicit conversion (String(), template literals, `+`, JSON.stringify,
 * util.inspect/console.log, error messages) yields `[redacted]`; the value is only reachable
 * through {@link SecretValue.reveal}, so reading it is always a visible, greppable decision.
 */
export class SecretValue {
  // A private field is invisible to JSON, spread, Object.keys and test-runner diff printers.
  readonly #plaintext: string;
  readonly #identifier: boolean;

  constructor(plaintext: string, kind?: typeof NOT_SECRET_AT_ITS_ISSUER) {
    this.#plaintext = plaintext;
    this.#identifier = kind === NOT_SECRET_AT_ITS_ISSUER;
    // Known to the outward redaction from the moment it exists, so no echo of it (whole, cut or encoded) gets out.
    if (kind !== NOT_SECRET_AT_ITS_ISSUER) rememberRunSecret(plaintext);
  }

  /**
   * A value the inventory stores like any other but that its issuer does not treat as secret, such as a new AWS
   * access key id: rotate names it (old → new) in its pull request and output, so it is not added to the run's
   * redaction. It still prints as `[redacted]` by itself. Values decrypted from the inventory are secrets regardless.
   */
  static identifier(plaintext: string): SecretValue {
    return new SecretValue(plaintext, NOT_SECRET_AT_ITS_ISSUER);
  }

  /**
   * Wraps decrypted bytes, which must be UTF-8 (every credential value is text).
   * @param isIdentifier decides, from the text, whether it is an identifier its issuer does not treat as secret (a
   * declared AWS access key id; see core/rotation-identifiers.ts): such a value is not added to the run's redaction.
   * @throws TypeError when they are not; the message does not contain the bytes.
   */
  static fromUtf8(bytes: Uint8Array, isIdentifier?: (text: string) => boolean): SecretValue {
    const text = utf8.decode(bytes);
    return isIdentifier?.(text) === true ? SecretValue.identifier(text) : new SecretValue(text);
  }

  /** True for an {@link SecretValue.identifier}: the run neither redacts nor masks it. */
  get isIdentifier(): boolean {
    return this.#identifier;
  }

  /** Returns the plaintext. Callers own what happens to it next. */
  reveal(): string {
    return this.#plaintext;
  }

  /** Length in Unicode code points (what DocuElevate, in Python, counts when it masks). */
  get length(): number {
    return [...this.#plaintext].length;
  }

  /**
   * The mask DocuElevate's settings API returns for this value: the first 4 characters and one `*`
   * per remaining character when longer than 8 characters, else `********`; an empty value stays
   * empty. Apply compares a read-back against it, which confirms length and prefix, no more.
   */
  maskedLikeDocuElevate(): string {
    const chars = [...this.#plaintext];
    if (chars.length === 0) return '';
    if (chars.length <= 8) return '********';
    return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 4);
  }

  /** Compares two values in constant time (digests of equal length, so the length does not leak either). */
  equals(other: SecretValue): boolean {
    return timingSafeEqual(digest(this.#plaintext), digest(other.#plaintext));
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  valueOf(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
