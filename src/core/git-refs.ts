// Ref names as people read them.

/** `refs/remotes/origin/main` → `origin/main`, `refs/heads/main` → `main`. */
export function shortRefName(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes|tags)\//, '');
}
