// Issue and pull-request comments: the reminder follow-ups and the Action's sticky plan comment.
import { type AddRoute, DOCS, type Reply, isRecord } from './shared.js';
import type { CommentRecord } from './types.js';
import type { World } from './world.js';

export function addCommentRoutes(w: World, route: AddRoute): void {
  const { botLogin, now, state, counters, account, commentJson, indexIssue, touch, json, notFound, invalidRequest, validationFailed, paginate, checkLength, findIssue } = w;

  const listCommentsDocs = `${DOCS}/issues/comments#list-issue-comments`;
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', listCommentsDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(listCommentsDocs);
    const since = ctx.query.get('since');
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    const items = [...state.comments.values()]
      .filter((c) => c.issueNumber === issue.number && (Number.isNaN(sinceMs) || c.updatedAt >= sinceMs))
      .sort((a, b) => a.id - b.id)
      .map(commentJson);
    return paginate(items, ctx);
  });

  function readCommentBody(body: unknown, docs: string): string | Reply {
    if (!isRecord(body)) return invalidRequest(docs, 'Body should be a JSON object.');
    const text = body['body'];
    if (text === undefined || text === null) return invalidRequest(docs, '"body" wasn\'t supplied.');
    if (typeof text !== 'string') return invalidRequest(docs, 'For \'properties/body\', it is not a string.');
    if (text.trim() === '') return validationFailed(docs, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    return checkLength('body', text, 'IssueComment', docs) ?? text;
  }

  const createCommentDocs = `${DOCS}/issues/comments#create-an-issue-comment`;
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', createCommentDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(createCommentDocs);
    const text = readCommentBody(ctx.body, createCommentDocs);
    if (typeof text !== 'string') return text;
    const t = now();
    const id = counters.commentId++;
    const comment: CommentRecord = {
      id,
      nodeId: `IC_fake${id}`,
      issueNumber: issue.number,
      body: text,
      user: account(botLogin),
      createdAt: t,
      updatedAt: t,
    };
    state.comments.set(id, comment);
    touch(issue);
    const out = commentJson(comment);
    return json(201, out, { location: out.url });
  });


  const updateCommentDocs = `${DOCS}/issues/comments#update-an-issue-comment`;
  route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', updateCommentDocs, (ctx) => {
    const comment = state.comments.get(Number(ctx.params['comment_id']));
    if (!comment) return notFound(updateCommentDocs);
    const text = readCommentBody(ctx.body, updateCommentDocs);
    if (typeof text !== 'string') return text;
    if (text !== comment.body) {
      comment.body = text;
      comment.updatedAt = now();
      const issue = state.issues.get(comment.issueNumber);
      if (issue) indexIssue(issue);
    }
    return json(200, commentJson(comment));
  });

}
