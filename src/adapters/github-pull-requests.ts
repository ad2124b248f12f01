// Rotation pull requests (and the critical issue when an old credential is used again) through Octokit.
import type { PullRequestInfo, RotationReview } from '../ports/rotation-driver.js';
import { createGitHubOctokit, GitHubRequestError, splitRepository, type GitHubIssuesOptions, type Octokit } from './github-issues.js';

function statusOf(error: unknown): number | undefined {
  const candidate = error as { status?: unknown; response?: unknown };
  return typeof candidate.status === 'number' && candidate.response !== undefined ? candidate.status : undefined;
}

function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown; errors?: { message?: string }[] } } }).response?.data;
  const detail = (data?.errors ?? []).map((item) => item.message).filter(Boolean).join('; ');
  const message = typeof data?.message === 'string' ? data.message : error instanceof Error ? error.message : String(error);
  return detail === '' ? message : `${message}: ${detail}`;
}

export class GitHubRotationReview implements RotationReview {
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly octokit: Octokit,
    repository: string,
  ) {
    [this.owner, this.repo] = splitRepository(repository);
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const status = statusOf(error);
      const message = messageOf(error);
      throw new GitHubRequestError(`GitHub: ${what} in ${this.owner}/${this.repo} failed (${status ?? 'no answer'}: ${message})`, { ...(status === undefined ? {} : { status }), detail: message, cause: error });
    }
  }

  async findPullRequest(branch: string): Promise<PullRequestInfo | undefined> {
    const pulls = await this.call(`listing pull requests from ${branch}`, () =>
      this.octokit.rest.pulls.list({ owner: this.owner, repo: this.repo, head: `${this.owner}:${branch}`, state: 'all', per_page: 100 }),
    );
    const newest = [...pulls.data].sort((a, b) => b.number - a.number)[0];
    if (newest === undefined) return undefined;
    return { number: newest.number, url: newest.html_url, state: newest.merged_at ? 'merged' : newest.state === 'open' ? 'open' : 'closed' };
  }

  async openPullRequest(request: { branch: string; base: string; title: string; body: string }): Promise<PullRequestInfo> {
    const { data } = await this.call(`opening a pull request from ${request.branch}`, () =>
      this.octokit.rest.pulls.create({ owner: this.owner, repo: this.repo, head: request.branch, base: request.base, title: request.title, body: request.body, request: { retries: 0 } }),
    );
    return { number: data.number, url: data.html_url, state: 'open' };
  }

  async closePullRequest(number: number, comment: string): Promise<void> {
    await this.call(`commenting on #${number}`, () => this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: number, body: comment }));
    await this.call(`closing #${number}`, () => this.octokit.rest.pulls.update({ owner: this.owner, repo: this.repo, pull_number: number, state: 'closed' }));
  }

  async openIssue(request: { title: string; body: string; labels: readonly string[] }): Promise<{ number: number; url: string }> {
    const { data } = await this.call('opening an issue', () =>
      this.octokit.rest.issues.create({ owner: this.owner, repo: this.repo, title: request.title, body: request.body, labels: [...request.labels], request: { retries: 0 } }),
    );
    return { number: data.number, url: data.html_url };
  }
}

export function createGitHubRotationReview(options: GitHubIssuesOptions): GitHubRotationReview {
  return new GitHubRotationReview(createGitHubOctokit(options), options.repository);
}
