// A stateful loopback fake of GitHub's REST API for the remind and Action tests, written from GitHub's documented
// behaviour and trimmed to the endpoints credledger calls. Split by concern under fake-github/: server.ts (pipeline,
// route table, close() checks), issues.ts, comments.ts, labels.ts, search.ts, repos.ts, pulls.ts, world.ts (store
// and JSON rendering). test/support/fake-github.test.ts keeps the route table equal to what src/ calls.
export { startFakeGitHub } from './fake-github/server.js';
export { SECONDARY_RATE_LIMIT_MESSAGE } from './fake-github/shared.js';
export type * from './fake-github/types.js';
