// Reaching a deployment's settings API, shared by apply and audit: which deployments, their auth secrets, the client, and failures as data.
import { checkDeploymentUrl } from '../core/apply-plan.js';
import { credentialsInUrl, displayDeploymentUrl } from '../core/deployment-url.js';
import { describeSuggestion } from '../core/suggestions.js';
import type { Deployment, DeploymentAuth, Inventory } from '../core/inventory.js';
import { rememberRunSecret } from '../crypto/run-secrets.js';
import { SecretValue } from '../crypto/secret-value.js';
import type { CredentialSource, CredentialSourceReader, DeploymentCredential, LoginPassword } from '../ports/deployment-connection.js';
import { ExternalError, RequestError, UsageError } from '../ports/errors.js';

/** Why a deployment (or a request to it) failed: a message, and DocuElevate's status and `detail` when it answered. */
export interface ConnectionFailure {
  readonly message: string;
  readonly status?: number;
  readonly detail?: string;
  /** Set when the cause is environment variables the deployment's auth names that are not set: nothing was tried on the network. */
  readonly missingEnv?: readonly string[];
}

/** A deployment's auth with its secrets read from the environment, or why they could not be. */
export type ResolvedAuth = { readonly auth: DeploymentCredential } | { readonly error: string; readonly missingEnv: readonly string[] };

/** The failure a deployment whose auth variables are unset is reported with (it was never contacted). */
export function describeUnresolvedAuth(resolved: Extract<ResolvedAuth, { error: string }>): ConnectionFailure {
  return { message: resolved.error, missingEnv: resolved.missingEnv };
}

export interface DeploymentSelection {
  /** `--deployment`: only these; default every deployment of the inventory. */
  readonly deployments?: readonly string[];
  /** Deployments needed whatever `deployments` says (apply's `--rehydrate D`). */
  readonly also?: readonly string[];
  /** Allow http:// to hosts other than loopback. */
  readonly allowInsecureHttp?: boolean;
}

/**
 * The deployments a run works on, in inventory order, each with a URL it may use.
 * @throws UsageError naming every unknown deployment, or every URL that is refused (http:// beyond
 * loopback without `allowInsecureHttp`, credentials in the URL, another scheme).
 */
export function selectDeployments(inventory: Inventory, selection: DeploymentSelection): string[] {
  const known = [...inventory.deployments.keys()];
  const wanted = new Set([...(selection.deployments ?? known), ...(selection.also ?? [])]);
  const unknown = [...wanted].filter((id) => !inventory.deployments.has(id));
  if (unknown.length > 0) {
    const hint = unknown.length === 1 ? describeSuggestion(unknown[0] ?? '', known) : '';
    throw new UsageError(`unknown deployment${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} (the inventory has ${known.join(', ') || 'none'})${hint}`);
  }
  const selected = known.filter((id) => wanted.has(id));
  // A password in a URL is a secret of the run like any other: nothing may print it, refusals included.
  for (const deployment of inventory.deployments.values()) for (const secret of credentialsInUrl(deployment.url)) rememberRunSecret(secret);
  const refused = selected.flatMap((id) => {
    const deployment = inventory.deployments.get(id) as Deployment;
    const why = checkDeploymentUrl(deployment.url, selection.allowInsecureHttp === true);
    return why === undefined ? [] : [`deployment ${id}: ${displayDeploymentUrl(deployment.url)} ${why}`];
  });
  if (refused.length > 0) throw new UsageError(refused.join('\n'));
  return selected;
}

/**
 * Reads each auth secret from the variable the inventory names. A missing variable is not an exception:
 * it makes that one deployment unusable, and the others go on.
 * @param onSecret called with every secret read, before anything is sent, so a host can mask it.
 * @param fallbackPasswords for `login`: passwords to try when DocuElevate refuses the variable's (the
 * inventory's applied admin_password, so a variable not yet updated after a rotation does not lock the run out).
 */
export function resolveDeploymentAuth(
  deployment: Deployment,
  env: Readonly<Record<string, string | undefined>>,
  onSecret?: (secret: SecretValue) => void,
  fallbackPasswords: readonly LoginPassword[] = [],
): ResolvedAuth {
  const auth: DeploymentAuth = deployment.auth;
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const missing = (names: readonly string[]): ResolvedAuth => ({
    error: `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} not set: the auth of deployment ${deployment.id} (method ${auth.method}) reads ${names.length === 1 ? 'it' : 'them'} from the environment, so ${deployment.id} was not contacted; set ${names.length === 1 ? 'it' : 'them'} (in GitHub Actions, from secrets)`,
    missingEnv: names,
  });
  const secret = (text: string): SecretValue => {
    const value = new SecretValue(text);
    onSecret?.(value);
    return value;
  };
  switch (auth.method) {
    case 'none':
      return { auth: { method: 'none' } };
    case 'bearer': {
      const token = read(auth.tokenEnv);
      return token === undefined ? missing([auth.tokenEnv]) : { auth: { method: 'bearer', token: secret(token), source: auth.tokenEnv } };
    }
    case 'session': {
      const cookie = read(auth.cookieEnv);
      return cookie === undefined ? missing([auth.cookieEnv]) : { auth: { method: 'session', cookie: secret(cookie), source: auth.cookieEnv } };
    }
    case 'login': {
      const username = read(auth.usernameEnv);
      const password = read(auth.passwordEnv);
      const absent = [username === undefined ? auth.usernameEnv : undefined, password === undefined ? auth.passwordEnv : undefined].filter(
        (name): name is string => name !== undefined,
      );
      if (username === undefined || password === undefined) return missing(absent);
      return {
        auth: {
          method: 'login',
          username,
          password: secret(password),
          source: `${auth.usernameEnv}/${auth.passwordEnv}`,
          ...(fallbackPasswords.length === 0 ? {} : { fallbackPasswords }),
        },
      };
    }
  }
}

/**
 * Authenticates and lists where each credential comes from (`GET /api/settings/credentials`). This is
 * also the admin check: the route answers only an admin session. A refusal or a dead network is returned
 * as a failure, not thrown, so one deployment's trouble does not stop the others.
 */
export async function readCredentialSources(
  connection: CredentialSourceReader,
): Promise<{ readonly sources: CredentialSource[] } | { readonly error: ConnectionFailure }> {
  try {
    await connection.authenticate();
    return { sources: await connection.listCredentialSources() };
  } catch (error) {
    return { error: describeConnectionFailure(error) };
  }
}

/**
 * A failure as data: DocuElevate's status and detail when it answered, the message always (which never
 * holds a value, token or cookie). Anything but a request or external failure is a bug and is rethrown.
 */
export function describeConnectionFailure(error: unknown): ConnectionFailure {
  if (error instanceof RequestError) {
    return { message: error.message, ...(error.status === undefined ? {} : { status: error.status }), ...(error.detail === undefined ? {} : { detail: error.detail }) };
  }
  if (error instanceof ExternalError) return { message: error.message };
  throw error;
}
