// The fake GitHub's server: GitHub's request pipeline (auth, primary and search rate limits, read-only tokens,
// secondary limits, injected faults), the route table the concern modules fill, and the checks close() makes:
// no request may go unmatched, and every route a test declares in `expectRoutes` must have been used.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addCommentRoutes } from './comments.js';
import { addIssueRoutes } from './issues.js';
import { addLabelRoutes } from './labels.js';
import { addPullRoutes, seedPullRequest } from './pulls.js';
import { addRepositoryRoutes } from './repos.js';
import { addSearchRoutes } from './search.js';
import { DOCS, SECONDARY_RATE_LIMIT_MESSAGE, errorBody, toMillis, type Reply, type RequestContext } from './shared.js';
import type { CommentRecord, FakeGitHub, FakeGitHubOptions, InjectedFault, RecordedRequest } from './types.js';
import { createWorld } from './world.js';

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  keys: string[];
  repoScoped: boolean;
  docs: string;
  handle: (ctx: RequestContext) => Reply;
}

interface PendingFault {
  fault: InjectedFault;
  remaining: number;
}

class BadJsonError extends Error {}

function compileTemplate(template: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m || !m[1]) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      keys.push(m[1]);
      // Numbers and ids are digits only, so `issues/comments/7` never reads as issue "comments".
      return /(_number|_id)$/.test(m[1]) ? '(\\d+)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts a stateful fake of GitHub's REST API on 127.0.0.1 (random port).
 * It answers like GitHub for the endpoints credledger uses, records every request, and answers 404
 * (recorded as unmatched) for anything else; close() then fails, so a client calling something the fake does not
 * serve fails its test.
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const world = createWorld(options);
  const { owner, repo, token, botLogin, prefix, now, settings, state, requests, counters, address, startedAt } = world;
  const { apiUrl, account, commentJson, issueJson, labelJson, indexIssue, createLabel, seedIssueRecord, json, notFound } = world;
  const faults: PendingFault[] = [];
  let writeCount = 0;
  const core = {
    limit: options.rateLimit?.limit ?? 1000,
    remaining: options.rateLimit?.remaining ?? options.rateLimit?.limit ?? 1000,
    reset: options.rateLimit?.resetEpochSeconds ?? Math.floor(startedAt / 1000) + 3600,
  };
  const search = { limit: 30, remaining: 30, reset: Math.floor(startedAt / 1000) + 60 };

  const routes: Route[] = [];
  const route = (method: string, template: string, docs: string, handle: (ctx: RequestContext) => Reply): void => {
    const { pattern, keys } = compileTemplate(template);
    routes.push({ method, template, pattern, keys, repoScoped: template.startsWith('/repos/{owner}/{repo}'), docs, handle });
  };
  addRepositoryRoutes(world, route);
  addIssueRoutes(world, route);
  addCommentRoutes(world, route);
  addLabelRoutes(world, route);
  addPullRoutes(world, route);
  addSearchRoutes(world, route);
  /** Routes that answered at least one request, kept apart from `requests` so clearRequests() does not forget them. */
  const usedRoutes = new Set<string>();
  const routeNames = routes.map((r) => `${r.method} ${r.template}`);
  const unknownExpected = (options.expectRoutes ?? []).filter((name) => !routeNames.includes(name));
  if (unknownExpected.length > 0) {
    throw new Error(`fake GitHub: expectRoutes names route(s) the fake does not serve: ${unknownExpected.join(', ')}; served: ${routeNames.join(', ')}`);
  }

  function rateLimitHeaders(bucket: typeof core, resource: string): Record<string, string> {
    return {
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(bucket.remaining),
      'x-ratelimit-used': String(bucket.limit - bucket.remaining),
      'x-ratelimit-reset': String(bucket.reset),
      'x-ratelimit-resource': resource,
    };
  }

  function takeFault(method: string, path: string, routeName: string | null): PendingFault | undefined {
    const index = faults.findIndex(({ fault }) => {
      if (fault.method && fault.method.toUpperCase() !== method) return false;
      if (fault.route && fault.route !== routeName) return false;
      if (typeof fault.path === 'string' && fault.path !== path) return false;
      if (fault.path instanceof RegExp && !fault.path.test(path)) return false;
      return true;
    });
    if (index < 0) return undefined;
    const pending = faults[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining <= 0) faults.splice(index, 1);
    return pending;
  }

  function secondaryLimitReply(status: 403 | 429, retryAfterSeconds: number): Reply {
    return json(
      status,
      errorBody(SECONDARY_RATE_LIMIT_MESSAGE, `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`, status),
      { 'retry-after': String(retryAfterSeconds) },
    );
  }

  function faultReply(fault: InjectedFault): Reply {
    if (fault.kind === 'secondary-rate-limit') return secondaryLimitReply(fault.status ?? 403, fault.retryAfterSeconds ?? 1);
    const body = fault.body ?? errorBody(`Injected failure ${fault.status}`, DOCS, fault.status);
    return fault.headers ? json(fault.status, body, fault.headers) : json(fault.status, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const method = (req.method ?? 'GET').toUpperCase();
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const record: RecordedRequest = {
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      route: null,
      headers,
      body: undefined,
      status: 0,
      response: undefined,
      unmatched: false,
      injected: null,
      at,
    };
    requests.push(record);

    let reply: Reply;
    try {
      const raw = await readBody(req);
      if (raw.length > 0) {
        try {
          record.body = JSON.parse(raw) as unknown;
        } catch {
          throw new BadJsonError();
        }
      }
      reply = dispatch(method, parsed, record);
    } catch (error) {
      reply =
        error instanceof BadJsonError
          ? json(400, errorBody('Problems parsing JSON', DOCS, 400))
          : json(500, errorBody(`Fake GitHub failed: ${String(error)}`, DOCS, 500));
    }

    record.status = reply.status;
    record.response = reply.body;
    const outHeaders: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${requests.length}`,
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, outHeaders);
      res.end();
      return;
    }
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...outHeaders,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
    });
    res.end(payload);
  }

  function dispatch(method: string, parsed: URL, record: RecordedRequest): Reply {
    if (prefix && !(parsed.pathname === prefix || parsed.pathname.startsWith(`${prefix}/`))) {
      record.unmatched = true;
      return notFound(DOCS);
    }
    const path = parsed.pathname.slice(prefix.length) || '/';
    record.path = path;

    const auth = record.headers['authorization'] ?? '';
    const m = /^(?:token|bearer)\s+(.+)$/i.exec(auth.trim());
    if (!m || m[1] !== token) return json(401, errorBody('Bad credentials', DOCS, 401));

    const isSearch = path.startsWith('/search/');
    const bucket = isSearch ? search : core;
    const nowSeconds = Math.floor(now() / 1000);
    if (nowSeconds >= bucket.reset) {
      bucket.remaining = bucket.limit;
      bucket.reset = nowSeconds + (isSearch ? 60 : 3600);
    }
    if (bucket.remaining <= 0) {
      const message = isSearch
        ? 'API rate limit exceeded for installation. Search requests are limited to 30 per minute.'
        : 'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID FAKE.';
      return json(403, errorBody(message, `${DOCS}/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit`, 403), {
        ...rateLimitHeaders(bucket, isSearch ? 'search' : 'core'),
      });
    }
    bucket.remaining -= 1;
    const limitHeaders = rateLimitHeaders(bucket, isSearch ? 'search' : 'core');
    const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...limitHeaders, ...reply.headers } });

    let matched: { route: Route; params: Record<string, string> } | undefined;
    for (const r of routes) {
      if (r.method !== method) continue;
      const hit = r.pattern.exec(path);
      if (!hit) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(hit[i + 1] ?? '');
      });
      matched = { route: r, params };
      break;
    }
    const sameRepo =
      matched !== undefined &&
      (!matched.route.repoScoped ||
        ((matched.params['owner'] ?? '').toLowerCase() === owner.toLowerCase() &&
          (matched.params['repo'] ?? '').toLowerCase() === repo.toLowerCase()));
    if (!matched || !sameRepo) {
      record.unmatched = true;
      return withLimits(notFound(DOCS));
    }
    const { route: r, params } = matched;
    const routeName = `${r.method} ${r.template}`;
    record.route = routeName;
    usedRoutes.add(routeName);
    const isWrite = method !== 'GET' && method !== 'HEAD';

    const pending = takeFault(method, path, routeName);
    if (pending && !pending.fault.afterApplying) {
      record.injected = `failNext:${pending.fault.kind}`;
      return withLimits(faultReply(pending.fault));
    }
    if (isWrite && settings.readOnly) {
      // A fork PR's GITHUB_TOKEN is read-only whatever the workflow's permissions say.
      record.injected = 'read-only';
      return withLimits(
        json(403, errorBody('Resource not accessible by integration', r.docs, 403), {
          'x-accepted-github-permissions': r.template.includes('/pulls') ? 'pull_requests=write' : 'issues=write; pull_requests=write',
        }),
      );
    }
    const secondary = settings.secondary;
    if (isWrite && secondary) {
      writeCount += 1;
      if (secondary.everyNthWrite > 0 && writeCount % secondary.everyNthWrite === 0) {
        record.injected = 'secondary-rate-limit';
        return withLimits(secondaryLimitReply(secondary.status ?? 403, secondary.retryAfterSeconds ?? 1));
      }
    }
    const reply = r.handle({ params, query: parsed.searchParams, body: record.body, path });
    if (pending) {
      record.injected = `failNext-after-applying:${pending.fault.kind}`;
      return withLimits(faultReply(pending.fault));
    }
    return withLimits(reply);
  }

  // --- server --------------------------------------------------------------

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const listening = server.address() as AddressInfo;
  address.origin = `http://127.0.0.1:${listening.port}`;

  return {
    url: apiUrl(),
    owner,
    repo,
    token,
    botLogin,
    state,
    requests,
    routes: routeNames,
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    unmatched: () => requests.filter((r) => r.unmatched),
    clearRequests: () => {
      requests.length = 0;
    },
    addIssue: (seed = {}) => issueJson(seedIssueRecord(seed, null)),
    addIssues: (count, make) => Array.from({ length: count }, (_, i) => issueJson(seedIssueRecord(make ? make(i) : {}, null))),
    addPullRequest: (seed = {}) => seedPullRequest(world, seed),
    addComment: (issueNumber, seed) => {
      const issue = state.issues.get(issueNumber);
      if (!issue) throw new Error(`fake GitHub has no issue #${issueNumber}`);
      const s = typeof seed === 'string' ? { body: seed } : seed;
      const t = s.createdAt !== undefined ? toMillis(s.createdAt) : Math.max(issue.createdAt, now() - 3_600_000);
      const id = counters.commentId++;
      const comment: CommentRecord = {
        id,
        nodeId: `IC_fake${id}`,
        issueNumber,
        body: s.body,
        user: account(s.user ?? 'octocat'),
        createdAt: t,
        updatedAt: t,
      };
      state.comments.set(id, comment);
      indexIssue(issue, t);
      return commentJson(comment);
    },
    addLabel: (seed) => {
      const s = typeof seed === 'string' ? { name: seed } : seed;
      const existing = state.labels.get(s.name.toLowerCase());
      return labelJson(existing ?? createLabel(s));
    },
    getIssue: (issueNumber) => {
      const issue = state.issues.get(issueNumber);
      return issue ? issueJson(issue) : undefined;
    },
    listIssues: (filter = {}) =>
      [...state.issues.values()]
        .filter((i) => filter.includePullRequests || !i.pullRequest)
        .filter((i) => !filter.label || i.labels.some((l) => l.toLowerCase() === filter.label?.toLowerCase()))
        .filter((i) => !filter.state || filter.state === 'all' || i.state === filter.state)
        .sort((a, b) => a.number - b.number)
        .map((i) => issueJson(i)),
    listComments: (issueNumber) =>
      [...state.comments.values()]
        .filter((c) => c.issueNumber === issueNumber)
        .sort((a, b) => a.id - b.id)
        .map(commentJson),
    setReadOnly: (value) => {
      settings.readOnly = value;
    },
    setSearchLagMs: (value) => {
      settings.searchLagMs = value;
    },
    setSecondaryRateLimit: (value) => {
      settings.secondary = value;
      writeCount = 0;
    },
    failNext: (fault) => {
      faults.push({ fault, remaining: fault.times ?? 1 });
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Octokit's fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
      const unmatched = requests.filter((r) => r.unmatched);
      if (unmatched.length > 0 && options.allowUnmatched !== true) {
        throw new Error(`fake GitHub: ${unmatched.length} request(s) matched no route: ${unmatched.map((r) => `${r.method} ${r.path}`).join(', ')}; add the route the code needs, or pass allowUnmatched to a test about unknown endpoints`);
      }
      const unused = (options.expectRoutes ?? []).filter((name) => !usedRoutes.has(name));
      if (unused.length > 0) {
        throw new Error(`fake GitHub: expected route(s) never requested: ${unused.join(', ')}; the code under test stopped calling them, so drop them from expectRoutes (and the route from the fake if nothing else calls it)`);
      }
    },
  };
}

