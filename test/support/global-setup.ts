// Builds dist/ once before the suite, so end-to-end tests always run the code under test.
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './paths.js';

export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
