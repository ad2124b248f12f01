import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeProgressStep
} from "./chunk-OOOMGQ2O.js";

// src/cli/progress-output.ts
var CLEAR_LINE = "\r\x1B[2K";
function createProgressOutput(command, stream, env) {
  const live = stream.isTTY === true && env.TERM !== "dumb";
  if (!live) {
    return { listener: (progress) => stream.write(`${command}: ${describeProgressStep(progress)}
`), finish: () => void 0 };
  }
  const current = /* @__PURE__ */ new Map();
  let drawn = false;
  const redraw = () => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const line = `${command}: ${[...current].map(([deployment, state]) => `${deployment} ${state}`).join(" | ")}`;
    stream.write(`${CLEAR_LINE}${line.length > width ? `${line.slice(0, width - 1)}\u2026` : line}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write(CLEAR_LINE);
    drawn = false;
  };
  return {
    listener: (progress) => {
      if (progress.kind === "finished" || progress.kind === "unusable" || command === "audit" && progress.kind === "connected") {
        current.delete(progress.deployment);
        clear();
        stream.write(`${command}: ${describeProgressStep(progress)}
`);
      } else {
        current.set(progress.deployment, describeLiveState(progress));
      }
      if (current.size > 0) redraw();
    },
    finish: clear
  };
}
function describeLiveState(progress) {
  switch (progress.kind) {
    case "connecting":
      return "logging in\u2026";
    case "connected":
      return `${progress.listed} settings listed`;
    case "writing":
      return `0/${progress.total}`;
    case "operation":
      return `${progress.completed}/${progress.total} ${progress.action} ${progress.setting} ${progress.outcome}`;
    default:
      return describeProgressStep(progress);
  }
}

export {
  createProgressOutput
};
