// Issues as the remind use case drives them: listing (pull requests included, as GitHub does), creating, updating and assigning.
import { type AddRoute, DOCS, MAX_ASSIGNEES, isRecord, parseLabelList } from './shared.js';
import type { IssueRecord, StateReason } from './types.js';
import type { World } from './world.js';

export function addIssueRoutes(w: World, route: AddRoute): void {
  const { botLogin, now, state, counters, account, commentCount, issueJson, isCollaborator, uniqueLabels, indexIssue, touch, json, notFound, invalidRequest, validationFailed, paginate, checkLength, checkAssignees, readAssignees, findIssue } = w;

  const listIssuesDocs = `${DOCS}/issues/issues#list-repository-issues`;
  route('GET', '/repos/{owner}/{repo}/issues', listIssuesDocs, (ctx) => {
    const stateFilter = ctx.query.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(stateFilter)) {
      return validationFailed(listIssuesDocs, [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
    }
    const wanted = (ctx.query.get('labels') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s.length > 0);
    const assignee = ctx.query.get('assignee');
    const creator = ctx.query.get('creator')?.toLowerCase();
    const since = ctx.query.get('since');
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    const sort = ctx.query.get('sort') ?? 'created';
    const ascending = ctx.query.get('direction') === 'asc';
    let items = [...state.issues.values()].filter((i) => {
      if (stateFilter !== 'all' && i.state !== stateFilter) return false;
      const have = new Set(i.labels.map((l) => l.toLowerCase()));
      if (!wanted.every((l) => have.has(l))) return false;
      if (assignee === 'none' && i.assignees.length > 0) return false;
      if (assignee === '*' && i.assignees.length === 0) return false;
      if (assignee && assignee !== 'none' && assignee !== '*' && !i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())) {
        return false;
      }
      if (creator && i.user.login.toLowerCase() !== creator) return false;
      if (!Number.isNaN(sinceMs) && i.updatedAt < sinceMs) return false;
      return true;
    });
    const counts = new Map(items.map((i) => [i.number, commentCount(i.number)]));
    const key = (i: IssueRecord): number =>
      sort === 'updated' ? i.updatedAt : sort === 'comments' ? (counts.get(i.number) ?? 0) : i.createdAt;
    items = items.sort((a, b) => (key(a) - key(b) || a.number - b.number) * (ascending ? 1 : -1));
    return paginate(
      items.map((i) => issueJson(i, counts.get(i.number))),
      ctx,
    );
  });

  const createIssueDocs = `${DOCS}/issues/issues#create-an-issue`;
  route('POST', '/repos/{owner}/{repo}/issues', createIssueDocs, (ctx) => {
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(createIssueDocs, 'Body should be a JSON object.');
    const rawTitle = body['title'];
    if (rawTitle === undefined || rawTitle === null) return invalidRequest(createIssueDocs, '"title" wasn\'t supplied.');
    if (typeof rawTitle !== 'string' && typeof rawTitle !== 'number') {
      return invalidRequest(createIssueDocs, 'For \'properties/title\', it is not a string or integer.');
    }
    const title = String(rawTitle);
    if (title.trim() === '') {
      return validationFailed(createIssueDocs, [{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    }
    const issueBody = body['body'];
    if (issueBody !== undefined && issueBody !== null && typeof issueBody !== 'string') {
      return invalidRequest(createIssueDocs, 'For \'properties/body\', it is not a string or null.');
    }
    const tooLong =
      checkLength('title', title, 'Issue', createIssueDocs) ??
      (typeof issueBody === 'string' ? checkLength('body', issueBody, 'Issue', createIssueDocs) : null);
    if (tooLong) return tooLong;
    let labels: string[] = [];
    if (body['labels'] !== undefined && body['labels'] !== null) {
      const parsed = parseLabelList(body['labels']);
      if (!parsed) return invalidRequest(createIssueDocs, 'For \'properties/labels\', it is not an array.');
      labels = parsed;
    }
    const assignees = readAssignees(body);
    if (assignees === null) return invalidRequest(createIssueDocs, 'For \'properties/assignees\', it is not an array of strings.');
    const refused = checkAssignees(assignees ?? [], createIssueDocs);
    if (refused) return refused;
    const t = now();
    const id = counters.issueId++;
    const issue: IssueRecord = {
      id,
      nodeId: `I_fake${id}`,
      number: counters.issueNumber++,
      title,
      body: typeof issueBody === 'string' ? issueBody : null,
      state: 'open',
      stateReason: null,
      labels: uniqueLabels(labels),
      assignees: (assignees ?? []).slice(0, MAX_ASSIGNEES),
      user: account(botLogin),
      locked: false,
      createdAt: t,
      updatedAt: t,
      closedAt: null,
      closedBy: null,
      pullRequest: null,
    };
    state.issues.set(issue.number, issue);
    indexIssue(issue, t);
    const out = issueJson(issue);
    return json(201, out, { location: out.url });
  });


  const updateIssueDocs = `${DOCS}/issues/issues#update-an-issue`;
  route('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', updateIssueDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(updateIssueDocs);
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(updateIssueDocs, 'Body should be a JSON object.');
    // Validate everything before changing anything: GitHub applies an update entirely or not at all.
    let title: string | undefined;
    if (body['title'] !== undefined && body['title'] !== null) {
      if (typeof body['title'] !== 'string' && typeof body['title'] !== 'number') {
        return invalidRequest(updateIssueDocs, 'For \'properties/title\', it is not a string or integer.');
      }
      title = String(body['title']);
      if (title.trim() === '') {
        return validationFailed(updateIssueDocs, [{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
      }
      const tooLong = checkLength('title', title, 'Issue', updateIssueDocs);
      if (tooLong) return tooLong;
    }
    const hasBody = 'body' in body;
    const newBody = body['body'];
    if (hasBody && newBody !== null && typeof newBody !== 'string') {
      return invalidRequest(updateIssueDocs, 'For \'properties/body\', it is not a string or null.');
    }
    if (typeof newBody === 'string') {
      const tooLong = checkLength('body', newBody, 'Issue', updateIssueDocs);
      if (tooLong) return tooLong;
    }
    const newState = body['state'];
    if (newState !== undefined && newState !== 'open' && newState !== 'closed') {
      return validationFailed(updateIssueDocs, [{ value: newState, resource: 'Issue', field: 'state', code: 'invalid' }]);
    }
    const reason = body['state_reason'];
    const reasons: unknown[] = ['completed', 'not_planned', 'duplicate', 'reopened', null, undefined];
    if (!reasons.includes(reason)) {
      return validationFailed(updateIssueDocs, [{ value: reason, resource: 'Issue', field: 'state_reason', code: 'invalid' }]);
    }
    let labels: string[] | undefined;
    if (body['labels'] !== undefined && body['labels'] !== null) {
      const parsed = parseLabelList(body['labels']);
      if (!parsed) return invalidRequest(updateIssueDocs, 'For \'properties/labels\', it is not an array.');
      labels = parsed;
    }
    const assignees = readAssignees(body);
    if (assignees === null) return invalidRequest(updateIssueDocs, 'For \'properties/assignees\', it is not an array of strings.');
    const refused = checkAssignees(assignees ?? [], updateIssueDocs);
    if (refused) return refused;

    const before = JSON.stringify(issue);
    if (title !== undefined) issue.title = title;
    if (hasBody) issue.body = typeof newBody === 'string' ? newBody : null;
    if (labels !== undefined) issue.labels = uniqueLabels(labels);
    if (assignees !== undefined) issue.assignees = assignees.slice(0, MAX_ASSIGNEES);
    if (newState === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.stateReason = (reason as StateReason | null | undefined) ?? 'completed';
      issue.closedAt = now();
      issue.closedBy = account(botLogin);
    } else if (newState === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.stateReason = 'reopened';
      issue.closedAt = null;
      issue.closedBy = null;
    } else if (reason !== undefined && issue.state === 'closed') {
      issue.stateReason = reason as StateReason | null;
    }
    if (JSON.stringify(issue) !== before) touch(issue);
    return json(200, issueJson(issue));
  });


  const addAssigneesDocs = `${DOCS}/issues/assignees#add-assignees-to-an-issue`;
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', addAssigneesDocs, (ctx) => {
    const issue = findIssue(ctx);
    if (!issue) return notFound(addAssigneesDocs);
    if (!isRecord(ctx.body)) return invalidRequest(addAssigneesDocs, 'Body should be a JSON object.');
    const wanted = readAssignees(ctx.body);
    if (wanted === null) return invalidRequest(addAssigneesDocs, 'For \'properties/assignees\', it is not an array of strings.');
    // Documented: on this endpoint, assignees that cannot be assigned are silently dropped.
    const have = new Set(issue.assignees.map((a) => a.toLowerCase()));
    const added = (wanted ?? []).filter((login) => isCollaborator(login) && !have.has(login.toLowerCase()));
    if (added.length > 0) {
      issue.assignees = [...issue.assignees, ...added].slice(0, MAX_ASSIGNEES);
      touch(issue);
    }
    return json(201, issueJson(issue));
  });

}
