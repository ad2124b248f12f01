// The validate job's part of the Action's job summary: the inventory's verdict, and the diagnostics the runner's
// annotations could not show. Every name in it (the file, codes, messages) goes through core/markdown.ts.
import type { Diagnostic } from './diagnostics.js';
import { markdownCode, markdownMessage } from './markdown.js';

/** A Markdown list of the diagnostics that the annotations could not show, folded in `<details>`; empty for none. */
export function renderUnshownDiagnostics(notShown: readonly Diagnostic[]): string {
  if (notShown.length === 0) return '';
  const lines = notShown.map((d) => `- ${markdownCode(`${d.file}:${d.line}:${d.column}`)} **${d.severity}** ${markdownCode(d.code)}: ${markdownMessage(d.message)}`);
  return `\n<details><summary>${notShown.length} more diagnostic${notShown.length === 1 ? '' : 's'} than GitHub shows as annotations</summary>\n\n${lines.join('\n')}\n\n</details>\n`;
}

export interface ValidateSummary {
  /** The inventory file, as the `file` input names it. */
  readonly file: string;
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Those of `diagnostics` that did not fit in the annotations. */
  readonly notShown: readonly Diagnostic[];
}

/** `### Inventory <file>`, valid or not with the counts, then the diagnostics the annotations left out. */
export function renderValidateSummary(summary: ValidateSummary): string {
  const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
  const verdict = summary.valid ? '✅ valid' : '❌ invalid';
  return `### Inventory ${markdownCode(summary.file)}\n\n${verdict}: ${errors} error(s), ${summary.diagnostics.length - errors} warning(s).\n${renderUnshownDiagnostics(summary.notShown)}`;
}
