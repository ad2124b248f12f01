import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubOctokit } from '../../src/adapters/github-issues.js';
import { upsertStickyComment } from '../../src/adapters/github-sticky-comment.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

let fake: FakeGitHub;
afterEach(async () => {
  expect(fake?.unmatched() ?? []).toEqual([]);
  await fake?.close();
});

// Both tests create, find and edit the comment; declaring the routes makes close() fail if the adapter stops using one.
const STICKY_COMMENT_ROUTES = [
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
];

async function setUp() {
  fake = await startFakeGitHub({ owner: 'acme', repo: 'infra', expectRoutes: STICKY_COMMENT_ROUTES });
  const number = fake.addPullRequest({ title: 'rotate' }).number;
  const octokit = createGitHubOctokit({ token: fake.token, baseUrl: fake.url, writeIntervalMs: 0, retryAfterUnitMs: 1 });
  return { number, octokit, target: { owner: 'acme', repo: 'infra', issueNumber: number, marker: '<!-- credledger:plan -->' } };
}

describe('upsertStickyComment', () => {
  it('creates once, leaves an identical body alone, edits in place, and ignores other authors quoting the marker', async () => {
    const { number, octokit, target } = await setUp();
    fake.addComment(number, { body: 'quoting <!-- credledger:plan --> in a human comment', user: 'mallory' });
    expect((await upsertStickyComment(octokit, target, 'plan one')).action).toBe('created');
    expect((await upsertStickyComment(octokit, target, 'plan one')).action).toBe('unchanged');
    expect((await upsertStickyComment(octokit, target, 'plan two')).action).toBe('updated');
    const comments = fake.listComments(number);
    expect(comments.map((comment) => comment.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[1]?.body).toContain('plan two');
  });

  it('never retries a create: a 502 after GitHub created the comment leaves one comment, not two', async () => {
    const { number, octokit, target } = await setUp();
    fake.failNext({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', afterApplying: true, kind: 'status', status: 502 });
    await expect(upsertStickyComment(octokit, target, 'plan')).rejects.toThrow();
    expect(fake.listComments(number)).toHaveLength(1);
    // The next run finds it and edits it in place.
    expect((await upsertStickyComment(octokit, target, 'plan again')).action).toBe('updated');
    expect(fake.listComments(number)).toHaveLength(1);
  });
});
