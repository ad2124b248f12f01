// What the triggering event means for credledger: which job to run, on which revisions, with what rights.
import type { context as githubContext } from '@actions/github';
import type { ActionCommand } from './action-settings.js';

type Context = typeof githubContext;

export type ResolvedJob = 'validate' | 'status' | 'plan' | 'apply' | 'remind' | 'audit' | 'rotate';

export interface WorkflowEvent {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** Set on pull_request and pull_request_target. */
  readonly pullRequest?: {
    readonly number: number;
    readonly baseSha: string;
    readonly headSha: string;
    /** The head branch lives in another repository: the token is read-only and secrets are absent. */
    readonly fromFork: boolean;
  };
  /** Set on push. */
  readonly push?: { readonly before: string; readonly after: string; readonly branch: string | undefined; readonly toDefaultBranch: boolean };
  readonly defaultBranch: string | undefined;
  /** The branch the run is for (`refs/heads/<branch>` of the event or GITHUB_REF); undefined for tags and pull requests. */
  readonly branch: string | undefined;
}

/** True on the events whose code or data come from a pull request: never decrypt there. */
export function isPullRequestEvent(event: WorkflowEvent): boolean {
  return event.name === 'pull_request' || event.name === 'pull_request_target';
}

/** The parts of the webhook payloads (pull_request, push) credledger reads; everything is optional. */
interface EventPayload {
  readonly number?: number;
  readonly ref?: string;
  readonly before?: string;
  readonly after?: string;
  readonly repository?: { readonly full_name?: string; readonly name?: string; readonly owner?: { readonly login?: string }; readonly default_branch?: string };
  readonly pull_request?: {
    readonly number?: number;
    readonly base?: { readonly sha?: string; readonly repo?: { readonly full_name?: string } };
    readonly head?: { readonly sha?: string; readonly repo?: { readonly full_name?: string; readonly fork?: boolean } | null };
  };
}

/**
 * Reads the event from @actions/github's context (built from GITHUB_EVENT_PATH and friends).
 * @param repository GITHUB_REPOSITORY (`owner/name`); default the payload's repository.
 */
export function readWorkflowEvent(context: Context, repository?: string): WorkflowEvent {
  const payload = context.payload as EventPayload;
  const [owner = '', repo = ''] = (repository ?? `${payload.repository?.owner?.login ?? ''}/${payload.repository?.name ?? ''}`).split('/');
  const defaultBranch = payload.repository?.default_branch;
  const runRef = (context.eventName === 'push' ? payload.ref : undefined) ?? context.ref ?? '';
  const runBranch = runRef.startsWith('refs/heads/') ? runRef.slice('refs/heads/'.length) : undefined;
  const event: { -readonly [K in keyof WorkflowEvent]: WorkflowEvent[K] } = { name: context.eventName, owner, repo, defaultBranch, branch: runBranch };
  const pr = payload.pull_request;
  if (pr) {
    const baseRepo = pr.base?.repo?.full_name ?? payload.repository?.full_name;
    const headRepo = pr.head?.repo?.full_name;
    event.pullRequest = {
      number: Number(pr.number ?? payload.number),
      baseSha: String(pr.base?.sha ?? ''),
      headSha: String(pr.head?.sha ?? ''),
      // `head.repo.fork` is true for any repository that is itself a fork, even when the branch is in the same
      // repository: only a head repository other than the base one (or a deleted one) makes a fork pull request.
      fromFork: (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo) || pr.head?.repo === null,
    };
  }
  if (context.eventName === 'push') {
    const ref = payload.ref ?? context.ref ?? '';
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    event.push = {
      before: String(payload.before ?? ''),
      after: String(payload.after ?? context.sha ?? ''),
      branch,
      toDefaultBranch: branch !== undefined && defaultBranch !== undefined && branch === defaultBranch,
    };
  }
  return event;
}

/**
 * Why apply must not run for this event: only a push to the default branch, or a run (workflow_dispatch, schedule)
 * on it, applies reviewed values. Undefined when it may.
 */
export function refuseApplyBranch(event: WorkflowEvent): string | undefined {
  const hatch = 'set the input `allow-non-default-branch: true` for a deliberate apply from elsewhere';
  if (event.defaultBranch === undefined) return `apply runs only on the default branch, and the ${event.name} event does not name it (no repository.default_branch); ${hatch}`;
  if (event.branch === event.defaultBranch) return undefined;
  const where = event.branch === undefined ? 'not for a branch' : `for branch ${event.branch}`;
  return `apply runs only on the default branch (${event.defaultBranch}), and this ${event.name} run is ${where}: values reach deployments after review, so merge first (a workflow_dispatch must be run on ${event.defaultBranch}), or ${hatch}`;
}

/** The jobs `command: auto` runs for an event; an explicit command runs alone. */
export function resolveJobs(command: ActionCommand, event: WorkflowEvent): ResolvedJob[] {
  if (command !== 'auto') return [command];
  // pull_request_target checks out the base branch: validating that would judge the wrong file. The plan carries
  // the head's diagnostics either way.
  if (event.name === 'pull_request_target') return ['plan'];
  if (isPullRequestEvent(event)) return ['validate', 'plan'];
  if (event.name === 'schedule' || event.name === 'workflow_dispatch') return ['status', 'remind'];
  if (event.name === 'push' && event.push?.toDefaultBranch) return ['apply'];
  return ['validate'];
}
