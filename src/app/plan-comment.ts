// Use case: put the plan on its pull request as one comment that reruns edit in place, where the token allows it.
import type { CommentOutcome, PullRequestComments } from '../ports/pull-request-comments.js';
import { RequestError } from '../ports/errors.js';

/** The hidden marker that identifies credledger's pull-request comment. */
export const PLAN_COMMENT_MARKER = '<!-- credledger:plan -->';

export interface PlanCommentRequest {
  /** The pull request's comments; undefined when there is no token to write them with. */
  readonly comments: PullRequestComments | undefined;
  readonly pullRequest: { readonly number: number; readonly fromFork: boolean };
  /** `pull_request` or `pull_request_target`: only the first gives a fork a read-only token. */
  readonly eventName: string;
  /** The plan as Markdown. */
  readonly body: string;
}

export type PlanCommentResult =
  | ({ readonly kind: 'written' } & CommentOutcome)
  /** No token: nothing was tried. */
  | { readonly kind: 'no-token' }
  /** A fork's `pull_request` token is read-only: nothing was tried. */
  | { readonly kind: 'fork' }
  /** The token may not write comments (403/404); `reason` is the host's. */
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Writes or updates the plan comment. A token that may not write comments is a result, not a failure: the plan is
 * in the job summary either way.
 * @throws ExternalError for any other failure (the host did not answer, or answered otherwise).
 */
export async function publishPlanComment(request: PlanCommentRequest): Promise<PlanCommentResult> {
  if (request.comments === undefined) return { kind: 'no-token' };
  // pull_request_target's token may write, which is how fork pull requests get a comment.
  if (request.pullRequest.fromFork && request.eventName === 'pull_request') return { kind: 'fork' };
  try {
    return { kind: 'written', ...(await request.comments.upsert(request.pullRequest.number, PLAN_COMMENT_MARKER, request.body)) };
  } catch (error) {
    if (error instanceof RequestError && (error.status === 403 || error.status === 404)) return { kind: 'refused', reason: error.detail ?? error.message };
    throw error;
  }
}
