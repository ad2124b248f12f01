// Runs the benchmarks and writes BENCHMARKS.md. Not part of `npm test`: timings belong here, never in tests.
// In-process cases are bundled from TypeScript with esbuild; CLI cases spawn the built dist/cli.js.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.bench-out');
mkdirSync(outDir, { recursive: true });
const bundle = path.join(outDir, 'benchmarks.mjs');
await build({ entryPoints: [path.join(root, 'bench/benchmarks.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const { buildCases } = await import(pathToFileURL(bundle).href);
const { generateInventoryText } = await import(pathToFileURL(bundle).href);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function format(ms) {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

const rows = [];
for (const bench of buildCases()) {
  for (let warm = 0; warm < Math.min(3, bench.iterations); warm += 1) bench.run();
  const samples = [];
  const batch = bench.iterations > 1000 ? 1000 : 1;
  for (let done = 0; done < bench.iterations; done += batch) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i += 1) bench.run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 50);
  const throughput = bench.unitsPerIteration ? `${Math.round((bench.unitsPerIteration * 1000) / median).toLocaleString('en')} ${bench.unit}/s` : '';
  rows.push([bench.name, format(median), format(percentile(samples, 95)), throughput, bench.target]);
  console.log(`${bench.name}: median ${format(median)} ${throughput}`);
}

// Whole-process runs of the built CLI: start-up included, as a user experiences it.
const cli = path.join(root, 'dist/cli.js');
const largeFile = path.join(outDir, 'large-credentials.yaml');
writeFileSync(largeFile, generateInventoryText(2_000, { deploymentCount: 40 }));
const cliCases = [
  ['node -e 0 (Node itself, for reference)', null, 'n/a'],
  ['credledger --version (start-up)', ['--version'], '< 100 ms over Node itself'],
  ['credledger validate (example, 26 credentials)', ['validate', '--file', path.join(root, 'credentials.yaml.example'), '--now', '2026-11-26'], '< 400 ms'],
  ['credledger status --format json (example)', ['status', '--file', path.join(root, 'credentials.yaml.example'), '--now', '2026-11-26', '--format', 'json'], '< 400 ms'],
  ['credledger validate (2,000 credentials)', ['validate', '--file', largeFile, '--now', '2026-11-26'], '< 1.5 s'],
  ['credledger demo (npm start: validate, status, 2 applies of 41 settings, set, plan, 2 more applies)', ['demo'], '< 10 s'],
];
const cliRows = [];
for (const [name, args, target] of cliCases) {
  const samples = [];
  let peakRss = 0;
  for (let run = 0; run < 7; run += 1) {
    const start = process.hrtime.bigint();
    const command = args === null ? ['-e', '0'] : [cli, ...args];
    const result = spawnSync('/usr/bin/env', ['time', '-f', '%M', process.execPath, ...command], { encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    const rssKb = Number(result.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(rssKb)) peakRss = Math.max(peakRss, rssKb);
  }
  samples.sort((a, b) => a - b);
  cliRows.push([name, format(percentile(samples, 50)), peakRss ? `${(peakRss / 1024).toFixed(0)} MiB` : 'n/a', target]);
  console.log(`${name}: median ${format(percentile(samples, 50))}`);
}

const table = (headers, body) => [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
writeFileSync(
  path.join(root, 'BENCHMARKS.md'),
  `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs); figures from one run on ${os.cpus().length} × ${cpu}, Node ${process.version}.
Timings vary between machines: compare ratios between runs on one machine, not absolute numbers across machines.
Tests never assert on time; these targets are watched here instead.

## Library paths (in-process)

${table(['case', 'median', 'p95', 'throughput', 'target'], rows)}

## The built CLI (whole process, start-up included)

${table(['command', 'median wall time', 'peak RSS', 'target'], cliRows)}
`,
);
console.log('wrote BENCHMARKS.md');
