// The port through which use cases reach a deployment's settings API; src/adapters/docuelevate-client.ts implements it.
import type { Deployment } from '../core/inventory.js';
import type { SecretValue } from '../crypto/secret-value.js';

/**
 * A deployment's credential with its secrets read from the environment: how the connection proves it is an admin.
 * Secrets are SecretValues; `source` names where they came from, for messages.
 */
export type DeploymentCredential =
  | { readonly method: 'none' }
  | { readonly method: 'bearer'; readonly token: SecretValue; readonly source: string }
  | { readonly method: 'session'; readonly cookie: SecretValue; readonly source: string }
  | {
      readonly method: 'login';
      readonly username: string;
      readonly password: SecretValue;
      readonly source: string;
      /**
       * Passwords to try, in order, when the deployment refuses `password`: the inventory's applied
       * `admin_password`, so a variable not yet updated after a rotation does not lock the run out.
       */
      readonly fallbackPasswords?: readonly LoginPassword[];
    };

/** A password to log in with, and where it came from (for messages; never the value). */
export interface LoginPassword {
  readonly password: SecretValue;
  readonly source: string;
}

/** A login that the deployment refused with the configured password and accepted with a fallback. */
export interface StaleLogin {
  /** Where the refused password came from (the credential's `source`). */
  readonly refused: string;
  /** Where the password that opened came from. */
  readonly usedInstead: string;
}

/** Where a credential's value comes from in the deployment: its database, its environment, or nowhere. */
export interface CredentialSource {
  readonly key: string;
  readonly source: 'db' | 'env' | null;
  readonly restartRequired: boolean;
}

/** A write that the deployment accepted and the read-back confirmed. */
export interface WriteOutcome {
  /** Requests made (the write with its retries, the read-back with its retries). */
  readonly attempts: number;
  /** The deployment's own restart_required flag from the answer, when given. */
  readonly restartRequired?: boolean;
}

export interface DeleteOutcome {
  /** `deleted`, or `absent` when the deployment had no database entry: the goal holds either way. */
  readonly result: 'deleted' | 'absent';
  readonly attempts: number;
}

/** The read side of a deployment's settings API: enough to log in and list where each credential comes from (audit). */
export interface CredentialSourceReader {
  /** Logs in or otherwise establishes the session. */
  authenticate(): Promise<void>;
  /** `GET /api/settings/credentials`. */
  listCredentialSources(): Promise<CredentialSource[]>;
  close(): Promise<void>;
}

/** What apply needs of a deployment's settings API. */
export interface DeploymentConnection extends CredentialSourceReader {
  setSetting(key: string, value: SecretValue): Promise<WriteOutcome>;
  deleteSetting(key: string): Promise<DeleteOutcome>;
  /** Set when the configured login password was refused and a fallback (the inventory's applied admin_password) opened. */
  readonly staleLoginPassword?: StaleLogin | undefined;
}

/** Opens a connection to one deployment (nothing is sent until the first call). */
export type ConnectDeployment = (deployment: Deployment, credential: DeploymentCredential) => DeploymentConnection;
