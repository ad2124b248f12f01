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
