// Use case: tell whether the GitHub environment apply runs in would make anyone review it.
import { RequestError } from '../ports/errors.js';
import type { RepositoryEnvironments } from '../ports/repository-environments.js';

/** What to tell the user: a warning when apply would run unreviewed or the environment is missing, else a note. */
export interface EnvironmentProtection {
  readonly level: 'warning' | 'info';
  readonly message: string;
}

/**
 * GitHub creates an environment a job names without any protection rule: apply would then run unreviewed. Says so,
 * or that the token may not read the rules (the environments API needs `actions: read`).
 * @throws ExternalError for any other failure.
 */
export async function checkEnvironmentProtection(environments: RepositoryEnvironments, name: string, repository: string): Promise<EnvironmentProtection> {
  let rules: number;
  try {
    rules = await environments.countProtectionRules(name);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    if (error.status === 404) return { level: 'warning', message: `environment ${name} does not exist in ${repository}: check the job's \`environment:\` and the \`environment\` input` };
    if (error.status === 403 || error.status === 401) {
      return { level: 'info', message: `could not read the protection rules of environment ${name} (HTTP ${error.status}): give the job \`permissions: actions: read\` to have them checked` };
    }
    throw error;
  }
  if (rules > 0) return { level: 'info', message: `environment ${name}: ${rules} protection rule(s)` };
  return {
    level: 'warning',
    message: `environment ${name} has no protection rules: apply runs without review. Add required reviewers (and deployment branches limited to the default branch) in Settings → Environments → ${name}.`,
  };
}
