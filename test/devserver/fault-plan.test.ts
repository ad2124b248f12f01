import { describe, expect, it } from 'vitest';
import { createFaultPlan, type FaultDecision, type FaultOptions } from '../../src/devserver/fault-plan.js';

function draw(options: FaultOptions, count: number): (FaultDecision | null)[] {
  const plan = createFaultPlan(options);
  return Array.from({ length: count }, () => plan.next());
}

describe('createFaultPlan', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const first = draw({ seed: 42, rate: 0.3 }, 200);
    expect(draw({ seed: 42, rate: 0.3 }, 200)).toEqual(first);
    expect(draw({ seed: 43, rate: 0.3 }, 200)).not.toEqual(first);
  });

  it('injects roughly the requested share of faults, from the chosen kinds only', () => {
    const decisions = draw({ seed: 7, rate: 0.3, kinds: ['502', 'drop'] }, 2000);
    const faults = decisions.filter((decision): decision is FaultDecision => decision !== null);
    expect(faults.length).toBeGreaterThan(450);
    expect(faults.length).toBeLessThan(750);
    expect(new Set(faults.map((fault) => fault.kind))).toEqual(new Set(['502', 'drop']));
    // A dropped connection can hit before or after the backend committed; a 502 only before.
    expect(new Set(faults.filter((fault) => fault.kind === 'drop').map((fault) => fault.phase))).toEqual(new Set(['before', 'after']));
    expect(faults.filter((fault) => fault.kind === '502').every((fault) => fault.phase === 'before')).toBe(true);
  });

  it('never or always faults at rates 0 and 1', () => {
    expect(draw({ seed: 1, rate: 0 }, 100).every((decision) => decision === null)).toBe(true);
    expect(draw({ seed: 1, rate: 1 }, 100).every((decision) => decision !== null)).toBe(true);
  });

  it('rejects options that cannot be reproduced or make no sense', () => {
    expect(() => createFaultPlan({ seed: 1.5, rate: 0.1 })).toThrow(RangeError);
    expect(() => createFaultPlan({ seed: 1, rate: 1.1 })).toThrow(RangeError);
    expect(() => createFaultPlan({ seed: 1, rate: Number.NaN })).toThrow(RangeError);
    expect(() => createFaultPlan({ seed: 1, rate: 0.1, kinds: [] })).toThrow(RangeError);
  });
});
