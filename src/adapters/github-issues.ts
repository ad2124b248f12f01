// GitHub issues through @actions/github's Octokit: list marked issues, ensure labels, create/update/comment, paced and rate-limit aware.
import { redactRunSecrets } from '../crypto/run-secrets.js';
import { getOctokit } from '@actions/github';
import { defaults as toolkitDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { RequestError, UsageError } from '../ports/errors.js';
import type { CreatedIssue, IssueUpdate, NewIssue, RotationIssueTracker } from '../ports/rotation-issue-tracker.js';
import { readIssueMarker, type ExistingIssue, type LabelDefinition } from '../core/rotation-issues.js';

/** GitHub's public API; GitHub Enterprise Server uses `https://<host>/api/v3`. */
export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** How the client is reached and how patient it is. */
export interface GitHubIssuesOptions {
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  /** Default {@link DEFAULT_GITHUB_API_URL}. */
  readonly baseUrl?: string;
  /** Least time between two writes (GitHub asks for at least a second). Default 1000. */
  readonly writeIntervalMs?: number;
  /** Milliseconds waited per second of `Retry-After` (or of time to the rate-limit reset). Default 1000; tests pass 1. */
  readonly retryAfterUnitMs?: number;
  /** How often one request is retried after a rate limit. Default 3. */
  readonly maxRateLimitRetries?: number;
  /** A rate limit asking to wait longer than this (seconds) fails the run instead. Default 300. */
  readonly maxRateLimitWaitSeconds?: number;
  /** Receives notices (rate limits, retries); the client never prints. */
  readonly log?: (message: string) => void;
  /** Waiting, for the write pacing; tests may record instead of waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock, in epoch milliseconds, for the write pacing. */
  readonly clock?: () => number;
}

type WriteGroup = NonNullable<ThrottlingOptions['write']>;
export type Octokit = ReturnType<typeof getOctokit>;

/**
 * Spaces the jobs it runs at least `intervalMs` apart, one at a time. The throttling plugin takes a Bottleneck group
 * for its write queue and calls only `key(id).schedule(options, fn)` on it; handing it this instead makes the interval
 * a parameter (the plugin's own group waits a fixed 1 s per write and 3 s per notifying write).
 */
export class WritePacer {
  private tail: Promise<unknown> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly clock: () => number,
  ) {}

  /** Bottleneck.Group's `key`: every key shares the one queue. */
  key(_id?: string): { schedule: (...args: unknown[]) => Promise<unknown> } {
    return { schedule: (...args: unknown[]) => this.schedule(...args) };
  }

  /** Bottleneck's `schedule([options], fn, ...args)`. */
  schedule(...args: unknown[]): Promise<unknown> {
    const [fn, ...rest] = (typeof args[0] === 'function' ? args : args.slice(1)) as [(...a: unknown[]) => unknown, ...unknown[]];
    const run = this.tail.then(async () => {
      const wait = this.lastStart + this.intervalMs - this.clock();
      if (wait > 0) await this.sleep(wait);
      this.lastStart = this.clock();
      return fn(...rest);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface RequestFailure {
  readonly status?: number;
  readonly message: string;
  readonly errors: readonly { field?: string; code?: string; message?: string }[];
}

function describeFailure(error: unknown): RequestFailure {
  const candidate = error as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  // Octokit reports a failed connection as status 500 without a response: that is no answer, not a server error.
  const status = typeof candidate.status === 'number' && candidate.response !== undefined ? candidate.status : undefined;
  const data = candidate.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : error instanceof Error ? error.message : String(error);
  const errors = Array.isArray(data?.errors) ? (data.errors.filter((item) => typeof item === 'object' && item !== null) as RequestFailure['errors']) : [];
  return { status, message, errors };
}

/** True when a request may have been performed although no answer said so: a timeout, a dropped connection or a 5xx. */
function outcomeUnknown(failure: RequestFailure): boolean {
  return failure.status === undefined || failure.status >= 500;
}

function hintFor(failure: RequestFailure): string {
  if (failure.status === 401) return ' (is GITHUB_TOKEN valid?)';
  if (failure.status === 403 && /not accessible by integration/i.test(failure.message)) return ' (the token needs the `issues: write` permission)';
  if (failure.status === 404) return ' (does the repository exist, and can the token see it?)';
  return '';
}

/** A GitHub API request that was refused or got no answer; `status` and `detail` are GitHub's. */
export class GitHubRequestError extends RequestError {
  override readonly name: string = 'GitHubRequestError';

  /** Wraps what Octokit threw while doing `what`, keeping GitHub's status and message. */
  static of(what: string, error: unknown): GitHubRequestError {
    const status = (error as { status?: unknown }).status;
    const message = error instanceof Error ? error.message : String(error);
    return new GitHubRequestError(`GitHub: ${what} failed (${typeof status === 'number' ? status : 'no answer'}: ${message})`, {
      ...(typeof status === 'number' ? { status } : {}),
      detail: message,
      cause: error,
    });
  }
}

/** `owner/name` as its two parts; anything else is a usage error. */
export function splitRepository(repository: string): [string, string] {
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) throw new UsageError(`not a repository: ${repository} (expected owner/name)`);
  return [owner, repo];
}

/** Rotation issues in one repository, through the REST API. Implements the remind use case's port. */
export class GitHubIssues implements RotationIssueTracker {
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly octokit: Octokit,
    repository: string,
  ) {
    [this.owner, this.repo] = splitRepository(repository);
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.failure(what, error);
    }
  }

  private failure(what: string, error: unknown): GitHubRequestError {
    const failure = describeFailure(error);
    const status = failure.status === undefined ? 'no answer' : `${failure.status}`;
    return new GitHubRequestError(`GitHub: ${what} in ${this.owner}/${this.repo} failed (${status}: ${failure.message})${hintFor(failure)}`, {
      status: failure.status,
      detail: failure.message,
      cause: error,
    });
  }

  /**
   * Every issue with `label` and a credledger marker, open or closed, from the issue list (never the search API, whose
   * index lags: an issue made a minute ago would be missed and duplicated). Pull requests are skipped.
   */
  async listMarkedIssues(label: string): Promise<ExistingIssue[]> {
    const items = await this.call(`listing issues labelled ${label}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listForRepo, { owner: this.owner, repo: this.repo, labels: label, state: 'all', per_page: 100 }),
    );
    const issues: ExistingIssue[] = [];
    for (const item of items) {
      if (item.pull_request) continue;
      const id = readIssueMarker(item.body);
      if (id === undefined) continue;
      issues.push({
        number: item.number,
        id,
        title: item.title,
        body: item.body ?? '',
        state: item.state === 'closed' ? 'closed' : 'open',
        labels: item.labels.map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? ''))).filter((name) => name !== ''),
        assignees: (item.assignees ?? []).map((user) => user.login),
        url: item.html_url,
      });
    }
    return issues;
  }

  /** Creates the labels that do not exist yet; another run creating one at the same moment is fine. */
  async ensureLabels(labels: readonly LabelDefinition[]): Promise<string[]> {
    const created: string[] = [];
    for (const label of labels) {
      const exists = await this.octokit.rest.issues.getLabel({ owner: this.owner, repo: this.repo, name: label.name }).then(
        () => true,
        (error: unknown) => {
          if (describeFailure(error).status === 404) return false;
          throw this.failure(`reading label ${label.name}`, error);
        },
      );
      if (exists) continue;
      try {
        await this.octokit.rest.issues.createLabel({ owner: this.owner, repo: this.repo, ...label, request: { retries: 0 } });
        created.push(label.name);
      } catch (error) {
        const failure = describeFailure(error);
        if (failure.status === 422 && failure.errors.some((item) => item.code === 'already_exists')) continue;
        throw this.failure(`creating label ${label.name}`, error);
      }
    }
    return created;
  }

  /**
   * Creates an issue assigned to `assignee`. When GitHub refuses the assignee (422), creates it unassigned with the
   * body that @-mentions the owner; when it drops the assignee silently, switches to that body. A create is never
   * retried blindly: when the outcome is unknown (5xx, no answer), the issues are listed again and an issue already
   * carrying the marker is taken as the one created.
   */
  async createIssue(issue: NewIssue): Promise<CreatedIssue> {
    const attempt = async (assignees: string[], body: string): Promise<{ number: number; url: string; assignees: string[] }> => {
      const { data } = await this.octokit.rest.issues.create({
        owner: this.owner,
        repo: this.repo,
        title: issue.title,
        body,
        labels: [...issue.labels],
        assignees,
        request: { retries: 0 },
      });
      return { number: data.number, url: data.html_url, assignees: (data.assignees ?? []).map((user) => user.login) };
    };
    const createOnce = async (assignees: string[], body: string) => {
      try {
        return await attempt(assignees, body);
      } catch (error) {
        const failure = describeFailure(error);
        if (!outcomeUnknown(failure)) throw error;
        const found = (await this.listMarkedIssues(issue.label)).find((candidate) => candidate.id === issue.id && candidate.state === 'open');
        if (found) return { number: found.number, url: found.url ?? '', assignees: [...found.assignees] };
        return await attempt(assignees, body);
      }
    };

    const wanted = issue.assignee === undefined ? [] : [issue.assignee];
    let created: { number: number; url: string; assignees: string[] };
    try {
      created = await createOnce(wanted, issue.body);
    } catch (error) {
      const failure = describeFailure(error);
      const refusedAssignee = failure.status === 422 && wanted.length > 0 && failure.errors.some((item) => item.field === 'assignees' || item.field === 'assignee');
      if (!refusedAssignee) throw this.failure(`creating the issue for ${issue.id}`, error);
      try {
        created = await createOnce([], issue.unassignedBody);
      } catch (retryError) {
        throw this.failure(`creating the issue for ${issue.id}`, retryError);
      }
      return { number: created.number, url: created.url, assigned: false };
    }
    const assigned = wanted.every((login) => created.assignees.some((have) => have.toLowerCase() === login.toLowerCase()));
    if (!assigned && issue.unassignedBody !== issue.body) await this.updateIssue(created.number, { body: issue.unassignedBody });
    return { number: created.number, url: created.url, assigned };
  }

  /** Changes the given fields of an issue (title, body, the whole label list, state). */
  async updateIssue(number: number, update: IssueUpdate): Promise<void> {
    await this.call(`updating issue #${number}`, () =>
      this.octokit.rest.issues.update({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        ...(update.title === undefined ? {} : { title: update.title }),
        ...(update.body === undefined ? {} : { body: update.body }),
        ...(update.labels === undefined ? {} : { labels: [...update.labels] }),
        ...(update.state === undefined ? {} : { state: update.state }),
        ...(update.stateReason === undefined ? {} : { state_reason: update.stateReason }),
      }),
    );
  }

  async addAssignee(number: number, login: string): Promise<boolean> {
    const { data } = await this.call(`assigning ${login} to issue #${number}`, () =>
      this.octokit.rest.issues.addAssignees({ owner: this.owner, repo: this.repo, issue_number: number, assignees: [login] }),
    );
    return (data.assignees ?? []).some((assignee) => assignee?.login.toLowerCase() === login.toLowerCase());
  }

  /** Adds a comment. Not retried on an unknown outcome: a duplicated comment is noise, but so would be a silent loss. */
  async commentOnIssue(number: number, body: string): Promise<void> {
    await this.call(`commenting on issue #${number}`, () =>
      this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: number, body, request: { retries: 0 } }),
    );
  }
}

/**
 * Builds the Octokit the way GitHub Actions code does (`getOctokit` with the throttling and retry plugins) and wraps it.
 * Writes are spaced by `writeIntervalMs`; rate limits (403/429 with Retry-After, secondary limits, an exhausted
 * hourly quota) are waited out a bounded number of times; other failures of reads and updates are retried by the
 * retry plugin, but POSTs never are (a retried create would duplicate the issue).
 */
export function createGitHubOctokit(options: Omit<GitHubIssuesOptions, 'repository'>): Octokit {
  const baseUrl = (options.baseUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  const log = options.log ?? (() => undefined);
  const unit = options.retryAfterUnitMs ?? 1000;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 300;
  const interval = options.writeIntervalMs ?? 1000;
  const sleep = options.sleep ?? sleepFor;
  const clock = options.clock ?? Date.now;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const again = retryCount < maxRetries && retryAfter <= maxWait;
      log(`GitHub ${kind} on ${request.method} ${request.url}: ${again ? `waiting ${retryAfter}s, then retry ${retryCount + 1} of ${maxRetries}` : 'giving up'}`);
      return again;
    };
  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    retryAfterBaseValue: unit,
    write: new WritePacer(interval, sleep, clock) as unknown as WriteGroup,
    notifications: new WritePacer(interval, sleep, clock) as unknown as WriteGroup,
  };
  const octokit = getOctokit(
    options.token,
    {
      baseUrl,
      throttle,
      // 429 is the throttling plugin's to wait out (with Retry-After); the retry plugin would retry it on its own schedule.
      retry: { retries: 2, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
      // @actions/github builds its proxy-aware fetch for GITHUB_API_URL as it was when first imported; for another
      // URL (a test server, a base passed explicitly) that dispatcher would be the wrong one, so use plain fetch.
      ...(baseUrl === String(toolkitDefaults.baseUrl).replace(/\/+$/, '') ? {} : { request: { fetch: globalThis.fetch } }),
    },
    throttling,
    retry,
  );
  // Every text credledger posts (comments, issue titles and bodies) passes the run's redaction on its way out.
  octokit.hook.before('request', (request) => {
    const fields = request as unknown as Record<string, unknown>;
    for (const field of ['body', 'title']) {
      const text = fields[field];
      if (typeof text === 'string') fields[field] = redactRunSecrets(text);
    }
  });
  return octokit;
}

/** The remind use case's port for one repository, on a client built by {@link createGitHubOctokit}. */
export function createGitHubIssues(options: GitHubIssuesOptions): GitHubIssues {
  return new GitHubIssues(createGitHubOctokit(options), options.repository);
}
