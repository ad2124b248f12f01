import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  reportStatus,
  statusMeetsThreshold
} from "./chunk-LPSRPXIZ.js";
import {
  renderStatusMarkdown,
  renderStatusText
} from "./chunk-LCBC2S3A.js";
import "./chunk-3M2UOIA3.js";
import "./chunk-ASM7YXIQ.js";
import {
  renderStatusSarif,
  sarifTargetFor,
  writeSarif
} from "./chunk-TZTXWGKP.js";
import "./chunk-7PZX6KVS.js";
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
  stringOption,
  todayOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE,
  withYamlDocument
} from "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import {
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
import {
  placeFinding
} from "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/status-command.ts
var FORMATS = ["text", "json", "markdown", "sarif"];
var THRESHOLDS = ["overdue", "due-soon", "never"];
var statusCommand = {
  name: "status",
  help: `Usage: credledger status [--file F] [--now YYYY-MM-DD] [--format text|json|markdown|sarif]
                         [--fail-on overdue|due-soon|never]

  -f, --file F     inventory file (default: credentials.yaml)
      --now        the day to assess (default: today, UTC)
      --format     text (default: an aligned table, overdue first), json, markdown (for job summaries),
                   sarif (SARIF 2.1.0 for code scanning: overdue as errors, due soon as warnings)
      --fail-on    overdue: exit 1 when a credential is overdue; due-soon: when one is due soon or
                   overdue; never (default): whatever the rotation state

Exit 0, or 1 when --fail-on matches or the inventory has errors.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, format: { type: "string" }, "fail-on": { type: "string" } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS, "text");
    const failOn = choiceOption(commandLine, "fail-on", THRESHOLDS, "never");
    const { check, report } = await reportStatus({ file, now: todayOption(commandLine, io), today: toCalendarDate(io.now()) });
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}

`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before asking for its status.
`);
      return ExitCode.findings;
    }
    if (format === "sarif") {
      const inventory = check.inventory;
      if (!inventory) throw new Error("a status report without an inventory");
      writeSarif(io, await withYamlDocument(() => renderStatusSarif(report, locateStatusRow(check.source, inventory), sarifTargetFor(file))));
    } else if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    else if (format === "markdown") io.stdout.write(renderStatusMarkdown(report));
    else io.stdout.write(`${renderStatusText(report, styleFor(io.stdout, io.env))}
`);
    return failOn !== "never" && statusMeetsThreshold(report, failOn) ? ExitCode.findings : ExitCode.ok;
  }
};
function locateStatusRow(source, inventory) {
  const credentials = new Map(inventory.credentials.map((credential) => [credential.id, credential]));
  return (row) => {
    const credential = credentials.get(row.id);
    for (const field of ["rotated", "created"]) {
      if (credential !== void 0 && credential[field] !== void 0) return placeFinding(source, { code: "status", severity: "warning", message: "", path: ["credentials", row.id, field] });
    }
    return placeFinding(source, { code: "status", severity: "warning", message: "", path: ["credentials", row.id], atKey: true });
  };
}
export {
  statusCommand
};
