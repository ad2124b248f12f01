// Where the keys come from: CREDLEDGER_KEY and CREDLEDGER_SEALING_KEY, or a key file; never the inventory and never a flag value.
import { readFile } from 'node:fs/promises';
import { KeyRingError, createKeyRing, parseKeyRing, parseKeys, type KeyRing } from '../crypto/key-ring.js';
import { UsageError } from '../ports/errors.js';

/** The environment variable holding one or more comma-separated Fernet keys; the first encrypts. */
export const KEY_ENVIRONMENT_VARIABLE = 'CREDLEDGER_KEY';

/** The environment variable holding sealing private keys (`sealing-key:<recipient>:<key>`, comma-separated): they open `sealed:` values. */
export const SEALING_KEY_ENVIRONMENT_VARIABLE = 'CREDLEDGER_SEALING_KEY';

export interface KeySourceOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--key-file PATH`: one key per line (master or sealing keys), `#` comments allowed. Replaces both environment variables. */
  readonly keyFile?: string;
}

/** The key ring, or undefined when no key file is given and neither CREDLEDGER_KEY nor CREDLEDGER_SEALING_KEY is set. */
export async function loadOptionalKeyRing(options: KeySourceOptions): Promise<KeyRing | undefined> {
  try {
    if (options.keyFile !== undefined) {
      let text: string;
      try {
        text = await readFile(options.keyFile, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
        throw new UsageError(`cannot read key file ${describeKeyFilePath(options.keyFile)}: ${why}`);
      }
      return parseKeyRing(text, options.keyFile);
    }
    const master = options.env[KEY_ENVIRONMENT_VARIABLE] ?? '';
    const sealing = options.env[SEALING_KEY_ENVIRONMENT_VARIABLE] ?? '';
    const sources = [master.trim() === '' ? undefined : KEY_ENVIRONMENT_VARIABLE, sealing.trim() === '' ? undefined : SEALING_KEY_ENVIRONMENT_VARIABLE].filter((name) => name !== undefined);
    if (sources.length === 0) return undefined;
    const fromMaster = parseKeys(master, KEY_ENVIRONMENT_VARIABLE);
    const fromSealing = parseKeys(sealing, SEALING_KEY_ENVIRONMENT_VARIABLE, 'sealing');
    return createKeyRing(fromMaster.masterKeys, sources.join(' and '), [...fromMaster.sealingKeys, ...fromSealing.sealingKeys]);
  } catch (error) {
    if (error instanceof KeyRingError) throw new UsageError(error.message);
    throw error;
  }
}

/** The key ring; a usage error that says how to provide one when there is none. */
export async function loadKeyRing(options: KeySourceOptions): Promise<KeyRing> {
  const ring = await loadOptionalKeyRing(options);
  if (!ring) {
    throw new UsageError(
      `no key: set ${KEY_ENVIRONMENT_VARIABLE} (comma-separated Fernet keys, the first encrypts), ${SEALING_KEY_ENVIRONMENT_VARIABLE} (sealing private keys, for sealed: values), or pass --key-file PATH; \`credledger keygen\` makes one`,
    );
  }
  return ring;
}

/**
 * The key file's path as a message may show it: a "path" that looks like a key (someone passed `--key-file "$KEY"`)
 * is not repeated, since it is the key itself.
 */
function describeKeyFilePath(file: string): string {
  if (/^(sealing-key:)?[A-Za-z0-9_:=-]{32,}$/.test(file.trim()) || file.includes(',')) {
    return '(the path is not shown: it looks like a key itself; --key-file takes the path of a file that holds the keys)';
  }
  return file;
}
