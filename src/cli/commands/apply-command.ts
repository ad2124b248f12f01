// `credledger apply`: push changed values to each deployment's settings API, verified and recorded in the applied state.
import { UsageError } from '../../ports/errors.js';
import { DEFAULT_APPLY_CONCURRENCY } from '../../core/apply-plan.js';
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadKeyRing } from '../../app/key-source.js';
import { DEFAULT_STATE_REF } from '../../core/applied-state.js';
import { assessApplyReport } from '../../core/apply-report.js';
import { toCalendarDate } from '../../core/dates.js';
import { renderDiagnosticsText } from '../../core/render-diagnostics.js';
import { renderApplyText } from '../../core/render-apply.js';
import { styleFor } from '../cli-io.js';
import { choiceOption, FILE_OPTION, flagOption, stringListOption, stringOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { createProgressOutput } from '../progress-output.js';

const FORMATS = ['text', 'json'] as const;

export const applyCommand: CliCommand = {
  name: 'apply',
  help: `Usage: credledger apply [--file F] [--deployment D ...] [--dry-run] [--all] [--format text|json]
                        [--state-ref REF] [--rehydrate D] [--allow-insecure-http] [--allow-rollback]
                        [--allow-non-default-branch] [--key-file P] [--concurrency N]

Decrypts the inventory (CREDLEDGER_KEY or --key-file) and pushes, per deployment, every value that
differs from the applied state kept on a git ref, reading each one back. Authentication secrets come
from the environment variables each deployment's auth names.

  -f, --file F              inventory file (default: credentials.yaml); its git repository keeps the state
  -d, --deployment D        only this deployment (repeatable; default: all)
      --dry-run             print the operations and send nothing
      --all                 push every value, whatever the applied state says (first run, after a restore)
      --format              text (default) or json (the audit record)
      --state-ref REF       where the applied state lives (default: ${DEFAULT_STATE_REF})
      --rehydrate D         also push every value DocuElevate holds in deployment D's database again
                            (after a SESSION_SECRET rotation and restart)
      --allow-insecure-http allow http:// to hosts other than loopback
      --allow-rollback      apply even from a checkout older than the commit a deployment was last applied from
      --allow-non-default-branch
                            apply from a checkout that is not on the default branch (origin/HEAD, else main,
                            else master); refused otherwise, because values should reach deployments after review
      --key-file P          read the keys from a file instead of CREDLEDGER_KEY
      --concurrency N       settings written to one deployment at a time (default: ${DEFAULT_APPLY_CONCURRENCY})

Exit 0 when every operation succeeded; 1 when one failed, a group was left inconsistent, a concurrent
apply took the state first, or the inventory is invalid; 64 on a usage error or a checkout off the
default branch; 3 when a deployment could
not be reached or authenticated at all, or the applied state could not be read, written or pushed.`,
  options: {
    ...FILE_OPTION,
    deployment: { type: 'string', short: 'd', multiple: true },
    'dry-run': { type: 'boolean' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    'state-ref': { type: 'string' },
    rehydrate: { type: 'string' },
    'allow-insecure-http': { type: 'boolean' },
    'allow-rollback': { type: 'boolean' },
    'allow-non-default-branch': { type: 'boolean' },
    'key-file': { type: 'string' },
    concurrency: { type: 'string' },
  },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, 'format', FORMATS, 'text');
    const deployments = stringListOption(commandLine, 'deployment');
    const concurrencyText = stringOption(commandLine, 'concurrency');
    const concurrency = concurrencyText === undefined ? DEFAULT_APPLY_CONCURRENCY : Number(concurrencyText);
    if (!/^\d+$/.test(concurrencyText ?? '1') || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1 (got ${concurrencyText})`);
    const keyFile = stringOption(commandLine, 'key-file');
    const ring = await loadKeyRing({ env: io.env, ...(keyFile === undefined ? {} : { keyFile }) });
    const stateRef = stringOption(commandLine, 'state-ref');
    const rehydrate = stringOption(commandLine, 'rehydrate');

    // Loaded when the command runs: its network and git libraries stay out of every other command's start-up.
    const [{ applyInventory }, { applyCollaborators }] = await Promise.all([import('../../app/apply.js'), import('../../wiring/apply.js')]);
    // Progress on stderr, for the text report only: --format json stays exactly the audit record.
    const progress = format === 'text' ? createProgressOutput('apply', io.stderr, io.env) : undefined;
    const { check, report } = await applyInventory({
      file,
      today: toCalendarDate(io.now()),
      ring,
      env: io.env,
      ...applyCollaborators(io.env),
      clock: io.now,
      ...(deployments.length > 0 ? { deployments } : {}),
      dryRun: flagOption(commandLine, 'dry-run'),
      all: flagOption(commandLine, 'all'),
      ...(stateRef === undefined ? {} : { stateRef }),
      ...(rehydrate === undefined ? {} : { rehydrate }),
      allowInsecureHttp: flagOption(commandLine, 'allow-insecure-http'),
      allowRollback: flagOption(commandLine, 'allow-rollback'),
      allowNonDefaultBranch: flagOption(commandLine, 'allow-non-default-branch'),
      concurrency,
      ...(progress === undefined ? {} : { onProgress: progress.listener }),
    }).finally(() => progress?.finish());
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}\n\n`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before applying it.\n`);
      return ExitCode.findings;
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(`${renderApplyText(report, styleFor(io.stdout, io.env))}\n`);
    const outcome = assessApplyReport(report);
    return outcome === 'ok' ? ExitCode.ok : outcome === 'failed' ? ExitCode.findings : ExitCode.external;
  },
};
