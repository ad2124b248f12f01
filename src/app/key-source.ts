// Where the master keys come from: CREDLEDGER_KEY or a key file, never the inventory and never a flag value.
import { readFile } from 'node:fs/promises';
import { KeyRingError, parseKeyRing, type KeyRing } from '../crypto/key-ring.js';
import { UsageError } from './errors.js';

/** The environment variable holding one or more comma-separated Fernet keys; the first encrypts. */
export const KEY_ENVIRONMENT_VARIABLE = 'CREDLEDGER_KEY';

export interface KeySourceOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--key-file PATH`: one key per line, `#` comments allowed. Takes precedence over the environment. */
  readonly keyFile?: string;
}

/** The key ring, or undefined when neither a key file nor CREDLEDGER_KEY is given. */
export async function loadOptionalKeyRing(options: KeySourceOptions): Promise<KeyRing | undefined> {
  try {
    if (options.keyFile !== undefined) {
      let text: string;
      try {
        text = await readFile(options.keyFile, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
        throw new UsageError(`cannot read key file ${options.keyFile}: ${why}`);
      }
      return parseKeyRing(text, options.keyFile);
    }
    const fromEnvironment = options.env[KEY_ENVIRONMENT_VARIABLE];
    if (fromEnvironment === undefined || fromEnvironment.trim() === '') return undefined;
    return parseKeyRing(fromEnvironment, KEY_ENVIRONMENT_VARIABLE);
  } catch (error) {
    if (error instanceof KeyRingError) throw new UsageError(error.message);
    throw error;
  }
}

/** The key ring; a usage error that says how to provide one when there is none. */
export async function loadKeyRing(options: KeySourceOptions): Promise<KeyRing> {
  const ring = await loadOptionalKeyRing(options);
  if (!ring) throw new UsageError(`no key: set ${KEY_ENVIRONMENT_VARIABLE} (comma-separated Fernet keys, the first encrypts) or pass --key-file PATH; \`credledger keygen\` makes one`);
  return ring;
}
