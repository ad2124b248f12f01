// Composition root, GitHub side: the Octokit adapters behind the rotation-issue tracker port.
import { createGitHubIssues, type GitHubIssuesOptions } from '../adapters/github-issues.js';
import type { RotationIssueTracker } from '../ports/rotation-issue-tracker.js';

/** The rotation issues of one repository, through GitHub's REST API with retries and write pacing. */
export function gitHubRotationIssues(options: GitHubIssuesOptions): RotationIssueTracker {
  return createGitHubIssues(options);
}

export { createGitHubOctokit as gitHubOctokit } from '../adapters/github-issues.js';
export { upsertStickyComment } from '../adapters/github-sticky-comment.js';
