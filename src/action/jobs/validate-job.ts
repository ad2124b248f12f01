// The validate job: the inventory's diagnostics as annotations and a line of the summary.
import { validateInventory } from '../../app/validate.js';
import { renderValidateSummary } from '../../core/render-validate.js';
import type { ActionRun } from '../action-run.js';
import { annotateDiagnostics } from '../annotations.js';

export async function validateJob(run: ActionRun): Promise<void> {
  const { check, valid } = await validateInventory({ file: run.settings.file, today: run.today });
  // On pull requests the plan carries the same diagnostics (at head): annotate them once, there.
  const { notShown } = run.jobs.includes('plan') ? { notShown: [] } : annotateDiagnostics(check.diagnostics);
  run.summary.push(renderValidateSummary({ file: run.settings.file, valid, diagnostics: check.diagnostics, notShown }));
  if (!valid) run.failures.push(`${run.settings.file} is invalid`);
}
