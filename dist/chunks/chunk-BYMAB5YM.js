import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  styleFor
} from "./chunk-URZSO2AJ.js";
import {
  renderDiagnosticsText
} from "./chunk-4AI5OLC3.js";
import {
  isError
} from "./chunk-YUYCLIND.js";

// src/cli/refusal-output.ts
function writeRefusal(io, refusal, closing) {
  io.stderr.write(`${renderDiagnosticsText(refusal.diagnostics.filter(isError), refusal.source.lines, styleFor(io.stderr, io.env))}

${closing}
`);
}

export {
  writeRefusal
};
