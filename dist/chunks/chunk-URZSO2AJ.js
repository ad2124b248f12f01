import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  PLAIN_STYLE
} from "./chunk-4AI5OLC3.js";

// src/cli/cli-io.ts
function processIo() {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: () => /* @__PURE__ */ new Date() };
}
var ANSI = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
function styleFor(stream, env) {
  const forced = env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0";
  const wanted = forced || stream.isTTY === true && env.NO_COLOR === void 0 && env.FORCE_COLOR !== "0" && env.TERM !== "dumb";
  if (!wanted || env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return PLAIN_STYLE;
  return { error: ANSI(31, 39), warning: ANSI(33, 39), dim: ANSI(2, 22), bold: ANSI(1, 22) };
}

export {
  processIo,
  styleFor
};
