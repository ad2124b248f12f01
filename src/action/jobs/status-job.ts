// The status job: the rotation table in the summary, the counts as outputs, and the `fail-on` threshold.
import { renderStatusMarkdown } from '../../core/render-status.js';
import { statusMeetsThreshold } from '../../core/status-report.js';
import { reportInvalidInventory, statusOf, type ActionRun } from '../action-run.js';

export async function statusJob(run: ActionRun): Promise<void> {
  const { check, report } = await statusOf(run);
  if (!report) return reportInvalidInventory(run, check, 'no status');
  run.outputs.overdue = report.summary.overdue;
  run.outputs.dueSoon = report.summary['due-soon'];
  run.summary.push(renderStatusMarkdown(report));
  const { failOn } = run.settings;
  if ((failOn === 'overdue' || failOn === 'due-soon') && statusMeetsThreshold(report, failOn)) {
    run.failures.push(`credentials are ${failOn === 'overdue' ? 'overdue' : 'due soon or overdue'}`);
  }
}
