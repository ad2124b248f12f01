// The rotate job, what a schedule runs: `rotate --due` (a pull request for each due credential with a driver), then
// `rotate --finish` (every rotation under way one evidence-backed step on). Ids and phases in the summary, never a value.
import * as core from '@actions/core';
import path from 'node:path';
import { loadOptionalKeyRing } from '../../app/key-source.js';
import { finishRotations } from '../../app/rotate-finish.js';
import { previewRotations } from '../../app/rotate-preview.js';
import { rotateCredentials } from '../../app/rotate.js';
import { renderRotateMarkdown, rotateCountsLine, type RotateFinishRow, type RotateRunReport, type RotateStartRow } from '../../core/render-rotate.js';
import { UsageError } from '../../ports/errors.js';
import { appliedStateReader, createRotationDrivers, gitHubRotationReview, openRotationRepository } from '../../wiring/rotation.js';
import { repositoryOf, type ActionRun } from '../action-run.js';
import { isPullRequestEvent } from '../workflow-event.js';

export async function rotateJob(run: ActionRun): Promise<void> {
  const { settings, runner } = run;
  // A pull request's code must never hold the rotator's issuer credentials or push a branch of its own.
  if (isPullRequestEvent(run.event)) throw new UsageError(`rotate is refused on ${run.event.name}: it runs on schedule or workflow_dispatch`);
  // A pretend day would write a false `rotated:` beside real issuer timestamps: rotation only acts on today.
  if (settings.now !== '') throw new UsageError(`input \`now\` is for status, remind and audit; rotate acts on the real date (it records \`rotated\` and the issuer's own times): remove it`);
  const file = path.resolve(runner.workspace, settings.file);
  const openGit = () => openRotationRepository({ file, env: runner.env });
  const started: RotateStartRow[] = [];
  const finished: RotateFinishRow[] = [];
  const errors: { part: 'due' | 'finish'; message: string }[] = [];
  const attempt = async (part: 'due' | 'finish', work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      // The other part still runs: a failed new rotation must not hold back the finish of one under way.
      const message = error instanceof Error ? error.message : String(error);
      core.error(`rotate ${part === 'due' ? '--due' : '--finish'}: ${message}`);
      errors.push({ part, message });
    }
  };

  if (settings.dryRun) {
    await attempt('due', async () => {
      const preview = await previewRotations({ file, today: run.today, openGit });
      started.push(...preview.wouldRotate.map((row) => ({ kind: 'would-rotate' as const, ...row })), ...preview.manual.map((row) => ({ kind: 'manual' as const, ...row })));
      finished.push(...preview.underWay.map((record) => ({ credential: record.credential, rotationId: record.id, from: record.phase, to: record.phase, notes: ['dry run: not advanced'] })));
    });
  } else {
    if (!settings.githubToken) throw new UsageError('rotate needs the `github-token` input (contents: write, pull-requests: write, issues: write) for its pull requests and issues');
    const review = () => gitHubRotationReview({ token: settings.githubToken, repository: repositoryOf(run), baseUrl: runner.apiUrl, log: (message) => core.info(message) });
    const drivers = createRotationDrivers(runner.env);
    await attempt('due', async () => {
      // The key seals the new values only when the inventory lists no encryption.recipients.
      const ring = settings.key === '' ? undefined : await loadOptionalKeyRing({ env: { CREDLEDGER_KEY: settings.key } });
      const result = await rotateCredentials({ file, today: run.today, clock: () => new Date(), due: true, ...(ring === undefined ? {} : { ring }), drivers, openGit, openReview: review });
      started.push(...result.outcomes);
    });
    await attempt('finish', async () => {
      const outcomes = await finishRotations({
        today: run.today,
        clock: () => new Date(),
        drivers,
        git: await openGit(),
        review: await review(),
        loadAppliedState: appliedStateReader(path.dirname(file), runner.env),
        ...(settings.quietPeriodMs === undefined ? {} : { quietPeriodMs: settings.quietPeriodMs }),
        ...(settings.pendingTtlMs === undefined ? {} : { pendingTtlMs: settings.pendingTtlMs }),
      });
      finished.push(...outcomes);
    });
  }

  const report: RotateRunReport = { dryRun: settings.dryRun, started, finished, errors };
  core.info(`rotate${settings.dryRun ? ' (dry run)' : ''}: ${rotateCountsLine(report)}`);
  run.summary.push(renderRotateMarkdown(report));
  run.outputs.rotations = started.map((row) => ({
    credential: row.credential,
    action: row.kind,
    ...(row.kind === 'opened' ? { pullRequest: row.pullRequest.number, ...(row.resumed ? { resumed: true } : {}), ...(row.oldIssuerId === undefined ? {} : { oldIssuerId: row.oldIssuerId }), ...(row.newIssuerId === undefined ? {} : { newIssuerId: row.newIssuerId }) } : {}),
  }));
  run.outputs.finished = finished.map((row) => ({ credential: row.credential, rotation: row.rotationId, from: row.from, to: row.to }));
  if (!settings.dryRun) run.outputs.changed = started.some((row) => row.kind === 'opened' && !row.resumed) || finished.some((row) => row.from !== row.to);
  const refused = started.filter((row) => row.kind === 'refused').map((row) => row.credential);
  if (refused.length > 0) run.failures.push(`rotation refused for ${refused.join(', ')}`);
  if (errors.length > 0) run.failures.push(`rotate ${errors.map((error) => (error.part === 'due' ? '--due' : '--finish')).join(' and ')} failed`);
}
