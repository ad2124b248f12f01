import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  SecretValue
} from "./chunk-NTY5ZNUX.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-ZPKHJYF4.js";

// src/adapters/generated-secret-driver.ts
import { randomInt } from "node:crypto";
var DEFAULT_GENERATED_LENGTH = 40;
var ALPHABETS = {
  alphanumeric: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  hex: "0123456789abcdef",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  // Printable ASCII without space, quotes, backslash and backtick, so the value survives shells and .env files.
  printable: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~"
};
function generateSecret(length, alphabet) {
  const characters = ALPHABETS[alphabet];
  let text = "";
  for (let index = 0; index < length; index += 1) text += characters[randomInt(characters.length)];
  return new SecretValue(text);
}
var GeneratedSecretDriver = class {
  constructor(name = "generated-secret", strategy = "overlap") {
    this.name = name;
    this.strategy = strategy;
  }
  name;
  strategy;
  tracksUse = false;
  async preflight() {
    return { ok: true, leftovers: [] };
  }
  async describe() {
    return void 0;
  }
  async create(target) {
    const length = target.spec.length ?? DEFAULT_GENERATED_LENGTH;
    const alphabet = target.spec.alphabet ?? "alphanumeric";
    return { values: new Map(target.credentials.map((credential) => [credential.id, generateSecret(length, alphabet)])) };
  }
  async test(target, minted) {
    const length = target.spec.length ?? DEFAULT_GENERATED_LENGTH;
    const ok = [...minted.values.values()].every((value) => value.length === length);
    return { ok, detail: ok ? `generated locally: ${length} characters (${target.spec.alphabet ?? "alphanumeric"})` : "the generated value has the wrong length" };
  }
  async usage() {
    return void 0;
  }
  async retire() {
  }
  async restore() {
  }
  async revoke() {
  }
  async discard() {
  }
};
function createAdminPasswordDriver() {
  return new GeneratedSecretDriver("docuelevate-admin-password", "swap");
}
export {
  DEFAULT_GENERATED_LENGTH,
  GeneratedSecretDriver,
  createAdminPasswordDriver,
  generateSecret
};
