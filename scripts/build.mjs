// Bundles the CLI (dist/cli.js) and the GitHub Action (dist/index.js) into single ESM files with esbuild.
// Reproducible: no timestamps, no absolute paths; CI rebuilds and fails on any difference from the commit.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chmod, readFile } from 'node:fs/promises';
import { generateSchemaValidator } from './generate-schema-validator.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// @actions/http-client's CommonJS dependencies call require() for Node built-ins; ESM output needs a require.
const banner = "import { createRequire as __credledgerCreateRequire } from 'node:module';\nconst require = __credledgerCreateRequire(import.meta.url);";

await generateSchemaValidator(new URL('../', import.meta.url));

const entries = [
  { in: 'src/cli/bin.ts', out: 'dist/cli.js' },
  { in: 'src/action/index.ts', out: 'dist/index.js' },
].filter((entry) => existsSync(entry.in));

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.18',
    banner: { js: banner },
    define: { CREDLEDGER_VERSION: JSON.stringify(pkg.version) },
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8',
  });
}
await chmod('dist/cli.js', 0o755);
