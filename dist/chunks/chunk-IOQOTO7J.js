import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/crypto/key-text.ts
function keyEntriesOf(text) {
  return text.split(/\r?\n/).map((line) => line.replace(/#.*/, "")).flatMap((line) => line.split(",")).map((entry) => entry.trim()).filter((entry) => entry !== "");
}

export {
  keyEntriesOf
};
