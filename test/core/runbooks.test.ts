import { describe, expect, it } from 'vitest';
import { findCredential, type Inventory } from '../../src/core/inventory.js';
import { assessRotation } from '../../src/core/rotation.js';
import { buildRunbook, renderRunbookMarkdown, rotationGroupOf, type Runbook, type RunbookPhase } from '../../src/core/runbooks.js';
import { generateSealingKeyPair } from '../../src/crypto/sealing-key.js';
import { inventoryFrom, NOW, SEALED_SAMPLE, TEAM_INVENTORY } from './rotation-fixtures.js';

/** One credential per line of interest, all of them with encrypted values unless the test says otherwise. */
const RUNBOOK_INVENTORY = `version: 1
people:
  alice: { github: alice }
  bob: { github: bob, left: 2026-10-31 }
deployments:
  production: { url: https://docs.example.com, auth: { method: none } }
  staging: { url: https://staging.example.com, auth: { method: none } }
credentials:
  azure-ai: { setting: azure_ai_key, kind: api_key, owner: alice, rotated: 2026-08-01, value: ${SEALED_SAMPLE} }
  aws-id: { setting: aws_access_key_id, kind: api_key, owner: alice, group: aws, rotated: 2026-08-01, value: ${SEALED_SAMPLE} }
  aws-secret: { setting: aws_secret_access_key, kind: api_key, owner: alice, group: aws, rotated: 2026-08-01, value: ${SEALED_SAMPLE} }
  dropbox-token: { setting: dropbox_refresh_token, kind: oauth_refresh_token, owner: alice, deployments: [production], rotated: 2026-01-01, revoked: 2026-11-01, value: ${SEALED_SAMPLE} }
  onedrive-secret: { setting: onedrive_client_secret, kind: oauth_client_secret, owner: alice, rotated: 2026-01-01, value: ${SEALED_SAMPLE} }
  onedrive-token: { setting: onedrive_refresh_token, kind: oauth_refresh_token, owner: alice, rotated: 2026-01-01, value: ${SEALED_SAMPLE} }
  session: { setting: session_secret, kind: session_secret, owner: alice, created: 2026-01-01, compromised: 2026-11-10, value: ${SEALED_SAMPLE} }
  admin: { setting: admin_password, kind: admin_password, owner: alice, access: [bob], rotated: 2026-08-01, value: ${SEALED_SAMPLE} }
  authentik: { setting: authentik_client_secret, kind: oauth_client_secret, owner: alice, rotated: 2026-01-01, value: ${SEALED_SAMPLE} }
  openai: { setting: openai_api_key, kind: api_key, owner: alice, rotated: 2026-08-01, compromised: 2026-11-12, issuer: platform.openai.com, value: ${SEALED_SAMPLE} }
  per-deployment: { setting: ftp_password, kind: password, owner: alice, rotated: 2026-08-01, values: { production: ${SEALED_SAMPLE}, staging: ${SEALED_SAMPLE} } }
  untracked: { setting: nextcloud_password, kind: password, owner: alice, rotated: 2026-08-01 }
  custom-token: { setting: acme_webhook_token, kind: token, custom: true, owner: alice, issuer: hooks.acme.test, rotated: 2025-08-01, value: ${SEALED_SAMPLE} }
  custom-cert: { setting: acme_client_cert, kind: certificate, custom: true, owner: alice, rotated: 2025-08-01, value: ${SEALED_SAMPLE} }
`;

const inventory = inventoryFrom(RUNBOOK_INVENTORY);

function runbookOf(id: string, from: Inventory = inventory): Runbook {
  const credential = findCredential(from, id);
  if (!credential) throw new Error(`no credential ${id}`);
  return buildRunbook(from, assessRotation(from, credential, NOW));
}

function stepsIn(runbook: Runbook, phase: RunbookPhase): string[] {
  return runbook.steps.filter((step) => step.phase === phase).map((step) => step.text);
}

function allText(runbook: Runbook): string {
  return [...runbook.cautions, ...runbook.steps.map((step) => step.text)].join('\n');
}

describe('buildRunbook: steps at the issuer, by setting', () => {
  it.each<[string, RunbookPhase, RegExp]>([
    ['azure-ai', 'issuer', /regenerate the key DocuElevate does \*\*not\*\* use \(Key 2 while Key 1 is live\)/],
    ['azure-ai', 'after-merge', /regenerate the other key \(Key 1\)/],
    ['aws-id', 'issuer', /create a new access key for the service user/],
    ['aws-id', 'after-merge', /Deactivate the old access key/],
    ['aws-secret', 'after-merge', /A day later, if nothing broke, delete the old access key/],
    ['dropbox-token', 'issuer', /revoke the current token, then run the Dropbox OAuth flow again/],
    ['onedrive-secret', 'issuer', /Certificates & secrets\*\* and add a new client secret/],
    ['onedrive-secret', 'after-merge', /Re-authorise through the Microsoft OAuth flow to get a fresh refresh token, and rotate `onedrive-token`/],
    ['onedrive-token', 'issuer', /Re-authorise DocuElevate through the Microsoft OAuth flow/],
    ['session', 'issuer', /at least 32 characters/],
    ['openai', 'issuer', /At platform\.openai\.com, under \*\*API keys\*\*, create a new secret key/],
    ['openai', 'after-merge', /Delete the old key in the OpenAI dashboard/],
  ])('%s (%s): %s', (id, phase, pattern) => {
    expect(stepsIn(runbookOf(id), phase).join('\n')).toMatch(pattern);
  });

  it.each<[string, RegExp]>([
    ['custom-token', /^Issue a new token at `hooks\.acme\.test`/],
    ['custom-cert', /^Obtain a new certificate \(and key\) from its issuer/],
    ['untracked', /^In Nextcloud, \*\*Settings → Security\*\*, create a new app password/],
  ])('falls back to the kind when the guide has no procedure: %s', (id, pattern) => {
    expect(stepsIn(runbookOf(id), 'issuer')[0]).toMatch(pattern);
  });
});

describe('buildRunbook: steps in this repository', () => {
  it('sets the one shared value, opens a pull request and merges it', () => {
    expect(stepsIn(runbookOf('azure-ai'), 'repository')).toEqual([
      'Encrypt the new value of `azure-ai` into the inventory: `credledger set azure-ai --value-stdin`. It reads the value from standard input and records today as `rotated`.',
      'Open a pull request. Its plan should show `azure-ai` rotated and `set azure_ai_key` on `production` and `staging`.',
      'Merge it after review: the apply workflow pushes the new value to `production` and `staging`.',
    ]);
  });

  it('sets each deployment of a per-deployment value', () => {
    expect(stepsIn(runbookOf('per-deployment'), 'repository')[0]).toContain(
      '`credledger set per-deployment --deployment production --value-stdin`, `credledger set per-deployment --deployment staging --value-stdin`',
    );
  });

  it('changes every member of a group in one pull request', () => {
    const steps = stepsIn(runbookOf('aws-secret'), 'repository');
    expect(steps[0]).toBe('`aws-secret` belongs to group `aws`: change `aws-id` and `aws-secret` in the same pull request, so apply pushes them back to back.');
    expect(steps).toContain('Encrypt the new value of `aws-id` into the inventory: `credledger set aws-id --value-stdin`. It reads the value from standard input and records today as `rotated`.');
    expect(steps).toContain('Encrypt the new value of `aws-secret` into the inventory: `credledger set aws-secret --value-stdin`. It reads the value from standard input and records today as `rotated`.');
    expect(steps.at(-1)).toBe('Merge it after review: the apply workflow pushes the new values to `production` and `staging`.');
    expect(rotationGroupOf(inventory, findCredential(inventory, 'aws-id')!).map((c) => c.id)).toEqual(['aws-id', 'aws-secret']);
  });

  it('says how to record a rotation when credledger holds no value', () => {
    const steps = stepsIn(runbookOf('untracked'), 'repository');
    expect(steps[0]).toMatch(/^credledger holds no value for `untracked`: update `nextcloud_password` in DocuElevate/);
    expect(steps[0]).toContain('`credledger set untracked --value-stdin`');
    expect(steps[1]).toBe('Open a pull request with the change and merge it after review.');
  });
});

describe('buildRunbook: after the merge', () => {
  it.each(['admin', 'authentik'])('%s needs a restart of api and worker on every deployment', (id) => {
    expect(stepsIn(runbookOf(id), 'after-merge')[0]).toMatch(/only at start-up: restart api and worker \(`docker compose restart api worker`\) on `production` and `staging`\.$/);
  });

  it.each(['azure-ai', 'openai', 'dropbox-token', 'untracked'])('%s takes effect without a restart', (id) => {
    expect(allText(runbookOf(id))).not.toContain('restart api and worker');
  });

  it('rotates the session secret in each environment, bridged by SESSION_SECRET_PREVIOUS, and re-encrypts with --rehydrate', () => {
    const runbook = runbookOf('session');
    expect(stepsIn(runbook, 'after-merge').slice(0, 6)).toEqual(
      ['production', 'staging'].flatMap((deployment) => [
        `On \`${deployment}\`: set \`SESSION_SECRET_PREVIOUS\` to the old secret and \`SESSION_SECRET\` to the new one in its environment, and restart api and worker (\`docker compose restart api worker\`).`,
        `Then re-encrypt the settings DocuElevate holds in its database under the new secret: \`credledger apply --rehydrate ${deployment}\`.`,
        `Then remove \`SESSION_SECRET_PREVIOUS\` from the environment of \`${deployment}\` and restart api and worker again.`,
      ]),
    );
    // apply cannot rotate it: the inventory only records the rotation.
    expect(stepsIn(runbook, 'repository')[0]).toMatch(/^Record the new value in the inventory, for break-glass: `credledger set session --value-stdin` .*DocuElevate ignores the copy apply writes to its database/);
    expect(stepsIn(runbook, 'repository').join('\n')).not.toContain('apply workflow pushes');
    const cautions = runbook.cautions.join('\n');
    expect(cautions).toContain('DocuElevate never uses a `session_secret` written through its settings API');
    expect(cautions).toContain('without `SESSION_SECRET_PREVIOUS` set to the old secret makes every setting held in DocuElevate\'s database read `[DECRYPTION FAILED]`');
    expect(cautions).toMatch(/Every signed-in user is signed out/);
  });
});

describe('buildRunbook: events', () => {
  it('revokes a compromised value at its issuer first and tells people last', () => {
    const runbook = runbookOf('openai');
    expect(runbook.cautions[0]).toMatch(/revoke it now, before the replacement is ready/);
    expect(stepsIn(runbook, 'issuer').slice(0, 2)).toEqual([
      'Revoke or disable the current value at `platform.openai.com` now.',
      "Review the issuer's logs and DocuElevate's audit log for use you do not recognise.",
    ]);
    expect(stepsIn(runbook, 'after-merge').at(-1)).toMatch(/incident response plan/);
  });

  it('has no issuer to revoke a compromised session secret at', () => {
    const runbook = runbookOf('session');
    expect(runbook.cautions[0]).toMatch(/stays valid until the new one is applied/);
    expect(allText(runbook)).not.toContain('Revoke or disable');
  });

  it('asks to revoke what a departed person held', () => {
    expect(stepsIn(runbookOf('admin'), 'issuer')[0]).toBe(
      '`bob` could read this value (bob left 2026-10-31): revoke any key or grant issued under their own account at its issuer, and keep the new value from them.',
    );
  });

  it('warns that revoking a Dropbox token stops uploads until the new one is applied', () => {
    expect(runbookOf('dropbox-token').cautions.join('\n')).toMatch(/stops DocuElevate's uploads to Dropbox/);
  });
});

describe('renderRunbookMarkdown', () => {
  it('renders cautions as a quote and one task list per phase', () => {
    const markdown = renderRunbookMarkdown(runbookOf('session'));
    expect(markdown).toMatch(/^> \*\*Note:\*\* /);
    expect(markdown).toContain('**Get the new value**\n\n- [ ] ');
    expect(markdown).toContain('**In this repository**\n\n- [ ] ');
    expect(markdown).toContain('**After the merge**\n\n- [ ] ');
    expect(markdown.indexOf('**Get the new value**')).toBeLessThan(markdown.indexOf('**In this repository**'));
  });

  it('never contains a value', () => {
    const team = inventoryFrom(TEAM_INVENTORY);
    for (const from of [inventory, team]) {
      for (const credential of from.credentials) {
        expect(renderRunbookMarkdown(buildRunbook(from, assessRotation(from, credential, NOW)))).not.toContain('SEALEDTOKEN');
      }
    }
  });
});

describe('buildRunbook: the exact command', () => {
  // The same credentials, some with a `rotation:` driver, and once more with encryption.recipients.
  const DRIVEN = `version: 1
people:
  alice: { github: alice }
deployments:
  production: { url: https://docs.example.com, auth: { method: none } }
credentials:
  aws-id: { setting: aws_access_key_id, kind: api_key, owner: alice, group: aws, rotated: 2026-08-01, rotation: { driver: aws-iam-access-key, user: docuelevate-s3, secret: aws-secret }, value: ${SEALED_SAMPLE} }
  aws-secret: { setting: aws_secret_access_key, kind: api_key, owner: alice, group: aws, rotated: 2026-08-01, value: ${SEALED_SAMPLE} }
  webhook: { setting: acme_webhook_token, kind: token, custom: true, owner: alice, rotated: 2025-08-01, rotation: { driver: generated-secret, length: 48 }, value: ${SEALED_SAMPLE} }
  admin: { setting: admin_password, kind: admin_password, owner: alice, rotated: 2026-01-01, rotation: { driver: docuelevate-admin-password }, value: ${SEALED_SAMPLE} }
  ftp: { setting: ftp_password, kind: password, owner: alice, rotated: 2026-01-01, values: { production: ${SEALED_SAMPLE} } }
  openai: { setting: openai_api_key, kind: api_key, owner: alice, rotated: 2026-01-01, value: ${SEALED_SAMPLE} }
`;
  const driven = inventoryFrom(DRIVEN);
  const { recipient } = generateSealingKeyPair('ci-2027');
  const sealed = inventoryFrom(DRIVEN.replace('version: 1\n', `version: 1\nencryption:\n  recipients:\n    - id: ci-2027\n      public_key: ${recipient.publicKey}\n`));

  it.each(['aws-id', 'aws-secret'])('%s, a key pair with a driver: `credledger rotate aws-id`, done by the scheduled workflow, nothing by hand in IAM', (id) => {
    const runbook = runbookOf(id, driven);
    expect(stepsIn(runbook, 'issuer')).toEqual([]);
    expect(stepsIn(runbook, 'repository')).toEqual([
      'credledger rotates `aws-id` and `aws-secret` itself (driver `aws-iam-access-key`): the scheduled rotate workflow (the Action\'s `command: rotate`) opens the pull request on its next run. To start now, run `credledger rotate aws-id`: it creates the new access key at IAM, tests it, seals it into the branch `credledger/rotate/aws-id` and opens a pull request showing the old → new key ids, never a value.',
      'Review and merge that pull request: the apply workflow pushes the new values to `production`.',
    ]);
    expect(stepsIn(runbook, 'after-merge').join('\n')).toContain('`credledger rotate --finish` (the same scheduled workflow) disables the old access key');
    const text = allText(runbook);
    expect(text).not.toContain('credledger set');
    expect(text).not.toMatch(/In the IAM console|Deactivate the old access key/);
  });

  it('a generated secret: `credledger rotate webhook`, and nothing to revoke after', () => {
    const runbook = runbookOf('webhook', driven);
    expect(stepsIn(runbook, 'repository')[0]).toContain('To start now, run `credledger rotate webhook`: it generates the new value');
    expect(stepsIn(runbook, 'after-merge')).toContain('Once apply confirmed the new value on every deployment, `credledger rotate --finish` (the same scheduled workflow) records the rotation finished; there is nothing to revoke.');
  });

  it('keeps the manual runbook, with `set`, for the swap-only admin password and credentials without a driver', () => {
    expect(stepsIn(runbookOf('admin', driven), 'repository')[0]).toBe('Encrypt the new value of `admin` into the inventory: `credledger set admin --value-stdin`. It reads the value from standard input and records today as `rotated`.');
    expect(stepsIn(runbookOf('openai', driven), 'repository')[0]).toContain('`credledger set openai --value-stdin`');
    expect(stepsIn(runbookOf('openai', driven), 'issuer').join('\n')).toContain('create a new secret key');
    expect(allText(runbookOf('openai', driven))).not.toContain('credledger rotate');
  });

  it('says `seal` (no key needed) when the inventory lists encryption.recipients', () => {
    expect(stepsIn(runbookOf('openai', sealed), 'repository')[0]).toBe(
      "Seal the new value of `openai` into the inventory: `credledger seal openai --value-stdin`. It seals for the inventory's `encryption.recipients` (no key needed), reads the value from standard input and records today as `rotated`.",
    );
    expect(stepsIn(runbookOf('ftp', sealed), 'repository')[0]).toContain('`credledger seal ftp --deployment production --value-stdin`');
    expect(allText(runbookOf('openai', sealed))).not.toContain('credledger set');
    // A driver still rotates with rotate, recipients or not.
    expect(stepsIn(runbookOf('aws-secret', sealed), 'repository')[0]).toContain('`credledger rotate aws-id`');
  });
});
