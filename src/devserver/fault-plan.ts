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

// ---------------------------------------------------------------------------------------------
// Lost writes: a save DocuElevate answers as done and never keeps.

/**
 * Settings whose writes (`POST` or `PUT /api/settings/{key}`) are answered `200` with `success: true`, as usual, and
 * then lost: no database row changes and no history entry is written. A masked read-back cannot see such a write
 * when the value it kept shares its first 4 characters and length with the one sent; the history can.
 */
export interface LostWrites {
  readonly keys: readonly string[];
}

/** Whether a write of `key` is lost under `lost`. */
export function losesWrite(lost: LostWrites | undefined, key: string): boolean {
  return lost !== undefined && lost.keys.includes(key);
}

// ---------------------------------------------------------------------------------------------
// Echoes: a server (or a proxy) that repeats what it received in its answer, for leak tests.

/**
 * How a misbehaving server echoes a request: in a string `detail` of a 400 or a 500, in a 502 HTML page from a proxy,
 * in a 422's `loc`, `msg` and `input`, in a 403 that quotes the bearer token, and on the login form: a 400 that
 * repeats the form, or a redirect to `/login?error=<password>`.
 */
export type EchoMode = 'detail-400' | 'detail-500' | 'html-502' | 'validation-422' | 'forbidden-403' | 'auth-400' | 'auth-redirect';

/** Every echo mode. */
export const ECHO_MODES: readonly EchoMode[] = Object.freeze(['detail-400', 'detail-500', 'html-502', 'validation-422', 'forbidden-403', 'auth-400', 'auth-redirect']);

/** What an echoing server saw of one request. */
export interface EchoedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** An answer the server sends instead of its own. */
export interface EchoAnswer {
  readonly status: number;
  readonly contentType?: string;
  readonly location?: string;
  readonly body: string;
}

/** The secrets a request carries: its body, its form or JSON fields, its credentials headers. */
function receivedSecrets(request: EchoedRequest): string[] {
  const secrets: string[] = [];
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  for (const name of ['authorization', 'cookie', 'x-csrf-token']) {
    const value = header(name);
    if (value) secrets.push(value);
  }
  if (request.body !== '') {
    secrets.push(request.body);
    try {
      const parsed = JSON.parse(request.body) as Record<string, unknown>;
      for (const value of Object.values(parsed)) if (typeof value === 'string') secrets.push(value);
    } catch {
      for (const [, value] of new URLSearchParams(request.body)) secrets.push(value);
    }
  }
  return secrets;
}

/** Each secret as it is, URL-encoded, base64-encoded and cut at both ends: every way an echo has been seen to leak. */
function echoesOf(secrets: readonly string[]): string {
  return secrets
    .flatMap((secret) => [secret, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64'), secret.slice(1, -1)])
    .join(' | ');
}

/**
 * The answer an echoing server gives to a request, or `null` where the mode leaves it alone (the login modes touch
 * only `POST /auth`; the others every `/api/` request but the login).
 */
export function planEchoAnswer(mode: EchoMode, request: EchoedRequest): EchoAnswer | null {
  const isLogin = request.method === 'POST' && request.path === '/auth';
  if ((mode === 'auth-400' || mode === 'auth-redirect') !== isLogin) return null;
  if (!isLogin && !request.path.startsWith('/api/')) return null;
  const secrets = receivedSecrets(request);
  const echo = echoesOf(secrets);
  const json = (status: number, detail: unknown): EchoAnswer => ({ status, contentType: 'application/json', body: JSON.stringify({ detail }) });
  switch (mode) {
    case 'detail-400':
      return json(400, `Invalid request: ${echo}`);
    case 'detail-500':
      return json(500, `Failed to update setting: ${echo}`);
    case 'html-502':
      return { status: 502, contentType: 'text/html', body: `<html><body><h1>502 Bad Gateway</h1><pre>${echo}</pre></body></html>` };
    case 'validation-422':
      return json(
        422,
        secrets.map((secret) => ({ type: 'value_error', loc: ['body', secret], msg: `Value error, ${secret} is not valid`, input: secret })),
      );
    case 'forbidden-403':
      return json(403, `Token not allowed: ${echo}`);
    case 'auth-400':
      return json(400, `Invalid form: ${echo}`);
    case 'auth-redirect': {
      const password = new URLSearchParams(request.body).get('password') ?? '';
      return { status: 302, location: `/login?error=${encodeURIComponent(`Wrong password ${password}`)}`, body: '' };
    }
  }
}
