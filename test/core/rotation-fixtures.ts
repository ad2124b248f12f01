// Inventories for the rotation-issue and runbook tests, read through the real reader so they stay valid v1 files.
import { checkInventoryText } from '../../src/core/inventory-validation.js';
import type { Inventory } from '../../src/core/inventory.js';

/** A sealed-looking value: never to appear in an issue. Its token part is distinctive so searches are reliable. */
export const SEALED_SAMPLE = 'fernet:0badc0de:gAAAAABoSEALEDTOKENMUSTNEVERAPPEARinANYissueBODY0000000000==';

/** The day most tests look from. */
export const NOW = '2026-11-20';

/** A small team: two deployments, one offboarded person, and credentials in every state on 2026-11-20. */
export const TEAM_INVENTORY = `version: 1
policy:
  due_soon: 14d
people:
  alice: { github: alice, name: Alice Martin }
  carol: { github: carol }
  dave: {}
  bob: { github: bob, left: 2026-10-31 }
deployments:
  production: { url: https://docs.example.com, auth: { method: none } }
  staging: { url: https://staging.example.com, auth: { method: none } }
credentials:
  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    issuer: platform.openai.com
    rotated: 2026-09-01
    value: ${SEALED_SAMPLE}
  azure-ai:
    setting: azure_ai_key
    kind: api_key
    owner: carol
    rotated: 2026-10-20
    value: ${SEALED_SAMPLE}
  paperless:
    setting: paperless_ngx_api_token
    kind: api_key
    owner: carol
    access: [bob]
    rotated: 2026-10-01
    values:
      production: ${SEALED_SAMPLE}
      staging: ${SEALED_SAMPLE}
  aws-access-key-id:
    setting: aws_access_key_id
    kind: api_key
    owner: dave
    group: aws-s3
    rotated: 2026-08-01
    value: ${SEALED_SAMPLE}
  aws-secret-access-key:
    setting: aws_secret_access_key
    kind: api_key
    owner: dave
    group: aws-s3
    rotated: 2026-08-01
    value: ${SEALED_SAMPLE}
  google-drive-refresh-token:
    setting: google_drive_refresh_token
    kind: oauth_refresh_token
    owner: carol
    rotated: 2026-03-01
    revoked: 2026-11-10
  session-secret:
    setting: session_secret
    kind: session_secret
    owner: alice
    created: 2025-04-01
    compromised: 2026-11-15
    value: ${SEALED_SAMPLE}
  webdav:
    setting: webdav_password
    kind: password
    owner: alice
    deployments: [production]
    rotated: 2026-11-02
    value: ${SEALED_SAMPLE}
`;

/** Reads an inventory text and fails the test on any error, so fixtures cannot silently rot. */
export function inventoryFrom(text: string, now = NOW): Inventory {
  const check = checkInventoryText(text, 'credentials.yaml', now);
  const errors = check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!check.inventory || errors.length > 0) throw new Error(`fixture inventory is invalid: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return check.inventory;
}

/** Replaces a credential's `rotated:` date in an inventory text (the lines under `  <id>:`). */
export function withRotated(text: string, id: string, date: string): string {
  const pattern = new RegExp(`(\\n  ${id.replace(/[.-]/g, '\\$&')}:\\n(?:    .*\\n)*?    rotated: )\\d{4}-\\d{2}-\\d{2}`);
  if (!pattern.test(text)) throw new Error(`no rotated: line for ${id}`);
  return text.replace(pattern, `$1${date}`);
}

/** Removes a credential (its `  <id>:` block) from an inventory text. */
export function withoutCredential(text: string, id: string): string {
  const pattern = new RegExp(`\\n  ${id.replace(/[.-]/g, '\\$&')}:\\n(?:    .*\\n|      .*\\n)*`);
  if (!pattern.test(text)) throw new Error(`no credential ${id}`);
  return text.replace(pattern, '\n');
}
