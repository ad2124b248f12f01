// The GitHub Action: reads the settings and the event once, maps the event to jobs, runs them, and publishes what
// they gathered (outputs, the job summary). One catch, ending in core.setFailed.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { toCalendarDate } from '../core/dates.js';
import { redactRunSecrets } from '../crypto/run-secrets.js';
import { UsageError } from '../ports/errors.js';
import { fillInventoryOutputs, writeOutputs, type ActionRun } from './action-run.js';
import { readActionSettings, readRunnerSettings } from './action-settings.js';
import { JOBS } from './jobs.js';
import { isPullRequestEvent, readWorkflowEvent, resolveJobs } from './workflow-event.js';
// The Action may place findings and edit inventories anywhere: the yaml Document API is always installed here.
import '../core/yaml-document.js';

export { PLAN_COMMENT_MARKER } from '../app/plan-comment.js';

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
    const runner = readRunnerSettings(process.env, process.cwd());
    const event = readWorkflowEvent(github.context, runner.repository);
    const jobs = resolveJobs(settings.command, event);
    if (isPullRequestEvent(event) && jobs.includes('apply')) {
      throw new UsageError(`apply is refused on ${event.name}: values are never decrypted for a pull request. Apply runs on push to the default branch.`);
    }
    const state: ActionRun = {
      settings,
      runner,
      event,
      today: toCalendarDate(new Date()),
      jobs,
      outputs: { changed: false, overdue: 0, dueSoon: 0, deployments: [], plan: '' },
      failures: [],
      summary: [],
    };
    core.info(`credledger: ${event.name} → ${jobs.join(' + ')}`);
    await fillInventoryOutputs(state);
    for (const job of jobs) await core.group(`credledger ${job}`, () => JOBS[job](state));
    writeOutputs(state.outputs);
    if (state.summary.length > 0) await core.summary.addRaw(redactRunSecrets(state.summary.join('\n\n'))).write();
    if (state.failures.length > 0) core.setFailed(state.failures.join('; '));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
