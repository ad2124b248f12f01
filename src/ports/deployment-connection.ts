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

/** One entry of a setting's history: who changed it and when. Its old and new values are deliberately not kept. */
export interface SettingChange {
  readonly id: number;
  /** DocuElevate's `changed_by`: the user's name (or e-mail, or id). */
  readonly changedBy: string;
  /** DocuElevate's `changed_at`, as it gives it: ISO 8601 without timezone, whole seconds (UTC). */
  readonly changedAt: string;
  readonly action: string;
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
  /** `GET /api/settings/{key}/history`, who and when only (audit's changed-outside); absent on readers that cannot. */
  listSettingChanges?(key: string): Promise<SettingChange[]>;
  /** Whether `GET /api/settings/{key}` shows (masked) what it would for `value` (audit's masked-mismatch). */
  showsValue?(key: string, value: SecretValue): Promise<boolean>;
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
