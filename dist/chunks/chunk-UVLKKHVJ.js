import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  styleFor
} from "./chunk-3H5HZQW4.js";
import {
  renderDiagnosticsText
} from "./chunk-YA2RGZKH.js";
import {
  isError
} from "./chunk-ZPWOGFZI.js";

// src/cli/refusal-output.ts
function writeRefusal(io, refusal, closing) {
  io.stderr.write(`${renderDiagnosticsText(refusal.diagnostics.filter(isError), refusal.source.lines, styleFor(io.stderr, io.env))}

${closing}
`);
}

export {
  writeRefusal
};
