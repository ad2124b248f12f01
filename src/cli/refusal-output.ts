// Writing a refused command's diagnostics to stderr the way validate shows them: place, message, caret.
import type { Refusal } from '../app/value-place.js';
import { isError } from '../core/diagnostics.js';
import { renderDiagnosticsText } from '../core/render-diagnostics.js';
import { styleFor, type CliIo } from './cli-io.js';

/** Writes the reasons and a closing line (e.g. "nothing was written") to stderr. */
export function writeRefusal(io: CliIo, refusal: Refusal, closing: string): void {
  io.stderr.write(`${renderDiagnosticsText(refusal.diagnostics.filter(isError), refusal.source.lines, styleFor(io.stderr, io.env))}\n\n${closing}\n`);
}
