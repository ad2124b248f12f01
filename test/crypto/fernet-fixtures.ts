// Loads the Fernet fixtures kept in test/fixtures/fernet (their sources and checksums: test/fixtures/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../support/paths.js';

const fixtureDir = path.join(FIXTURES_DIR, 'fernet');

function readFixture<T>(relativePath: string): T {
  return JSON.parse(readFileSync(path.join(fixtureDir, relativePath), 'utf8')) as T;
}

/** RFC 3339 time of the spec vectors to Unix seconds. */
export function toUnixSeconds(rfc3339: string): number {
  return Date.parse(rfc3339) / 1000;
}

export interface GenerateCase { token: string; now: string; iv: number[]; src: string; secret: string }
export interface VerifyCase { token: string; now: string; ttl_sec: number; src: string; secret: string }
export interface InvalidCase { desc: string; token: string; now: string; ttl_sec: number; secret: string }
export interface PythonCase { id: string; key: string; plaintext: string; token: string; iat: number; iv_hex: string }
export interface DocuElevateCase {
  id: string;
  session_secret: string;
  derived_key: string;
  plaintext: string;
  stored_value: string;
  iat: number;
}
export interface DocuElevateRotationCase extends DocuElevateCase {
  session_secret_previous: string;
  derived_key_previous: string;
  decrypts_with_current_key_alone: boolean;
}
export interface PassthroughCase { id: string; stored_value: string; plaintext: string }

export const specGenerate = readFixture<GenerateCase[]>('spec/generate.json');
export const specVerify = readFixture<VerifyCase[]>('spec/verify.json');
export const specInvalid = readFixture<InvalidCase[]>('spec/invalid.json');
export const pythonCases = readFixture<{ cases: PythonCase[] }>('python-cryptography.json').cases;
export const docuelevate = readFixture<{
  cases: DocuElevateCase[];
  multifernet_cases: DocuElevateRotationCase[];
  passthrough_cases: PassthroughCase[];
}>('docuelevate.json');

/** Every non-empty plaintext in the fixtures, to assert that none leaks into a message. */
export const fixturePlaintexts: string[] = [
  ...specGenerate.map((c) => c.src),
  ...specVerify.map((c) => c.src),
  ...pythonCases.map((c) => c.plaintext),
  ...docuelevate.cases.map((c) => c.plaintext),
  ...docuelevate.multifernet_cases.map((c) => c.plaintext),
].filter((text) => text.trim().length >= 4);
