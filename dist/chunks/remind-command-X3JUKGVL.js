import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  remindRotations,
  renderRemindText
} from "./chunk-PBRO2T3R.js";
import {
  DEFAULT_ISSUE_LABEL
} from "./chunk-TXXNWB4O.js";
import "./chunk-ASM7YXIQ.js";
import {
  styleFor
} from "./chunk-URZSO2AJ.js";
import {
  renderDiagnosticsText
} from "./chunk-4AI5OLC3.js";
import {
  ExitCode,
  FILE_OPTION,
  NOW_OPTION,
  choiceOption,
  flagOption,
  stringOption,
  todayOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE
} from "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/remind-command.ts
var FORMATS = ["text", "json"];
var REPOSITORY_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function repositoryOf(value, io) {
  const repo = value ?? io.env.GITHUB_REPOSITORY;
  if (!repo) throw new UsageError("no repository: pass --repo owner/name or set GITHUB_REPOSITORY");
  if (!REPOSITORY_PATTERN.test(repo)) throw new UsageError(`--repo must be owner/name (got ${repo})`);
  return repo;
}
function labelOf(value) {
  const label = value ?? DEFAULT_ISSUE_LABEL;
  if (label.trim() === "" || label.includes(",") || label.length > 50) throw new UsageError(`--label must be one label name, without commas, up to 50 characters (got ${JSON.stringify(label)})`);
  return label;
}
var remindCommand = {
  name: "remind",
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
  options: { ...FILE_OPTION, ...NOW_OPTION, repo: { type: "string" }, label: { type: "string" }, "dry-run": { type: "boolean" }, format: { type: "string" } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS, "text");
    const now = todayOption(commandLine, io);
    const dryRun = flagOption(commandLine, "dry-run");
    const repo = repositoryOf(stringOption(commandLine, "repo"), io);
    const label = labelOf(stringOption(commandLine, "label"));
    const token = io.env.GITHUB_TOKEN;
    if (!token && !dryRun) throw new UsageError("GITHUB_TOKEN is not set: remind needs a token allowed to write issues (in a workflow: permissions issues: write), or --dry-run");
    const { gitHubRotationIssues } = await import("./github-TAWYYJQU.js");
    const github = token ? gitHubRotationIssues({
      token,
      repository: repo,
      baseUrl: io.env.GITHUB_API_URL || void 0,
      log: (message) => io.stderr.write(`credledger remind: ${message}
`)
    }) : void 0;
    const result = await remindRotations({ inventoryFile: file, now, repo, label, dryRun, github });
    if (!result.valid) {
      io.stderr.write(`${renderDiagnosticsText(result.check.errors, result.check.source.lines, styleFor(io.stderr, io.env))}

`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before reminding anyone.
`);
      return ExitCode.findings;
    }
    if (format === "json") {
      const { check: _check, valid: _valid, ...report } = result;
      io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    } else {
      io.stdout.write(renderRemindText(result));
    }
    return ExitCode.ok;
  }
};
export {
  remindCommand
};
