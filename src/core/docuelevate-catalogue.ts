// DocuElevate's sensitive settings (release 0.188.6) as typed, read-only data.
import catalogueJson from './docuelevate-catalogue.json' with { type: 'json' };

/** One setting DocuElevate marks sensitive, with the flags that decide how it may be written. */
export interface DocuElevateSetting {
  /** The settings API key, e.g. `openai_api_key`. */
  readonly key: string;
  /** DocuElevate's UI category, e.g. `AI Services`. */
  readonly category: string;
  /** DocuElevate's declared value type (`string`, `password`, `list`). */
  readonly type: string;
  /** Takes effect only after `docker compose restart api worker`. */
  readonly restartRequired: boolean;
  /** Can only come from the deployment's environment; the API refuses to store it. */
  readonly environmentOnly: boolean;
  /** The API refuses an empty value for it. */
  readonly required: boolean;
}

/** The admin account's password: DocuElevate's login form takes a written value at once. */
export const ADMIN_PASSWORD_SETTING = 'admin_password';

/** The session secret: DocuElevate ignores a database value and uses `SESSION_SECRET` from its environment. */
export const SESSION_SECRET_SETTING = 'session_secret';

/** Why pushing a session_secret changes nothing, for messages. */
export const SESSION_SECRET_IGNORED =
  "DocuElevate never uses a session_secret held in its database: sessions and the encryption of its stored settings use SESSION_SECRET from the deployment's environment, read at start-up";

/** DocuElevate's real session-secret rotation, as one instruction, for messages about one deployment or (without it) any. */
export function describeSessionSecretRotation(deployment?: string): string {
  const where = deployment === undefined ? "the deployment's" : `${deployment}'s`;
  return (
    `set SESSION_SECRET_PREVIOUS to the old secret and SESSION_SECRET to the new one in ${where} environment, restart api and worker, ` +
    `run \`credledger apply --rehydrate ${deployment ?? '<deployment>'}\` to re-encrypt the database-held values under the new secret, then drop SESSION_SECRET_PREVIOUS`
  );
}

/** Where the catalogue was read from, for reports that cite it. */
export const DOCUELEVATE_CATALOGUE_SOURCE: string = catalogueJson.source;

/** The 60 settings DocuElevate marks sensitive, in DocuElevate's declaration order. */
export const DOCUELEVATE_SETTINGS: readonly DocuElevateSetting[] = Object.freeze(
  catalogueJson.settings.map((entry) =>
    Object.freeze({
      key: entry.key,
      category: entry.category,
      type: entry.type,
      restartRequired: entry.restart_required,
      environmentOnly: entry.environment_only,
      required: entry.required,
    }),
  ),
);

const SETTINGS_BY_KEY: ReadonlyMap<string, DocuElevateSetting> = new Map(
  DOCUELEVATE_SETTINGS.map((setting) => [setting.key, setting]),
);

/**
 * Looks a setting up by its exact key (DocuElevate keys are case-sensitive).
 * @returns the setting, or `undefined` when DocuElevate does not know the key as a sensitive setting
 */
export function findSetting(key: string): DocuElevateSetting | undefined {
  return SETTINGS_BY_KEY.get(key);
}
