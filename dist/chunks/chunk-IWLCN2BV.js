import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/cli/terminal-input.ts
var CTRL_C = "";
var CTRL_D = "";
var BACKSPACE = /* @__PURE__ */ new Set(["\x7F", "\b"]);
async function readAllInput(stdin) {
  const chunks = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
async function readHiddenLine(stdin) {
  if (typeof stdin.setRawMode !== "function") return await readLine(stdin) ?? "";
  stdin.setRawMode(true);
  try {
    return await new Promise((resolve, reject) => {
      let typed = "";
      const decode = chunkDecoder();
      const finish = (outcome) => {
        stdin.off("data", onData);
        stdin.off("end", onEnd);
        stdin.pause();
        outcome();
      };
      const onData = (chunk) => {
        for (const char of decode(chunk)) {
          if (char === "\r" || char === "\n" || char === CTRL_D) return finish(() => resolve(typed));
          if (char === CTRL_C) return finish(() => reject(new UsageError("cancelled; nothing was changed")));
          typed = BACKSPACE.has(char) ? [...typed].slice(0, -1).join("") : typed + char;
        }
      };
      const onEnd = () => finish(() => resolve(typed));
      stdin.on("data", onData);
      stdin.on("end", onEnd);
      stdin.resume();
    });
  } finally {
    stdin.setRawMode(false);
  }
}
function readLine(stdin) {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const decode = chunkDecoder();
    const finish = (outcome) => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      stdin.off("error", onError);
      stdin.pause();
      outcome();
    };
    const onData = (chunk) => {
      buffered += decode(chunk);
      const newline = buffered.indexOf("\n");
      if (newline >= 0) finish(() => resolve(buffered.slice(0, newline).replace(/\r$/, "")));
    };
    const onEnd = () => finish(() => resolve(buffered === "" ? void 0 : buffered));
    const onError = (error) => finish(() => reject(error));
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.on("error", onError);
    stdin.resume();
  });
}
function chunkDecoder() {
  const decoder = new TextDecoder("utf-8");
  return (chunk) => typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
}

export {
  readAllInput,
  readHiddenLine,
  readLine
};
