// Pull requests as the suite meets them: GitHub stores every pull request as an issue too, so the issue list answers
// them (marked by `pull_request`) and remind must skip them. Routes of the pulls API go here when code calls them.
import type { IssueJson, PullRequestRecord, PullRequestSeed } from './types.js';
import type { World } from './world.js';

/** Seeds a pull request and returns it in its issue shape (with `pull_request`). */
export function seedPullRequest(w: World, seed: PullRequestSeed): IssueJson {
  const { owner, repo, counters } = w;
  const number = counters.issueNumber;
  const pr: PullRequestRecord = {
    headRef: seed.headRef ?? `feature-${number}`,
    headSha: seed.headSha ?? `${'a'.repeat(32)}${String(number).padStart(8, '0')}`,
    headRepoFullName: seed.fork ? `contributor/${repo}` : `${owner}/${repo}`,
    baseRef: seed.baseRef ?? 'main',
    baseSha: seed.baseSha ?? `${'b'.repeat(32)}${String(number).padStart(8, '0')}`,
    draft: seed.draft ?? false,
    mergedAt: null,
  };
  const issue = w.seedIssueRecord({ ...seed, state: seed.merged ? 'closed' : seed.state }, pr);
  if (seed.merged) pr.mergedAt = issue.closedAt;
  return w.issueJson(issue);
}
