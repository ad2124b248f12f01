import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  styleFor
} from "./chunk-3QN2XHNO.js";
import {
  renderDiagnosticsText,
  sourceLinesOf
} from "./chunk-NYFEOMVJ.js";
import {
  isError
} from "./chunk-WWP5I3BF.js";

// src/cli/refusal-output.ts
function writeRefusal(io, refusal, closing) {
  io.stderr.write(`${renderDiagnosticsText(refusal.diagnostics.filter(isError), sourceLinesOf(refusal.source.text), styleFor(io.stderr, io.env))}

${closing}
`);
}

export {
  writeRefusal
};
