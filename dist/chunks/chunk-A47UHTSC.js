import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  styleFor
} from "./chunk-3QN2XHNO.js";
import {
  renderDiagnosticsText,
  sourceLinesOf
} from "./chunk-NYFEOMVJ.js";

// src/cli/refusal-output.ts
function writeRefusal(io, refusal, closing) {
  const errors = refusal.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  io.stderr.write(`${renderDiagnosticsText(errors, sourceLinesOf(refusal.source.text), styleFor(io.stderr, io.env))}

${closing}
`);
}

export {
  writeRefusal
};
