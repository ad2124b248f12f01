import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/run-progress.ts
function describeProgressStep(progress) {
  const { deployment } = progress;
  switch (progress.kind) {
    case "connecting":
      return `${deployment}: logging in and reading its credential list`;
    case "connected":
      return `${deployment}: ${progress.listed} credential setting${progress.listed === 1 ? "" : "s"} listed`;
    case "unusable":
      return `${deployment}: cannot be used: ${progress.reason}`;
    case "writing":
      return `${deployment}: ${progress.total} operation${progress.total === 1 ? "" : "s"} to apply`;
    case "operation":
      return `${deployment}: [${progress.completed}/${progress.total}] ${progress.action} ${progress.setting} ${progress.outcome}`;
    case "finished":
      return `${deployment}: finished: ${progress.done} done, ${progress.failed} failed, ${progress.skipped} skipped`;
  }
}

export {
  describeProgressStep
};
