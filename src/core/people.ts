// The people procedures of DocuElevate's rotation guide as plans: offboarding, onboarding and emergency revocation.
import type { CalendarDate } from './dates.js';
import type { FieldWrite } from './inventory-edit.js';
import { couldKnowValue, type Credential, type Inventory, type Person } from './inventory.js';
import { assessRotation, type RotationState } from './rotation.js';

/** A credential the leaver could know the value of, made due by their leaving. */
export interface CredentialToRotate {
  readonly credential: string;
  readonly setting: string;
  readonly state: RotationState;
  /** The other people who know the value (owner and access), still here or not. */
  readonly alsoKnownBy: readonly string[];
}

/** A credential the leaver still owns, with the people who could take it over. */
export interface OwnershipToHandOver {
  readonly credential: string;
  readonly setting: string;
  /** People still here who already have access to it (its `access`, in order). */
  readonly suggestions: readonly string[];
}

/** The credentials reached through one issuer, where the leaver's own grants must be revoked. */
export interface IssuerToVisit {
  /** The inventory's `issuer`, or undefined for credentials that record none. */
  readonly issuer: string | undefined;
  readonly credentials: readonly string[];
}

/** What offboarding a person asks for, on the inventory that records their leaving. */
export interface OffboardingReport {
  readonly person: string;
  readonly left: CalendarDate;
  /** Credentials they owned. */
  readonly owned: readonly string[];
  /** Credentials whose `access` lists them. */
  readonly readable: readonly string[];
  /** Made due by their leaving, and known to nobody else: rotate now. */
  readonly rotateNow: readonly CredentialToRotate[];
  /** Made due by their leaving, and shared with others: rotate because they were shared. */
  readonly sharedToRotate: readonly CredentialToRotate[];
  /** Still owned by them: reassign the owner. */
  readonly stillOwned: readonly OwnershipToHandOver[];
  /** By issuer, every credential they owned or could read. */
  readonly issuers: readonly IssuerToVisit[];
}

/** Who else knows a credential's value besides `person`. */
function otherKnowers(inventory: Inventory, credential: Credential, person: string): string[] {
  const knowers = [credential.owner, ...credential.access].filter((id) => id !== person);
  return [...new Set(knowers)].filter((id) => {
    const other = inventory.people.get(id);
    return other === undefined || couldKnowValue(other, credential);
  });
}

/** The people still here (not left on or before `today`) among `ids`, except `person`. */
function stillHere(inventory: Inventory, ids: readonly string[], person: string, today: CalendarDate): string[] {
  return ids.filter((id) => {
    const other = inventory.people.get(id);
    return id !== person && other !== undefined && (other.left === undefined || other.left > today);
  });
}

/**
 * The offboarding checklist for `person`: what to rotate (by whether the value was shared), what to hand over,
 * and where to revoke their own grants.
 * @param before the inventory as it was: who owned and knew what (an owner handed over in this run still counts).
 * @param after the inventory that records their `left` date (and any new owners): what is due and still owned.
 */
export function planOffboarding(before: Inventory, after: Inventory, personId: string, today: CalendarDate): OffboardingReport {
  const person = after.people.get(personId);
  if (person?.left === undefined) throw new RangeError(`${personId} has no left date in this inventory`);
  const involved = before.credentials.filter((credential) => credential.owner === personId || credential.access.includes(personId));
  const rotateNow: CredentialToRotate[] = [];
  const sharedToRotate: CredentialToRotate[] = [];
  for (const credential of involved) {
    // The credential as it was (a new owner never knew the value) against the people as they are now (who left).
    const assessment = assessRotation({ ...before, people: after.people }, credential, today);
    if (!assessment.reasons.some((reason) => reason.code === 'personnel' && reason.person === personId)) continue;
    const alsoKnownBy = otherKnowers(before, credential, personId);
    const entry = { credential: credential.id, setting: credential.setting, state: assessment.state, alsoKnownBy };
    (alsoKnownBy.length === 0 ? rotateNow : sharedToRotate).push(entry);
  }
  const stillOwned = after.credentials
    .filter((credential) => credential.owner === personId)
    .map((credential) => ({ credential: credential.id, setting: credential.setting, suggestions: stillHere(after, credential.access, personId, today) }));
  const byIssuer = new Map<string | undefined, string[]>();
  for (const credential of involved) byIssuer.set(credential.issuer, [...(byIssuer.get(credential.issuer) ?? []), credential.id]);
  const issuers = [...byIssuer].map(([issuer, credentials]) => ({ issuer, credentials }));
  // Issuers first in file order; the credentials that record none last.
  issuers.sort((a, b) => Number(a.issuer === undefined) - Number(b.issuer === undefined));
  return {
    person: personId,
    left: person.left,
    owned: involved.filter((credential) => credential.owner === personId).map((credential) => credential.id),
    readable: involved.filter((credential) => credential.access.includes(personId)).map((credential) => credential.id),
    rotateNow,
    sharedToRotate,
    stillOwned,
    issuers,
  };
}

/**
 * The field writes that record `person` leaving on `left` and, with `reassignTo`, hand their credentials over.
 * A `left` already recorded is kept unless `left` is given explicitly (`dateGiven`); nothing unchanged is written.
 */
export function planOffboardingWrites(inventory: Inventory, personId: string, left: CalendarDate, options: { readonly dateGiven: boolean; readonly reassignTo?: string }): FieldWrite[] {
  const person = inventory.people.get(personId) as Person;
  const writes: FieldWrite[] = [];
  if (person.left === undefined || (options.dateGiven && person.left !== left)) writes.push({ path: ['people', personId, 'left'], value: left });
  if (options.reassignTo !== undefined) {
    for (const credential of inventory.credentials) {
      if (credential.owner === personId) writes.push({ path: ['credentials', credential.id, 'owner'], value: options.reassignTo });
    }
  }
  return writes;
}

/** What exists for a newcomer to learn about, per deployment and category. */
export interface OnboardingDeployment {
  readonly deployment: string;
  readonly url: string;
  /** Category (from DocuElevate's catalogue, `Custom` for settings outside it) to credential ids, in file order. */
  readonly categories: ReadonlyMap<string, readonly string[]>;
}

/**
 * The credentials each deployment uses, grouped by category: what a newcomer should know exists.
 * @param categoryOf the catalogue category of a setting.
 */
export function planOnboarding(inventory: Inventory, categoryOf: (setting: string) => string | undefined): OnboardingDeployment[] {
  return [...inventory.deployments.values()].map((deployment) => {
    const categories = new Map<string, string[]>();
    for (const credential of inventory.credentials) {
      if (!credential.deployments.includes(deployment.id)) continue;
      const category = categoryOf(credential.setting) ?? 'Custom';
      categories.set(category, [...(categories.get(category) ?? []), credential.id]);
    }
    return { deployment: deployment.id, url: deployment.url, categories };
  });
}

/** One step of the emergency-revocation checklist, in the guide's order. */
export interface RevocationStep {
  readonly title: string;
  readonly text: string;
}

/**
 * The emergency checklist for a suspected leak, in the rotation guide's order: revoke at the issuer at once (not
 * waiting for a replacement), review the logs, deploy a replacement through a pull request, notify.
 */
export function planRevocation(credential: Credential, options: { readonly deployment?: string }): RevocationStep[] {
  const issuer = credential.issuer === undefined ? "the credential's issuer (the inventory records none: add `issuer`)" : `\`${credential.issuer}\``;
  const place = options.deployment === undefined ? '' : ` --deployment ${options.deployment}`;
  const where = options.deployment === undefined ? `every deployment it goes to (${credential.deployments.join(', ') || 'none listed'})` : options.deployment;
  return [
    {
      title: 'Revoke at the issuer now',
      text: `Revoke or disable the leaked value at ${issuer} right away. Do not wait for a replacement: a short outage of ${where} is cheaper than a leaked credential in use.`,
    },
    {
      title: 'Review the audit logs',
      text: `Check the issuer's access logs for use of the leaked value since it could have leaked, and DocuElevate's settings history (\`credledger audit\` names changes made outside the inventory).`,
    },
    {
      title: 'Deploy a replacement',
      text: `Issue a new value at ${issuer}, store it with \`credledger set ${credential.id}${place} --value-stdin\`, open a pull request and merge it: apply pushes it to ${where}.`,
    },
    {
      title: 'Notify',
      text: 'Tell the people your incident plan names (security contact, the credential\'s owner, whoever depends on it), with what leaked, when, and what was done.',
    },
  ];
}
