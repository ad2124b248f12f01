// Starts the sandbox of docs/rotation.md's walkthrough (scripts/rotation-sandbox.ts, bundled here with esbuild as
// bench/run.mjs does): `npm run rotation-sandbox`. SANDBOX_DIR picks its directory (default .scratch/rotation-sandbox), SANDBOX_KEEP=1 keeps it on exit.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
const outDir = path.join(root, '.scratch');
mkdirSync(outDir, { recursive: true });
const bundle = path.join(outDir, 'rotation-sandbox.mjs');
await build({ entryPoints: [path.join(root, 'scripts/rotation-sandbox.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning', banner: { js: `// bundled from scripts/rotation-sandbox.ts` } });
const { runRotationSandbox } = await import(pathToFileURL(bundle).href);
await runRotationSandbox(root);
