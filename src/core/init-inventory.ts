// The starting inventory `credledger init` writes: from DocuElevate's catalogue (commented out) or from what a deployment reports configured.
import { DOCUELEVATE_SETTINGS, findSetting } from './docuelevate-catalogue.js';
import type { CredentialKind } from './inventory.js';

/** The owner init writes where it cannot know one; validate flags it until a person's handle replaces it. */
export const OWNER_PLACEHOLDER = 'TODO-owner';

/** The editor line that ties the file to the published schema (yaml-language-server, used by VS Code's YAML extension). */
export const SCHEMA_LINE = '# yaml-language-server: $schema=https://raw.githubusercontent.com/credledger/credledger/main/schemas/credentials.schema.json';

/** The kind a DocuElevate setting most likely holds, by its key: it sets the default rotation interval. */
export function guessCredentialKind(setting: string): CredentialKind {
  if (setting === 'admin_password') return 'admin_password';
  if (setting === 'session_secret') return 'session_secret';
  if (setting.endsWith('refresh_token')) return 'oauth_refresh_token';
  if (/(client|app)_secret$/.test(setting)) return 'oauth_client_secret';
  if (setting.includes('private_key')) return 'private_key';
  if (setting.includes('certificate')) return 'certificate';
  if (setting.endsWith('credentials_json')) return 'service_account';
  if (setting.includes('password') || setting.endsWith('_url') || setting.endsWith('_backend')) return 'password';
  if (/(api|virtual|access|secret|ai)_key(_id)?$/.test(setting)) return 'api_key';
  return 'token';
}

/** A credential id for a setting: its key with dashes (`openai_api_key` → `openai-api-key`). */
export function credentialIdFor(setting: string): string {
  return setting.replace(/_/g, '-');
}

/** The deployment an init from a URL writes. */
export interface InitDeployment {
  readonly id: string;
  readonly url: string;
  readonly usernameEnv: string;
  readonly passwordEnv: string;
}

/** One setting a deployment reports configured. */
export interface ConfiguredSetting {
  readonly key: string;
  readonly source: 'db' | 'env';
}

const HEADER = [
  SCHEMA_LINE,
  '#',
  '# credledger inventory: every credential your DocuElevate deployments hold. Written by `credledger init`.',
  '# Values are never written here in clear: `credledger set <id> --value-stdin` encrypts them (key: `credledger keygen`).',
  '# Add people with `credledger onboard <handle> --github LOGIN`; `credledger validate` checks the file.',
  'version: 1',
  '',
  'people: {}',
  '',
];

function deploymentLines(deployment: InitDeployment, comment: string): string[] {
  return [
    'deployments:',
    `  ${deployment.id}:${comment}`,
    `    url: ${deployment.url}`,
    `    auth: { method: login, username_env: ${deployment.usernameEnv}, password_env: ${deployment.passwordEnv} }`,
    '',
  ];
}

function entryLines(setting: string, prefix: string, extra: readonly string[] = []): string[] {
  return [
    `${prefix}${credentialIdFor(setting)}:`,
    `${prefix}  setting: ${setting}`,
    `${prefix}  kind: ${guessCredentialKind(setting)}`,
    `${prefix}  owner: ${OWNER_PLACEHOLDER}`,
    ...extra.map((line) => `${prefix}  ${line}`),
  ];
}

/**
 * The catalogue inventory: one example deployment, and every setting DocuElevate can store through its API as a
 * commented-out entry, grouped by DocuElevate's category. Uncomment the entries you use and name their owners.
 */
export function renderCatalogueInventory(deployment: InitDeployment): string {
  const lines = [...HEADER, ...deploymentLines(deployment, '   # change to your deployment')];
  lines.push(
    '# Uncomment (drop the leading `# `) the credentials your deployments use, put an owner from `people` in',
    `# place of ${OWNER_PLACEHOLDER}, and add \`access\` (who else could read the value) and \`issuer\` (where it was made).`,
    'credentials:',
  );
  const categories = new Map<string, string[]>();
  for (const setting of DOCUELEVATE_SETTINGS) {
    if (setting.environmentOnly) continue;
    categories.set(setting.category, [...(categories.get(setting.category) ?? []), setting.key]);
  }
  for (const [category, keys] of categories) {
    lines.push(`  # --- ${category} ${'-'.repeat(Math.max(3, 72 - category.length))}`);
    for (const key of keys) lines.push(...entryLines(key, '  # '), '  #');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The inventory of a live deployment: one entry per credential it reports configured, each tracked without a
 * value (store them with `credledger set`) and with a placeholder owner that validate flags.
 */
export function renderLiveInventory(deployment: InitDeployment, configured: readonly ConfiguredSetting[]): string {
  const lines = [...HEADER, ...deploymentLines(deployment, '')];
  lines.push(`# What ${deployment.url} reported configured. Put an owner from \`people\` in place of each ${OWNER_PLACEHOLDER};`);
  lines.push('# store the values you manage with `credledger set <id> --value-stdin` (those from the environment may stay there).');
  lines.push(configured.length === 0 ? 'credentials: {}' : 'credentials:');
  for (const entry of configured) {
    const from = entry.source === 'db' ? "# DocuElevate holds it in its database" : "# DocuElevate takes it from its environment";
    lines.push(...entryLines(entry.key, '  ', findSetting(entry.key) === undefined ? ['custom: true'] : []).map((line, index) => (index === 0 ? `${line}   ${from}` : line)));
  }
  return `${lines.join('\n')}\n`;
}
