// Issue search with GitHub's quirks: the index lags behind writes, queries must say is:issue or is:pull-request, and
// search has its own rate limit (counted in server.ts).
import { type AddRoute, DOCS, type SearchSnapshot, errorBody } from './shared.js';
import type { World } from './world.js';

function tokenizeSearch(q: string): string[] {
  const tokens: string[] = [];
  const re = /(-?[\w-]+:)?"([^"]*)"|(\S+)/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    if (m[2] !== undefined) tokens.push(`${m[1] ?? ''}${m[2]}`);
    else if (m[3] !== undefined) tokens.push(m[3]);
  }
  return tokens;
}

export function addSearchRoutes(w: World, route: AddRoute): void {
  const { owner, repo, now, settings, searchIndex, issueJson, json, validationFailed, paginate } = w;

  const searchDocs = `${DOCS}/search/search#search-issues-and-pull-requests`;
  route('GET', '/search/issues', searchDocs, (ctx) => {
    const q = ctx.query.get('q');
    if (!q || q.trim() === '') return validationFailed(searchDocs, [{ resource: 'Search', field: 'q', code: 'missing' }]);
    const filter = parseSearch(q);
    if (!filter.kind) {
      // Since 2025 GitHub refuses issue searches that do not say whether they want issues or pull requests.
      return json(422, errorBody("Query must include 'is:issue' or 'is:pull-request'", searchDocs, 422));
    }
    if (filter.repos.some((r) => r.toLowerCase() !== `${owner}/${repo}`.toLowerCase())) {
      return validationFailed(searchDocs, [
        {
          message:
            'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
          resource: 'Search',
          field: 'q',
          code: 'invalid',
        },
      ]);
    }
    const horizon = now() - settings.searchLagMs;
    const visible: SearchSnapshot[] = [];
    for (const snapshots of searchIndex.values()) {
      let latest: SearchSnapshot | undefined;
      for (const s of snapshots) if (s.at <= horizon && (!latest || s.at >= latest.at)) latest = s;
      if (latest && matchesSearch(latest, filter)) visible.push(latest);
    }
    const sort = ctx.query.get('sort');
    const ascending = ctx.query.get('order') === 'asc';
    const key = (s: SearchSnapshot): number => (sort === 'updated' ? s.issue.updatedAt : s.issue.createdAt);
    visible.sort((a, b) => (key(a) - key(b) || a.issue.number - b.issue.number) * (ascending ? 1 : -1));
    const page = paginate(
      visible.map((s) => ({ ...issueJson(s.issue), score: 1 })),
      ctx,
    );
    const items = page.body;
    return { ...page, body: { total_count: visible.length, incomplete_results: false, items } };
  });

  interface SearchFilter {
    kind: 'issue' | 'pr' | null;
    repos: string[];
    state: 'open' | 'closed' | null;
    labels: string[][];
    notLabels: string[];
    author: string | null;
    assignee: string | null;
    inFields: Set<'title' | 'body' | 'comments'>;
    terms: string[];
  }

  function parseSearch(q: string): SearchFilter {
    const filter: SearchFilter = {
      kind: null,
      repos: [],
      state: null,
      labels: [],
      notLabels: [],
      author: null,
      assignee: null,
      inFields: new Set(),
      terms: [],
    };
    for (const token of tokenizeSearch(q)) {
      const m = /^(-?)(\w+):(.*)$/.exec(token);
      const negated = m?.[1] === '-';
      const qualifier = m?.[2]?.toLowerCase();
      const value = m?.[3] ?? '';
      const lower = value.toLowerCase();
      if (qualifier === 'is' || qualifier === 'type') {
        if (lower === 'issue') filter.kind = 'issue';
        else if (lower === 'pr' || lower === 'pull-request') filter.kind = 'pr';
        else if (lower === 'open' || lower === 'closed') filter.state = lower;
        else filter.terms.push(token);
      } else if (qualifier === 'state' && (lower === 'open' || lower === 'closed')) {
        filter.state = lower;
      } else if (qualifier === 'repo') {
        filter.repos.push(value);
      } else if (qualifier === 'label') {
        if (negated) filter.notLabels.push(lower);
        else filter.labels.push(lower.split(','));
      } else if (qualifier === 'author') {
        filter.author = lower;
      } else if (qualifier === 'assignee') {
        filter.assignee = lower;
      } else if (qualifier === 'in') {
        for (const f of lower.split(',')) if (f === 'title' || f === 'body' || f === 'comments') filter.inFields.add(f);
      } else {
        filter.terms.push(token.toLowerCase());
      }
    }
    return filter;
  }

  function matchesSearch(s: SearchSnapshot, f: SearchFilter): boolean {
    const issue = s.issue;
    if (f.kind === 'issue' && issue.pullRequest) return false;
    if (f.kind === 'pr' && !issue.pullRequest) return false;
    if (f.state && issue.state !== f.state) return false;
    const have = new Set(issue.labels.map((l) => l.toLowerCase()));
    if (!f.labels.every((anyOf) => anyOf.some((l) => have.has(l)))) return false;
    if (f.notLabels.some((l) => have.has(l))) return false;
    if (f.author && issue.user.login.toLowerCase() !== f.author) return false;
    if (f.assignee && !issue.assignees.some((a) => a.toLowerCase() === f.assignee)) return false;
    // Without in:, GitHub searches title, body and comments.
    const fields = f.inFields.size > 0 ? f.inFields : new Set(['title', 'body', 'comments']);
    const haystack = [
      fields.has('title') ? issue.title : '',
      fields.has('body') ? (issue.body ?? '') : '',
      fields.has('comments') ? s.commentText : '',
    ]
      .join('\n')
      .toLowerCase();
    return f.terms.every((term) => haystack.includes(term));
  }
}
