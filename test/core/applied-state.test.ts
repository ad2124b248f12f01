import { describe, expect, it } from 'vitest';
import {
  AppliedStateFormatError,
  EMPTY_APPLIED_STATE,
  findAppliedSetting,
  parseAppliedState,
  recordSettingApplied,
  recordSettingRemoved,
  serializeAppliedState,
  type AppliedSetting,
} from '../../src/core/applied-state.js';

const RECORD: AppliedSetting = {
  credential: 'openai',
  keyId: '0123abcd',
  fingerprint: 'f'.repeat(64),
  commit: 'c'.repeat(40),
  appliedAt: '2026-03-01T12:00:00.000Z',
};

describe('applied state', () => {
  it('round-trips through applied.json with sorted keys', () => {
    let state = recordSettingApplied(EMPTY_APPLIED_STATE, 'staging', 'openai_api_key', RECORD);
    state = recordSettingApplied(state, 'production', 'openai_api_key', RECORD);
    state = recordSettingApplied(state, 'production', 'azure_ai_key', { ...RECORD, credential: 'azure', commit: null });
    const text = serializeAppliedState(state);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).deployments)).toEqual(['production', 'staging']);
    expect(Object.keys(JSON.parse(text).deployments.production)).toEqual(['azure_ai_key', 'openai_api_key']);
    const parsed = parseAppliedState(text);
    expect(findAppliedSetting(parsed, 'production', 'azure_ai_key')).toEqual({ ...RECORD, credential: 'azure', commit: null });
    expect(serializeAppliedState(parsed)).toBe(text);
  });

  it('keeps the states it was derived from unchanged, and drops an emptied deployment', () => {
    const one = recordSettingApplied(EMPTY_APPLIED_STATE, 'production', 'openai_api_key', RECORD);
    const none = recordSettingRemoved(one, 'production', 'openai_api_key');
    expect(EMPTY_APPLIED_STATE.deployments.size).toBe(0);
    expect(findAppliedSetting(one, 'production', 'openai_api_key')).toEqual(RECORD);
    expect(none.deployments.has('production')).toBe(false);
    expect(recordSettingRemoved(none, 'production', 'openai_api_key')).toBe(none);
  });

  it('treats a deployment named __proto__ as data', () => {
    const state = recordSettingApplied(EMPTY_APPLIED_STATE, '__proto__', 'openai_api_key', RECORD);
    const parsed = parseAppliedState(serializeAppliedState(state));
    expect(findAppliedSetting(parsed, '__proto__', 'openai_api_key')).toEqual(RECORD);
  });

  it.each([
    ['not json', '{', /not JSON/],
    ['another version', '{"version":2,"deployments":{}}', /not version 1/],
    ['deployments not an object', '{"version":1,"deployments":[]}', /"deployments" must be an object/],
    ['a bad fingerprint', JSON.stringify({ version: 1, deployments: { p: { k: { ...RECORD, fingerprint: 'abc' } } } }), /p\.k\.fingerprint/],
    ['a bad key id', JSON.stringify({ version: 1, deployments: { p: { k: { ...RECORD, keyId: 'XYZ' } } } }), /p\.k\.keyId/],
    ['a bad commit', JSON.stringify({ version: 1, deployments: { p: { k: { ...RECORD, commit: 'HEAD' } } } }), /p\.k\.commit/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseAppliedState(text)).toThrow(AppliedStateFormatError);
    expect(() => parseAppliedState(text)).toThrow(message);
  });
});
