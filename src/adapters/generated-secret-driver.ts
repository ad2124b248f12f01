// Rotation drivers for values the team makes itself: a random token (generated-secret) and DocuElevate's own admin password (a swap).
import { randomInt } from 'node:crypto';
import type { GeneratedAlphabet } from '../core/inventory.js';
import type { IssuerCredential, MintedCredential, Preflight, ProbeResult, RotationDriver, RotationTarget } from '../ports/rotation-driver.js';
import { SecretValue } from '../crypto/secret-value.js';

export const DEFAULT_GENERATED_LENGTH = 40;

const ALPHABETS: Readonly<Record<GeneratedAlphabet, string>> = {
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  // Printable ASCII without space, quotes, backslash and backtick, so the value survives shells and .env files.
  printable: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~',
};

/** A uniformly random string of `length` characters of the alphabet (crypto.randomInt: no modulo bias). */
export function generateSecret(length: number, alphabet: GeneratedAlphabet): SecretValue {
  const characters = ALPHABETS[alphabet];
  let text = '';
  for (let index = 0; index < length; index += 1) text += characters[randomInt(characters.length)];
  return new SecretValue(text);
}

/**
 * A value with no issuer behind it: the team's own token, shared by DocuElevate and whatever checks it. There is
 * nothing to retire at an issuer: the old value stops working where the new one replaces it, so a rotation is
 * finished once every deployment holds the new value.
 */
export class GeneratedSecretDriver implements RotationDriver {
  readonly tracksUse = false;

  constructor(
    readonly name: string = 'generated-secret',
    readonly strategy: 'overlap' | 'swap' = 'overlap',
  ) {}

  async preflight(): Promise<Preflight> {
    return { ok: true, leftovers: [] };
  }

  async describe(): Promise<IssuerCredential | undefined> {
    return undefined;
  }

  async create(target: RotationTarget): Promise<MintedCredential> {
    const length = target.spec.length ?? DEFAULT_GENERATED_LENGTH;
    const alphabet = target.spec.alphabet ?? 'alphanumeric';
    return { values: new Map(target.credentials.map((credential) => [credential.id, generateSecret(length, alphabet)])) };
  }

  async test(target: RotationTarget, minted: MintedCredential): Promise<ProbeResult> {
    const length = target.spec.length ?? DEFAULT_GENERATED_LENGTH;
    const ok = [...minted.values.values()].every((value) => value.length === length);
    return { ok, detail: ok ? `generated locally: ${length} characters (${target.spec.alphabet ?? 'alphanumeric'})` : 'the generated value has the wrong length' };
  }

  async usage(): Promise<Date | undefined> {
    return undefined;
  }

  async retire(): Promise<void> {}

  async restore(): Promise<void> {}

  async revoke(): Promise<void> {}

  async discard(): Promise<void> {}
}

/** DocuElevate's admin password: generated locally, and swapped (the old password dies when the new one is set). */
export function createAdminPasswordDriver(): GeneratedSecretDriver {
  return new GeneratedSecretDriver('docuelevate-admin-password', 'swap');
}
