// The remind job: one issue per due or overdue credential, and what changed in the summary.
import { markdownCode, markdownTable, markdownText, markdownUrl } from '../../core/markdown.js';
import * as core from '@actions/core';
import { remindRotations } from '../../app/remind.js';
import { gitHubRotationIssues } from '../../wiring/github.js';
import { reportInvalidInventory, repositoryOf, type ActionRun } from '../action-run.js';

export async function remindJob(run: ActionRun): Promise<void> {
  const repo = repositoryOf(run);
  const issues = run.settings.githubToken
    ? gitHubRotationIssues({ token: run.settings.githubToken, repository: repo, baseUrl: run.runner.apiUrl, log: (message) => core.info(message) })
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
