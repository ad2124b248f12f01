import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  renderPlanGitHub,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText
} from "./chunk-S4MH2322.js";
import "./chunk-ASM7YXIQ.js";
import {
  planHasChanges
} from "./chunk-L4POFTLE.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import {
  loadOptionalKeyRing
} from "./chunk-ZS6E5BZH.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import {
  styleFor
} from "./chunk-URZSO2AJ.js";
import {
  sourceLinesOf
} from "./chunk-4AI5OLC3.js";
import {
  ExitCode,
  FILE_OPTION,
  NOW_OPTION,
  choiceOption,
  defaultDiagnosticsFormat,
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
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/plan-command.ts
var FORMATS = ["text", "json", "markdown", "github"];
var planCommand = {
  name: "plan",
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
    base: { type: "string" },
    head: { type: "string" },
    format: { type: "string" },
    "detailed-exitcode": { type: "boolean" },
    "allow-rollback": { type: "boolean" },
    "key-file": { type: "string" }
  },
  async run(commandLine, io) {
    const format = choiceOption(commandLine, "format", FORMATS, defaultDiagnosticsFormat(io));
    const today = todayOption(commandLine, io);
    const keyRing = await loadOptionalKeyRing({ env: io.env, keyFile: stringOption(commandLine, "key-file") });
    const [{ openInventoryRevisions }, { planInventoryChange }] = await Promise.all([import("./git-RA4M463E.js"), import("./plan-WMJKH557.js")]);
    const revisions = await openInventoryRevisions(process.cwd());
    const { plan, headText, valid } = await planInventoryChange(
      {
        file: stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE),
        base: stringOption(commandLine, "base"),
        head: stringOption(commandLine, "head"),
        allowRollback: flagOption(commandLine, "allow-rollback"),
        today
      },
      { revisions, keyRing }
    );
    if (format === "json") io.stdout.write(`${renderPlanJson(plan)}
`);
    else if (format === "markdown") io.stdout.write(renderPlanMarkdown(plan));
    else if (format === "github") io.stdout.write(`${renderPlanGitHub(plan)}
`);
    else io.stdout.write(`${renderPlanText(plan, { sourceLines: headText === void 0 ? void 0 : sourceLinesOf(headText), style: styleFor(io.stdout, io.env) })}
`);
    if (!valid) return ExitCode.findings;
    return flagOption(commandLine, "detailed-exitcode") && planHasChanges(plan) ? ExitCode.changes : ExitCode.ok;
  }
};
export {
  planCommand
};
