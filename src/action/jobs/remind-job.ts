// The remind job: one issue per due or overdue credential, and what changed in the summary.
import * as core from '@actions/core';
import { remindRotations } from '../../app/remind.js';
import { remindCountsLine, renderRemindSummary } from '../../core/render-remind.js';
import { gitHubRotationIssues } from '../../wiring/github.js';
import { reportInvalidInventory, repositoryOf, type ActionRun } from '../action-run.js';

export async function remindJob(run: ActionRun): Promise<void> {
  const repo = repositoryOf(run);
  const issues = run.settings.githubToken
    ? gitHubRotationIssues({ token: run.settings.githubToken, repository: repo, baseUrl: run.runner.apiUrl, log: (message) => core.info(message) })
    : undefined;
  const result = await remindRotations({ inventoryFile: run.settings.file, now: run.settings.now || run.today, repo, label: run.settings.label, dryRun: run.settings.dryRun, github: issues });
  if (!result.valid) return reportInvalidInventory(run, result.check, 'no reminders');
  core.info(`reminders${result.dryRun ? ' (dry run)' : ''}: ${remindCountsLine(result.counts)}`);
  run.summary.push(renderRemindSummary(result));
}
