// Loading the inventory file from disk for the use cases, and replacing it atomically, with errors a user can act on.
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CalendarDate } from '../core/dates.js';
import { checkInventoryText, type InventoryCheck } from '../core/inventory-validation.js';
import { ExternalError, UsageError } from '../ports/errors.js';

/** The default inventory file name, relative to the working directory. */
export const DEFAULT_INVENTORY_FILE = 'credentials.yaml';

/** Reads a text file, turning "no such file" into a usage error that names it. */
export async function readInventoryText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`inventory file not found: ${file} (pass --file, or create it from credentials.yaml.example)`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a directory, not an inventory file`);
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Reads and checks the inventory file on day `today`. */
export async function loadInventoryFile(file: string, today: CalendarDate): Promise<InventoryCheck> {
  return checkInventoryText(await readInventoryText(file), file, today);
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
  if ((await readInventoryText(file)) !== previous) {
    throw new ExternalError(`${file} changed while credledger was editing it; nothing was written: run the command again`);
  }
  const target = await realpath(file);
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
