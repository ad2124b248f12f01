import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/demo/demo-day.ts
var DEMO_DAY = "2026-11-26";

export {
  DEMO_DAY
};
