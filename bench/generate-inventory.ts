// Generates large, valid inventories for benchmarks (deterministic: the same size gives the same text).
import { DOCUELEVATE_SETTINGS } from '../src/core/docuelevate-catalogue.js';

/** An inventory with `deploymentCount` deployments and one credential per (deployment, setting) slot up to `credentialCount`. */
export function generateInventoryText(credentialCount: number, options: { deploymentCount?: number; value?: (id: string) => string } = {}): string {
  const deploymentCount = options.deploymentCount ?? Math.max(1, Math.ceil(credentialCount / 50));
  const settings = DOCUELEVATE_SETTINGS.filter((setting) => !setting.environmentOnly);
  const lines = ['version: 1', 'people:'];
  for (let person = 0; person < 20; person += 1) lines.push(`  person${person}: { github: person${person}${person === 19 ? ', left: 2026-10-31' : ''} }`);
  lines.push('deployments:');
  for (let deployment = 0; deployment < deploymentCount; deployment += 1) {
    lines.push(`  d${deployment}:`, `    url: https://d${deployment}.example.com`, '    auth: { method: login, username_env: U, password_env: P }');
  }
  lines.push('credentials:');
  for (let index = 0; index < credentialCount; index += 1) {
    const setting = settings[index % settings.length]!;
    const deployment = Math.floor(index / settings.length) % deploymentCount;
    const id = `c${index}`;
    const month = String((index % 9) + 1).padStart(2, '0');
    lines.push(
      `  ${id}:`,
      `    setting: ${setting.key}`,
      `    kind: ${index % 7 === 0 ? 'oauth_client_secret' : 'api_key'}`,
      `    owner: person${index % 19}`,
      `    access: [person${(index + 1) % 20}]`,
      `    issuer: issuer-${index % 13}.example.com`,
      `    created: 2025-${month}-01`,
      `    rotated: 2026-${month}-15`,
      `    deployments: [d${deployment}]`,
    );
    if (options.value) lines.push(`    value: ${options.value(id)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** How a scale inventory is shaped: `changed` credentials get a new value and rotation date (a second revision for `plan`). */
export interface ScaleInventoryOptions {
  /** Every `changeEvery`-th credential is rotated (new value, new date); 0 changes nothing. */
  readonly changeEvery?: number;
}

const SCALE_PEOPLE = 50;
const CREDENTIALS_PER_DEPLOYMENT = 15;

// A deterministic stand-in for a Fernet token: the same shape and length as one, so the reader sees realistic values.
function fernetLikeValue(seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let state = (seed * 2654435761) >>> 0;
  let token = 'gAAAAAB';
  for (let index = 0; index < 133; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    token += alphabet[state >>> 26]!;
  }
  return `fernet:175365ad:${token}=`;
}

/**
 * An inventory the size a platform team holds: `credentialCount` credentials over one deployment per 15 of them,
 * 50 people (one of whom has left), AWS key pairs in groups, encrypted values, and rotation dates spread so that
 * the status has ok, due-soon, overdue and unknown rows. Deterministic: the same arguments give the same text.
 */
export function generateScaleInventoryText(credentialCount: number, options: ScaleInventoryOptions = {}): string {
  const deploymentCount = Math.max(1, Math.ceil(credentialCount / CREDENTIALS_PER_DEPLOYMENT));
  const settings = DOCUELEVATE_SETTINGS.filter((setting) => !setting.environmentOnly && !setting.key.startsWith('aws_')).slice(0, CREDENTIALS_PER_DEPLOYMENT - 2);
  const lines = ['version: 1', 'policy:', '  due_soon: 14d', '  intervals:', '    api_key: 180d', 'people:'];
  for (let person = 0; person < SCALE_PEOPLE; person += 1) {
    lines.push(`  person${person}: { github: person${person}, email: person${person}@example.com${person === SCALE_PEOPLE - 1 ? ', left: 2026-10-31' : ''} }`);
  }
  lines.push('deployments:');
  for (let deployment = 0; deployment < deploymentCount; deployment += 1) {
    lines.push(`  tenant-${deployment}:`, `    url: https://tenant-${deployment}.docs.example.com`, `    auth: { method: login, username_env: DE_${deployment}_USER, password_env: DE_${deployment}_PASSWORD }`);
  }
  lines.push('credentials:');
  for (let index = 0; index < credentialCount; index += 1) {
    const deployment = Math.floor(index / CREDENTIALS_PER_DEPLOYMENT);
    const slot = index % CREDENTIALS_PER_DEPLOYMENT;
    const aws = slot >= CREDENTIALS_PER_DEPLOYMENT - 2;
    const setting = aws ? (slot === CREDENTIALS_PER_DEPLOYMENT - 2 ? 'aws_access_key_id' : 'aws_secret_access_key') : settings[slot]!.key;
    const changed = options.changeEvery ? index % options.changeEvery === 0 : false;
    // Months 1..12 of 2026 spread the states: early ones are overdue at 180 days, late ones ok; every 23rd has no dates.
    const month = String((index % 11) + 1).padStart(2, '0');
    const dated = index % 23 !== 0;
    lines.push(
      `  c${index}-${setting.replace(/_/g, '-')}:`,
      `    setting: ${setting}`,
      `    kind: ${index % 7 === 0 ? 'oauth_client_secret' : 'api_key'}`,
      `    owner: person${index % SCALE_PEOPLE}`,
      `    access: [person${(index + 1) % SCALE_PEOPLE}, person${(index + 2) % SCALE_PEOPLE}]`,
      `    issuer: issuer-${index % 13}.example.com`,
    );
    if (aws) lines.push(`    group: aws-tenant-${deployment}`);
    if (dated) lines.push('    created: 2025-01-15', `    rotated: ${changed ? '2026-11-20' : `2026-${month}-10`}`);
    lines.push(`    deployments: [tenant-${deployment}]`, `    value: ${fernetLikeValue(changed ? index + 1_000_003 : index)}`);
  }
  return `${lines.join('\n')}\n`;
}
