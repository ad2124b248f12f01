import { describe, expect, it } from 'vitest';
import {
  advance,
  nextFinishStep,
  parseHoursDuration,
  parseRotationState,
  serializeRotationState,
  withRecord,
  EMPTY_ROTATION_STATE,
  type FinishEvidence,
  type RotationRecord,
} from '../../src/core/rotation-state.js';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (hours: number): Date => new Date(T0 + hours * 3_600_000);
const POLICY = { quietPeriodMs: 24 * 3_600_000, pendingTtlMs: 7 * 24 * 3_600_000 };
const PENDING: RotationRecord = {
  id: 'rot-0123456789ab',
  credential: 'aws-access-key-id',
  driver: 'aws-iam-access-key',
  phase: 'pending',
  oldIssuerId: 'AKIAOLD',
  newIssuerId: 'AKIANEW',
  branch: 'credledger/rotate/aws-access-key-id',
  createdAt: at(0).toISOString(),
};

function evidence(extra: Partial<FinishEvidence>): FinishEvidence {
  return { now: at(1), merged: false, tracksUse: true, ...extra };
}

describe('nextFinishStep', () => {
  it('waits for the merge, then for the apply', () => {
    expect(nextFinishStep(PENDING, evidence({ pullRequest: 'open' }), POLICY)).toEqual({ kind: 'wait', reason: 'waiting for its pull request to be merged' });
    expect(nextFinishStep(PENDING, evidence({ pullRequest: 'merged', merged: true }), POLICY).kind).toBe('wait');
    expect(nextFinishStep(PENDING, evidence({ pullRequest: 'merged', merged: true, appliedAt: at(2) }), POLICY)).toEqual({ kind: 'mark-applied', at: at(2) });
  });

  it('discards a rotation whose pull request was closed, is missing, or stayed open past the TTL', () => {
    expect(nextFinishStep(PENDING, evidence({ pullRequest: 'closed' }), POLICY).kind).toBe('discard');
    expect(nextFinishStep(PENDING, evidence({}), POLICY).kind).toBe('discard');
    expect(nextFinishStep(PENDING, evidence({ pullRequest: 'open', now: at(24 * 7 + 1) }), POLICY)).toEqual({ kind: 'discard', reason: 'its pull request stayed open longer than 7 days' });
  });

  const applied = { ...advance(PENDING, 'applied', at(2)), appliedAt: at(2).toISOString() };

  it('verifies only when the new key was used after the apply and the old one not', () => {
    expect(nextFinishStep(applied, evidence({ now: at(3), newLastUsed: at(1.5) }), POLICY)).toEqual({ kind: 'wait', reason: 'the new credential shows no use since the apply yet' });
    expect(nextFinishStep(applied, evidence({ now: at(3), newLastUsed: at(2.5), oldLastUsed: at(2.6) }), POLICY).kind).toBe('wait');
    expect(nextFinishStep(applied, evidence({ now: at(3), newLastUsed: at(2.5), oldLastUsed: at(1) }), POLICY)).toEqual({ kind: 'mark-verified' });
  });

  it('finishes a generated value once applied: there is nothing to retire', () => {
    expect(nextFinishStep(applied, evidence({ tracksUse: false }), POLICY).kind).toBe('mark-finished');
  });

  it('retires after verification, or records a retire that a dead run already did', () => {
    const verified = advance(applied, 'verified', at(3));
    expect(nextFinishStep(verified, evidence({ oldStatus: 'active' }), POLICY)).toEqual({ kind: 'retire' });
    expect(nextFinishStep(verified, evidence({ oldStatus: 'inactive' }), POLICY).kind).toBe('mark-retiring');
    expect(nextFinishStep(verified, evidence({ oldStatus: 'gone' }), POLICY).kind).toBe('mark-finished');
  });

  it('revokes after the quiet period, restores when the old key is used after retiring', () => {
    const retiring = advance(advance(applied, 'verified', at(3)), 'retiring', at(3));
    expect(nextFinishStep(retiring, evidence({ now: at(20), oldStatus: 'inactive', oldLastUsed: at(1) }), POLICY).kind).toBe('wait');
    expect(nextFinishStep(retiring, evidence({ now: at(28), oldStatus: 'inactive', oldLastUsed: at(1) }), POLICY)).toEqual({ kind: 'revoke' });
    expect(nextFinishStep(retiring, evidence({ now: at(28), oldStatus: 'inactive', oldLastUsed: at(4) }), POLICY).kind).toBe('restore');
    expect(nextFinishStep(retiring, evidence({ now: at(28), oldStatus: 'gone' }), POLICY).kind).toBe('mark-finished');
  });
});

describe('the rotation state document', () => {
  it('round-trips, and refuses a malformed record', () => {
    const state = withRecord(EMPTY_ROTATION_STATE, PENDING);
    expect(parseRotationState(serializeRotationState(state))).toEqual(state);
    expect(() => parseRotationState('{"version":1,"rotations":{"x":{"credential":"y","phase":"pending","id":"r"}}}')).toThrow(/record of x is malformed/);
    expect(() => parseRotationState('nope')).toThrow(/not JSON/);
  });

  it('reads command-line durations', () => {
    expect(parseHoursDuration('24h')).toBe(24 * 3_600_000);
    expect(parseHoursDuration('0m')).toBe(0);
    expect(parseHoursDuration('7d')).toBe(7 * 86_400_000);
    expect(parseHoursDuration('1w')).toBeUndefined();
  });
});
