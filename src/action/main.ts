// The GitHub Action: maps inputs and the triggering event to the use cases, then to annotations, outputs,
// the job summary and the pull-request comment. One catch, ending in core.setFailed.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { createGitHubIssues } from '../adapters/github-issues.js';
import { remindRotations } from '../app/remind.js';
import { reportStatus } from '../app/status.js';
import { validateInventory } from '../app/validate.js';
import { toCalendarDate } from '../core/dates.js';
import { renderStatusMarkdown } from '../core/render-status.js';
import { statusMeetsThreshold } from '../core/status-report.js';
import { annotateDiagnostics, renderUnshownDiagnostics } from './annotations.js';
import { readActionSettings, type ActionSettings } from './action-settings.js';
import { isPullRequestEvent, readWorkflowEvent, resolveJobs, type ResolvedJob, type WorkflowEvent } from './workflow-event.js';

/** The hidden marker that identifies credledger's pull-request comment. */
export const PLAN_COMMENT_MARKER = '<!-- credledger:plan -->';

/** What the jobs of one run share and accumulate. */
interface ActionRun {
  readonly settings: ActionSettings;
  readonly event: WorkflowEvent;
  readonly today: string;
  readonly apiUrl: string;
  outputs: { changed: boolean; overdue: number; dueSoon: number; deployments: string[]; plan: string };
  failures: string[];
  summary: string[];
}

type Job = (run: ActionRun) => Promise<void>;

async function validateJob(run: ActionRun): Promise<void> {
  const { check, valid } = await validateInventory({ file: run.settings.file, today: run.today });
  const { notShown } = annotateDiagnostics(check.diagnostics);
  const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
  run.summary.push(
    `### Inventory \`${run.settings.file}\`\n\n${valid ? '✅ valid' : '❌ invalid'}: ${errors} error(s), ${check.diagnostics.length - errors} warning(s).\n${renderUnshownDiagnostics(notShown)}`,
  );
  if (check.inventory) {
    const names = [...check.inventory.deployments.keys()];
    run.outputs.deployments = run.settings.deployments.length > 0 ? names.filter((name) => run.settings.deployments.includes(name)) : names;
  }
  if (!valid) run.failures.push(`${run.settings.file} is invalid`);
}

async function statusJob(run: ActionRun): Promise<void> {
  const { check, report } = await reportStatus({ file: run.settings.file, now: run.settings.now || run.today, today: run.today });
  if (!report) {
    annotateDiagnostics(check.diagnostics.filter((d) => d.severity === 'error'));
    run.failures.push(`${run.settings.file} is invalid; no status`);
    return;
  }
  run.outputs.overdue = report.summary.overdue;
  run.outputs.dueSoon = report.summary['due-soon'];
  run.summary.push(renderStatusMarkdown(report));
  if (run.settings.failOn !== 'never' && statusMeetsThreshold(report, run.settings.failOn)) {
    run.failures.push(`credentials are ${run.settings.failOn === 'overdue' ? 'overdue' : 'due soon or overdue'}`);
  }
}

async function remindJob(run: ActionRun): Promise<void> {
  const repo = `${run.event.owner}/${run.event.repo}`;
  const issues = run.settings.githubToken
    ? createGitHubIssues({ token: run.settings.githubToken, repository: repo, baseUrl: run.apiUrl, log: (message) => core.info(message) })
    : undefined;
  const result = await remindRotations({ inventoryFile: run.settings.file, now: run.settings.now || run.today, repo, label: run.settings.label, dryRun: run.settings.dryRun, github: issues });
  if (!result.valid) {
    run.failures.push(`${run.settings.file} is invalid; no reminders`);
    return;
  }
  const { counts } = result;
  const line = `created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}`;
  core.info(`reminders${result.dryRun ? ' (dry run)' : ''}: ${line}`);
  const rows = result.actions.filter((action) => action.kind !== 'unchanged').map((action) => `| \`${action.id}\` | ${action.kind} | ${action.url ? `[#${action.number}](${action.url})` : (action.title ?? '')} |`);
  run.summary.push(`### Rotation reminders${result.dryRun ? ' (dry run)' : ''}\n\n${line}\n${rows.length > 0 ? `\n| credential | action | issue |\n|---|---|---|\n${rows.join('\n')}\n` : ''}`);
}

const JOBS: Record<ResolvedJob, Job> = {
  validate: validateJob,
  status: statusJob,
  remind: remindJob,
  plan: async () => {
    throw new Error('plan is not available yet');
  },
  apply: async () => {
    throw new Error('apply is not available yet');
  },
  audit: async () => {
    throw new Error('audit is not available yet');
  },
};

function writeOutputs(run: ActionRun): void {
  core.setOutput('changed', run.outputs.changed ? 'true' : 'false');
  core.setOutput('overdue', String(run.outputs.overdue));
  core.setOutput('due-soon', String(run.outputs.dueSoon));
  core.setOutput('deployments', JSON.stringify(run.outputs.deployments));
  core.setOutput('plan', run.outputs.plan);
}

/** Runs the action once. Never throws: failures end in core.setFailed. */
export async function run(): Promise<void> {
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
      outputs: { changed: false, overdue: 0, dueSoon: 0, deployments: [], plan: '' },
      failures: [],
      summary: [],
    };
    core.info(`credledger: ${event.name} → ${jobs.join(' + ')}`);
    for (const job of jobs) await core.group(`credledger ${job}`, () => JOBS[job](state));
    writeOutputs(state);
    if (state.summary.length > 0) await core.summary.addRaw(state.summary.join('\n\n')).write();
    if (state.failures.length > 0) core.setFailed(state.failures.join('; '));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

