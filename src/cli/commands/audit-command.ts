// `credledger audit`: what each deployment holds against what the inventory says, read-only.
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadOptionalKeyRing } from '../../app/key-source.js';
import { assessAuditReport } from '../../core/audit.js';
import { toCalendarDate } from '../../core/dates.js';
import { renderAuditMarkdown, renderAuditText } from '../../core/render-audit.js';
import { renderDiagnosticsText } from '../../core/render-diagnostics.js';
import { styleFor } from '../cli-io.js';
import { choiceOption, FILE_OPTION, KEY_FILE_OPTION, flagOption, stringListOption, stringOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { createProgressOutput } from '../progress-output.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
const THRESHOLDS = ['untracked', 'any', 'never'] as const;

export const auditCommand: CliCommand = {
  name: 'audit',
  help: `Usage: credledger audit [--file F] [--deployment D ...] [--format text|json|markdown]
                        [--fail-on untracked|any|never] [--allow-insecure-http] [--key-file P]

Logs in to each deployment (auth from the environment variables the inventory names), reads
GET /api/settings/credentials and compares it with the inventory; for each setting apply last wrote,
also its history (GET /api/settings/{key}/history: who and when, never the values) and, with a key,
what DocuElevate shows for it masked. Read-only: nothing is written. No value is ever printed.
Given a key, a login the password variable no longer opens (admin_password rotated by apply)
falls back to the inventory's applied admin_password, and the report names the stale variable.

Findings: untracked (error: configured in DocuElevate, not in the inventory for that deployment),
not-configured (in the inventory, DocuElevate has no value), from-env (the inventory pushes a value,
DocuElevate uses its environment), db-unmanaged (the inventory has no value, DocuElevate holds one in
its database), pending-restart (apply deleted it; DocuElevate keeps it until it restarts),
changed-outside (error: the history shows a change after apply's last write, or by another user than
apply's, with who and when), masked-mismatch (error: DocuElevate's masked value is not the applied
one's; needs the key). See docs/audit.md.

  -f, --file F              inventory file (default: credentials.yaml)
  -d, --deployment D        only this deployment (repeatable; default: all)
      --format              text (default), json, markdown (for an issue or a job summary)
      --fail-on             exit 1 on untracked findings, or on any finding (default: never)
      --allow-insecure-http allow http:// to hosts other than loopback
      --key-file P          keys to compare masked values with, and for the login fallback (default: CREDLEDGER_KEY and
                            CREDLEDGER_SEALING_KEY when set; without any, masked values are skipped)

Exit 0, or 1 when --fail-on matches or the inventory is invalid; 64 on a usage error; 3 when a
deployment could not be reached, authenticated or used as an admin (the others are still reported).`,
  options: {
    ...FILE_OPTION,
    deployment: { type: 'string', short: 'd', multiple: true },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'allow-insecure-http': { type: 'boolean' },
    ...KEY_FILE_OPTION,
  },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, 'format', FORMATS, 'text');
    const failOn = choiceOption(commandLine, 'fail-on', THRESHOLDS, 'never');
    const deployments = stringListOption(commandLine, 'deployment');
    // Loaded when the command runs: its network and git libraries stay out of every other command's start-up.
    const [{ auditDeployments }, { auditCollaborators }] = await Promise.all([import('../../app/audit.js'), import('../../wiring/apply.js')]);
    const ring = await loadOptionalKeyRing({ env: io.env, keyFile: stringOption(commandLine, 'key-file') });
    // Progress on stderr, for the text report only: json and markdown stay exactly the report.
    const progress = format === 'text' ? createProgressOutput('audit', io.stderr, io.env) : undefined;
    const { check, report } = await auditDeployments({
      file,
      today: toCalendarDate(io.now()),
      env: io.env,
      ...auditCollaborators(io.env),
      ...(ring === undefined ? {} : { ring }),
      ...(deployments.length > 0 ? { deployments } : {}),
      allowInsecureHttp: flagOption(commandLine, 'allow-insecure-http'),
      ...(progress === undefined ? {} : { onProgress: progress.listener }),
    }).finally(() => progress?.finish());
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}\n\n`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before auditing against it.\n`);
      return ExitCode.findings;
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'markdown') io.stdout.write(renderAuditMarkdown(report));
    else io.stdout.write(`${renderAuditText(report, styleFor(io.stdout, io.env))}\n`);
    const outcome = assessAuditReport(report, failOn);
    return outcome === 'ok' ? ExitCode.ok : outcome === 'findings' ? ExitCode.findings : ExitCode.external;
  },
};
