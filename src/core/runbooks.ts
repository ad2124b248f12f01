// Rotation runbooks: the checklist for rotating one credential, at its issuer and through credledger, by setting or kind.
import { ownValue } from './own-property.js';
import { markdownCode } from './markdown.js';
import { findSetting, SESSION_SECRET_SETTING } from './docuelevate-catalogue.js';
import { findCredential, type Credential, type CredentialKind, type Inventory } from './inventory.js';
import type { RotationAssessment } from './rotation.js';

/** Where a step happens: at the service that issued the value, in this repository, or after the merge applied it. */
export type RunbookPhase = 'issuer' | 'repository' | 'after-merge';

/** One checklist item; `text` is inline Markdown. */
export interface RunbookStep {
  readonly phase: RunbookPhase;
  readonly text: string;
}

/** The checklist for one credential, with what to know before starting. */
export interface Runbook {
  readonly credentialId: string;
  /** Side effects to expect (downtime, sessions ending), shown above the checklist. */
  readonly cautions: readonly string[];
  readonly steps: readonly RunbookStep[];
}

/** What an issuer procedure may refer to. */
interface ProcedureContext {
  /** The inventory's `issuer` of the credential, or a generic phrase. */
  readonly issuer: string;
  /** ` (<issuer>)` when the inventory names the issuer, else empty: for sentences that name the service already. */
  readonly issuerAside: string;
  /** How to name the credential holding another setting: its id when the inventory has it, else the setting key. */
  readonly refer: (setting: string) => string;
}

/** The steps at the issuer: before the new value goes into the inventory, and after the merge applied it. */
interface IssuerProcedure {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly cautions?: readonly string[];
}

type Procedure = (context: ProcedureContext) => IssuerProcedure;

const microsoftClientSecret =
  (refreshSetting: string, shared: string | undefined): Procedure =>
  ({ refer }) => ({
    before: [
      ...(shared ? [shared] : []),
      'In Azure App Registrations, open the app\'s **Certificates & secrets** and add a new client secret. The old one keeps working until you delete it.',
    ],
    after: [
      `Re-authorise through the Microsoft OAuth flow to get a fresh refresh token, and rotate ${refer(refreshSetting)} the same way.`,
      'Delete the old client secret in Azure App Registrations.',
    ],
  });

const microsoftRefreshToken: Procedure = () => ({
  before: ['Re-authorise DocuElevate through the Microsoft OAuth flow; the consent hands back a new refresh token.'],
  after: ['Check that DocuElevate can still list the target folder; then sign the old grant out in the Microsoft account\'s app permissions if it is still listed.'],
});

const mailPassword: Procedure = ({ issuerAside }) => ({
  before: [`Change the password at the mail provider${issuerAside}.`],
  after: ['Send or fetch a test message through DocuElevate to check the new password.'],
});

const serverPassword: Procedure = ({ issuerAside }) => ({
  before: [`Change the password on the server${issuerAside}.`],
  after: ['Upload a test document to that destination to check the new password.'],
});

const sftpKeyPair: Procedure = ({ refer }) => ({
  before: [
    'Generate a new key pair, for example `ssh-keygen -t ed25519 -f docuelevate_sftp -C docuelevate-sftp` (with a passphrase if the key is to be encrypted).',
    'Add the new public key to the SFTP server\'s authorised keys, next to the old one.',
  ],
  after: [
    'Upload a test document over SFTP.',
    `Remove the old public key from the SFTP server. The private key and its passphrase (${refer('sftp_private_key')}, ${refer('sftp_private_key_passphrase')}) change together.`,
  ],
});

const adminPassword: Procedure = () => ({
  before: ['Choose a new admin password (a password manager\'s generator will do).'],
  after: ['Give the new password to whoever still shares this account, privately; better, move them to their own accounts through OAuth.'],
});

const sessionSecret: Procedure = () => ({
  before: ['Generate a new secret of at least 32 characters, for example `python -c "import secrets; print(secrets.token_hex(32))"`.'],
  after: ['Sign in again and check that the settings pushed again are readable.'],
  cautions: [
    "DocuElevate never uses a `session_secret` written through its settings API: sessions and the encryption of the settings it holds in its database use `SESSION_SECRET` from the deployment's environment, read at start-up. The rotation happens there; apply cannot do it.",
    "Changing `SESSION_SECRET` without `SESSION_SECRET_PREVIOUS` set to the old secret makes every setting held in DocuElevate's database read `[DECRYPTION FAILED]`, a database-held `admin_password` included (then no password logs in). Keep the order below.",
    'Every signed-in user is signed out when DocuElevate restarts with the new secret.',
  ],
});

/** Procedures for the settings the DocuElevate rotation guide describes; the key is the setting. */
const SETTING_PROCEDURES: Readonly<Record<string, Procedure>> = {
  openai_api_key: () => ({
    before: ['At platform.openai.com, under **API keys**, create a new secret key. Leave the old key in place for now.'],
    after: ['Upload a test document and check that metadata is still extracted.', 'Delete the old key in the OpenAI dashboard.'],
  }),
  azure_ai_key: () => ({
    before: [
      'In portal.azure.com, open the Document Intelligence resource, **Keys and Endpoint**. Azure keeps two keys so one can change while the other serves: regenerate the key DocuElevate does **not** use (Key 2 while Key 1 is live) and take that one.',
    ],
    after: [
      'Check that documents are still recognised.',
      'Then regenerate the other key (Key 1) too, so the value that was in use until now stops working. Next time, the roles swap.',
    ],
  }),
  aws_access_key_id: ({ refer }) => awsPair(refer),
  aws_secret_access_key: ({ refer }) => awsPair(refer),
  dropbox_refresh_token: () => ({
    before: [
      'At dropbox.com/developers, revoke the current token, then run the Dropbox OAuth flow again (DocuElevate\'s docs/DropboxSetup.md) to get a new refresh token.',
    ],
    after: ['Upload a test document to Dropbox through DocuElevate.'],
    cautions: ['Revoking the old token stops DocuElevate\'s uploads to Dropbox until the new token is applied: do the steps back to back.'],
  }),
  dropbox_app_secret: ({ issuerAside, refer }) => ({
    before: [`Issue a new app secret for the DocuElevate app in the Dropbox App Console${issuerAside}.`],
    after: [`If the Dropbox refresh token has to be renewed with it, re-authorise and rotate ${refer('dropbox_refresh_token')} in the same way.`, 'Upload a test document to Dropbox through DocuElevate.'],
  }),
  google_drive_client_secret: ({ refer }) => ({
    before: ['In the Google Cloud Console, **APIs & Services → Credentials**, open the OAuth client and create a new client secret.'],
    after: [
      `Re-authorise to get a fresh refresh token and rotate ${refer('google_drive_refresh_token')} too.`,
      'Delete the old client secret in the Google Cloud Console.',
    ],
  }),
  google_drive_refresh_token: () => ({
    before: ['Re-authorise DocuElevate with Google (the OAuth consent flow) to get a new refresh token.'],
    after: ['Upload a test document to Google Drive through DocuElevate.'],
  }),
  google_drive_credentials_json: () => ({
    before: ['In the Google Cloud Console, create a new key for the service account and download its JSON.'],
    after: ['Check that DocuElevate can still reach Google Drive.', 'Delete the old service-account key.'],
  }),
  onedrive_client_secret: microsoftClientSecret('onedrive_refresh_token', undefined),
  onedrive_refresh_token: microsoftRefreshToken,
  sharepoint_client_secret: microsoftClientSecret(
    'sharepoint_refresh_token',
    'SharePoint uses the same Azure AD app registration as OneDrive: one new client secret may serve both.',
  ),
  sharepoint_refresh_token: microsoftRefreshToken,
  authentik_client_secret: () => ({
    before: ['In the Authentik admin interface, open the DocuElevate application\'s provider and regenerate its client secret.'],
    after: ['Sign in to DocuElevate through Authentik to check the new secret.'],
    cautions: ['Sign-in through Authentik fails from the moment the secret is regenerated until the new value is applied and DocuElevate restarted.'],
  }),
  paperless_ngx_api_token: () => ({
    before: ['In Paperless-ngx, **Settings → API Tokens**, create a new token.'],
    after: ['Check that documents are still routed to Paperless-ngx.', 'Revoke the old token in Paperless-ngx.'],
  }),
  email_password: mailPassword,
  dest_email_password: mailPassword,
  imap1_password: mailPassword,
  imap2_password: mailPassword,
  nextcloud_password: () => ({
    before: ['In Nextcloud, **Settings → Security**, create a new app password for DocuElevate.'],
    after: ['Upload a test document to Nextcloud.', 'Revoke the old app password in Nextcloud.'],
  }),
  ftp_password: serverPassword,
  sftp_password: serverPassword,
  webdav_password: serverPassword,
  sftp_private_key: sftpKeyPair,
  sftp_private_key_passphrase: sftpKeyPair,
  admin_password: adminPassword,
  session_secret: sessionSecret,
};

function awsPair(refer: ProcedureContext['refer']): IssuerProcedure {
  return {
    before: ['In the IAM console, create a new access key for the service user. IAM allows two keys per user, so the old key keeps working meanwhile.'],
    after: [
      'Test an S3 upload from DocuElevate.',
      'Deactivate the old access key in IAM.',
      `A day later, if nothing broke, delete the old access key. The key id and the secret (${refer('aws_access_key_id')}, ${refer('aws_secret_access_key')}) always change together.`,
    ],
  };
}

/** Procedures by kind, for settings the guide does not describe. */
const KIND_PROCEDURES: Readonly<Record<CredentialKind, Procedure>> = {
  api_key: ({ issuer }) => ({
    before: [`Create a new key at ${issuer}, leaving the old one active for now.`],
    after: ['Check that DocuElevate still reaches the service.', `Delete or revoke the old key at ${issuer}.`],
  }),
  token: ({ issuer }) => ({
    before: [`Issue a new token at ${issuer}, leaving the old one active for now.`],
    after: ['Check that DocuElevate still reaches the service.', `Revoke the old token at ${issuer}.`],
  }),
  oauth_client_secret: ({ issuer }) => ({
    before: [`Add a new client secret at ${issuer}; keep the old one until the new one is applied.`],
    after: ['If the provider ties refresh tokens to the secret, re-authorise and rotate the refresh token too.', `Delete the old client secret at ${issuer}.`],
  }),
  oauth_refresh_token: ({ issuerAside }) => ({
    before: [`Re-authorise DocuElevate${issuerAside} to get a new refresh token.`],
    after: ['Check that DocuElevate still reaches the service.', 'Revoke the old grant if the provider still lists it.'],
  }),
  password: ({ issuer }) => ({
    before: [`Change the password at ${issuer}.`],
    after: ['Check that DocuElevate still signs in there.'],
  }),
  admin_password: adminPassword,
  session_secret: sessionSecret,
  private_key: ({ issuer }) => ({
    before: [`Generate a new key pair and install its public half at ${issuer}, next to the old one.`],
    after: ['Check that DocuElevate still connects.', `Remove the old public key at ${issuer}.`],
  }),
  service_account: ({ issuer }) => ({
    before: [`Create a new key for the service account at ${issuer}.`],
    after: ['Check that DocuElevate still reaches the service.', `Delete the old service-account key at ${issuer}.`],
  }),
  certificate: ({ issuer }) => ({
    before: [`Obtain a new certificate (and key) from ${issuer}.`],
    after: ['Check that DocuElevate still connects with it.', `Revoke the old certificate at ${issuer} if it is not about to expire anyway.`],
  }),
};

const code = markdownCode;

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The credentials that are rotated together with this one: its group, in inventory order (itself included). */
export function rotationGroupOf(inventory: Inventory, credential: Credential): Credential[] {
  if (!credential.group) return [credential];
  return inventory.credentials.filter((candidate) => candidate.group === credential.group);
}

/** `seal` when the inventory lists encryption.recipients (no secret needed to add a value), else `set`. */
function storeVerb(inventory: Inventory): 'seal' | 'set' {
  return (inventory.recipients ?? []).length > 0 ? 'seal' : 'set';
}

function setCommands(inventory: Inventory, member: Credential): string[] {
  const verb = storeVerb(inventory);
  if (member.values !== undefined) {
    return member.deployments.map((deployment) => code(`credledger ${verb} ${member.id} --deployment ${deployment} --value-stdin`));
  }
  return [code(`credledger ${verb} ${member.id} --value-stdin`)];
}

/**
 * The credential whose `rotation:` driver makes this one's next value through `credledger rotate`: itself, or the key
 * id of the pair that names it as `secret`. Undefined when rotate cannot: no driver, a swap driver (the admin
 * password, which a pull request must not carry), or a value per deployment (rotate writes one value for all).
 */
export function automaticRotationOf(inventory: Inventory, credential: Credential): Credential | undefined {
  const holder = credential.rotation !== undefined ? credential : inventory.credentials.find((candidate) => candidate.rotation?.secret === credential.id);
  const spec = holder?.rotation;
  if (holder === undefined || spec === undefined || spec.driver === 'docuelevate-admin-password') return undefined;
  const partner = spec.secret === undefined ? undefined : findCredential(inventory, spec.secret);
  if (spec.driver === 'aws-iam-access-key' && partner === undefined) return undefined;
  const perDeployment = (member: Credential | undefined) => member?.values !== undefined && Object.keys(member.values).length > 0;
  return perDeployment(holder) || perDeployment(partner) ? undefined : holder;
}

function automaticRepositorySteps(holder: Credential): string[] {
  const spec = holder.rotation as NonNullable<Credential['rotation']>;
  const aws = spec.driver === 'aws-iam-access-key';
  const ids = [holder.id, ...(spec.secret === undefined ? [] : [spec.secret])];
  const deployments = holder.deployments.length > 0 ? listOf(holder.deployments.map(code)) : 'its deployments';
  return [
    `credledger rotates ${listOf(ids.map(code))} itself (driver ${code(spec.driver)}): the scheduled rotate workflow (the Action's ${code('command: rotate')}) opens the pull request on its next run. To start now, run ${code(`credledger rotate ${holder.id}`)}: it ${aws ? 'creates the new access key at IAM, tests it' : 'generates the new value'}, seals it into the branch ${code(`credledger/rotate/${holder.id}`)} and opens a pull request ${aws ? 'showing the old → new key ids' : 'with the plan'}, never a value.`,
    `Review and merge that pull request: the apply workflow pushes the new value${ids.length > 1 ? 's' : ''} to ${deployments}.`,
  ];
}

function automaticAfterSteps(holder: Credential): string[] {
  if (holder.rotation?.driver !== 'aws-iam-access-key') {
    return [`Once apply confirmed the new value on every deployment, ${code('credledger rotate --finish')} (the same scheduled workflow) records the rotation finished; there is nothing to revoke.`];
  }
  return [
    `${code('credledger rotate --finish')} (the same scheduled workflow) disables the old access key once every deployment holds the new one, the new key shows use and the old one none, and deletes it after the quiet period (24 h by default): nothing to do by hand in IAM.`,
  ];
}

function repositorySteps(inventory: Inventory, credential: Credential): string[] {
  if (credential.setting === SESSION_SECRET_SETTING) return sessionSecretRepositorySteps(inventory, credential);
  const members = rotationGroupOf(inventory, credential);
  const steps: string[] = [];
  const held = members.filter((member) => member.value !== undefined || member.values !== undefined);
  const untracked = members.filter((member) => member.value === undefined && member.values === undefined);
  if (members.length > 1) {
    steps.push(
      `${code(credential.id)} belongs to group ${code(credential.group ?? '')}: change ${listOf(members.map((m) => code(m.id)))} in the same pull request, so apply pushes them back to back.`,
    );
  }
  const sealing = storeVerb(inventory) === 'seal';
  for (const member of held) {
    const how = sealing ? 'Seal the new value' : 'Encrypt the new value';
    const why = sealing ? ` It seals for the inventory's ${code('encryption.recipients')} (no key needed), reads the value from standard input and records today as ${code('rotated')}.` : ` It reads the value from standard input and records today as ${code('rotated')}.`;
    steps.push(`${how} of ${code(member.id)} into the inventory: ${setCommands(inventory, member).join(', ')}.${why}`);
  }
  for (const member of untracked) {
    steps.push(
      `credledger holds no value for ${code(member.id)}: update ${code(member.setting)} in DocuElevate as you usually do and set ${code('rotated:')} to today for ${code(member.id)} in the inventory, or let credledger hold it from now on with ${setCommands(inventory, member).join(', ')}.`,
    );
  }
  if (held.length === 0 || credential.deployments.length === 0) {
    steps.push('Open a pull request with the change and merge it after review.');
    return steps;
  }
  const deployments = listOf(credential.deployments.map(code));
  steps.push(`Open a pull request. Its plan should show ${listOf(held.map((m) => code(m.id)))} rotated and ${listOf(held.map((m) => code(`set ${m.setting}`)))} on ${deployments}.`);
  steps.push(`Merge it after review: the apply workflow pushes the new value${held.length > 1 ? 's' : ''} to ${deployments}.`);
  return steps;
}

/** The session secret lives in the deployments' environment: the inventory only records its rotation. */
function sessionSecretRepositorySteps(inventory: Inventory, credential: Credential): string[] {
  const held = credential.value !== undefined || credential.values !== undefined;
  return [
    held
      ? `Record the new value in the inventory, for break-glass: ${setCommands(inventory, credential).join(', ')} (it sets ${code('rotated')} to today). DocuElevate ignores the copy apply writes to its database; consider tracking ${code(credential.id)} without a value.`
      : `Set ${code('rotated:')} to today for ${code(credential.id)} in the inventory; it holds no value, as DocuElevate takes the secret from each deployment's environment.`,
    'Open a pull request with the change and merge it after review, then rotate the secret in each environment as below.',
  ];
}

function afterMergeSteps(credential: Credential, members: readonly Credential[]): string[] {
  const steps: string[] = [];
  // The session secret's own steps restart DocuElevate, in the order its rotation needs.
  const restart = members.filter((member) => member.setting !== SESSION_SECRET_SETTING && findSetting(member.setting)?.restartRequired === true);
  if (restart.length > 0 && credential.deployments.length > 0) {
    steps.push(
      `DocuElevate reads ${listOf(restart.map((m) => code(m.setting)))} only at start-up: restart api and worker (${code('docker compose restart api worker')}) on ${listOf(credential.deployments.map(code))}.`,
    );
  }
  if (members.some((member) => member.setting === SESSION_SECRET_SETTING)) {
    for (const deployment of credential.deployments) {
      steps.push(
        `On ${code(deployment)}: set ${code('SESSION_SECRET_PREVIOUS')} to the old secret and ${code('SESSION_SECRET')} to the new one in its environment, and restart api and worker (${code('docker compose restart api worker')}).`,
        `Then re-encrypt the settings DocuElevate holds in its database under the new secret: ${code(`credledger apply --rehydrate ${deployment}`)}.`,
        `Then remove ${code('SESSION_SECRET_PREVIOUS')} from the environment of ${code(deployment)} and restart api and worker again.`,
      );
    }
  }
  return steps;
}

/** Kinds whose value DocuElevate alone defines: there is no issuer to revoke them at, only the rotation itself. */
const SELF_ISSUED_KINDS: ReadonlySet<CredentialKind> = new Set(['session_secret', 'admin_password']);

/**
 * Builds the rotation checklist of an assessed credential: the issuer's steps (by setting key, else by kind), the
 * steps in this repository (`credledger set`, pull request, merge), and what follows the apply (restart, rehydrate,
 * verification, retiring the old value). A suspected compromise or a departure adds the steps they call for.
 */
export function buildRunbook(inventory: Inventory, assessment: RotationAssessment): Runbook {
  const { credential } = assessment;
  const members = rotationGroupOf(inventory, credential);
  const context: ProcedureContext = {
    issuer: credential.issuer ? code(credential.issuer) : 'its issuer',
    issuerAside: credential.issuer ? ` (${code(credential.issuer)})` : '',
    refer: (setting) => {
      const holder = inventory.credentials.find((candidate) => candidate.setting === setting);
      return holder ? code(holder.id) : code(setting);
    },
  };
  const procedure = (ownValue(SETTING_PROCEDURES, credential.setting) ?? KIND_PROCEDURES[credential.kind])(context);
  const cautions = [...(procedure.cautions ?? [])];
  const issuer: string[] = [];
  const after: string[] = [];

  if (assessment.severity === 'critical') {
    if (SELF_ISSUED_KINDS.has(credential.kind)) {
      cautions.unshift('The current value may be in someone else\'s hands and stays valid until the new one is applied: go through these steps today.');
      issuer.push('Review DocuElevate\'s audit log for use you do not recognise.');
    } else {
      cautions.unshift('The current value may be in someone else\'s hands: revoke it now, before the replacement is ready, even if DocuElevate loses access meanwhile.');
      issuer.push(`Revoke or disable the current value at ${context.issuer} now.`);
      issuer.push('Review the issuer\'s logs and DocuElevate\'s audit log for use you do not recognise.');
    }
  }
  for (const reason of assessment.reasons) {
    if (reason.code === 'personnel' && reason.person) {
      issuer.push(`${code(reason.person)} could read this value (${reason.text}): revoke any key or grant issued under their own account at ${context.issuer}, and keep the new value from them.`);
    }
  }
  // A driver makes the new value and retires the old one on evidence: the manual issuer steps would do it twice.
  const rotator = automaticRotationOf(inventory, credential);
  if (rotator === undefined) issuer.push(...procedure.before);
  after.push(...afterMergeSteps(credential, members), ...(rotator === undefined ? procedure.after : automaticAfterSteps(rotator)));
  if (assessment.severity === 'critical') after.push('Tell the people who need to know, as your incident response plan says.');

  const steps: RunbookStep[] = [
    ...issuer.map((text) => ({ phase: 'issuer' as const, text })),
    ...(rotator === undefined ? repositorySteps(inventory, credential) : automaticRepositorySteps(rotator)).map((text) => ({ phase: 'repository' as const, text })),
    ...after.map((text) => ({ phase: 'after-merge' as const, text })),
  ];
  return { credentialId: credential.id, cautions, steps };
}

const PHASE_HEADINGS: Readonly<Record<RunbookPhase, string>> = {
  issuer: 'Get the new value',
  repository: 'In this repository',
  'after-merge': 'After the merge',
};

/** The runbook as Markdown: cautions as a quote, then a task list per phase. */
export function renderRunbookMarkdown(runbook: Runbook): string {
  const parts: string[] = [];
  if (runbook.cautions.length > 0) parts.push(runbook.cautions.map((caution) => `> **Note:** ${caution}`).join('\n>\n'));
  for (const phase of ['issuer', 'repository', 'after-merge'] as const) {
    const steps = runbook.steps.filter((step) => step.phase === phase);
    if (steps.length === 0) continue;
    parts.push(`**${PHASE_HEADINGS[phase]}**\n\n${steps.map((step) => `- [ ] ${step.text}`).join('\n')}`);
  }
  return parts.join('\n\n');
}
