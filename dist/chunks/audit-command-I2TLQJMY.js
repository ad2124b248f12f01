import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  createProgressOutput
} from "./chunk-MMDYOVMV.js";
import {
  renderAuditMarkdown,
  renderAuditText
} from "./chunk-BTUE4JPA.js";
import "./chunk-OOOMGQ2O.js";
import "./chunk-D6Z224IV.js";
import {
  assessAuditReport
} from "./chunk-FFKGOIZX.js";
import "./chunk-3M2UOIA3.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-RDARU6O6.js";
import {
  loadOptionalKeyRing
} from "./chunk-ZS6E5BZH.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import {
  styleFor
} from "./chunk-URZSO2AJ.js";
import {
  renderDiagnosticsText
} from "./chunk-4AI5OLC3.js";
import {
  ExitCode,
  FILE_OPTION,
  KEY_FILE_OPTION,
  choiceOption,
  flagOption,
  stringListOption,
  stringOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE
} from "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import {
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/audit-command.ts
var FORMATS = ["text", "json", "markdown"];
var THRESHOLDS = ["untracked", "any", "never"];
var auditCommand = {
  name: "audit",
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
    deployment: { type: "string", short: "d", multiple: true },
    format: { type: "string" },
    "fail-on": { type: "string" },
    "allow-insecure-http": { type: "boolean" },
    ...KEY_FILE_OPTION
  },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS, "text");
    const failOn = choiceOption(commandLine, "fail-on", THRESHOLDS, "never");
    const deployments = stringListOption(commandLine, "deployment");
    const [{ auditDeployments }, { auditCollaborators }] = await Promise.all([import("./audit-5ILJBIHN.js"), import("./apply-6HUPHPV5.js")]);
    const ring = await loadOptionalKeyRing({ env: io.env, keyFile: stringOption(commandLine, "key-file") });
    const progress = format === "text" ? createProgressOutput("audit", io.stderr, io.env) : void 0;
    const { check, report } = await auditDeployments({
      file,
      today: toCalendarDate(io.now()),
      env: io.env,
      ...auditCollaborators(io.env),
      ...ring === void 0 ? {} : { ring },
      ...deployments.length > 0 ? { deployments } : {},
      allowInsecureHttp: flagOption(commandLine, "allow-insecure-http"),
      ...progress === void 0 ? {} : { onProgress: progress.listener }
    }).finally(() => progress?.finish());
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}

`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before auditing against it.
`);
      return ExitCode.findings;
    }
    if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    else if (format === "markdown") io.stdout.write(renderAuditMarkdown(report));
    else io.stdout.write(`${renderAuditText(report, styleFor(io.stdout, io.env))}
`);
    const outcome = assessAuditReport(report, failOn);
    return outcome === "ok" ? ExitCode.ok : outcome === "findings" ? ExitCode.findings : ExitCode.external;
  }
};
export {
  auditCommand
};
