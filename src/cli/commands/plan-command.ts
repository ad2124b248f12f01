// `credledger plan`: what a change to the inventory will do, credential by credential and deployment by deployment.
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadOptionalKeyRing } from '../../app/key-source.js';
import { planHasChanges } from '../../core/plan.js';
import { renderPlanGitHub, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../core/render-plan.js';
import { sourceLinesOf } from '../../core/render-diagnostics.js';
import { styleFor } from '../cli-io.js';
import { choiceOption, defaultDiagnosticsFormat, FILE_OPTION, flagOption, NOW_OPTION, stringOption, todayOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';

const FORMATS = ['text', 'json', 'markdown', 'github'] as const;

export const planCommand: CliCommand = {
  name: 'plan',
  help: `Usage: credledger plan [--file F] [--base REF] [--head REF] [--format text|json|markdown|github]
                       [--detailed-exitcode] [--allow-rollback] [--key-file P] [--now YYYY-MM-DD]

  -f, --file F             inventory file (default: credentials.yaml)
      --base REF           revision to compare against (default: the merge-base of HEAD, or of --head,
                           with the default branch: origin/HEAD, else main, else master)
      --head REF           revision to plan (default: the working tree)
      --format             text (default; github when GITHUB_ACTIONS=true), json, markdown (a PR comment),
                           github (annotations and the plan)
      --detailed-exitcode  exit 0 when nothing changes and 2 when something does (as terraform does)
      --allow-rollback     accept a value older than the one it replaces
      --key-file P         key file; with it, or with CREDLEDGER_KEY, values are compared decrypted.
                           Without a key they are compared as ciphertext.
      --now                the day to check dates against (default: today, UTC)

Exit 0 (or 0/2 with --detailed-exitcode), 1 when the plan has errors, 64 on a usage error, 3 when git fails.`,
  options: {
    ...FILE_OPTION,
    ...NOW_OPTION,
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    'detailed-exitcode': { type: 'boolean' },
    'allow-rollback': { type: 'boolean' },
    'key-file': { type: 'string' },
  },
  async run(commandLine, io) {
    const format = choiceOption(commandLine, 'format', FORMATS, defaultDiagnosticsFormat(io));
    const today = todayOption(commandLine, io);
    const keyRing = await loadOptionalKeyRing({ env: io.env, keyFile: stringOption(commandLine, 'key-file') });
    // Loaded when the command runs: its network and git libraries stay out of every other command's start-up.
    const [{ openInventoryRevisions }, { planInventoryChange }] = await Promise.all([import('../../wiring/git.js'), import('../../app/plan.js')]);
    const revisions = await openInventoryRevisions(process.cwd());
    const { plan, headText, valid } = await planInventoryChange(
      {
        file: stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE),
        base: stringOption(commandLine, 'base'),
        head: stringOption(commandLine, 'head'),
        allowRollback: flagOption(commandLine, 'allow-rollback'),
        today,
      },
      { revisions, keyRing },
    );
    if (format === 'json') io.stdout.write(`${renderPlanJson(plan)}\n`);
    else if (format === 'markdown') io.stdout.write(renderPlanMarkdown(plan));
    else if (format === 'github') io.stdout.write(`${renderPlanGitHub(plan)}\n`);
    else io.stdout.write(`${renderPlanText(plan, { sourceLines: headText === undefined ? undefined : sourceLinesOf(headText), style: styleFor(io.stdout, io.env) })}\n`);
    if (!valid) return ExitCode.findings;
    return flagOption(commandLine, 'detailed-exitcode') && planHasChanges(plan) ? ExitCode.changes : ExitCode.ok;
  },
};
