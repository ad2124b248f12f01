// `credledger demo` (what `npm start` runs): the whole flow on the bundled example, against local DocuElevate-compatible servers.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeploymentCheck, DeploymentWrites, DemoEvent } from '../../demo/demo.js';
import { DEMO_DAY } from '../../demo/demo-day.js';
import { UsageError } from '../../ports/errors.js';
import { renderApplyText } from '../../core/render-apply.js';
import { renderDiagnosticsText, sourceLinesOf, summariseDiagnostics, type TextStyle } from '../../core/render-diagnostics.js';
import { renderPlanText } from '../../core/render-plan.js';
import { renderStatusText } from '../../core/render-status.js';
import { styleFor } from '../cli-io.js';
import { flagOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { describeSet } from './set-command.js';

/** The files the demo needs, relative to the package root. */
const EXAMPLE_FILE = 'credentials.yaml.example';
const DEMO_KEY_FILE = path.join('examples', 'demo.key');
const STEPS = 6;

export const demoCommand: CliCommand = {
  name: 'demo',
  help: `Usage: credledger demo [--keep]

Runs the main job on the bundled example, with no setup and no network: starts two
DocuElevate-compatible servers on 127.0.0.1 (production and staging, random admin logins),
commits credentials.yaml.example pointed at them to a new git repository in a temporary
directory, validates it, shows its status on ${DEMO_DAY} (the day the example was written),
applies it with the public demo key (examples/demo.key) and checks every stored value, then
rotates the OpenAI key on a branch, plans it, merges it and applies again, twice. No value is
ever printed. Your git configuration, environment and working directory play no part.

      --keep    keep the temporary directory (its repository and applied-state ref) afterwards

Exit 0 when every step did what it shows, 1 when one did not, 3 when git cannot run.`,
  options: { keep: { type: 'boolean' } },
  async run(commandLine, io) {
    const root = locatePackageRoot(path.dirname(fileURLToPath(import.meta.url)));
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(
      `${style.bold('credledger demo')}: the bundled example, end to end, against DocuElevate-compatible servers on this machine.\n` +
        'No network, no setup, and no credential value is printed at any point.\n',
    );
    // Loaded when the command runs: its network and git libraries stay out of every other command's start-up.
    const { runDemo } = await import('../../demo/demo.js');
    const result = await runDemo({
      exampleFile: path.join(root, EXAMPLE_FILE),
      keyFile: path.join(root, DEMO_KEY_FILE),
      tempRoot: tmpdir(),
      keep: flagOption(commandLine, 'keep'),
      path: io.env.PATH,
      clock: io.now,
      report: (event) => io.stdout.write(`${renderDemoEvent(event, style)}\n`),
    });
    if (!result.ok) {
      io.stderr.write(`credledger demo: stopped: ${result.failure ?? 'a step failed'}\n`);
      return ExitCode.findings;
    }
    return ExitCode.ok;
  },
};

/**
 * The directory holding the example and the demo key: the package root, above dist/cli.js when
 * bundled and above src/cli/commands/ when run from the sources.
 */
function locatePackageRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, EXAMPLE_FILE)) && existsSync(path.join(directory, DEMO_KEY_FILE))) return directory;
    if (path.dirname(directory) === directory) break;
  }
  throw new UsageError(`the demo needs ${EXAMPLE_FILE} and ${DEMO_KEY_FILE} from the credledger package, and neither ${start} nor a directory above it has them`);
}

/** One event as terminal text (no trailing newline). */
function renderDemoEvent(event: DemoEvent, style: TextStyle): string {
  switch (event.kind) {
    case 'step': {
      const title = `Step ${event.number}/${STEPS}: ${event.title}`;
      return `\n${style.bold(title)}\n${style.bold('='.repeat(title.length))}`;
    }
    case 'note':
      return event.text;
    case 'command':
      return `${event.note === undefined ? '' : `${style.dim(`# ${event.note}`)}\n`}${style.bold(`$ ${event.command}`)}`;
    case 'validate': {
      const { diagnostics } = event.result.check;
      const excerpts = diagnostics.length > 0 ? `${renderDiagnosticsText(diagnostics, event.result.check.source.lines, style)}\n\n` : '';
      return `${excerpts}${event.file}: ${event.result.valid ? 'valid' : 'invalid'} (${summariseDiagnostics(diagnostics)})`;
    }
    case 'status':
      return renderStatusText(event.report, style);
    case 'set':
      return describeSet(event.result).trimEnd();
    case 'plan':
      return renderPlanText(event.result.plan, { sourceLines: event.result.headText === undefined ? undefined : sourceLinesOf(event.result.headText), style });
    case 'apply':
      return `${renderApplyText(event.report, style)}\n${style.dim(describeWrites(event.writes))}`;
    case 'verify':
      return describeChecks(event.deployments, style);
  }
}

function describeWrites(writes: readonly DeploymentWrites[]): string {
  const parts = writes.map(({ deployment, writes: count }) => `${deployment} ${count} write${count === 1 ? '' : 's'}`);
  return `by the servers' own request logs: ${parts.join(', ')}`;
}

function describeChecks(checks: readonly DeploymentCheck[], style: TextStyle): string {
  return checks
    .map((check) => {
      if (check.mismatched.length === 0 && check.unexpected.length === 0) {
        return `checked: ${check.deployment} holds all ${check.expected} values exactly as the inventory has them (compared in memory, not printed)`;
      }
      const problems = [
        ...(check.mismatched.length > 0 ? [`${check.mismatched.length} of ${check.expected} differ or are missing: ${check.mismatched.join(', ')}`] : []),
        ...(check.unexpected.length > 0 ? [`not in the inventory: ${check.unexpected.join(', ')}`] : []),
      ];
      return style.error(`checked: ${check.deployment}: ${problems.join('; ')}`);
    })
    .join('\n');
}
