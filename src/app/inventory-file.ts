// Loading the inventory file from disk for the use cases, with the error a user can act on.
import { readFile } from 'node:fs/promises';
import type { CalendarDate } from '../core/dates.js';
import { checkInventoryText, type InventoryCheck } from '../core/inventory-validation.js';
import { UsageError } from './errors.js';

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
