// Use cases: offboard, onboard and revoke. Each writes a few fields into the inventory (no other byte changes) and returns the checklist.
import { findSetting } from '../core/docuelevate-catalogue.js';
import { isCalendarDate, type CalendarDate } from '../core/dates.js';
import { errorAt, type Finding } from '../core/diagnostics.js';
import { addPersonInText, writeFieldsInText, type FieldWrite } from '../core/inventory-edit.js';
import { checkInventoryText, type InventoryCheck } from '../core/inventory-validation.js';
import type { Deployment, Inventory } from '../core/inventory.js';
import {
  planOffboarding,
  planOffboardingWrites,
  planOnboarding,
  planRevocation,
  type OffboardingReport,
  type OnboardingDeployment,
  type RevocationStep,
} from '../core/people.js';
import { assessRotation, type RotationAssessment } from '../core/rotation.js';
import { YamlEditError } from '../core/yaml-edit.js';
import { placeFinding } from '../core/yaml-source.js';
import { readConfiguredSettings, type ConfiguredSettings, type ConfiguredSettingsOptions } from './configured-settings.js';
import { selectDeployments } from './deployment-connection.js';
import { UsageError } from '../ports/errors.js';
import { readInventoryText, replaceInventoryText } from './inventory-file.js';
import { requireCredential, type Refusal } from './value-place.js';

/** Which fields a command wrote (document paths such as `people.bob.left`); empty when the file already said it all. */
interface Written {
  readonly file: string;
  readonly written: readonly string[];
}

export interface OffboardRequest {
  readonly file: string;
  readonly person: string;
  /** `--date`; default `today`. */
  readonly date?: CalendarDate;
  /** `--reassign-to`: the new owner of everything the person owns. */
  readonly reassignTo?: string;
  readonly today: CalendarDate;
}

export interface Offboarded extends Written {
  readonly kind: 'offboarded';
  readonly today: CalendarDate;
  readonly report: OffboardingReport;
}

interface Loaded {
  readonly text: string;
  readonly check: InventoryCheck;
  readonly inventory: Inventory;
}

async function loadForEdit(file: string, today: CalendarDate): Promise<Loaded | Refusal> {
  const text = await readInventoryText(file);
  const check = checkInventoryText(text, file, today);
  if (!check.inventory) return { kind: 'refused', source: check.source, diagnostics: check.diagnostics };
  return { text, check, inventory: check.inventory };
}

/** Writes the fields (when any changes) and returns the inventory as the file now reads. */
async function writeFields(file: string, loaded: Loaded, writes: readonly FieldWrite[], today: CalendarDate): Promise<{ inventory: Inventory } | Refusal> {
  if (writes.length === 0) return { inventory: loaded.inventory };
  let edited: string;
  try {
    edited = writeFieldsInText(loaded.text, writes);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    const finding: Finding = errorAt('cannot-edit-in-place', [...error.path], error.message);
    return { kind: 'refused', source: loaded.check.source, diagnostics: [placeFinding(loaded.check.source, finding)] };
  }
  await replaceInventoryText(file, loaded.text, edited);
  const after = checkInventoryText(edited, file, today);
  if (!after.inventory) throw new Error('an in-place edit left the inventory unreadable');
  return { inventory: after.inventory };
}

function requireDate(date: string | undefined, today: CalendarDate, flag: string): CalendarDate {
  const value = date ?? today;
  if (!isCalendarDate(value)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD (got ${value})`);
  return value;
}

function requirePerson(inventory: Inventory, id: string): void {
  if (inventory.people.has(id)) return;
  throw new UsageError(`no person \`${id}\` under people (it has: ${[...inventory.people.keys()].join(', ') || 'none'})`);
}

/**
 * Records that `person` left (`people.<id>.left`), optionally hands their credentials to `reassignTo`
 * (`owner:` lines), and returns the offboarding checklist. A rerun with nothing new writes nothing.
 * @throws UsageError for an unknown person, a bad date, or a new owner who is unknown, has left, or is the leaver.
 */
export async function offboardPerson(request: OffboardRequest): Promise<Offboarded | Refusal> {
  const loaded = await loadForEdit(request.file, request.today);
  if ('kind' in loaded) return loaded;
  const { inventory } = loaded;
  requirePerson(inventory, request.person);
  const left = requireDate(request.date, request.today, '--date');
  if (request.reassignTo !== undefined) {
    requirePerson(inventory, request.reassignTo);
    if (request.reassignTo === request.person) throw new UsageError(`--reassign-to names ${request.person}, who is the one leaving`);
    const heir = inventory.people.get(request.reassignTo)?.left;
    if (heir !== undefined && heir <= request.today) throw new UsageError(`--reassign-to ${request.reassignTo}: they left on ${heir}`);
  }
  const writes = planOffboardingWrites(inventory, request.person, left, { dateGiven: request.date !== undefined, ...(request.reassignTo === undefined ? {} : { reassignTo: request.reassignTo }) });
  const after = await writeFields(request.file, loaded, writes, request.today);
  if ('kind' in after) return after;
  return { kind: 'offboarded', today: request.today, file: request.file, written: writes.map((write) => write.path.join('.')), report: planOffboarding(inventory, after.inventory, request.person, request.today) };
}

export interface OnboardRequest {
  readonly file: string;
  readonly person: string;
  readonly github: string;
  readonly email?: string;
  readonly name?: string;
  readonly today: CalendarDate;
  /** `--live`: also read what each deployment reports configured (auth from these variables). */
  readonly live?: ConfiguredSettingsOptions & { readonly allowInsecureHttp?: boolean };
}

export interface Onboarded extends Written {
  readonly kind: 'onboarded';
  readonly deployments: readonly OnboardingDeployment[];
  /** With `live`: per deployment, what it reports configured. */
  readonly live?: ReadonlyMap<string, ConfiguredSettings>;
}

/**
 * Adds a person under `people` and returns, per deployment and category, the credentials that exist.
 * @throws UsageError when the person already exists.
 */
export async function onboardPerson(request: OnboardRequest): Promise<Onboarded | Refusal> {
  const loaded = await loadForEdit(request.file, request.today);
  if ('kind' in loaded) return loaded;
  if (loaded.inventory.people.has(request.person)) {
    throw new UsageError(`\`${request.person}\` is already under people; onboard adds new people only (edit the entry by hand to change it)`);
  }
  const fields: [string, string | undefined][] = [
    ['github', request.github],
    ['email', request.email],
    ['name', request.name],
  ];
  const given = fields.filter((entry): entry is [string, string] => entry[1] !== undefined);
  let edited: string;
  try {
    edited = addPersonInText(loaded.text, request.person, given);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    const finding: Finding = errorAt('cannot-edit-in-place', ['people'], error.message);
    return { kind: 'refused', source: loaded.check.source, diagnostics: [placeFinding(loaded.check.source, finding)] };
  }
  const after = checkInventoryText(edited, request.file, request.today);
  if (!after.inventory) throw new Error('an in-place edit left the inventory unreadable');
  const errorsBefore = loaded.check.errors.length;
  const newErrors = after.errors;
  // A login or address the schema refuses: say so, and leave the file as it was.
  if (newErrors.length > errorsBefore) return { kind: 'refused', source: after.source, diagnostics: newErrors };
  await replaceInventoryText(request.file, loaded.text, edited);
  const live = request.live === undefined ? undefined : await readLive(after.inventory, request.live);
  const writes = given.map(([field]) => ({ path: ['people', request.person, field] }));
  return {
    kind: 'onboarded',
    file: request.file,
    written: writes.map((write) => write.path.join('.')),
    deployments: planOnboarding(after.inventory, (setting) => findSetting(setting)?.category),
    ...(live === undefined ? {} : { live }),
  };
}

async function readLive(inventory: Inventory, options: NonNullable<OnboardRequest['live']>): Promise<Map<string, ConfiguredSettings>> {
  const ids = selectDeployments(inventory, { allowInsecureHttp: options.allowInsecureHttp === true });
  const read = await Promise.all(ids.map(async (id) => [id, await readConfiguredSettings(inventory.deployments.get(id) as Deployment, options)] as const));
  return new Map(read);
}

export interface RevokeRequest {
  readonly file: string;
  readonly credential: string;
  /** The deployment whose value leaked, when only one did. */
  readonly deployment?: string;
  /** `--date`: when it may have leaked; default `today`. */
  readonly date?: CalendarDate;
  readonly reason: string;
  readonly today: CalendarDate;
}

export interface Revoked extends Written {
  readonly kind: 'revoked';
  readonly credential: string;
  readonly issuer?: string;
  readonly assessment: RotationAssessment;
  readonly steps: readonly RevocationStep[];
}

/**
 * The emergency path: records `compromised` and `incident` on the credential and returns the checklist in the
 * rotation guide's order. The credential is then overdue with severity critical until it is rotated after the date.
 * @throws UsageError for an unknown credential or deployment, an empty reason, or a date after today.
 */
export async function revokeCredential(request: RevokeRequest): Promise<Revoked | Refusal> {
  const loaded = await loadForEdit(request.file, request.today);
  if ('kind' in loaded) return loaded;
  const credential = requireCredential(loaded.inventory, request.credential);
  const date = requireDate(request.date, request.today, '--date');
  if (date > request.today) throw new UsageError(`--date ${date} is after today (${request.today})`);
  const reason = request.reason.trim().replace(/\s+/g, ' ');
  if (reason === '') throw new UsageError('--reason must say what happened (it is recorded as `incident` and shown in the reminder issue)');
  if (request.deployment !== undefined && !credential.deployments.includes(request.deployment)) {
    throw new UsageError(`\`${credential.id}\` is not pushed to \`${request.deployment}\` (its deployments: ${credential.deployments.join(', ') || 'none'})`);
  }
  const incident = request.deployment === undefined ? reason : `${request.deployment}: ${reason}`;
  const writes: FieldWrite[] = [
    ...(credential.compromised === date ? [] : [{ path: ['credentials', credential.id, 'compromised'], value: date }]),
    ...(credential.incident === incident ? [] : [{ path: ['credentials', credential.id, 'incident'], value: incident }]),
  ];
  const after = await writeFields(request.file, loaded, writes, request.today);
  if ('kind' in after) return after;
  const updated = requireCredential(after.inventory, credential.id);
  return {
    kind: 'revoked',
    file: request.file,
    written: writes.map((write) => write.path.join('.')),
    credential: credential.id,
    ...(updated.issuer === undefined ? {} : { issuer: updated.issuer }),
    assessment: assessRotation(after.inventory, updated, request.today),
    steps: planRevocation(updated, request.deployment === undefined ? {} : { deployment: request.deployment }),
  };
}
