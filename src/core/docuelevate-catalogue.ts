// DocuElevate's sensitive settings (release 0.188.6): which keys the settings API accepts, and how each behaves.
import catalogue from './docuelevate-catalogue.json' with { type: 'json' };

/** One sensitive DocuElevate setting, as its settings metadata declares it. */
export interface DocuElevateSetting {
  readonly key: string;
  readonly category: string;
  readonly type: string;
  /** Takes effect only after `docker compose restart api worker`. */
  readonly restart_required: boolean;
  /** Refused by the API: only the deployment's environment can set it. */
  readonly environment_only: boolean;
  /** An empty value is refused. */
  readonly required: boolean;
}

/** The 60 settings DocuElevate marks sensitive. */
export const DOCUELEVATE_SETTINGS: readonly DocuElevateSetting[] = catalogue.settings;

const SETTINGS_BY_KEY = new Map(DOCUELEVATE_SETTINGS.map((setting) => [setting.key, setting]));

/** The catalogue entry of a setting key, or undefined when DocuElevate does not list it as sensitive. */
export function findSetting(key: string): DocuElevateSetting | undefined {
  return SETTINGS_BY_KEY.get(key);
}
