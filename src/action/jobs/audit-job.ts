// The audit job: each deployment's credential list against the inventory, read-only, in the summary.
import * as core from '@actions/core';
import { auditDeployments } from '../../app/audit.js';
import { loadKeyRing } from '../../app/key-source.js';
import { assessAuditReport } from '../../core/audit.js';
import { renderAuditMarkdown } from '../../core/render-audit.js';
import { describeProgressStep } from '../../core/run-progress.js';
import { auditCollaborators } from '../../wiring/apply.js';
import { maskSecret, reportInvalidInventory, type ActionRun } from '../action-run.js';
import { isPullRequestEvent } from '../workflow-event.js';

export async function auditJob(run: ActionRun): Promise<void> {
  // Optional: with the key, a password variable left stale by an admin_password rotation does not stop the audit.
  // Never on a pull request, whose inventory (and so its deployment URLs) is not yet reviewed.
  const ring = run.settings.key && !isPullRequestEvent(run.event) ? await loadKeyRing({ env: { CREDLEDGER_KEY: run.settings.key } }) : undefined;
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
  const threshold = run.settings.failOn === 'untracked' || run.settings.failOn === 'any' ? run.settings.failOn : 'never';
  const outcome = assessAuditReport(report, threshold);
  if (outcome === 'external') run.failures.push('a deployment could not be audited');
  else if (outcome === 'findings') run.failures.push(`the audit found ${threshold === 'any' ? 'differences' : 'untracked credentials'}`);
}
