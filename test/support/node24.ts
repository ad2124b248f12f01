// Node 24, the GitHub Actions runtime (`using: node24`), for tests that run the build under it as well as Node 20.
import { execFileSync } from 'node:child_process';

/** The path of a Node 24 binary: `npm exec --package=node@24` brings it from the npm registry (cached after the first run). */
export function resolveNode24(): string {
  return execFileSync('npm', ['exec', '--yes', '--package=node@24', '--', 'node', '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}
