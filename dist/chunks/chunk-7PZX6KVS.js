import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/cli/version.ts
function credledgerVersion() {
  return true ? "0.1.0" : "development";
}

export {
  credledgerVersion
};
