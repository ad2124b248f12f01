import { describe, expect, it } from 'vitest';
import { assessRotation, rotationIntervalOf } from '../../src/core/rotation.js';
import { inventoryFrom, inventoryText } from '../support/inventory-text.js';

const NOW = '2026-11-26';

function assess(credentialYaml: string, policy = '', now = NOW) {
  const inventory = inventoryFrom(inventoryText(credentialYaml, policy));
  const credential = inventory.credentials[0];
  if (!credential) throw new Error('no credential');
  return assessRotation(inventory, credential, now);
}

describe('assessRotation', () => {
  it.each([
    // [description, credential yaml, expected state, expected due, expected reason texts]
    ['api key inside its interval', 'kind: api_key\n    rotated: 2026-10-01', 'ok', '2026-12-30', []],
    ['api key within the 14-day window', 'kind: api_key\n    rotated: 2026-09-01', 'due-soon', '2026-11-30', ['90d interval ends 2026-11-30']],
    ['api key due today is overdue', 'kind: api_key\n    rotated: 2026-08-28', 'overdue', '2026-11-26', ['90d interval elapsed on 2026-11-26']],
    ['api key past due', 'kind: api_key\n    rotated: 2026-08-01', 'overdue', '2026-10-30', ['90d interval elapsed on 2026-10-30']],
    ['counts from created when never rotated', 'kind: api_key\n    created: 2026-08-01', 'overdue', '2026-10-30', ['90d interval elapsed on 2026-10-30']],
    ['no date at all is unknown', 'kind: api_key', 'unknown', undefined, []],
    ['oauth client secret: 180 days', 'kind: oauth_client_secret\n    rotated: 2026-06-15', 'ok', '2026-12-12', []],
    ['password: 90 days', 'kind: password\n    rotated: 2026-08-27', 'overdue', '2026-11-25', ['90d interval elapsed on 2026-11-25']],
    ['admin password is a password', 'kind: admin_password\n    rotated: 2026-09-01', 'due-soon', '2026-11-30', ['90d interval ends 2026-11-30']],
    ['private key: 365 days', 'kind: private_key\n    rotated: 2025-12-01', 'due-soon', '2026-12-01', ['365d interval ends 2026-12-01']],
    ['certificate: 365 days', 'kind: certificate\n    rotated: 2025-11-01', 'overdue', '2026-11-01', ['365d interval elapsed on 2026-11-01']],
    ['own interval overrides the kind', 'kind: api_key\n    every: 30d\n    rotated: 2026-11-01', 'due-soon', '2026-12-01', ['30d interval ends 2026-12-01']],
    ['weeks', 'kind: api_key\n    every: 2w\n    rotated: 2026-11-20', 'due-soon', '2026-12-04', ['2w interval ends 2026-12-04']],
    ['refresh token without events is ok', 'kind: oauth_refresh_token\n    rotated: 2020-01-01', 'ok', undefined, []],
    ['refresh token revoked after rotation', 'kind: oauth_refresh_token\n    rotated: 2026-03-01\n    revoked: 2026-11-10', 'overdue', '2026-11-10', ['revoked on 2026-11-10: re-authorise']],
    ['refresh token re-authorised after revocation', 'kind: oauth_refresh_token\n    rotated: 2026-11-12\n    revoked: 2026-11-10', 'ok', undefined, []],
    ['session secret without events is ok', 'kind: session_secret\n    created: 2020-01-01', 'ok', undefined, []],
    ['session secret compromised', 'kind: session_secret\n    created: 2020-01-01\n    compromised: 2026-11-20', 'overdue', '2026-11-20', ['suspected compromise on 2026-11-20']],
    ['compromise settled by a rotation the same day', 'kind: api_key\n    rotated: 2026-11-20\n    compromised: 2026-11-20', 'ok', '2027-02-18', []],
    ['owner/access person left after the rotation', 'kind: password\n    access: [bob]\n    rotated: 2026-10-01', 'overdue', '2026-10-31', ['bob left 2026-10-31']],
    ['rotated after the person left', 'kind: password\n    access: [bob]\n    rotated: 2026-11-01', 'ok', '2027-01-30', []],
    ['personnel change applies whatever the kind', 'kind: session_secret\n    access: [bob]\n    created: 2026-01-01', 'overdue', '2026-10-31', ['bob left 2026-10-31']],
    [
      'every reason is listed, earliest first',
      'kind: api_key\n    access: [bob]\n    rotated: 2026-07-01\n    compromised: 2026-11-01',
      'overdue',
      '2026-09-29',
      ['90d interval elapsed on 2026-09-29', 'bob left 2026-10-31', 'suspected compromise on 2026-11-01'],
    ],
  ])('%s', (_description, yaml, state, due, reasons) => {
    const assessment = assess(`  c1:\n    setting: openai_api_key\n    owner: alice\n    ${yaml}\n`);
    expect(assessment.state).toBe(state);
    expect(assessment.due).toBe(due);
    expect(assessment.reasons.map((reason) => reason.text)).toEqual(reasons);
  });

  it('marks an outstanding compromise critical', () => {
    const assessment = assess('  c1:\n    setting: openai_api_key\n    owner: alice\n    kind: api_key\n    rotated: 2026-11-01\n    compromised: 2026-11-20\n');
    expect(assessment.severity).toBe('critical');
    expect(assessment.state).toBe('overdue');
  });

  it('applies the policy window and intervals', () => {
    const policy = 'policy:\n  due_soon: 30d\n  intervals: { api_key: 60d, password: 30d }\n';
    const apiKey = assess('  c1:\n    setting: openai_api_key\n    owner: alice\n    kind: api_key\n    rotated: 2026-10-20\n', policy);
    expect(apiKey).toMatchObject({ due: '2026-12-19', state: 'due-soon' });
    const admin = assess('  c1:\n    setting: admin_password\n    owner: alice\n    kind: admin_password\n    rotated: 2026-11-20\n', policy);
    expect(admin).toMatchObject({ due: '2026-12-20', state: 'due-soon' });
  });

  it('reports a departure announced for a later date as due soon', () => {
    const inventory = inventoryFrom(inventoryText('  c1:\n    setting: openai_api_key\n    owner: alice\n    kind: api_key\n    access: [bob]\n    rotated: 2026-10-01\n'));
    const credential = inventory.credentials[0]!;
    const assessment = assessRotation(inventory, credential, '2026-10-25');
    expect(assessment).toMatchObject({ state: 'due-soon', due: '2026-10-31' });
    expect(assessment.reasons.map((reason) => reason.text)).toEqual(['bob leaves 2026-10-31']);
  });

  describe('a person who can only seal (seal_only)', () => {
    const sealOnlyBob = (credentials: string) => inventoryFrom(inventoryText(credentials).replace('bob: { github: bob, left: 2026-10-31 }', 'bob: { github: bob, left: 2026-10-31, seal_only: true }'));

    it('forces no rotation by leaving when they only owned the credential: they never read its value', () => {
      const yaml = '  c1:\n    setting: openai_api_key\n    owner: bob\n    kind: api_key\n    rotated: 2026-10-01\n';
      const readingOwner = inventoryFrom(inventoryText(yaml));
      expect(assessRotation(readingOwner, readingOwner.credentials[0]!, NOW).reasons.map((reason) => reason.text)).toEqual(['bob left 2026-10-31']);
      const sealingOwner = sealOnlyBob(yaml);
      const assessment = assessRotation(sealingOwner, sealingOwner.credentials[0]!, NOW);
      expect(assessment).toMatchObject({ state: 'ok', due: '2026-12-30', reasons: [] });
    });

    it('still forces one when access lists them: they saw the value elsewhere (at the issuer)', () => {
      const inventory = sealOnlyBob('  c1:\n    setting: openai_api_key\n    owner: alice\n    kind: api_key\n    access: [bob]\n    rotated: 2026-10-01\n');
      const assessment = assessRotation(inventory, inventory.credentials[0]!, NOW);
      expect(assessment).toMatchObject({ state: 'overdue', due: '2026-10-31' });
      expect(assessment.reasons.map((reason) => reason.text)).toEqual(['bob left 2026-10-31']);
    });
  });
});

describe('rotationIntervalOf', () => {
  it('has none for event-driven kinds', () => {
    const inventory = inventoryFrom(inventoryText('  c1:\n    setting: dropbox_refresh_token\n    owner: alice\n    kind: oauth_refresh_token\n'));
    expect(rotationIntervalOf(inventory.credentials[0]!, inventory.policy)).toBeUndefined();
  });
});
