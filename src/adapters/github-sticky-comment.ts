// One pull-request comment that a rerun edits in place, found again by a hidden marker and its author.
import type { CommentOutcome, PullRequestComments } from '../ports/pull-request-comments.js';
import { GitHubRequestError, type Octokit } from './github-issues.js';

/** The login GitHub shows for comments written with a workflow's GITHUB_TOKEN (REST form). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface StickyCommentTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
  /** A hidden HTML comment that identifies this tool's comment, e.g. `<!-- credledger:plan -->`. */
  readonly marker: string;
  /** Whose comments may be edited: the token's bot. Others' comments that quote the marker are left alone. */
  readonly authorLogin?: string;
}

export type StickyCommentOutcome = { readonly action: 'created' | 'updated' | 'unchanged'; readonly commentId: number; readonly url: string };

/** Appends the marker to a body (as its last line), so the comment can be found again. */
export function withMarker(body: string, marker: string): string {
  return `${body.trimEnd()}\n\n${marker}\n`;
}

/**
 * Creates the comment, or edits the one written before; writes nothing when the body is already the same.
 * Lists every page of comments: a busy pull request has more than one.
 */
export async function upsertStickyComment(octokit: Octokit, target: StickyCommentTarget, body: string): Promise<StickyCommentOutcome> {
  const fullBody = withMarker(body, target.marker);
  const author = target.authorLogin ?? ACTIONS_BOT_LOGIN;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const existing = comments.find((comment) => comment.user?.login === author && (comment.body ?? '').includes(target.marker));
  if (existing) {
    if (existing.body === fullBody) return { action: 'unchanged', commentId: existing.id, url: existing.html_url };
    const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: fullBody });
    return { action: 'updated', commentId: data.id, url: data.html_url };
  }
  // Never retried: a create that GitHub performed but answered with a 5xx would leave two comments.
  const { data } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: fullBody, request: { retries: 0 } });
  return { action: 'created', commentId: data.id, url: data.html_url };
}

/** credledger's sticky comments on one repository's pull requests; implements the {@link PullRequestComments} port. */
export class GitHubPullRequestComments implements PullRequestComments {
  constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  async upsert(pullRequest: number, marker: string, body: string): Promise<CommentOutcome> {
    try {
      // GITHUB_TOKEN cannot read /user (403): its comments are github-actions[bot]'s. A personal token can.
      const authorLogin = await this.octokit.rest.users.getAuthenticated().then((answer) => answer.data.login, () => undefined);
      const target = { owner: this.owner, repo: this.repo, issueNumber: pullRequest, marker, ...(authorLogin ? { authorLogin } : {}) };
      const { action, url } = await upsertStickyComment(this.octokit, target, body);
      return { action, url };
    } catch (error) {
      throw GitHubRequestError.of(`writing the comment on pull request #${pullRequest} of ${this.owner}/${this.repo}`, error);
    }
  }
}
