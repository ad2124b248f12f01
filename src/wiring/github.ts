// Composition root, GitHub side: the Octokit adapters behind the rotation-issue, pull-request-comment and environment ports.
import { GitHubEnvironments } from '../adapters/github-environments.js';
import { createGitHubIssues, createGitHubOctokit, splitRepository, type GitHubIssuesOptions } from '../adapters/github-issues.js';
import { GitHubPullRequestComments } from '../adapters/github-sticky-comment.js';
import type { PullRequestComments } from '../ports/pull-request-comments.js';
import type { RepositoryEnvironments } from '../ports/repository-environments.js';
import type { RotationIssueTracker } from '../ports/rotation-issue-tracker.js';

/** The rotation issues of one repository, through GitHub's REST API with retries and write pacing. */
export function gitHubRotationIssues(options: GitHubIssuesOptions): RotationIssueTracker {
  return createGitHubIssues(options);
}

/** credledger's comments on the pull requests of `options.repository`. */
export function gitHubPullRequestComments(options: GitHubIssuesOptions): PullRequestComments {
  const [owner, repo] = splitRepository(options.repository);
  return new GitHubPullRequestComments(createGitHubOctokit(options), owner, repo);
}

/** The deployment environments of `options.repository`. */
export function gitHubEnvironments(options: GitHubIssuesOptions): RepositoryEnvironments {
  const [owner, repo] = splitRepository(options.repository);
  return new GitHubEnvironments(createGitHubOctokit(options), owner, repo);
}
