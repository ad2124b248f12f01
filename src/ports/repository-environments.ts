// The port through which the Action checks that apply's deployment environment is guarded; src/adapters/github-environments.ts implements it.

/** The deployment environments of one repository. */
export interface RepositoryEnvironments {
  /**
   * How many protection rules (required reviewers, wait timers, branch policies) guard the environment.
   * @throws RequestError with status 404 when it does not exist, 401 or 403 when the token may not read it.
   */
  countProtectionRules(name: string): Promise<number>;
}
