// The signed `session` cookie that carries a DocuElevate session (its user and CSRF token) client-side.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The user a session or API token stands for, shaped like DocuElevate's session user. */
export interface SessionUser {
  readonly id: string;
  readonly name?: string;
  readonly email: string;
  readonly preferred_username: string;
  readonly picture?: string;
  readonly is_admin: boolean;
}

/** What DocuElevate keeps in a session. */
export interface SessionData {
  csrf_token?: string;
  user?: SessionUser;
  /** Where `POST /auth` sends the browser after a login that a protected page asked for. */
  redirect_after_login?: string;
  /** Where a login goes once the onboarding is done (DocuElevate sends every login to /onboarding first). */
  post_onboarding_redirect?: string;
}

/** Starlette's default session lifetime: two weeks. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/**
 * Encodes a session as `<base64url JSON>.<issued at, seconds>.<base64url HMAC-SHA256>`, the same
 * three-part shape as Starlette's itsdangerous cookie, signed with the deployment's session secret.
 */
export function encodeSessionCookie(session: SessionData, secret: string, issuedAtSeconds: number): string {
  const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  const signed = `${payload}.${issuedAtSeconds}`;
  return `${signed}.${signSessionPayload(signed, secret)}`;
}

/**
 * Decodes a cookie made by {@link encodeSessionCookie}.
 * @returns the session, or `undefined` when the signature is wrong (another secret), the cookie is
 * older than {@link SESSION_MAX_AGE_SECONDS} or it is malformed; DocuElevate then starts a new session
 */
export function decodeSessionCookie(cookie: string, secret: string, nowSeconds: number): SessionData | undefined {
  const parts = cookie.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  const [payload, issuedAt, signature] = parts as [string, string, string];
  const expected = Buffer.from(signSessionPayload(`${payload}.${issuedAt}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return undefined;
  }
  if (!/^\d+$/.test(issuedAt) || nowSeconds - Number(issuedAt) > SESSION_MAX_AGE_SECONDS) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as SessionData) : undefined;
  } catch {
    return undefined;
  }
}

function signSessionPayload(signed: string, secret: string): string {
  return createHmac('sha256', secret).update(signed).digest('base64url');
}
