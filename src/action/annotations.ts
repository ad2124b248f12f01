// Diagnostics as GitHub annotations, within the runner's limit of 10 errors and 10 warnings per step.
import * as core from '@actions/core';
import type { Diagnostic } from '../core/diagnostics.js';

/** The runner shows at most this many annotations of each severity per step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

export interface AnnotationOutcome {
  /** Diagnostics that did not fit, for the comment and the summary. */
  readonly notShown: readonly Diagnostic[];
}

/** Emits up to 10 error and 10 warning annotations at file:line:col; returns the rest. */
export function annotateDiagnostics(diagnostics: readonly Diagnostic[]): AnnotationOutcome {
  const shown = { error: 0, warning: 0 };
  const notShown: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (shown[diagnostic.severity] >= ANNOTATIONS_PER_SEVERITY) {
      notShown.push(diagnostic);
      continue;
    }
    shown[diagnostic.severity] += 1;
    const properties: core.AnnotationProperties = {
      title: diagnostic.code,
      file: diagnostic.file,
      startLine: diagnostic.line,
      startColumn: diagnostic.column,
      ...(diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? { endLine: diagnostic.endLine, endColumn: diagnostic.endColumn } : {}),
    };
    if (diagnostic.severity === 'error') core.error(diagnostic.message, properties);
    else core.warning(diagnostic.message, properties);
  }
  return { notShown };
}

