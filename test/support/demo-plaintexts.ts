// The demo inventory's public key and fake plaintexts, and the check that no output ever contains one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { keyEntriesOf } from '../../src/crypto/key-text.js';
import { REPO_ROOT } from './paths.js';

interface DemoFixture {
  readonly key: string;
  readonly values: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
}

const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/demo-plaintexts.json'), 'utf8')) as DemoFixture;

/** examples/demo.key: the public demo key the example's values are sealed under. */
export const DEMO_KEY_FILE = path.join(REPO_ROOT, fixture.key);

/** The demo key itself (the key file's one non-comment line), for CREDLEDGER_KEY. */
export const DEMO_KEY = keyEntriesOf(readFileSync(DEMO_KEY_FILE, 'utf8')).join(',');

/** The key id of the demo key. */
export const DEMO_KEY_ID = '175365ad';

export interface DemoPlaintext {
  readonly credentialId: string;
  readonly deployment?: string;
  readonly plaintext: string;
}

/** Every plaintext of the example, with its place. */
export const DEMO_PLAINTEXTS: readonly DemoPlaintext[] = Object.entries(fixture.values).flatMap(([credentialId, value]) =>
  typeof value === 'string' ? [{ credentialId, plaintext: value }] : Object.entries(value).map(([deployment, plaintext]) => ({ credentialId, deployment, plaintext })),
);

/** The plaintext of one place of the example. */
export function demoPlaintext(credentialId: string, deployment?: string): string {
  const found = DEMO_PLAINTEXTS.find((entry) => entry.credentialId === credentialId && entry.deployment === deployment);
  if (!found) throw new Error(`no demo plaintext for ${credentialId}${deployment ? `/${deployment}` : ''}`);
  return found.plaintext;
}

// A multi-line value (the PEM key) could leak one line at a time: each distinctive line counts too.
const NEEDLES: readonly { name: string; needle: string }[] = DEMO_PLAINTEXTS.flatMap(({ credentialId, deployment, plaintext }) => {
  const name = deployment === undefined ? credentialId : `${credentialId}/${deployment}`;
  const lines = plaintext.includes('\n') ? plaintext.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----')) : [];
  return [plaintext, ...lines].map((needle) => ({ name, needle }));
});

/** Names the places whose plaintext (or a line of it) occurs in the text; never the plaintexts themselves. */
export function findDemoPlaintexts(text: string): string[] {
  return [...new Set(NEEDLES.filter(({ needle }) => text.includes(needle)).map(({ name }) => name))];
}

/**
 * Collects every output a test file produces and asserts, after each test, that none holds a demo
 * plaintext or a value the test registered with {@link OutputWatch.secret}.
 */
export class OutputWatch {
  #outputs: { label: string; text: string }[] = [];
  #secrets: { name: string; needle: string }[] = [];

  /** Registers a plaintext a test makes up, so outputs are checked for it too; returns it. */
  secret(plaintext: string): string {
    this.#secrets.push({ name: `a test value of ${plaintext.length} characters`, needle: plaintext });
    return plaintext;
  }

  /** Records an output; returns it for chaining. */
  record(label: string, text: string): string {
    this.#outputs.push({ label, text });
    return text;
  }

  /** Asserts no recorded output contains a demo plaintext, then forgets them. */
  expectNoPlaintext(): void {
    const leaks = this.#outputs.flatMap(({ label, text }) => [
      ...findDemoPlaintexts(text).map((name) => `${label} holds the plaintext of ${name}`),
      ...this.#secrets.filter(({ needle }) => text.includes(needle)).map(({ name }) => `${label} holds ${name}`),
    ]);
    this.#outputs = [];
    this.#secrets = [];
    expect(leaks).toEqual([]);
  }
}
