// Bundles the CLI (dist/cli.js) and the GitHub Action (dist/index.js) into ESM files with esbuild.
// Reproducible: no timestamps, no absolute paths; CI rebuilds and fails on any difference from the commit.
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import { generateSchemaValidator } from './generate-schema-validator.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// @actions/http-client's CommonJS dependencies call require() for Node built-ins; ESM output needs a require.
const banner = "import { createRequire as __credledgerCreateRequire } from 'node:module';\nconst require = __credledgerCreateRequire(import.meta.url);";

await generateSchemaValidator(new URL('../', import.meta.url));

// Code splitting: each CLI command is a dynamic import (src/cli/main.ts), so `--version` parses only the entry and
// a command only its own code; code the CLI and the Action share lands in dist/chunks/. Chunk names carry a content
// hash, so the same sources give the same files. Old chunks are removed first.
await rm('dist/chunks', { recursive: true, force: true });
const shared = {
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.18',
  banner: { js: banner },
  define: { CREDLEDGER_VERSION: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
  // ASCII output (esbuild writes other characters as \u escapes): V8 scans a one-byte source without first decoding
  // it to UTF-16, which a single `→` in a file forces; `validate` of the example runs ~4% fewer instructions.
  charset: 'ascii',
};

// bin.ts hands validate and status to dist/read-only-cli.js, built below: for this build it is a file beside cli.js.
const readOnlyCliBeside = {
  name: 'read-only-cli-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/read-only-cli\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]bin\.ts$/.test(args.importer) ? { path: './read-only-cli.js', external: true } : undefined));
  },
};
await build({ ...shared, entryPoints: { cli: 'src/cli/bin.ts', index: 'src/action/index.ts' }, plugins: [readOnlyCliBeside] });

// validate and status as a bundle of their own, which shares no module with the build above: splitting here only
// keeps what they load when needed (the yaml Document API) out of the module they load at start.
await build({ ...shared, entryPoints: { 'read-only-cli': 'src/cli/read-only-cli.ts' } });
await chmod('dist/cli.js', 0o755);
