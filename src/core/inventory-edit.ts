// Edits of an inventory's text for `set`, `rekey`, `offboard`, `onboard` and `revoke`: the changed fields change, no other byte.
import type { CalendarDate } from './dates.js';
import type { ValuePlace } from './inventory.js';
import { editYamlScalars, insertYamlMappingEntry, type KeyOrder, type YamlScalarEdit } from './yaml-edit.js';

/**
 * The order a credential's fields are written in (README, example, schema): a field `set` adds
 * goes after the fields that precede it here, so `rotated` lands after `created` and a value at the end.
 */
export const CREDENTIAL_FIELD_ORDER: readonly string[] = [
  'setting',
  'kind',
  'custom',
  'owner',
  'access',
  'issuer',
  'description',
  'deployments',
  'group',
  'created',
  'rotated',
  'every',
  'compromised',
  'incident',
  'revoked',
  'value',
  'values',
];

/** The order a person's fields are written in (README, example, schema). */
export const PERSON_FIELD_ORDER: readonly string[] = ['github', 'email', 'name', 'left', 'seal_only'];

/** The document path of a place: `credentials.<id>.value` or `credentials.<id>.values.<deployment>`. */
export function valuePathOf(place: ValuePlace): string[] {
  return place.deployment === undefined ? ['credentials', place.credentialId, 'value'] : ['credentials', place.credentialId, 'values', place.deployment];
}

export interface ValueWrite {
  readonly place: ValuePlace;
  /** The encrypted value, `fernet:<key id>:<token>`. */
  readonly sealed: string;
  /** A new `rotated` date for the credential, if it changes. */
  readonly rotated?: CalendarDate;
}

/**
 * Writes encrypted values (and `rotated` dates) into inventory text.
 * @param deploymentOrder the inventory's deployments, so a new `values.<deployment>` entry keeps their order.
 * @throws YamlEditError when the edit cannot be made in place (see {@link editYamlScalars}).
 */
export function writeValuesInText(text: string, writes: readonly ValueWrite[], deploymentOrder: readonly string[] = []): string {
  const edits: YamlScalarEdit[] = writes.flatMap((write) => [
    { path: valuePathOf(write.place), value: write.sealed },
    ...(write.rotated === undefined ? [] : [{ path: ['credentials', write.place.credentialId, 'rotated'], value: write.rotated }]),
  ]);
  return editYamlScalars(text, edits, inventoryKeyOrder(deploymentOrder));
}

/** Where new keys go: credential and person fields in their documented order, per-deployment values in the deployments' order. */
function inventoryKeyOrder(deploymentOrder: readonly string[]): KeyOrder {
  return (parentPath) => {
    if (parentPath.length === 2 && parentPath[0] === 'credentials') return CREDENTIAL_FIELD_ORDER;
    if (parentPath.length === 2 && parentPath[0] === 'people') return PERSON_FIELD_ORDER;
    if (parentPath.length === 3 && parentPath[0] === 'credentials' && parentPath[2] === 'values') return deploymentOrder;
    return undefined;
  };
}

/** One string field of the inventory to write, e.g. `['people', 'bob', 'left']` or `['credentials', 'openai', 'owner']`. */
export interface FieldWrite {
  readonly path: readonly string[];
  readonly value: string;
}

/**
 * Writes string fields into inventory text in place (see {@link editYamlScalars}); a new field goes where
 * its documented order puts it. Pass only fields whose value changes: a rerun then writes nothing.
 * @throws YamlEditError when the edit cannot be made in place.
 */
export function writeFieldsInText(text: string, writes: readonly FieldWrite[]): string {
  return writes.length === 0 ? text : editYamlScalars(text, writes, inventoryKeyOrder([]));
}

/**
 * Adds a person under `people`, written like the people already there (one flow mapping per line, or blocks).
 * @throws YamlEditError when the file has no `people` entries to add beside, or the person exists.
 */
export function addPersonInText(text: string, id: string, fields: readonly (readonly [string, string])[]): string {
  return insertYamlMappingEntry(text, ['people'], id, fields);
}
