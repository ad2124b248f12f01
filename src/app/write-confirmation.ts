// A masked read-back confirms only the first 4 characters and the length of what was written. When the value
// DocuElevate held before the write already shows the same, a write it dropped would read back as a success: the
// setting's history is then the evidence that the write happened.

import type { CredentialSourceReader, SettingChange } from '../ports/deployment-connection.js';
import { RequestError } from '../ports/errors.js';
import type { SecretValue } from '../crypto/secret-value.js';

/** What apply knows before a write about how it can be confirmed. */
export type WriteCheck =
  /** The read-back tells the new value from the one DocuElevate held: it alone confirms the write. */
  | { readonly by: 'read-back' }
  /** The read-back cannot tell them apart: a history entry that was not there before (`seen`) must confirm it. */
  | { readonly by: 'history'; readonly seen: ReadonlySet<number> }
  /** The read-back cannot tell them apart (or apply cannot ask), and DocuElevate offers no history. */
  | { readonly by: 'none' };

/** History actions that put a value in place. */
const WRITE_ACTIONS = new Set(['update', 'create']);

/**
 * Before writing `value` to `key`: whether what DocuElevate shows now is what it would show for `value` and, if so,
 * which history entries exist already. Neither the shown value nor any history value is ever read out.
 */
export async function prepareWriteCheck(connection: CredentialSourceReader, key: string, value: SecretValue): Promise<WriteCheck> {
  if (connection.showsValue === undefined || connection.listSettingChanges === undefined) return { by: 'none' };
  if (!(await connection.showsValue(key, value))) return { by: 'read-back' };
  const history = await readHistory(connection, key);
  return history === undefined ? { by: 'none' } : { by: 'history', seen: new Set(history.map((entry) => entry.id)) };
}

/**
 * After the write and its read-back: for a {@link WriteCheck} `by: 'history'`, the reason the write is not confirmed
 * (no new `update` or `create` entry, by `applyUser` when apply knows its user), or `undefined` when it is.
 */
export async function findUnconfirmedWrite(
  connection: CredentialSourceReader,
  key: string,
  check: WriteCheck,
  applyUser: string | undefined,
): Promise<string | undefined> {
  if (check.by !== 'history') return undefined;
  const history = await readHistory(connection, key);
  if (history === undefined) return undefined;
  const confirmed = history.some(
    (entry) => !check.seen.has(entry.id) && WRITE_ACTIONS.has(entry.action) && (applyUser === undefined || entry.changedBy === applyUser),
  );
  if (confirmed) return undefined;
  const by = applyUser === undefined ? '' : ` by ${applyUser}`;
  return (
    `not verified: DocuElevate accepted the write of ${key}, but its masked read-back (first 4 characters and length) ` +
    `cannot tell the new value from the one it held, and its history (GET /api/settings/${key}/history) shows no ` +
    `update${by} since the write: DocuElevate may have dropped it. Check the setting and run apply again`
  );
}

/** The setting's history, or `undefined` when DocuElevate has none to offer (404 or 405). */
async function readHistory(connection: CredentialSourceReader, key: string): Promise<SettingChange[] | undefined> {
  try {
    return await (connection.listSettingChanges as NonNullable<CredentialSourceReader['listSettingChanges']>)(key);
  } catch (error) {
    if (error instanceof RequestError && (error.status === 404 || error.status === 405)) return undefined;
    throw error;
  }
}
