// Seeded, reproducible misbehaviour of the reverse proxy in front of a DocuElevate deployment.

/** What can go wrong with one request: a status from DocuElevate or the proxy, a dropped connection, or a slow answer. */
export type FaultKind = '500' | '502' | '503' | '504' | '429' | 'drop' | 'slow';

/** Every fault kind, in the order a plan draws from when none are chosen. */
export const FAULT_KINDS: readonly FaultKind[] = Object.freeze(['500', '502', '503', '504', '429', 'drop', 'slow']);

/** How often and how a server misbehaves. The same options give the same sequence of decisions. */
export interface FaultOptions {
  /** Seed of the pseudo-random sequence (an integer). */
  readonly seed: number;
  /** Probability, 0..1, that a request meets a fault. */
  readonly rate: number;
  /** Kinds to draw from, uniformly; defaults to all of {@link FAULT_KINDS}. */
  readonly kinds?: readonly FaultKind[];
  /** `Retry-After` of a 429 answer, in seconds; defaults to 1. */
  readonly retryAfterSeconds?: number;
  /** Delay of a `slow` answer, in milliseconds; defaults to 1000. */
  readonly slowMs?: number;
}

/**
 * One decision. `before`: the request never reaches DocuElevate. `after`: DocuElevate handled it
 * (a write is committed) and then the answer was lost (`drop`) or replaced by the proxy (`504`),
 * which is what makes a client's retry meet an already-applied change.
 */
export interface FaultDecision {
  readonly kind: FaultKind;
  readonly phase: 'before' | 'after';
}

/** A reproducible sequence of decisions, one per request, in arrival order. */
export interface FaultPlan {
  /** The decision for the next request: a fault, or `null` for a normal answer. */
  next(): FaultDecision | null;
}

/**
 * Creates a fault plan. Every call to `next` draws the same number of pseudo-random numbers, so the
 * n-th decision depends only on the options and n.
 * @throws RangeError when the seed is not an integer, the rate is outside 0..1 or a kind is unknown
 */
export function createFaultPlan(options: FaultOptions): FaultPlan {
  const kinds = options.kinds ?? FAULT_KINDS;
  if (!Number.isInteger(options.seed)) {
    throw new RangeError('fault seed must be an integer');
  }
  if (!(options.rate >= 0 && options.rate <= 1)) {
    throw new RangeError('fault rate must be between 0 and 1');
  }
  if (kinds.length === 0 || kinds.some((kind) => !FAULT_KINDS.includes(kind))) {
    throw new RangeError(`fault kinds must be a non-empty subset of ${FAULT_KINDS.join(', ')}`);
  }
  const random = createMulberry32(options.seed);
  return {
    next(): FaultDecision | null {
      const hit = random();
      const pick = random();
      const phaseDraw = random();
      if (hit >= options.rate) {
        return null;
      }
      const kind = kinds[Math.floor(pick * kinds.length)] as FaultKind;
      // Only a dropped connection or a gateway timeout can hide a write the backend already committed.
      const canHitAfter = kind === 'drop' || kind === '504';
      return { kind, phase: canHitAfter && phaseDraw < 0.5 ? 'after' : 'before' };
    },
  };
}

// Mulberry32: a tiny 32-bit PRNG; statistical quality is ample for fault injection and it is reproducible everywhere.
function createMulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
