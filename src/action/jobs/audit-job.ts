// The audit job: each deployment's credential list against the inventory, read-only, in the summary; on a schedule,
// the one drift issue kept up to date.
import * as core from '@actions/core';
import { auditDeployments } from '../../app/audit.js';
import { keepDriftIssue } from '../../app/drift-issue.js';
import { loadOptionalKeyRing } from '../../app/key-source.js';
import { assessAuditReport } from '../../core/audit.js';
import { describeDriftIssueOutcome, renderDriftIssueNotKept, renderDriftIssueSummary } from '../../core/drift-issue.js';
import { renderAuditMarkdown } from '../../core/render-audit.js';
import { describeProgressStep } from '../../core/run-progress.js';
import { auditCollaborators } from '../../wiring/apply.js';
import { gitHubRotationIssues } from '../../wiring/github.js';
import { maskSecret, reportInvalidInventory, repositoryOf, type ActionRun } from '../action-run.js';
import { isPullRequestEvent } from '../workflow-event.js';

/**
 * Audits the deployments (with the `key` input, when given, so masked values are compared too) and writes the report
 * to the job summary. A scheduled audit of every deployment with a GitHub token also keeps the drift issue: opened
 * on findings, edited in place, closed when the audit is clean, reopened on new drift (`dry-run`: planned only).
 */
export async function auditJob(run: ActionRun): Promise<void> {
  // Optional. With the key, masked values are compared, and a password variable left stale by an admin_password
  // rotation does not stop the audit. Never on a pull request, whose inventory (and so its deployment URLs) is not
  // yet reviewed.
  const ring = run.settings.key !== '' && !isPullRequestEvent(run.event) ? await loadOptionalKeyRing({ env: { CREDLEDGER_KEY: run.settings.key } }) : undefined;
  const { check, report } = await auditDeployments({
    file: run.settings.file,
    today: run.today,
    env: run.runner.env,
    ...auditCollaborators(run.runner.env),
    ...(ring === undefined ? {} : { ring }),
    ...(run.settings.deployments.length > 0 ? { deployments: run.settings.deployments } : {}),
    allowInsecureHttp: run.settings.allowInsecureHttp,
    onSecret: maskSecret,
    onProgress: (progress) => core.info(`audit: ${describeProgressStep(progress)}`),
  });
  if (!report) return reportInvalidInventory(run, check, 'nothing was audited');
  run.summary.push(renderAuditMarkdown(report));
  await keepTheDriftIssue(run, report);
  const threshold = run.settings.failOn === 'untracked' || run.settings.failOn === 'any' ? run.settings.failOn : 'never';
  const outcome = assessAuditReport(report, threshold);
  if (outcome === 'external') run.failures.push('a deployment could not be audited');
  else if (outcome === 'findings') run.failures.push(`the audit found ${threshold === 'any' ? 'differences' : 'untracked credentials'}`);
}

async function keepTheDriftIssue(run: ActionRun, report: Parameters<typeof keepDriftIssue>[0]['report']): Promise<void> {
  // Only a scheduled audit of every deployment keeps the issue: one of several matrix jobs, each auditing one
  // deployment, would close the issue another had just opened. Other runs report in the summary alone.
  if (run.event.name !== 'schedule' || run.settings.githubToken === '') return;
  if (run.settings.deployments.length > 0) {
    run.summary.push(renderDriftIssueNotKept());
    return;
  }
  const github = gitHubRotationIssues({ token: run.settings.githubToken, repository: repositoryOf(run), baseUrl: run.runner.apiUrl, log: (message) => core.info(message) });
  const result = await keepDriftIssue({ report, today: run.settings.now || run.today, dryRun: run.settings.dryRun, github });
  core.info(`drift issue${run.settings.dryRun ? ' (dry run)' : ''}: ${describeDriftIssueOutcome(result)}`);
  run.summary.push(renderDriftIssueSummary(result, run.settings.dryRun));
}
