// The validate job: the inventory's diagnostics as annotations and a line of the summary.
import { markdownCode } from '../../core/markdown.js';
import { validateInventory } from '../../app/validate.js';
import type { ActionRun } from '../action-run.js';
import { annotateDiagnostics, renderUnshownDiagnostics } from '../annotations.js';

export async function validateJob(run: ActionRun): Promise<void> {
  const { check, valid } = await validateInventory({ file: run.settings.file, today: run.today });
  // On pull requests the plan carries the same diagnostics (at head): annotate them once, there.
  const { notShown } = run.jobs.includes('plan') ? { notShown: [] } : annotateDiagnostics(check.diagnostics);
  const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
  run.summary.push(
    `### Inventory ${markdownCode(run.settings.file)}\n\n${valid ? '✅ valid' : '❌ invalid'}: ${errors} error(s), ${check.diagnostics.length - errors} warning(s).\n${renderUnshownDiagnostics(notShown)}`,
  );
  if (!valid) run.failures.push(`${run.settings.file} is invalid`);
}
