// A repository's deployment environments through GitHub's REST API (needs `actions: read`).
import { GitHubRequestError, type Octokit } from './github-issues.js';
import type { RepositoryEnvironments } from '../ports/repository-environments.js';

export class GitHubEnvironments implements RepositoryEnvironments {
  constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  async countProtectionRules(name: string): Promise<number> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { owner: this.owner, repo: this.repo, environment_name: name });
      return ((data as { protection_rules?: readonly unknown[] }).protection_rules ?? []).length;
    } catch (error) {
      throw GitHubRequestError.of(`reading environment ${name} of ${this.owner}/${this.repo}`, error);
    }
  }
}
