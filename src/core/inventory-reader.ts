// Reads inventory text into the model: YAML syntax, JSON Schema, then a tolerant build so every rule can still run.
import { recordWithoutPrototype } from './own-property.js';
import { isCalendarDate, parseDuration, type Duration } from './dates.js';
import { errorAt, type Diagnostic, type Finding } from './diagnostics.js';
import { checkInventorySchema } from './inventory-schema.js';
import {
  CREDENTIAL_KINDS,
  type Credential,
  type CredentialKind,
  type Deployment,
  type DeploymentAuth,
  type Inventory,
  type Person,
  type Recipient,
  type RotationSpec,
  GENERATED_ALPHABETS,
  ROTATION_DRIVERS,
  type GeneratedAlphabet,
  type RotationDriverName,
} from './inventory.js';
import { checkYamlSyntax, parseYamlSource, placeFinding, type YamlSource } from './yaml-source.js';

/** The outcome of reading an inventory text: the model when it could be built, and every problem found. */
export interface ReadInventoryResult {
  readonly source: YamlSource;
  /** Undefined when the text is not YAML or not a mapping; otherwise built from whatever is well-formed. */
  readonly inventory: Inventory | undefined;
  /**
   * Built from the data all the same when only duplicate keys stopped `inventory` (the last occurrence wins),
   * so the rules can report every other problem; never to act on.
   */
  readonly partial?: Inventory;
  readonly diagnostics: Diagnostic[];
}

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A calendar date, or undefined. The schema checks the shape of dates; whether the day exists is checked here
 * (2026-02-30 matches the pattern), while the model is built: one pass over the data, not two.
 */
function optionalDate(value: unknown, dateErrors: Finding[], section: string, id: string, field: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (isCalendarDate(value)) return value;
  if (DATE_SHAPE.test(value)) dateErrors.push(errorAt('invalid-date', [section, id, field], `${value} is not a real calendar date`));
  return undefined;
}

function optionalDuration(value: unknown): Duration | undefined {
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

/** The strings of a list: the list itself when it holds nothing else (the common case: no copy per credential). */
function stringList(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  for (const item of value as unknown[]) if (typeof item !== 'string') return value.filter((entry): entry is string => typeof entry === 'string');
  return value as string[];
}

/** Reads an inventory text (`file` names it in diagnostics). Pure: the caller reads the file. */
export function readInventory(text: string, file: string): ReadInventoryResult {
  const source = parseYamlSource(text, file);
  const syntax = checkYamlSyntax(source);
  if (syntax.blocking) return { source, inventory: undefined, diagnostics: syntax.diagnostics };
  if (!isRecord(syntax.data)) {
    const message = syntax.data == null ? 'the inventory is empty: it must be a mapping with `version: 1` and `credentials`' : 'the inventory must be a mapping (key: value), with `version: 1` and `credentials`';
    return { source, inventory: undefined, diagnostics: [...syntax.diagnostics, placeFinding(source, errorAt('not-a-mapping', [], message))] };
  }
  const dateErrors: Finding[] = [];
  const inventory = buildInventory(syntax.data, dateErrors);
  const findings: Finding[] = [...checkInventorySchema(syntax.data), ...dateErrors];
  const diagnostics = [...syntax.diagnostics, ...findings.map((finding) => placeFinding(source, finding))];
  // A file with a duplicate key is not acted on (which occurrence was meant?), but every other problem is still reported.
  if (syntax.diagnostics.length > 0) return { source, inventory: undefined, partial: inventory, diagnostics };
  return { source, inventory, diagnostics };
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** The model of the data; days that do not exist go to `dateErrors`, people first, then credentials in order. */
function buildInventory(data: Data, dateErrors: Finding[]): Inventory {
  const people = new Map<string, Person>();
  for (const [id, raw] of Object.entries(isRecord(data.people) ? data.people : {})) {
    const person = isRecord(raw) ? raw : {};
    people.set(id, {
      id,
      github: optionalString(person.github),
      email: optionalString(person.email),
      name: optionalString(person.name),
      left: optionalDate(person.left, dateErrors, 'people', id, 'left'),
      sealOnly: person.seal_only === true,
    });
  }
  const encryption = isRecord(data.encryption) ? data.encryption : {};
  const recipients: Recipient[] = (Array.isArray(encryption.recipients) ? encryption.recipients : []).flatMap((raw: unknown) => {
    if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.public_key !== 'string') return [];
    return [{ id: raw.id, publicKey: raw.public_key }];
  });
  const deployments = new Map<string, Deployment>();
  for (const [id, raw] of Object.entries(isRecord(data.deployments) ? data.deployments : {})) {
    const deployment = isRecord(raw) ? raw : {};
    deployments.set(id, { id, url: optionalString(deployment.url) ?? '', auth: buildAuth(deployment.auth) });
  }
  const allDeployments = [...deployments.keys()];
  const credentials: Credential[] = [];
  // Keys, not entries: no [id, value] pair per credential.
  const credentialData = isRecord(data.credentials) ? data.credentials : {};
  for (const id of Object.keys(credentialData)) {
    const raw = credentialData[id];
    const credential = isRecord(raw) ? raw : {};
    const listed = Array.isArray(credential.deployments);
    const kind = CREDENTIAL_KINDS.includes(credential.kind as CredentialKind) ? (credential.kind as CredentialKind) : 'token';
    credentials.push({
      id,
      setting: optionalString(credential.setting) ?? '',
      kind,
      owner: optionalString(credential.owner) ?? '',
      access: stringList(credential.access),
      issuer: optionalString(credential.issuer),
      description: optionalString(credential.description),
      created: optionalDate(credential.created, dateErrors, 'credentials', id, 'created'),
      rotated: optionalDate(credential.rotated, dateErrors, 'credentials', id, 'rotated'),
      every: optionalDuration(credential.every),
      deployments: listed ? stringList(credential.deployments) : allDeployments,
      deploymentsListed: listed,
      value: optionalString(credential.value),
      values: isRecord(credential.values)
        ? recordWithoutPrototype(Object.entries(credential.values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
        : undefined,
      group: optionalString(credential.group),
      custom: credential.custom === true,
      compromised: optionalDate(credential.compromised, dateErrors, 'credentials', id, 'compromised'),
      incident: optionalString(credential.incident),
      revoked: optionalDate(credential.revoked, dateErrors, 'credentials', id, 'revoked'),
      rotation: buildRotation(credential.rotation),
    });
  }
  const policy = isRecord(data.policy) ? data.policy : {};
  const intervals: Partial<Record<CredentialKind, Duration>> = recordWithoutPrototype<Duration>([]);
  for (const [kind, text] of Object.entries(isRecord(policy.intervals) ? policy.intervals : {})) {
    const duration = optionalDuration(text);
    if (duration && CREDENTIAL_KINDS.includes(kind as CredentialKind)) intervals[kind as CredentialKind] = duration;
  }
  return { version: 1, policy: { intervals, dueSoon: optionalDuration(policy.due_soon) }, people, recipients, deployments, credentials };
}

function buildRotation(raw: unknown): RotationSpec | undefined {
  if (!isRecord(raw) || !ROTATION_DRIVERS.includes(raw.driver as RotationDriverName)) return undefined;
  return {
    driver: raw.driver as RotationDriverName,
    user: optionalString(raw.user),
    secret: optionalString(raw.secret),
    keyId: optionalString(raw.key_id),
    region: optionalString(raw.region),
    length: typeof raw.length === 'number' && Number.isInteger(raw.length) ? raw.length : undefined,
    alphabet: GENERATED_ALPHABETS.includes(raw.alphabet as GeneratedAlphabet) ? (raw.alphabet as GeneratedAlphabet) : undefined,
    swap: optionalString(raw.swap),
  };
}

function buildAuth(raw: unknown): DeploymentAuth {
  if (!isRecord(raw)) return { method: 'none' };
  switch (raw.method) {
    case 'login':
      return { method: 'login', usernameEnv: optionalString(raw.username_env) ?? '', passwordEnv: optionalString(raw.password_env) ?? '' };
    case 'bearer':
      return { method: 'bearer', tokenEnv: optionalString(raw.token_env) ?? '' };
    case 'session':
      return { method: 'session', cookieEnv: optionalString(raw.cookie_env) ?? '' };
    default:
      return { method: 'none' };
  }
}
