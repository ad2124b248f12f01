// Temporary copies of credentials.yaml.example, so tests can let commands edit them.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_INVENTORY } from './paths.js';

export interface ExampleCopy {
  readonly dir: string;
  readonly file: string;
  /** The text as copied. */
  readonly original: string;
  /** The file's text now. */
  read(): string;
}

/** Copies the example into a fresh temporary directory as credentials.yaml. */
export function copyExample(): ExampleCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'credledger-values-'));
  const file = path.join(dir, 'credentials.yaml');
  copyFileSync(EXAMPLE_INVENTORY, file);
  return { dir, file, original: readFileSync(file, 'utf8'), read: () => readFileSync(file, 'utf8') };
}
