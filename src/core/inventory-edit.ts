// Edits of an inventory's text for `set` and `rekey`: the changed values (and `rotated`) change, no other byte.
import type { CalendarDate } from './dates.js';
import type { ValuePlace } from './inventory.js';
import { editYamlScalars, type KeyOrder, type YamlScalarEdit } from './yaml-edit.js';

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
  'revoked',
  'rotation',
  'value',
  'values',
];

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
  const order: KeyOrder = (parentPath) => {
    if (parentPath.length === 2 && parentPath[0] === 'credentials') return CREDENTIAL_FIELD_ORDER;
    if (parentPath.length === 3 && parentPath[0] === 'credentials' && parentPath[2] === 'values') return deploymentOrder;
    return undefined;
  };
  return editYamlScalars(text, edits, order);
}
