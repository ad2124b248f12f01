// The apply job: only on the default branch, with the key from a secret, every secret masked before anything is sent.
import * as core from '@actions/core';
import { applyInventory } from '../../app/apply.js';
import { checkEnvironmentProtection } from '../../app/environment-protection.js';
import { loadKeyRing } from '../../app/key-source.js';
import { assessApplyReport } from '../../core/apply-report.js';
import { renderApplyMarkdown, renderApplyText } from '../../core/render-apply.js';
import { describeProgressStep } from '../../core/run-progress.js';
import { UsageError } from '../../ports/errors.js';
import { applyCollaborators } from '../../wiring/apply.js';
import { gitHubEnvironments } from '../../wiring/github.js';
import { maskSecret, reportInvalidInventory, repositoryOf, type ActionRun } from '../action-run.js';
import { isPullRequestEvent, refuseApplyBranch } from '../workflow-event.js';

export async function applyJob(run: ActionRun): Promise<void> {
  if (isPullRequestEvent(run.event)) throw new UsageError(`apply is refused on ${run.event.name}`);
  const { settings, runner } = run;
  const branchRefusal = settings.allowNonDefaultBranch ? undefined : refuseApplyBranch(run.event);
  if (branchRefusal !== undefined) throw new UsageError(branchRefusal);
  if (!settings.key) throw new UsageError('apply needs the `key` input: the CREDLEDGER_KEY (or CREDLEDGER_SEALING_KEY) secret of the environment that guards the deployment');
  if (settings.environment !== '' && settings.githubToken) {
    const environments = gitHubEnvironments({ token: settings.githubToken, repository: repositoryOf(run), baseUrl: runner.apiUrl, log: (message) => core.info(message) });
    const protection = await checkEnvironmentProtection(environments, settings.environment, repositoryOf(run));
    if (protection.level === 'warning') core.warning(protection.message);
    else core.info(protection.message);
  }
  const ring = await loadKeyRing({ env: { CREDLEDGER_KEY: settings.key } });
  const { check, report } = await applyInventory({
    file: settings.file,
    today: run.today,
    ring,
    env: runner.env,
    clock: () => new Date(),
    ...applyCollaborators(runner.env),
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
    // Each step in the log as it happens, so a slow deployment is visible (names and counts, never a value).
    onProgress: (progress) => core.info(`apply: ${describeProgressStep(progress)}`),
  });
  if (!report) return reportInvalidInventory(run, check, 'nothing was applied');
  core.info(renderApplyText(report));
  run.summary.push(renderApplyMarkdown(report));
  run.outputs.changed = report.summary.done > 0;
  const outcome = assessApplyReport(report);
  if (outcome !== 'ok') run.failures.push(outcome === 'external' ? 'a deployment or the applied state could not be used' : 'some operations failed or were skipped');
}
