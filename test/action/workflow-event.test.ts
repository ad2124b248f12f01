import { describe, expect, it } from 'vitest';
import { readWorkflowEvent, resolveJobs } from '../../src/action/workflow-event.js';

function context(eventName: string, payload: unknown) {
  return { eventName, payload, sha: 'abc', ref: 'refs/heads/main' } as unknown as Parameters<typeof readWorkflowEvent>[0];
}

const repository = { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' };

describe('readWorkflowEvent', () => {
  it.each([
    ['a branch of the same repository', { full_name: 'acme/infra', fork: false }, false],
    ['a branch of the same repository, which is itself a fork of another', { full_name: 'acme/infra', fork: true }, false],
    ['a branch of a fork', { full_name: 'mallory/infra', fork: true }, true],
    ['a fork that was deleted', null, true],
  ])('pull request from %s', (_name, headRepo, fromFork) => {
    const event = readWorkflowEvent(context('pull_request', { number: 3, repository, pull_request: { number: 3, base: { sha: 'b', repo: { full_name: 'acme/infra' } }, head: { sha: 'h', repo: headRepo } } }));
    expect(event.pullRequest).toEqual({ number: 3, baseSha: 'b', headSha: 'h', fromFork });
  });

  it('tells a push to the default branch from one to another branch', () => {
    const toMain = readWorkflowEvent(context('push', { ref: 'refs/heads/main', before: 'a', after: 'b', repository }));
    expect(resolveJobs('auto', toMain)).toEqual(['apply']);
    const toFeature = readWorkflowEvent(context('push', { ref: 'refs/heads/feature', before: 'a', after: 'b', repository }));
    expect(resolveJobs('auto', toFeature)).toEqual(['validate']);
  });
});
