// The port through which the plan reaches a pull request as one comment; src/adapters/github-sticky-comment.ts implements it.

/** What became of the comment. */
export interface CommentOutcome {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly url: string;
}

/** credledger's comments on the pull requests of one repository. */
export interface PullRequestComments {
  /**
   * Creates the comment that `marker` identifies, or edits the one this token's author wrote before; writes nothing
   * when the body is already the same.
   * @throws RequestError when the host refuses (a read-only token answers 403 or 404) or does not answer.
   */
  upsert(pullRequest: number, marker: string, body: string): Promise<CommentOutcome>;
}
