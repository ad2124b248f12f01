import { describe, expect, it } from 'vitest';
import { EMPTY_APPLIED_STATE, recordSettingApplied, type AppliedState } from '../../src/core/applied-state.js';
import { checkDeploymentUrl, listDesiredState, listPlannedOperations, planApply, type DesiredSetting } from '../../src/core/apply-plan.js';
import { inventoryFrom, inventoryText } from '../support/inventory-text.js';

const SEALED = 'fernet:0123abcd:gAAAAABpVmNsb3VkLXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2g=';

const INVENTORY = inventoryFrom(
  inventoryText(`  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    value: ${SEALED}
  aws-id:
    setting: aws_access_key_id
    kind: api_key
    owner: alice
    group: aws
    value: ${SEALED}
  admin:
    setting: admin_password
    kind: admin_password
    owner: alice
    values: { production: ${SEALED} }
  aws-secret:
    setting: aws_secret_access_key
    kind: api_key
    owner: alice
    group: aws
    value: ${SEALED}
  tracked:
    setting: azure_ai_key
    kind: api_key
    owner: alice
    deployments: [production]
`),
);

function applied(entries: readonly [deployment: string, setting: string, credential: string, fingerprint?: string][]): AppliedState {
  let state = EMPTY_APPLIED_STATE;
  for (const [deployment, setting, credential, fingerprint] of entries) {
    state = recordSettingApplied(state, deployment, setting, {
      credential,
      keyId: '0123abcd',
      fingerprint: fingerprint ?? 'a'.repeat(64),
      commit: null,
      appliedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  return state;
}

/** Applied means: recorded with fingerprint aaaa…; anything else counts as changed. */
const isApplied = (_desired: DesiredSetting, record: { fingerprint: string }) => record.fingerprint === 'a'.repeat(64);

function summarise(plan: ReturnType<typeof planApply>): string[] {
  return listPlannedOperations(plan).map((op) => `${op.deployment} ${op.action} ${op.setting} ${op.credentialId} ${op.reason}${op.group ? ` [${op.group}]` : ''}`);
}

describe('desired state', () => {
  it('lists values per deployment in inventory order, and targeted settings without a value', () => {
    const { desired, targeted } = listDesiredState(INVENTORY, ['production', 'staging']);
    expect(desired.map((d) => `${d.deployment}:${d.setting}:${d.restartRequired}:${d.sealed.place.deployment ?? '-'}`)).toEqual([
      'production:openai_api_key:false:-',
      'staging:openai_api_key:false:-',
      'production:aws_access_key_id:false:-',
      'staging:aws_access_key_id:false:-',
      'production:admin_password:true:production',
      'production:aws_secret_access_key:false:-',
      'staging:aws_secret_access_key:false:-',
    ]);
    expect(targeted.filter((t) => t.setting === 'azure_ai_key' || t.setting === 'admin_password').map((t) => `${t.deployment}:${t.setting}`)).toEqual([
      'production:admin_password',
      'staging:admin_password',
      'production:azure_ai_key',
    ]);
  });
});

describe('planApply', () => {
  it('sets everything on a first run, groups back to back at their first member', () => {
    const plan = planApply({ desiredState: listDesiredState(INVENTORY, ['production']), applied: EMPTY_APPLIED_STATE, deployments: ['production'], isApplied });
    expect(plan.deployments[0]?.units.map((unit) => unit.operations.map((op) => op.setting))).toEqual([
      ['openai_api_key'],
      ['aws_access_key_id', 'aws_secret_access_key'],
      ['admin_password'],
    ]);
    expect(plan.deployments[0]?.units[1]?.group).toBe('aws');
  });

  it('plans nothing when every value is recorded, and everything with --all', () => {
    const state = applied([
      ['production', 'openai_api_key', 'openai'],
      ['production', 'aws_access_key_id', 'aws-id'],
      ['production', 'aws_secret_access_key', 'aws-secret'],
      ['production', 'admin_password', 'admin'],
    ]);
    const desiredState = listDesiredState(INVENTORY, ['production']);
    expect(summarise(planApply({ desiredState, applied: state, deployments: ['production'], isApplied }))).toEqual([]);
    expect(summarise(planApply({ desiredState, applied: state, deployments: ['production'], isApplied, all: true }))).toEqual([
      'production set openai_api_key openai all',
      'production set aws_access_key_id aws-id all [aws]',
      'production set aws_secret_access_key aws-secret all [aws]',
      'production set admin_password admin all',
    ]);
  });

  it('sets what changed or moved to another credential, deletes what nothing targets, leaves value-less targets alone', () => {
    const state = applied([
      ['production', 'openai_api_key', 'openai', 'b'.repeat(64)],
      ['production', 'aws_access_key_id', 'aws-id'],
      ['production', 'aws_secret_access_key', 'old-aws-secret'],
      ['production', 'admin_password', 'admin'],
      ['production', 'azure_ai_key', 'tracked'],
      ['production', 'ftp_password', 'ftp'],
      ['staging', 'ftp_password', 'ftp'],
    ]);
    const plan = planApply({ desiredState: listDesiredState(INVENTORY, ['production']), applied: state, deployments: ['production'], isApplied });
    expect(summarise(plan)).toEqual([
      'production set openai_api_key openai changed',
      'production set aws_secret_access_key aws-secret changed [aws]',
      'production delete ftp_password ftp removed',
    ]);
  });

  it('pushes database-held settings again for --rehydrate, only on that deployment', () => {
    const state = applied([
      ['production', 'openai_api_key', 'openai'],
      ['production', 'aws_access_key_id', 'aws-id'],
      ['production', 'aws_secret_access_key', 'aws-secret'],
      ['production', 'admin_password', 'admin'],
      ['staging', 'openai_api_key', 'openai'],
    ]);
    const plan = planApply({
      desiredState: listDesiredState(INVENTORY, ['production', 'staging']),
      applied: state,
      deployments: ['production', 'staging'],
      isApplied,
      rehydrate: { deployment: 'production', settings: new Set(['openai_api_key', 'admin_password']) },
    });
    expect(summarise(plan)).toEqual([
      'production set openai_api_key openai rehydrate',
      'production set admin_password admin rehydrate',
      'staging set aws_access_key_id aws-id new [aws]',
      'staging set aws_secret_access_key aws-secret new [aws]',
    ]);
    expect(plan.deployments.map((d) => d.deployment)).toEqual(['production', 'staging']);
  });
});

describe('checkDeploymentUrl', () => {
  it.each([
    ['https://docs.example.com', false, undefined],
    ['http://127.0.0.1:8080', false, undefined],
    ['http://127.3.2.1', false, undefined],
    ['http://localhost:3000/base', false, undefined],
    ['http://[::1]:3000', false, undefined],
    ['http://docs.example.com', true, undefined],
  ])('accepts %s (insecure allowed: %s)', (url, allow, expected) => {
    expect(checkDeploymentUrl(url, allow)).toBe(expected);
  });

  it.each([
    ['http://docs.example.com', /not loopback/],
    ['http://128.0.0.1', /not loopback/],
    ['http://localhost.example.com', /not loopback/],
    ['http://[::2]', /not loopback/],
    ['ftp://docs.example.com', /uses ftp/],
    ['https://admin:hunter2@docs.example.com', /carries credentials in the URL/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, message) => {
    expect(checkDeploymentUrl(url, false)).toMatch(message);
  });
});
