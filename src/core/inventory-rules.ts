// Semantic rules of an inventory, beyond its schema: each a small function returning findings.
import { ownValue } from './own-property.js';
import { credentialsInUrl } from './deployment-url.js';
import { describeSessionSecretRotation, findSetting, SESSION_SECRET_IGNORED, SESSION_SECRET_SETTING } from './docuelevate-catalogue.js';
import type { CalendarDate } from './dates.js';
import { errorAt, warningAt, type Finding } from './diagnostics.js';
import { OWNER_PLACEHOLDER } from './init-inventory.js';
import { CREDENTIAL_DATE_FIELDS, findCredential, listSealedValues, type Credential, type Inventory, type ListedSealedValue } from './inventory.js';
import { describeDemoKeyValues, listDemoKeyValues } from './public-demo-key.js';
import { isEventDrivenKind } from './rotation.js';
import { describeSuggestion } from './suggestions.js';
import { describePlaintext } from './sealed-value-format.js';

/** What the rules need besides the inventory. */
export interface RuleContext {
  /** Today (UTC): dates after it are mistakes. */
  readonly today: CalendarDate;
}

type Rule = (inventory: Inventory, context: RuleContext) => Finding[];

/**
 * A rule that looks at one credential at a time, pushing its findings into the rule's one list: no array per
 * credential (a 10,000-credential inventory would otherwise make 10,000 empty arrays per rule for the collector).
 */
function eachCredential(check: (credential: Credential, findings: Finding[], inventory: Inventory, context: RuleContext) => void): Rule {
  return (inventory, context) => {
    const findings: Finding[] = [];
    for (const credential of inventory.credentials) check(credential, findings, inventory, context);
    return findings;
  };
}

const knownPeople: Rule = eachCredential((credential, findings, inventory) => {
  if (credential.owner === OWNER_PLACEHOLDER && !inventory.people.has(credential.owner)) {
    findings.push(errorAt('owner-placeholder', ['credentials', credential.id, 'owner'], `the owner is still the placeholder \`credledger init\` wrote: name the person (a key of \`people\`) who rotates it`));
  } else if (credential.owner && !inventory.people.has(credential.owner)) {
    const hint = describeSuggestion(credential.owner, inventory.people.keys());
    findings.push(errorAt('unknown-person', ['credentials', credential.id, 'owner'], `owner \`${credential.owner}\` is not listed under \`people\`${hint}`));
  }
  const { access } = credential;
  for (let index = 0; index < access.length; index += 1) {
    const person = access[index] as string;
    if (!inventory.people.has(person)) {
      const hint = describeSuggestion(person, inventory.people.keys());
      findings.push(errorAt('unknown-person', ['credentials', credential.id, 'access', index], `\`${person}\` in access is not listed under \`people\`${hint}`));
    }
  }
});

const knownDeployments: Rule = eachCredential((credential, findings, inventory) => {
  if (credential.deploymentsListed) {
    credential.deployments.forEach((deployment, index) => {
      if (!inventory.deployments.has(deployment)) {
        const hint = describeSuggestion(deployment, inventory.deployments.keys());
        findings.push(errorAt('unknown-deployment', ['credentials', credential.id, 'deployments', index], `deployment \`${deployment}\` is not listed under \`deployments\`${hint}`));
      }
    });
  }
  if (credential.values === undefined) return;
  for (const deployment of Object.keys(credential.values)) {
    const path = ['credentials', credential.id, 'values', deployment];
    if (!inventory.deployments.has(deployment)) {
      findings.push(errorAt('unknown-deployment', path, `deployment \`${deployment}\` is not listed under \`deployments\``, true));
    } else if (!credential.deployments.includes(deployment)) {
      findings.push(warningAt('value-for-unused-deployment', path, `a value for \`${deployment}\`, which this credential is not pushed to`, true));
    }
  }
});

const oneValueForm: Rule = eachCredential((credential, findings, inventory) => {
  if (credential.values === undefined) return;
  if (credential.value !== undefined) {
    findings.push(errorAt('value-and-values', ['credentials', credential.id, 'values'], 'give either `value` (every deployment) or `values` (per deployment), not both', true));
    return;
  }
  for (const deployment of credential.deployments) {
    if (inventory.deployments.has(deployment) && ownValue(credential.values, deployment) === undefined) {
      findings.push(warningAt('missing-deployment-value', ['credentials', credential.id, 'values'], `no value for deployment \`${deployment}\`: apply leaves its setting alone`, true));
    }
  }
});

const oneCredentialPerSetting: Rule = (inventory) => {
  // Which credential holds each setting, per deployment: maps of maps, so no slot name is built per pair.
  const claimed = new Map<string, Map<string, string>>();
  const findings: Finding[] = [];
  for (const credential of inventory.credentials) {
    if (!credential.setting) continue;
    for (const deployment of credential.deployments) {
      let holders = claimed.get(deployment);
      if (holders === undefined) claimed.set(deployment, (holders = new Map()));
      const holder = holders.get(credential.setting);
      if (holder === undefined) holders.set(credential.setting, credential.id);
      else
        findings.push(
          errorAt('duplicate-setting', ['credentials', credential.id, 'setting'], `\`${credential.setting}\` on \`${deployment}\` is already held by credential \`${holder}\``),
        );
    }
  }
  return findings;
};

const knownSettings: Rule = eachCredential((credential, findings) => {
  if (!credential.setting) return;
  const setting = findSetting(credential.setting);
  if (setting?.environmentOnly) {
    findings.push(errorAt('environment-only-setting', ['credentials', credential.id, 'setting'], `\`${credential.setting}\` can only be set in the deployment's environment; DocuElevate's settings API refuses it`));
  } else if (!setting && !credential.custom) {
    findings.push(warningAt('unknown-setting', ['credentials', credential.id, 'setting'], `\`${credential.setting}\` is not one of DocuElevate's sensitive settings; add \`custom: true\` if that is intended`));
  }
});

// A warning: the value is harmless as a record, but apply's push of it changes nothing, which the team should know.
const sessionSecretFromEnvironment: Rule = eachCredential((credential, findings) => {
  if (credential.setting !== SESSION_SECRET_SETTING || (credential.value === undefined && credential.values === undefined)) return;
  const field = credential.value === undefined ? 'values' : 'value';
  findings.push(
    warningAt(
      'session-secret-value',
      ['credentials', credential.id, field],
      `${SESSION_SECRET_IGNORED}, so apply's push of this value changes nothing. Track it without a value; to rotate it, ${describeSessionSecretRotation()}`,
      true,
    ),
  );
});

const consistentDates: Rule = eachCredential((credential, findings, _inventory, { today }) => {
  if (credential.created && credential.rotated && credential.rotated < credential.created) {
    findings.push(errorAt('rotated-before-created', ['credentials', credential.id, 'rotated'], `rotated ${credential.rotated} is before created ${credential.created}`));
  }
  // Each date compared by name first: the loop over the fields, which reads them by a computed key, runs only for
  // the rare credential with a date ahead of today (a status of 10,000 rows asks this of every one).
  const { created, rotated, compromised, revoked } = credential;
  if (!((created !== undefined && created > today) || (rotated !== undefined && rotated > today) || (compromised !== undefined && compromised > today) || (revoked !== undefined && revoked > today))) return;
  for (const field of CREDENTIAL_DATE_FIELDS) {
    const date = credential[field];
    if (date && date > today) findings.push(errorAt('date-in-future', ['credentials', credential.id, field], `${field} ${date} is after today (${today})`));
  }
});

const intervalsOnlyForScheduledKinds: Rule = (inventory) =>
  inventory.credentials
    .filter((credential) => credential.every && isEventDrivenKind(credential.kind))
    .map((credential) =>
      errorAt('every-on-event-driven-kind', ['credentials', credential.id, 'every'], `a ${credential.kind} is rotated on events (revocation, compromise), not on a schedule: remove \`every\``),
    );

// A warning, not an error: a departure date written ahead of time passes without any commit, and an error
// would then turn the main branch invalid overnight and silence the very reminders the departure calls for.
const ownersStillHere: Rule = eachCredential((credential, findings, inventory, { today }) => {
  const left = inventory.people.get(credential.owner)?.left;
  if (!left || left > today) return;
  findings.push(warningAt('owner-has-left', ['credentials', credential.id, 'owner'], `owner \`${credential.owner}\` left on ${left}: hand the credential to someone who is still here`));
});

function plaintextFinding(entry: ListedSealedValue): Finding {
  const looksLike = describePlaintext(entry.sealed);
  const place = entry.place.deployment === undefined ? '' : ` --deployment ${entry.place.deployment}`;
  return errorAt(
    'plaintext-value',
    [...entry.path],
    `this value is not encrypted${looksLike ? ` (it looks like ${looksLike})` : ''}: rotate it (it may already be in git history), and store the new one with \`credledger set ${entry.place.credentialId}${place} --value-stdin\`, which replaces this line`,
  );
}

// The inventory's list of its values says which are in neither encrypted form: each text is split once per run.
const valuesEncrypted: Rule = (inventory) => {
  const findings: Finding[] = [];
  for (const entry of listSealedValues(inventory)) if (entry.parts === undefined) findings.push(plaintextFinding(entry));
  return findings;
};

// A warning, not an error: the example and the demo run on these values. Anywhere else anyone can read them.
// One warning, at the first such value, naming them all: the example alone has 26, and they share one cause.
const noPublicDemoKey: Rule = (inventory) => {
  const entries = listDemoKeyValues(inventory);
  const [first] = entries;
  return first === undefined ? [] : [warningAt('demo-key-value', first.path, describeDemoKeyValues(entries))];
};

// A sealed value names its recipient; a recipient missing from the file means nobody listed can open it.
const sealedForKnownRecipients: Rule = (inventory) => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  (inventory.recipients ?? []).forEach((recipient, index) => {
    if (seen.has(recipient.id)) {
      findings.push(errorAt('duplicate-recipient', ['encryption', 'recipients', index, 'id'], `recipient \`${recipient.id}\` is listed more than once`));
    }
    seen.add(recipient.id);
  });
  for (const entry of listSealedValues(inventory)) {
    const { parts } = entry;
    if (parts?.kind !== 'sealed' || seen.has(parts.recipientId)) continue;
    const listed = seen.size === 0 ? 'none is listed' : `it lists ${[...seen].join(', ')}`;
    findings.push(
      errorAt(
        'unknown-recipient',
        entry.path,
        `this value is sealed for recipient \`${parts.recipientId}\`, which encryption.recipients does not list (${listed}): add its public key back, or re-seal with \`credledger rekey --to-sealed\``,
      ),
    );
  }
  return findings;
};

const groupsShareDeployments: Rule = (inventory) => {
  const groups = new Map<string, Credential[]>();
  for (const credential of inventory.credentials) {
    if (!credential.group) continue;
    const members = groups.get(credential.group);
    if (members) members.push(credential);
    else groups.set(credential.group, [credential]);
  }
  const findings: Finding[] = [];
  for (const [group, members] of groups) {
    const [first, ...rest] = members;
    if (!first) continue;
    const expected = [...first.deployments].sort().join(',');
    for (const member of rest) {
      if ([...member.deployments].sort().join(',') !== expected) {
        findings.push(
          errorAt('group-deployments-differ', ['credentials', member.id, 'group'], `group \`${group}\`: \`${member.id}\` goes to [${member.deployments.join(', ')}] but \`${first.id}\` to [${first.deployments.join(', ')}]; members are pushed together`),
        );
      }
    }
  }
  return findings;
};

/** Every semantic rule, in the order their findings are reported. */
/** The fields each rotation driver reads; others are mistakes worth naming. */
const ROTATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'aws-iam-access-key': ['driver', 'user', 'secret', 'key_id', 'region'],
  'generated-secret': ['driver', 'length', 'alphabet'],
  'docuelevate-admin-password': ['driver', 'length', 'alphabet', 'swap'],
};

const rotationsComplete: Rule = eachCredential((credential, findings, inventory) => {
  const spec = credential.rotation;
  if (spec === undefined) return;
  const path = (field?: string) => ['credentials', credential.id, 'rotation', ...(field === undefined ? [] : [field])];
  const given: Record<string, unknown> = { user: spec.user, secret: spec.secret, key_id: spec.keyId, region: spec.region, length: spec.length, alphabet: spec.alphabet, swap: spec.swap };
  const allowed = ROTATION_FIELDS[spec.driver] ?? [];
  for (const [field, value] of Object.entries(given)) {
    if (value !== undefined && !allowed.includes(field)) findings.push(errorAt('rotation-field', path(field), `\`${field}\` means nothing to the ${spec.driver} driver (it reads ${allowed.filter((name) => name !== 'driver').join(', ')})`, true));
  }
  if (credential.values !== undefined) {
    findings.push(errorAt('rotation-per-deployment', path(), 'rotate writes one value for every deployment: a credential with `values` per deployment is rotated with `credledger set`', true));
  }
  if (spec.swap !== undefined && spec.driver === 'docuelevate-admin-password') {
    // Its form (rot- and 12 hex digits) is the schema's.
    if (credential.setting !== 'admin_password') {
      findings.push(errorAt('rotation-swap', path('swap'), `a swap rotates DocuElevate's admin_password; \`${credential.id}\` holds \`${credential.setting}\``, true));
    }
    if (credential.value === undefined) {
      findings.push(errorAt('rotation-swap', path('swap'), 'a swap replaces the credential\'s `value`: set one first (`credledger set`)', true));
    }
  }
  if (spec.driver === 'aws-iam-access-key') {
    if (spec.user === undefined) findings.push(errorAt('rotation-incomplete', path(), 'the aws-iam-access-key driver needs `user`: the IAM user whose access key this is', true));
    if (spec.secret === undefined) {
      findings.push(errorAt('rotation-incomplete', path(), 'the aws-iam-access-key driver needs `secret`: the credential holding the secret access key of the pair', true));
    } else {
      // Indexed: a platform inventory may carry a key pair with a rotation on each of hundreds of deployments.
      const partner = findCredential(inventory, spec.secret);
      if (partner === undefined) findings.push(errorAt('rotation-unknown-credential', path('secret'), `no credential \`${spec.secret}\` holds the secret access key`));
      else if (partner.id === credential.id) findings.push(errorAt('rotation-unknown-credential', path('secret'), 'the secret access key is another credential than the key id'));
      else if (credential.group === undefined || partner.group !== credential.group) {
        findings.push(errorAt('rotation-group', path('secret'), `the key id and \`${partner.id}\` must share a \`group\`, so apply pushes the pair back to back`));
      }
    }
  }
});

const urlsWithoutCredentials: Rule = (inventory) =>
  [...inventory.deployments.values()]
    .filter((deployment) => credentialsInUrl(deployment.url).length > 0)
    .map((deployment) =>
      // The message never repeats the URL: it holds the password.
      errorAt(
        'url-has-credentials',
        ['deployments', deployment.id, 'url'],
        `the URL of deployment \`${deployment.id}\` carries a user name or password: name environment variables under \`auth\` instead, and change that password (it is in git now)`,
      ),
    );

/** The most credentials one inventory may hold: a bound on what plan, apply and the reminders do in one run. */
export const MAX_CREDENTIALS = 100_000;

const boundedSize: Rule = (inventory) =>
  inventory.credentials.length > MAX_CREDENTIALS
    ? [errorAt('too-many-credentials', ['credentials'], `${inventory.credentials.length} credentials; an inventory holds at most ${MAX_CREDENTIALS}: split it into one file per team or environment`)]
    : [];

export const INVENTORY_RULES: readonly Rule[] = [
  boundedSize,
  urlsWithoutCredentials,
  knownPeople,
  knownDeployments,
  oneValueForm,
  oneCredentialPerSetting,
  knownSettings,
  sessionSecretFromEnvironment,
  consistentDates,
  intervalsOnlyForScheduledKinds,
  ownersStillHere,
  valuesEncrypted,
  noPublicDemoKey,
  sealedForKnownRecipients,
  groupsShareDeployments,
  rotationsComplete,
];

/** The rules that only ever warn: a command that acts on a valid file (status, apply) needs none of their findings. */
export const WARNING_ONLY_RULES: ReadonlySet<Rule> = new Set([sessionSecretFromEnvironment, ownersStillHere, noPublicDemoKey]);

/** The rules that can find an error, in their order. */
const ERROR_RULES: readonly Rule[] = INVENTORY_RULES.filter((rule) => !WARNING_ONLY_RULES.has(rule));

/** The rules' findings for one inventory, each rule run when first asked for and once at most. */
export interface RuleFindings {
  /** The findings of the rules that can find an error (warnings among them too), in the rules' order. */
  readonly ofErrorRules: () => Finding[];
  /** Every rule's findings, in the rules' order: what {@link checkInventoryRules} returns. Each call gives a new list. */
  readonly all: () => Finding[];
}

/**
 * The rules, run on demand: `ofErrorRules` leaves out the rules that only warn, so a command that needs the errors
 * alone does not run them (at 10,000 credentials they are a few milliseconds and 868 findings nobody reads).
 */
export function inventoryRuleFindings(inventory: Inventory, context: RuleContext): RuleFindings {
  const byRule = new Map<Rule, Finding[]>();
  const findingsOf = (rule: Rule): Finding[] => {
    let findings = byRule.get(rule);
    if (findings === undefined) byRule.set(rule, (findings = rule(inventory, context)));
    return findings;
  };
  const collect = (rules: readonly Rule[]): Finding[] => {
    const findings: Finding[] = [];
    for (const rule of rules) for (const finding of findingsOf(rule)) findings.push(finding);
    return findings;
  };
  return {
    ofErrorRules: () => collect(ERROR_RULES),
    all: () => collect(INVENTORY_RULES),
  };
}

/** Runs every rule. */
export function checkInventoryRules(inventory: Inventory, context: RuleContext): Finding[] {
  return inventoryRuleFindings(inventory, context).all();
}
