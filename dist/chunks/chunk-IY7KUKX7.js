import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  styleFor
} from "./chunk-RGD6S7VX.js";
import {
  renderDiagnosticsText
} from "./chunk-IONKSICY.js";

// src/cli/refusal-output.ts
function writeRefusal(io, refusal, closing) {
  const errors = refusal.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  io.stderr.write(`${renderDiagnosticsText(errors, refusal.source.text.split(/\r?\n/), styleFor(io.stderr, io.env))}

${closing}
`);
}

export {
  writeRefusal
};
