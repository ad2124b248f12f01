// The Action's audit job: audit every deployment, report in the job summary, and keep the one drift issue up to date.
import * as core from '@actions/core';
import { createGitHubIssues } from '../adapters/github-issues.js';
import { auditDeployments } from '../app/audit.js';
import { keepDriftIssue } from '../app/drift-issue.js';
import { loadOptionalKeyRing } from '../app/key-source.js';
import { assessAuditReport } from '../core/audit.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import { renderAuditMarkdown } from '../core/render-audit.js';
import type { SecretValue } from '../crypto/secret-value.js';
import type { ActionSettings } from './action-settings.js';
import type { WorkflowEvent } from './workflow-event.js';

/** What the audit job needs of the run, and what it adds to it. */
export interface AuditJobRun {
  readonly settings: ActionSettings;
  readonly event: WorkflowEvent;
  readonly today: string;
  readonly apiUrl: string;
  readonly failures: string[];
  readonly summary: string[];
}

/** The run's shared helpers, passed in so this file stays one job. */
export interface AuditJobHelpers {
  /** Registers a secret with the runner's masker. */
  readonly maskSecret: (secret: SecretValue) => void;
  /** Annotates an invalid inventory's errors and fails the step. */
  readonly reportInvalidInventory: (check: InventoryCheck, consequence: string) => void;
}

/**
 * Audits the deployments (with the key, when given, so masked values are compared too), writes the report to the job
 * summary and, on a schedule with a GitHub token, keeps the drift issue: opened on findings, edited in place, closed when the audit
 * is clean, reopened on new drift. `dry-run` reads the issue and says what it would do.
 */
export async function runAuditJob(run: AuditJobRun, helpers: AuditJobHelpers): Promise<void> {
  const ring = run.settings.key === '' ? undefined : await loadOptionalKeyRing({ env: { CREDLEDGER_KEY: run.settings.key } });
  const { check, report } = await auditDeployments({
    file: run.settings.file,
    today: run.today,
    env: process.env,
    ...(run.settings.deployments.length > 0 ? { deployments: run.settings.deployments } : {}),
    allowInsecureHttp: run.settings.allowInsecureHttp,
    onSecret: helpers.maskSecret,
    ...(ring === undefined ? {} : { ring }),
  });
  if (!report) return helpers.reportInvalidInventory(check, 'nothing was audited');
  run.summary.push(renderAuditMarkdown(report));
  // Only a scheduled audit of every deployment keeps the issue: one of several matrix jobs, each auditing one
  // deployment, would close the issue another had just opened. Other runs report in the summary alone.
  if (run.event.name === 'schedule' && run.settings.githubToken !== '' && run.settings.deployments.length > 0) {
    run.summary.push('### Drift issue\n\nnot kept: this run audits only some deployments (`deployment` input); a scheduled audit of every deployment keeps it.\n');
  } else if (run.event.name === 'schedule' && run.settings.githubToken !== '') {
    const repository = `${run.event.owner}/${run.event.repo}`;
    const github = createGitHubIssues({ token: run.settings.githubToken, repository, baseUrl: run.apiUrl, log: (message) => core.info(message) });
    const result = await keepDriftIssue({ report, today: run.settings.now || run.today, dryRun: run.settings.dryRun, github });
    const line = result.decided
      ? result.actions.map((action) => `${action.kind}${action.number === undefined ? '' : ` #${action.number}`}`).join(', ') || 'no drift issue needed'
      : 'left as it was: a deployment could not be audited';
    core.info(`drift issue${run.settings.dryRun ? ' (dry run)' : ''}: ${line}`);
    run.summary.push(`### Drift issue${run.settings.dryRun ? ' (dry run)' : ''}\n\n${line}\n`);
  }
  const threshold = run.settings.failOn === 'untracked' || run.settings.failOn === 'any' ? run.settings.failOn : 'never';
  const outcome = assessAuditReport(report, threshold);
  if (outcome === 'external') run.failures.push('a deployment could not be audited');
  else if (outcome === 'findings') run.failures.push(`the audit found ${threshold === 'any' ? 'differences' : 'untracked credentials'}`);
}
