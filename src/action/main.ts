// The GitHub Action: maps inputs and the triggering event to the use cases, then to annotations, outputs,
// the job summary and the pull-request comment. One catch, ending in core.setFailed.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openGitRepository } from '../adapters/git-repository.js';
import { createGitHubIssues, createGitHubOctokit } from '../adapters/github-issues.js';
import { upsertStickyComment } from '../adapters/github-sticky-comment.js';
import { applyInventory } from '../app/apply.js';
import { auditDeployments } from '../app/audit.js';
import { loadKeyRing } from '../app/key-source.js';
import { planInventoryChange } from '../app/plan.js';
import { remindRotations } from '../app/remind.js';
import { reportStatus, type StatusResult } from '../app/status.js';
import { validateInventory } from '../app/validate.js';
import { toCalendarDate } from '../core/dates.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import { redactRunSecrets } from '../crypto/run-secrets.js';
import type { SecretValue } from '../crypto/secret-value.js';
import { assessApplyReport } from '../core/apply-report.js';
import { assessAuditReport } from '../core/audit.js';
import { renderAuditMarkdown } from '../core/render-audit.js';
import { planHasChanges } from '../core/plan.js';
import { renderApplyMarkdown, renderApplyText } from '../core/render-apply.js';
import { planToJson, renderPlanMarkdown } from '../core/render-plan.js';
import { markdownCode, markdownTable, markdownText, markdownUrl } from '../core/markdown.js';
import { renderStatusMarkdown } from '../core/render-status.js';
import { statusMeetsThreshold } from '../core/status-report.js';
import { annotateDiagnostics, renderUnshownDiagnostics } from './annotations.js';
import { readActionSettings, type ActionSettings } from './action-settings.js';
import { isPullRequestEvent, readWorkflowEvent, refuseApplyBranch, resolveJobs, type ResolvedJob, type WorkflowEvent } from './workflow-event.js';

/** The hidden marker that identifies credledger's pull-request comment. */
export const PLAN_COMMENT_MARKER = '<!-- credledger:plan -->';

/** What the jobs of one run share and accumulate. */
interface ActionRun {
  readonly settings: ActionSettings;
  readonly event: WorkflowEvent;
  readonly today: string;
  readonly apiUrl: string;
  readonly jobs: readonly ResolvedJob[];
  outputs: { changed: boolean; overdue: number; dueSoon: number; deployments: string[]; plan: string };
  /** The inventory's status, read once for the outputs and the status job. */
  status?: Promise<StatusResult>;
  failures: string[];
  summary: string[];
}

type Job = (run: ActionRun) => Promise<void>;

/** Registers a decrypted value or an auth secret with the runner's masker, before anything can print it. */
function maskSecret(secret: SecretValue): void {
  const text = secret.reveal();
  if (text.length === 0) return;
  core.setSecret(text);
  // The runner matches masks line by line: a PEM key or a JSON credentials file needs each line masked too.
  for (const line of text.split(/\r?\n/)) if (line.trim().length >= 4 && line !== text) core.setSecret(line);
}

/** An inventory with errors stops a job: its errors become annotations, the step fails. */
function reportInvalidInventory(run: ActionRun, check: InventoryCheck, consequence: string): void {
  annotateDiagnostics(check.diagnostics.filter((d) => d.severity === 'error'));
  run.failures.push(`${run.settings.file} is invalid; ${consequence}`);
}

async function validateJob(run: ActionRun): Promise<void> {
  const { check, valid } = await validateInventory({ file: run.settings.file, today: run.today });
  // On pull requests the plan carries the same diagnostics (at head): annotate them once, there.
  const { notShown } = run.jobs.includes('plan') ? { notShown: [] } : annotateDiagnostics(check.diagnostics);
  const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
  run.summary.push(
    `### Inventory ${markdownCode(run.settings.file)}\n\n${valid ? '✅ valid' : '❌ invalid'}: ${errors} error(s), ${check.diagnostics.length - errors} warning(s).\n${renderUnshownDiagnostics(notShown)}`,
  );
  if (!valid) run.failures.push(`${run.settings.file} is invalid`);
}

async function statusJob(run: ActionRun): Promise<void> {
  const { check, report } = await statusOf(run);
  if (!report) return reportInvalidInventory(run, check, 'no status');
  run.outputs.overdue = report.summary.overdue;
  run.outputs.dueSoon = report.summary['due-soon'];
  run.summary.push(renderStatusMarkdown(report));
  const { failOn } = run.settings;
  if ((failOn === 'overdue' || failOn === 'due-soon') && statusMeetsThreshold(report, failOn)) {
    run.failures.push(`credentials are ${failOn === 'overdue' ? 'overdue' : 'due soon or overdue'}`);
  }
}

async function remindJob(run: ActionRun): Promise<void> {
  const repo = `${run.event.owner}/${run.event.repo}`;
  const issues = run.settings.githubToken
    ? createGitHubIssues({ token: run.settings.githubToken, repository: repo, baseUrl: run.apiUrl, log: (message) => core.info(message) })
    : undefined;
  const result = await remindRotations({ inventoryFile: run.settings.file, now: run.settings.now || run.today, repo, label: run.settings.label, dryRun: run.settings.dryRun, github: issues });
  if (!result.valid) return reportInvalidInventory(run, result.check, 'no reminders');
  const { counts } = result;
  const line = `created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}`;
  core.info(`reminders${result.dryRun ? ' (dry run)' : ''}: ${line}`);
  const rows = result.actions
    .filter((action) => action.kind !== 'unchanged')
    .map((action) => [markdownCode(action.id), action.kind, action.url ? `[#${action.number}](${markdownUrl(action.url)})` : markdownText(action.title ?? '')]);
  run.summary.push(`### Rotation reminders${result.dryRun ? ' (dry run)' : ''}\n\n${line}\n${rows.length > 0 ? `\n${markdownTable(['credential', 'action', 'issue'], rows)}\n` : ''}`);
}

const ZERO_SHA = /^0+$/;

/** The revision a plan compares against: the pull request's base, or the commit before a push. */
function planBase(event: WorkflowEvent): string | undefined {
  if (event.pullRequest?.baseSha) return event.pullRequest.baseSha;
  if (event.push?.before && !ZERO_SHA.test(event.push.before)) return event.push.before;
  return undefined;
}

function isReadOnlyTokenRefusal(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status === 403 || status === 404;
}

async function planJob(run: ActionRun): Promise<void> {
  const revisions = await openGitRepository(process.cwd());
  const base = planBase(run.event);
  // actions/checkout fetches one commit by default; the base is fetched here rather than asking for fetch-depth: 0.
  if (base && !(await revisions.fetchCommit(base))) {
    throw new Error(`the base commit ${base} is not in this clone and could not be fetched from origin: use actions/checkout with fetch-depth: 0`);
  }
  // Never a key here: a pull request's code and data are not trusted with secrets, and forks get none anyway.
  // pull_request_target checks out the base branch: plan the pull request's head commit, read as data only.
  let head: string | undefined;
  if (run.event.name === 'pull_request_target' && run.event.pullRequest?.headSha) {
    head = run.event.pullRequest.headSha;
    if (!(await revisions.fetchCommit(head))) throw new Error(`the pull request's head commit ${head} could not be fetched from origin`);
  }
  const { plan, valid } = await planInventoryChange({ file: run.settings.file, base, head, allowRollback: false, today: run.today }, { revisions, keyRing: undefined });
  const planFile = path.join(process.env.RUNNER_TEMP || process.cwd(), 'credledger-plan.json');
  await writeFile(planFile, redactRunSecrets(`${JSON.stringify(planToJson(plan), null, 2)}\n`));
  run.outputs.plan = planFile;
  run.outputs.changed = planHasChanges(plan);
  const { notShown } = annotateDiagnostics(plan.diagnostics);
  const headSha = run.event.pullRequest?.headSha || process.env.GITHUB_SHA || '';
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  const link = (file: string, line: number) => `${server}/${run.event.owner}/${run.event.repo}/blob/${headSha}/${file}#L${line}`;
  const markdown = renderPlanMarkdown(plan, { link });
  run.summary.push(markdown + renderUnshownDiagnostics(notShown));
  const pullRequest = run.event.pullRequest;
  if (pullRequest && run.settings.githubToken) {
    // A fork's pull_request token is read-only; pull_request_target's is not, which is how fork PRs get a comment.
    if (pullRequest.fromFork && run.event.name === 'pull_request') {
      core.notice('Pull request from a fork: its token is read-only, so the plan is in the job summary and the annotations, not in a comment.');
    } else {
      const octokit = createGitHubOctokit({ token: run.settings.githubToken, baseUrl: run.apiUrl, log: (message) => core.info(message) });
      try {
        // GITHUB_TOKEN cannot read /user (403): its comments are github-actions[bot]'s. A personal token can.
        const authorLogin = await octokit.rest.users.getAuthenticated().then((answer) => answer.data.login, () => undefined);
        const target = { owner: run.event.owner, repo: run.event.repo, issueNumber: pullRequest.number, marker: PLAN_COMMENT_MARKER, ...(authorLogin ? { authorLogin } : {}) };
        const outcome = await upsertStickyComment(octokit, target, markdown);
        core.info(`plan comment ${outcome.action}: ${outcome.url}`);
      } catch (error) {
        if (!isReadOnlyTokenRefusal(error)) throw error;
        core.warning(`could not write the plan comment (${(error as Error).message}); give the workflow \`permissions: pull-requests: write\`. The plan is in the job summary.`);
      }
    }
  }
  if (!valid) run.failures.push('the plan has errors');
}

async function applyJob(run: ActionRun): Promise<void> {
  if (isPullRequestEvent(run.event)) throw new Error(`apply is refused on ${run.event.name}`);
  const { settings } = run;
  const branchRefusal = settings.allowNonDefaultBranch ? undefined : refuseApplyBranch(run.event);
  if (branchRefusal !== undefined) throw new Error(branchRefusal);
  if (!settings.key) throw new Error('apply needs the `key` input: the CREDLEDGER_KEY (or CREDLEDGER_SEALING_KEY) secret of the environment that guards the deployment');
  if (settings.environment !== '') await warnOnUnprotectedEnvironment(run, settings.environment);
  const ring = await loadKeyRing({ env: { CREDLEDGER_KEY: settings.key } });
  const { check, report } = await applyInventory({
    file: settings.file,
    today: run.today,
    ring,
    env: process.env,
    clock: () => new Date(),
    ...(settings.deployments.length > 0 ? { deployments: settings.deployments } : {}),
    dryRun: settings.dryRun,
    all: settings.all,
    ...(settings.rehydrate === '' ? {} : { rehydrate: settings.rehydrate }),
    allowRollback: settings.allowRollback,
    allowNonDefaultBranch: settings.allowNonDefaultBranch,
    ...(run.event.defaultBranch === undefined ? {} : { defaultBranch: run.event.defaultBranch }),
    allowInsecureHttp: settings.allowInsecureHttp,
    ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
    ...(settings.stateRef === '' ? {} : { stateRef: settings.stateRef }),
    // Values, and the DocuElevate credentials read from the environment.
    onSecretDecrypted: maskSecret,
  });
  if (!report) return reportInvalidInventory(run, check, 'nothing was applied');
  core.info(renderApplyText(report));
  run.summary.push(renderApplyMarkdown(report));
  run.outputs.changed = report.summary.done > 0;
  const outcome = assessApplyReport(report);
  if (outcome !== 'ok') run.failures.push(outcome === 'external' ? 'a deployment or the applied state could not be used' : 'some operations failed or were skipped');
}

/**
 * GitHub creates an environment a job names without any protection rule: apply would then run unreviewed. Warns when
 * the API shows none; says so when the token may not read it (the environments API needs `actions: read`).
 */
async function warnOnUnprotectedEnvironment(run: ActionRun, name: string): Promise<void> {
  if (!run.settings.githubToken) return;
  const octokit = createGitHubOctokit({ token: run.settings.githubToken, baseUrl: run.apiUrl, log: (message) => core.info(message) });
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { owner: run.event.owner, repo: run.event.repo, environment_name: name });
    const rules = (data as { protection_rules?: readonly unknown[] }).protection_rules ?? [];
    if (rules.length === 0) {
      core.warning(
        `environment ${name} has no protection rules: apply runs without review. Add required reviewers (and deployment branches limited to the default branch) in Settings → Environments → ${name}.`,
      );
    } else {
      core.info(`environment ${name}: ${rules.length} protection rule(s)`);
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404) core.warning(`environment ${name} does not exist in ${run.event.owner}/${run.event.repo}: check the job's \`environment:\` and the \`environment\` input`);
    else if (status === 403 || status === 401) core.info(`could not read the protection rules of environment ${name} (HTTP ${status}): give the job \`permissions: actions: read\` to have them checked`);
    else throw error;
  }
}

async function auditJob(run: ActionRun): Promise<void> {
  const { check, report } = await auditDeployments({
    file: run.settings.file,
    today: run.today,
    env: process.env,
    ...(run.settings.deployments.length > 0 ? { deployments: run.settings.deployments } : {}),
    allowInsecureHttp: run.settings.allowInsecureHttp,
    onSecret: maskSecret,
  });
  if (!report) return reportInvalidInventory(run, check, 'nothing was audited');
  run.summary.push(renderAuditMarkdown(report));
  const threshold = run.settings.failOn === 'untracked' || run.settings.failOn === 'any' ? run.settings.failOn : 'never';
  const outcome = assessAuditReport(report, threshold);
  if (outcome === 'external') run.failures.push('a deployment could not be audited');
  else if (outcome === 'findings') run.failures.push(`the audit found ${threshold === 'any' ? 'differences' : 'untracked credentials'}`);
}

const JOBS: Record<ResolvedJob, Job> = {
  validate: validateJob,
  status: statusJob,
  remind: remindJob,
  plan: planJob,
  apply: applyJob,
  audit: auditJob,
};

function statusOf(run: ActionRun): Promise<StatusResult> {
  run.status ??= reportStatus({ file: run.settings.file, now: run.settings.now || run.today, today: run.today });
  return run.status;
}

/** Outputs every job can use: the deployments (for a matrix) and the rotation counts, when the inventory reads. */
async function fillInventoryOutputs(run: ActionRun): Promise<void> {
  const { check, report } = await statusOf(run).catch(() => ({ check: undefined, report: undefined }));
  if (check?.inventory) {
    const names = [...check.inventory.deployments.keys()];
    run.outputs.deployments = run.settings.deployments.length > 0 ? names.filter((name) => run.settings.deployments.includes(name)) : names;
  }
  if (report) {
    run.outputs.overdue = report.summary.overdue;
    run.outputs.dueSoon = report.summary['due-soon'];
  }
}

function writeOutputs(run: ActionRun): void {
  core.setOutput('changed', run.outputs.changed ? 'true' : 'false');
  core.setOutput('overdue', String(run.outputs.overdue));
  core.setOutput('due-soon', String(run.outputs.dueSoon));
  core.setOutput('deployments', JSON.stringify(run.outputs.deployments));
  core.setOutput('plan', run.outputs.plan);
}

/**
 * Routes everything the process prints through the run's redaction: workflow commands, logs, annotations and
 * `::error::` lines alike. `::add-mask::` lines pass as they are: the runner needs the secret to mask it.
 */
function redactProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'string' || chunk.startsWith('::add-mask::')) return write(chunk, ...rest);
      return write(redactRunSecrets(chunk), ...rest);
    }) as typeof stream.write;
  }
}

/** Runs the action once. Never throws: failures end in core.setFailed. */
export async function run(): Promise<void> {
  redactProcessOutput();
  try {
    const settings = readActionSettings();
    const event = readWorkflowEvent(github.context);
    const jobs = resolveJobs(settings.command, event);
    if (isPullRequestEvent(event) && jobs.includes('apply')) {
      throw new Error(`apply is refused on ${event.name}: values are never decrypted for a pull request. Apply runs on push to the default branch.`);
    }
    const state: ActionRun = {
      settings,
      event,
      today: toCalendarDate(new Date()),
      apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      jobs,
      outputs: { changed: false, overdue: 0, dueSoon: 0, deployments: [], plan: '' },
      failures: [],
      summary: [],
    };
    core.info(`credledger: ${event.name} → ${jobs.join(' + ')}`);
    await fillInventoryOutputs(state);
    for (const job of jobs) await core.group(`credledger ${job}`, () => JOBS[job](state));
    writeOutputs(state);
    if (state.summary.length > 0) await core.summary.addRaw(redactRunSecrets(state.summary.join('\n\n'))).write();
    if (state.failures.length > 0) core.setFailed(state.failures.join('; '));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

