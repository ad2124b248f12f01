import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/redaction.ts
var REDACTION = "[redacted]";
var MIN_SECRET_LENGTH = 4;
var MIN_SECRET_PIECE = 8;
var WORD_LIKE_RUN = /^(?=.{1,15}$)[-_.]?[a-z]+(?:[-_.][a-z]+)*[-_.]?$/;
function base64Variants(text) {
  const bytes = Buffer.from(text, "utf8");
  const variants = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    const lead = shift === 0 ? 0 : Math.ceil(shift * 4 / 3);
    const usableEnd = Math.floor(padded.length * 4 / 3);
    const middle = encoded.slice(lead, usableEnd);
    if (middle.length > 0) variants.push(middle, middle.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return variants;
}
function htmlEscaped(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}
function encodingsOf(secret) {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ x: secret }).toString().slice(2);
  const variants = [secret, uri, uri.toLowerCase(), form, json, asciiJson, htmlEscaped(secret)];
  const encoded = base64Variants(secret).filter((variant) => variant.length >= MIN_SECRET_PIECE);
  return [.../* @__PURE__ */ new Set([...variants.filter((variant) => variant.length >= MIN_SECRET_LENGTH), ...encoded])];
}
var SecretRedactor = class {
  #secrets = /* @__PURE__ */ new Set();
  #compiled;
  /** Adds a secret (and, for a multi-line one, each of its lines). Short ones are ignored (see {@link MIN_SECRET_LENGTH}). */
  remember(secret) {
    for (const part of [secret, ...secret.split(/\r?\n/)]) {
      const trimmed = part.trim();
      if (trimmed.length < MIN_SECRET_LENGTH || this.#secrets.has(trimmed)) continue;
      this.#secrets.add(trimmed);
      this.#compiled = void 0;
    }
  }
  /** How many secrets it knows. */
  get size() {
    return this.#secrets.size;
  }
  /** The text with every known secret, every piece of 8+ characters of one, and their encodings, replaced by {@link REDACTION}. */
  redact(text) {
    if (this.#secrets.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    const { whole, pieces } = this.#compile();
    let result = text;
    for (const form of whole) if (result.includes(form)) result = result.split(form).join(REDACTION);
    if (pieces.size === 0 || result.length < MIN_SECRET_PIECE) return result;
    const covered = new Uint8Array(result.length);
    let any = false;
    for (let start = 0; start + MIN_SECRET_PIECE <= result.length; start += 1) {
      if (!pieces.has(result.slice(start, start + MIN_SECRET_PIECE))) continue;
      covered.fill(1, start, start + MIN_SECRET_PIECE);
      any = true;
    }
    if (!any) return result;
    let out = "";
    let index = 0;
    while (index < result.length) {
      if (covered[index] === 0) {
        out += result[index];
        index += 1;
        continue;
      }
      let end = index;
      while (end < result.length && covered[end] === 1) end += 1;
      const run = result.slice(index, end);
      out += WORD_LIKE_RUN.test(run) ? run : REDACTION;
      index = end;
    }
    return out;
  }
  #compile() {
    if (this.#compiled) return this.#compiled;
    const whole = /* @__PURE__ */ new Set();
    const pieces = /* @__PURE__ */ new Set();
    for (const secret of this.#secrets) {
      for (const form of encodingsOf(secret)) {
        whole.add(form);
        for (let start = 0; start + MIN_SECRET_PIECE <= form.length; start += 1) pieces.add(form.slice(start, start + MIN_SECRET_PIECE));
      }
    }
    this.#compiled = { whole: [...whole].sort((a, b) => b.length - a.length), pieces };
    return this.#compiled;
  }
};
var MAX_QUOTED_SERVER_TEXT = 300;
function quoteServerText(text, redactor) {
  const flat = redactor.redact(text).replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
  return flat.length <= MAX_QUOTED_SERVER_TEXT ? flat : `${flat.slice(0, MAX_QUOTED_SERVER_TEXT)}\u2026 (cut, ${flat.length} characters)`;
}

// src/core/rotation-identifiers.ts
var AWS_ACCESS_KEY_ID_SHAPE = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
function declaredIdentifiers(inventory) {
  const declared = /* @__PURE__ */ new Map();
  for (const credential of inventory.credentials) {
    if (credential.rotation?.driver === "aws-iam-access-key" && credential.rotation.secret !== credential.id) declared.set(credential.id, AWS_ACCESS_KEY_ID_SHAPE);
  }
  return declared;
}
function isDeclaredIdentifier(declared, credentialId, plaintext) {
  return declared.get(credentialId)?.test(plaintext) === true;
}

// src/crypto/run-secrets.ts
var RUN_SECRETS = new SecretRedactor();
var RUN_IDENTIFIERS = /* @__PURE__ */ new Map();
function declareRunIdentifiers(declared) {
  for (const [credentialId, shape] of declared) RUN_IDENTIFIERS.set(credentialId, shape);
}
function isRunIdentifier(credentialId, plaintext) {
  return isDeclaredIdentifier(RUN_IDENTIFIERS, credentialId, plaintext);
}
function rememberRunSecret(secret) {
  RUN_SECRETS.remember(secret);
}
function redactRunSecrets(text) {
  return RUN_SECRETS.redact(text);
}
function runSecretRedactor() {
  return RUN_SECRETS;
}

export {
  quoteServerText,
  declaredIdentifiers,
  declareRunIdentifiers,
  isRunIdentifier,
  rememberRunSecret,
  redactRunSecrets,
  runSecretRedactor
};
