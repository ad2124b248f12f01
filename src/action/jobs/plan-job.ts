// The plan job: the plan of the pull request (or push) as a JSON file, annotations, the summary and one PR comment.
import { redactRunSecrets } from '../../crypto/run-secrets.js';
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publishPlanComment } from '../../app/plan-comment.js';
import { planInventoryChange } from '../../app/plan.js';
import { planHasChanges } from '../../core/plan.js';
import { planToJson, renderPlanMarkdown } from '../../core/render-plan.js';
import { renderUnshownDiagnostics } from '../../core/render-validate.js';
import { ExternalError } from '../../ports/errors.js';
import { openInventoryRevisions } from '../../wiring/git.js';
import { gitHubPullRequestComments } from '../../wiring/github.js';
import { repositoryOf, type ActionRun } from '../action-run.js';
import { annotateDiagnostics } from '../annotations.js';
import type { WorkflowEvent } from '../workflow-event.js';

const ZERO_SHA = /^0+$/;

/** The revision a plan compares against: the pull request's base, or the commit before a push. */
function planBase(event: WorkflowEvent): string | undefined {
  if (event.pullRequest?.baseSha) return event.pullRequest.baseSha;
  if (event.push?.before && !ZERO_SHA.test(event.push.before)) return event.push.before;
  return undefined;
}

export async function planJob(run: ActionRun): Promise<void> {
  const revisions = await openInventoryRevisions(run.runner.workspace);
  const base = planBase(run.event);
  // actions/checkout fetches one commit by default; the base is fetched here rather than asking for fetch-depth: 0.
  if (base && !(await revisions.fetchCommit(base))) {
    throw new ExternalError(`the base commit ${base} is not in this clone and could not be fetched from origin: use actions/checkout with fetch-depth: 0`);
  }
  // Never a key here: a pull request's code and data are not trusted with secrets, and forks get none anyway.
  // pull_request_target checks out the base branch: plan the pull request's head commit, read as data only.
  let head: string | undefined;
  if (run.event.name === 'pull_request_target' && run.event.pullRequest?.headSha) {
    head = run.event.pullRequest.headSha;
    if (!(await revisions.fetchCommit(head))) throw new ExternalError(`the pull request's head commit ${head} could not be fetched from origin`);
  }
  const { plan, valid } = await planInventoryChange({ file: run.settings.file, base, head, allowRollback: false, today: run.today }, { revisions, keyRing: undefined });
  const planFile = path.join(run.runner.tempDirectory, 'credledger-plan.json');
  await writeFile(planFile, redactRunSecrets(`${JSON.stringify(planToJson(plan), null, 2)}\n`));
  run.outputs.plan = planFile;
  run.outputs.changed = planHasChanges(plan);
  const { notShown } = annotateDiagnostics(plan.diagnostics);
  const headSha = run.event.pullRequest?.headSha || run.runner.sha;
  const link = (file: string, line: number) => `${run.runner.serverUrl}/${run.event.owner}/${run.event.repo}/blob/${headSha}/${file}#L${line}`;
  const markdown = renderPlanMarkdown(plan, { link });
  run.summary.push(markdown + renderUnshownDiagnostics(notShown));
  if (run.event.pullRequest) await commentOnPullRequest(run, run.event.pullRequest, markdown);
  if (!valid) run.failures.push('the plan has errors');
}

async function commentOnPullRequest(run: ActionRun, pullRequest: NonNullable<WorkflowEvent['pullRequest']>, markdown: string): Promise<void> {
  const { githubToken } = run.settings;
  const comments = githubToken ? gitHubPullRequestComments({ token: githubToken, repository: repositoryOf(run), baseUrl: run.runner.apiUrl, log: (message) => core.info(message) }) : undefined;
  const result = await publishPlanComment({ comments, pullRequest, eventName: run.event.name, body: markdown });
  if (result.kind === 'written') core.info(`plan comment ${result.action}: ${result.url}`);
  else if (result.kind === 'fork') core.notice('Pull request from a fork: its token is read-only, so the plan is in the job summary and the annotations, not in a comment.');
  else if (result.kind === 'refused') core.warning(`could not write the plan comment (${result.reason}); give the workflow \`permissions: pull-requests: write\`. The plan is in the job summary.`);
}
