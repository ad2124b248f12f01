import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/git-refs.ts
function shortRefName(ref) {
  return ref.replace(/^refs\/(heads|remotes|tags)\//, "");
}

export {
  shortRefName
};
