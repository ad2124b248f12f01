// The inventory model (format version 1): people, deployments and credentials, as read from credentials.yaml.
import { ownValue } from './own-property.js';
import type { CalendarDate, Duration } from './dates.js';
import { splitSealedValueText, type SealedValueParts } from './sealed-value-format.js';

/** Every credential kind; the kind sets the default rotation rule. */
export const CREDENTIAL_KINDS = [
  'api_key',
  'oauth_client_secret',
  'oauth_refresh_token',
  'password',
  'admin_password',
  'session_secret',
  'private_key',
  'service_account',
  'token',
  'certificate',
] as const;

export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** A person who owns or can read credentials. */
export interface Person {
  readonly id: string;
  readonly github?: string;
  readonly email?: string;
  readonly name?: string;
  /** Offboarding date. */
  readonly left?: CalendarDate;
  /** `seal_only: true`: holds no key that opens values, adds them with `credledger seal` only (see {@link couldReadValues}). */
  readonly sealOnly?: boolean;
}

/** A public key values may be sealed for (`encryption.recipients`). */
export interface Recipient {
  readonly id: string;
  /** X25519, 32 bytes as padded base64url. */
  readonly publicKey: string;
}

/** How credledger authenticates to a deployment's settings API: names of environment variables only. */
export type DeploymentAuth =
  | { readonly method: 'login'; readonly usernameEnv: string; readonly passwordEnv: string }
  | { readonly method: 'bearer'; readonly tokenEnv: string }
  | { readonly method: 'session'; readonly cookieEnv: string }
  | { readonly method: 'none' };

/** A DocuElevate deployment values are pushed to. */
export interface Deployment {
  readonly id: string;
  readonly url: string;
  readonly auth: DeploymentAuth;
}

/** The rotation drivers `credledger rotate` knows (docs/rotation.md). */
export const ROTATION_DRIVERS = ['aws-iam-access-key', 'docuelevate-admin-password', 'generated-secret'] as const;

export type RotationDriverName = (typeof ROTATION_DRIVERS)[number];

/** The characters a generated value is drawn from. */
export const GENERATED_ALPHABETS = ['alphanumeric', 'hex', 'base64url', 'printable'] as const;

export type GeneratedAlphabet = (typeof GENERATED_ALPHABETS)[number];

/** `rotation:` of a credential: how `credledger rotate` makes its next value. Never a secret. */
export interface RotationSpec {
  readonly driver: RotationDriverName;
  /** aws-iam-access-key: the IAM user. */
  readonly user?: string;
  /** aws-iam-access-key: the credential holding the secret access key (this one holds the key id). */
  readonly secret?: string;
  /** aws-iam-access-key: the access key id in use, recorded by rotate. */
  readonly keyId?: string;
  /** aws-iam-access-key: region for STS. */
  readonly region?: string;
  /** generated values: length in characters. */
  readonly length?: number;
  readonly alphabet?: GeneratedAlphabet;
  /**
   * docuelevate-admin-password: a requested swap (`rot-` and 12 hex digits), written by `credledger rotate`. The
   * apply after its merge mints, seals, records and pushes the new password (docs/rotation.md).
   */
  readonly swap?: string;
}

/** One credential held in DocuElevate, with its history and encrypted value(s). */
export interface Credential {
  readonly id: string;
  readonly setting: string;
  readonly kind: CredentialKind;
  readonly owner: string;
  readonly access: readonly string[];
  readonly issuer?: string;
  readonly description?: string;
  readonly created?: CalendarDate;
  readonly rotated?: CalendarDate;
  readonly every?: Duration;
  /** The deployments it is pushed to: those listed, or every deployment when none are. */
  readonly deployments: readonly string[];
  /** True when `deployments` was written in the file rather than defaulted. */
  readonly deploymentsListed: boolean;
  /** One encrypted value for every deployment. */
  readonly value?: string;
  /** Encrypted values per deployment. */
  readonly values?: Readonly<Record<string, string>>;
  readonly group?: string;
  readonly custom: boolean;
  readonly compromised?: CalendarDate;
  /** What is known of the suspected leak (`incident`, written by `credledger revoke --reason`). */
  readonly incident?: string;
  readonly revoked?: CalendarDate;
  /** How `credledger rotate` rotates it; absent for credentials rotated by hand. */
  readonly rotation?: RotationSpec;
}

/** The credential fields that hold a calendar date. */
export const CREDENTIAL_DATE_FIELDS = ['created', 'rotated', 'compromised', 'revoked'] as const satisfies readonly (keyof Credential)[];

/** Team-wide rotation policy as written (defaults are applied by the rotation rules). */
export interface RotationPolicy {
  readonly intervals: Partial<Record<CredentialKind, Duration>>;
  readonly dueSoon?: Duration;
}

/** A whole inventory file. */
export interface Inventory {
  readonly version: 1;
  readonly policy: RotationPolicy;
  readonly people: ReadonlyMap<string, Person>;
  /** `encryption.recipients`, newest first; absent or empty when the inventory has none. */
  readonly recipients?: readonly Recipient[];
  readonly deployments: ReadonlyMap<string, Deployment>;
  readonly credentials: readonly Credential[];
}

/** Where an encrypted value sits: a credential's `value`, or its `values.<deployment>`. */
export interface ValuePlace {
  readonly credentialId: string;
  /** Set for `values.<deployment>`; undefined for the shared `value`. */
  readonly deployment?: string;
}

/** One encrypted value of the inventory, with its place and path. */
export interface SealedValueEntry {
  readonly place: ValuePlace;
  readonly sealed: string;
  readonly path: readonly (string | number)[];
}

/** A value as the inventory lists it: its text split into its encrypted form, once. */
export interface ListedSealedValue extends SealedValueEntry {
  /** The text's parts; undefined when it is in neither encrypted form (a plaintext value, or a damaged one). */
  readonly parts: SealedValueParts | undefined;
}

/** Every value in the inventory (encrypted or not: `parts` says), in file order. */
export function listSealedValues(inventory: Inventory): readonly ListedSealedValue[] {
  // Listed and split once per inventory: several rules and status each walk them. The list is never changed.
  const known = SEALED_VALUES.get(inventory.credentials);
  if (known !== undefined) return known;
  const entries: ListedSealedValue[] = [];
  for (const credential of inventory.credentials) {
    const { value, values } = credential;
    if (value !== undefined) {
      entries.push({ place: { credentialId: credential.id }, sealed: value, path: ['credentials', credential.id, 'value'], parts: splitSealedValueText(value) });
    }
    if (values === undefined) continue;
    for (const [deployment, sealed] of Object.entries(values)) {
      entries.push({ place: { credentialId: credential.id, deployment }, sealed, path: ['credentials', credential.id, 'values', deployment], parts: splitSealedValueText(sealed) });
    }
  }
  SEALED_VALUES.set(inventory.credentials, entries);
  return entries;
}

/** The encrypted value a deployment receives for a credential, and where it sits. */
export function sealedValueFor(credential: Credential, deployment: string): SealedValueEntry | undefined {
  const perDeployment = ownValue(credential.values, deployment);
  if (perDeployment !== undefined) {
    return { place: { credentialId: credential.id, deployment }, sealed: perDeployment, path: ['credentials', credential.id, 'values', deployment] };
  }
  if (credential.value !== undefined) {
    return { place: { credentialId: credential.id }, sealed: credential.value, path: ['credentials', credential.id, 'value'] };
  }
  return undefined;
}

/** Finds a credential by id. */
export function findCredential(inventory: Inventory, id: string): Credential | undefined {
  // Indexed once per inventory: callers look credentials up inside loops over all of them.
  let byId = CREDENTIALS_BY_ID.get(inventory.credentials);
  if (byId === undefined) {
    byId = new Map();
    // The first of a repeated id, as a linear search finds it.
    for (const credential of inventory.credentials) if (!byId.has(credential.id)) byId.set(credential.id, credential);
    CREDENTIALS_BY_ID.set(inventory.credentials, byId);
  }
  return byId.get(id);
}

const CREDENTIALS_BY_ID = new WeakMap<readonly Credential[], Map<string, Credential>>();
const SEALED_VALUES = new WeakMap<readonly Credential[], readonly ListedSealedValue[]>();

/**
 * Every place a value could have been sealed for: each credential's `value` and its `values.<deployment>`
 * for every deployment (known or merely written). Used as candidates, so a value copied from
 * elsewhere in the file is reported with the place it belongs to.
 */
export function listValuePlaces(inventory: Inventory): ValuePlace[] {
  return inventory.credentials.flatMap((credential) => {
    const deployments = new Set([...inventory.deployments.keys(), ...credential.deployments, ...Object.keys(credential.values ?? {})]);
    return [{ credentialId: credential.id }, ...[...deployments].map((deployment) => ({ credentialId: credential.id, deployment }))];
  });
}

/**
 * Whether a person could read values from the inventory: everyone who holds a key that opens them,
 * that is everyone not marked `seal_only`. A seal-only person adds values with the recipients' public
 * keys and never reads one, so offboarding them forces no rotation beyond what `access` says they saw.
 */
export function couldReadValues(person: Person): boolean {
  return person.sealOnly !== true;
}

/**
 * Whether a person could know a credential's value, which is what makes it due when they leave:
 * listed in its `access`, or its owner, unless the owner is seal-only (they rotate it without ever
 * reading what is stored; list them in `access` too if they saw the value at the issuer).
 */
export function couldKnowValue(person: Person, credential: Credential): boolean {
  if (credential.access.includes(person.id)) return true;
  return credential.owner === person.id && couldReadValues(person);
}

/** The recipient a sealed value for `id` is sealed for, if the inventory lists it. */
export function findRecipient(inventory: Inventory, id: string): Recipient | undefined {
  return (inventory.recipients ?? []).find((recipient) => recipient.id === id);
}

/** The ids of the people marked `seal_only`, in file order. */
export function listSealOnlyPeople(inventory: Inventory): string[] {
  return [...inventory.people.values()].filter((person) => !couldReadValues(person)).map((person) => person.id);
}

/** validate's note about seal-only people, or undefined when there are none. */
export function describeSealOnlyPeople(inventory: Inventory): string | undefined {
  const ids = listSealOnlyPeople(inventory);
  if (ids.length === 0) return undefined;
  const who = ids.map((id) => `\`${id}\``).join(', ');
  return `note: ${who} ${ids.length === 1 ? 'can' : 'can each'} only seal (seal_only): they never read values, so leaving makes due only the credentials whose access lists them`;
}
