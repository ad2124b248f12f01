// `credledger remind`: open, update, reopen and close one GitHub issue per credential that is due soon or overdue.
import { UsageError } from '../../ports/errors.js';
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { remindRotations } from '../../app/remind.js';
import { renderDiagnosticsText } from '../../core/render-diagnostics.js';
import { renderRemindText } from '../../core/render-remind.js';
import { DEFAULT_ISSUE_LABEL } from '../../core/rotation-issues.js';
import { styleFor, type CliIo } from '../cli-io.js';
import { choiceOption, FILE_OPTION, flagOption, NOW_OPTION, stringOption, todayOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';

const FORMATS = ['text', 'json'] as const;
const REPOSITORY_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** `--repo`, else GITHUB_REPOSITORY (set on every Actions runner). */
function repositoryOf(value: string | undefined, io: CliIo): string {
  const repo = value ?? io.env.GITHUB_REPOSITORY;
  if (!repo) throw new UsageError('no repository: pass --repo owner/name or set GITHUB_REPOSITORY');
  if (!REPOSITORY_PATTERN.test(repo)) throw new UsageError(`--repo must be owner/name (got ${repo})`);
  return repo;
}

function labelOf(value: string | undefined): string {
  const label = value ?? DEFAULT_ISSUE_LABEL;
  // The issue list takes a comma-separated list of labels, so a comma would silently mean two.
  if (label.trim() === '' || label.includes(',') || label.length > 50) throw new UsageError(`--label must be one label name, without commas, up to 50 characters (got ${JSON.stringify(label)})`);
  return label;
}

export const remindCommand: CliCommand = {
  name: 'remind',
  help: `Usage: credledger remind [--file F] [--now YYYY-MM-DD] [--repo owner/name] [--label L] [--dry-run] [--format text|json]

  -f, --file F     inventory file (default: credentials.yaml)
      --now        the day to assess (default: today, UTC)
      --repo       the repository for the issues (default: GITHUB_REPOSITORY)
      --label      the label that marks rotation issues (default: ${DEFAULT_ISSUE_LABEL}; created if missing)
      --dry-run    print the intended actions and write nothing
      --format     text (default) or json

Environment: GITHUB_TOKEN (needs issues: write; a dry run without it assumes no issue exists yet),
GITHUB_API_URL (default https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3).

Exit 0 ok, 1 invalid inventory, 64 usage error (no token, no repository), 3 GitHub failure.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, repo: { type: 'string' }, label: { type: 'string' }, 'dry-run': { type: 'boolean' }, format: { type: 'string' } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, 'format', FORMATS, 'text');
    const now = todayOption(commandLine, io);
    const dryRun = flagOption(commandLine, 'dry-run');
    const repo = repositoryOf(stringOption(commandLine, 'repo'), io);
    const label = labelOf(stringOption(commandLine, 'label'));
    const token = io.env.GITHUB_TOKEN;
    if (!token && !dryRun) throw new UsageError('GITHUB_TOKEN is not set: remind needs a token allowed to write issues (in a workflow: permissions issues: write), or --dry-run');
    // Octokit is loaded only by the commands that talk to GitHub, to keep every other command's start-up short.
    const { gitHubRotationIssues } = await import('../../wiring/github.js');
    const github = token
      ? gitHubRotationIssues({
          token,
          repository: repo,
          baseUrl: io.env.GITHUB_API_URL || undefined,
          log: (message) => io.stderr.write(`credledger remind: ${message}\n`),
        })
      : undefined;

    const result = await remindRotations({ inventoryFile: file, now, repo, label, dryRun, github });
    if (!result.valid) {
      io.stderr.write(`${renderDiagnosticsText(result.check.errors, result.check.source.lines, styleFor(io.stderr, io.env))}\n\n`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before reminding anyone.\n`);
      return ExitCode.findings;
    }
    if (format === 'json') {
      const { check: _check, valid: _valid, ...report } = result;
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout.write(renderRemindText(result));
    }
    return ExitCode.ok;
  },
};
