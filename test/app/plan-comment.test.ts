import { describe, expect, it } from 'vitest';
import { checkEnvironmentProtection } from '../../src/app/environment-protection.js';
import { PLAN_COMMENT_MARKER, publishPlanComment } from '../../src/app/plan-comment.js';
import { ExternalError, RequestError } from '../../src/ports/errors.js';
import type { PullRequestComments } from '../../src/ports/pull-request-comments.js';
import type { RepositoryEnvironments } from '../../src/ports/repository-environments.js';

/** Comments that record what was written, or fail as told. */
function comments(failure?: Error): PullRequestComments & { written: [number, string, string][] } {
  const written: [number, string, string][] = [];
  return {
    written,
    async upsert(pullRequest, marker, body) {
      if (failure) throw failure;
      written.push([pullRequest, marker, body]);
      return { action: 'created', url: `https://github.test/pr/${pullRequest}#comment` };
    },
  };
}

const PULL_REQUEST = { number: 7, fromFork: false };

describe('publishPlanComment', () => {
  it('writes the plan under the marker', async () => {
    const target = comments();
    const result = await publishPlanComment({ comments: target, pullRequest: PULL_REQUEST, eventName: 'pull_request', body: '## Plan' });
    expect(result).toEqual({ kind: 'written', action: 'created', url: 'https://github.test/pr/7#comment' });
    expect(target.written).toEqual([[7, PLAN_COMMENT_MARKER, '## Plan']]);
  });

  it('tries nothing without a token, or for a fork on pull_request, but comments for a fork on pull_request_target', async () => {
    expect(await publishPlanComment({ comments: undefined, pullRequest: PULL_REQUEST, eventName: 'pull_request', body: 'x' })).toEqual({ kind: 'no-token' });
    const target = comments();
    const fork = { number: 7, fromFork: true };
    expect(await publishPlanComment({ comments: target, pullRequest: fork, eventName: 'pull_request', body: 'x' })).toEqual({ kind: 'fork' });
    expect(target.written).toEqual([]);
    expect((await publishPlanComment({ comments: target, pullRequest: fork, eventName: 'pull_request_target', body: 'x' })).kind).toBe('written');
  });

  it('reports a read-only token as refused, and rethrows any other failure', async () => {
    const readOnly = new RequestError('GitHub: writing the comment failed (403: Resource not accessible by integration)', { status: 403, detail: 'Resource not accessible by integration' });
    expect(await publishPlanComment({ comments: comments(readOnly), pullRequest: PULL_REQUEST, eventName: 'pull_request', body: 'x' })).toEqual({
      kind: 'refused',
      reason: 'Resource not accessible by integration',
    });
    const down = new RequestError('GitHub: writing the comment failed (502: Bad Gateway)', { status: 502 });
    await expect(publishPlanComment({ comments: comments(down), pullRequest: PULL_REQUEST, eventName: 'pull_request', body: 'x' })).rejects.toBe(down);
  });
});

describe('checkEnvironmentProtection', () => {
  const environments = (answer: number | Error): RepositoryEnvironments => ({
    async countProtectionRules() {
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });

  it.each([
    [0, 'warning', /^environment production has no protection rules: apply runs without review/],
    [2, 'info', /^environment production: 2 protection rule\(s\)$/],
    [new RequestError('not found', { status: 404 }), 'warning', /^environment production does not exist in acme\/infra/],
    [new RequestError('forbidden', { status: 403 }), 'info', /HTTP 403\): give the job `permissions: actions: read`/],
  ] as const)('answers %s with a %s', async (answer, level, message) => {
    const result = await checkEnvironmentProtection(environments(answer), 'production', 'acme/infra');
    expect(result.level).toBe(level);
    expect(result.message).toMatch(message);
  });

  it('rethrows a failure that says nothing about the rules', async () => {
    const failure = new ExternalError('no answer');
    await expect(checkEnvironmentProtection(environments(failure), 'production', 'acme/infra')).rejects.toBe(failure);
  });
});
