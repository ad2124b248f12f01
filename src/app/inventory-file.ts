// Loading the inventory file from disk for the use cases, and replacing it atomically, with errors a user can act on.
import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CalendarDate } from '../core/dates.js';
import { checkInventoryText, type InventoryCheck } from '../core/inventory-validation.js';
import { declaredIdentifiers } from '../core/rotation-identifiers.js';
import { declareRunIdentifiers } from '../crypto/run-secrets.js';
import { ExternalError, UsageError } from '../ports/errors.js';
import { withYamlDocument } from './yaml-document-loader.js';

/** The default inventory file name, relative to the working directory. */
export const DEFAULT_INVENTORY_FILE = 'credentials.yaml';

/** The largest inventory file credledger reads (64 MB): far above any real one, and a bound on memory and parse time. */
export const MAX_INVENTORY_BYTES = 64_000_000;

/** The offset of the first byte that is not part of well-formed UTF-8, or -1. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    const second = bytes[index + 1] ?? 0;
    // Overlong three- and four-byte forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return index;
    index += length;
  }
  return -1;
}

/**
 * Reads the inventory as UTF-8 text, turning "no such file" into a usage error that names it.
 * @throws UsageError for a missing file, a directory, a file over {@link MAX_INVENTORY_BYTES}, or bytes that are not
 * UTF-8 (pointing at line:column): decoding them with replacement characters would let `set` rewrite bytes elsewhere.
 */
export async function readInventoryText(file: string): Promise<string> {
  try {
    const { size } = await stat(file);
    if (size > MAX_INVENTORY_BYTES) {
      throw new UsageError(`${file} is ${size} bytes; credledger reads inventories up to ${MAX_INVENTORY_BYTES} bytes (split it, one file per team or environment)`);
    }
    const bytes = await readFile(file);
    // Node's native check first: the byte-by-byte search only runs to point at the place of a bad byte.
    const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8Byte(bytes);
    if (invalid >= 0) {
      const before = bytes.subarray(0, invalid).toString('utf8');
      const line = before.split('\n').length;
      const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
      throw new UsageError(`${file}:${line}:${column}: byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, '0')} is not UTF-8: save the inventory as UTF-8 text`);
    }
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`inventory file not found: ${file} (pass --file, or create it from credentials.yaml.example)`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a directory, not an inventory file`);
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Reads and checks the inventory file on day `today`. */
export async function loadInventoryFile(file: string, today: CalendarDate): Promise<InventoryCheck> {
  const text = await readInventoryText(file);
  const check = await withYamlDocument(() => checkInventoryText(text, file, today));
  // Before any value is decrypted: the values a rotation driver declares identifiers (AWS access key ids) are shown.
  if (check.inventory) declareRunIdentifiers(declaredIdentifiers(check.inventory));
  return check;
}

/**
 * Replaces the inventory's text with `next`, atomically: a temporary file beside it (same
 * permissions) is written, flushed and renamed over it, so a crash or a full disk leaves either
 * the old file or the new one, never half of one. A symlinked inventory stays a symlink.
 * @param previous the text the edit was computed from; when the file no longer holds it (another
 * edit in between), nothing is written.
 * @throws ExternalError when the file changed meanwhile or cannot be written.
 */
export async function replaceInventoryText(file: string, previous: string, next: string): Promise<void> {
  const target = await realpath(file);
  // Compare and rename under an exclusive lock: two `set` commands at once would otherwise both pass the comparison
  // and the second rename would drop the first rotation. Under the lock the second sees the change and fails loudly.
  await withInventoryLock(file, target, async () => {
    if ((await readInventoryText(file)) !== previous) {
      throw new ExternalError(`${file} changed while credledger was editing it; nothing was written: run the command again`);
    }
    await renameOver(file, target, next);
  });
}

/** How long a lock may be held before another credledger takes it over (a process that died holding it). */
const LOCK_STALE_MS = 30_000;
/** How long to wait for another credledger's edit of the same file. */
const LOCK_WAIT_MS = 10_000;

async function withInventoryLock(file: string, target: string, edit: () => Promise<void>): Promise<void> {
  const lock = `${target}.credledger-lock`;
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ExternalError(`cannot lock ${file} for editing: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
      const held = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (held > LOCK_STALE_MS) await rm(lock, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) {
        throw new ExternalError(`another credledger is editing ${file} (lock ${lock}); nothing was written: run the command again once it is done, or remove the lock if none is running`);
      } else await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
    }
  }
  try {
    await edit();
  } finally {
    await rm(lock, { force: true });
  }
}

async function renameOver(file: string, target: string, next: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const { mode } = await stat(target);
    const handle = await open(temporary, 'wx', mode & 0o777);
    try {
      await handle.writeFile(next, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ExternalError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}
