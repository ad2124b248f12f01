import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  createProgressOutput
} from "./chunk-MMDYOVMV.js";
import "./chunk-OOOMGQ2O.js";
import {
  renderApplyText
} from "./chunk-D6Z224IV.js";
import "./chunk-ASM7YXIQ.js";
import {
  assessApplyReport
} from "./chunk-RDARU6O6.js";
import {
  DEFAULT_APPLY_CONCURRENCY
} from "./chunk-SRZ2AMBU.js";
import {
  DEFAULT_STATE_REF
} from "./chunk-45NTUV52.js";
import {
  loadKeyRing
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
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/apply-command.ts
var FORMATS = ["text", "json"];
var applyCommand = {
  name: "apply",
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
    deployment: { type: "string", short: "d", multiple: true },
    "dry-run": { type: "boolean" },
    all: { type: "boolean" },
    format: { type: "string" },
    "state-ref": { type: "string" },
    rehydrate: { type: "string" },
    "allow-insecure-http": { type: "boolean" },
    "allow-rollback": { type: "boolean" },
    "allow-non-default-branch": { type: "boolean" },
    "key-file": { type: "string" },
    concurrency: { type: "string" }
  },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS, "text");
    const deployments = stringListOption(commandLine, "deployment");
    const concurrencyText = stringOption(commandLine, "concurrency");
    const concurrency = concurrencyText === void 0 ? DEFAULT_APPLY_CONCURRENCY : Number(concurrencyText);
    if (!/^\d+$/.test(concurrencyText ?? "1") || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1 (got ${concurrencyText})`);
    const keyFile = stringOption(commandLine, "key-file");
    const ring = await loadKeyRing({ env: io.env, ...keyFile === void 0 ? {} : { keyFile } });
    const stateRef = stringOption(commandLine, "state-ref");
    const rehydrate = stringOption(commandLine, "rehydrate");
    const [{ applyInventory }, { applyCollaborators }] = await Promise.all([import("./apply-UHOIH6FZ.js"), import("./apply-6HUPHPV5.js")]);
    const progress = format === "text" ? createProgressOutput("apply", io.stderr, io.env) : void 0;
    const { check, report } = await applyInventory({
      file,
      today: toCalendarDate(io.now()),
      ring,
      env: io.env,
      ...applyCollaborators(io.env),
      clock: io.now,
      ...deployments.length > 0 ? { deployments } : {},
      dryRun: flagOption(commandLine, "dry-run"),
      all: flagOption(commandLine, "all"),
      ...stateRef === void 0 ? {} : { stateRef },
      ...rehydrate === void 0 ? {} : { rehydrate },
      allowInsecureHttp: flagOption(commandLine, "allow-insecure-http"),
      allowRollback: flagOption(commandLine, "allow-rollback"),
      allowNonDefaultBranch: flagOption(commandLine, "allow-non-default-branch"),
      concurrency,
      ...progress === void 0 ? {} : { onProgress: progress.listener }
    }).finally(() => progress?.finish());
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}

`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before applying it.
`);
      return ExitCode.findings;
    }
    if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    else io.stdout.write(`${renderApplyText(report, styleFor(io.stdout, io.env))}
`);
    const outcome = assessApplyReport(report);
    return outcome === "ok" ? ExitCode.ok : outcome === "failed" ? ExitCode.findings : ExitCode.external;
  }
};
export {
  applyCommand
};
