// A stateful loopback fake of GitHub's REST API for the remind and Action tests, written from GitHub's documented
// behaviour and trimmed to the endpoints credledger calls. Split by concern under fake-github/: server.ts (pipeline,
// route table, close() checks), issues.ts, comments.ts, labels.ts, search.ts, repos.ts, pulls.ts, world.ts (store
// and JSON rendering). test/support/fake-github.test.ts keeps the route table equal to what src/ calls.
export { startFakeGitHub } from './fake-github/server.js';
export { SECONDARY_RATE_LIMIT_MESSAGE } from './fake-github/shared.js';
export type * from './fake-github/types.js';

/** The variables the CLI reads to reach this fake as its repository's GitHub. */
export function gitHubEnvFor(github: { readonly url: string; readonly owner: string; readonly repo: string; readonly token: string }): Record<string, string> {
  return { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: `${github.owner}/${github.repo}`, GITHUB_API_URL: github.url };
}
