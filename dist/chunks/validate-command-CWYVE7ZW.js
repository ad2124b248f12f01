import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  renderDiagnosticsSarif,
  sarifTargetFor,
  writeSarif
} from "./chunk-TZTXWGKP.js";
import "./chunk-7PZX6KVS.js";
import {
  validateInventory
} from "./chunk-WFLWHUAI.js";
import "./chunk-DKTHFQQM.js";
import {
  loadKeyRing
} from "./chunk-ZS6E5BZH.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import {
  styleFor
} from "./chunk-URZSO2AJ.js";
import {
  renderDiagnosticsGitHub,
  renderDiagnosticsText,
  summariseDiagnostics
} from "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import {
  ExitCode,
  FILE_OPTION,
  KEY_FILE_OPTION,
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
import {
  describeSealOnlyPeople,
  describeValueKey,
  listSealOnlyPeople
} from "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/validate-command.ts
var FORMATS = ["text", "json", "github", "sarif"];
var validateCommand = {
  name: "validate",
  help: `Usage: credledger validate [--file F] [--format text|json|github|sarif] [--now YYYY-MM-DD] [--decrypt [--key-file P]]

  -f, --file F     inventory file (default: credentials.yaml)
      --format     text (default), json, github (workflow annotations; the default when GITHUB_ACTIONS=true),
                   or sarif (SARIF 2.1.0 for code scanning; paths relative to the working directory)
      --now        the day to check dates against (default: today, UTC)
      --decrypt    also open every value with the keys (CREDLEDGER_KEY or --key-file): each must
                   decrypt, under a key the ring holds, in the place it was written for
      --key-file P read the keys from this file (one per line) instead of CREDLEDGER_KEY

Exit 0 when valid (warnings allowed), 1 when invalid, 64 on a usage error.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, ...KEY_FILE_OPTION, format: { type: "string" }, decrypt: { type: "boolean" } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS, defaultDiagnosticsFormat(io));
    const keyFile = stringOption(commandLine, "key-file");
    const decrypt = flagOption(commandLine, "decrypt");
    if (keyFile !== void 0 && !decrypt) throw new UsageError("--key-file is only read with --decrypt");
    const ring = decrypt ? await loadKeyRing({ env: io.env, keyFile }) : void 0;
    const { check, valid, decrypt: opened } = await validateInventory({ file, today: todayOption(commandLine, io), ring });
    const diagnostics = check.diagnostics;
    if (format === "sarif") {
      writeSarif(io, renderDiagnosticsSarif(diagnostics, sarifTargetFor(file)));
    } else if (format === "json") {
      const errors = diagnostics.filter((d) => d.severity === "error").length;
      const sealOnly = check.inventory ? listSealOnlyPeople(check.inventory) : [];
      const report = { file, valid, diagnostics, summary: { errors, warnings: diagnostics.length - errors }, ...opened ? { decrypt: opened } : {}, ...sealOnly.length > 0 ? { sealOnly } : {} };
      io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    } else if (format === "github") {
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsGitHub(diagnostics)}
`);
      io.stdout.write(`${file}: ${valid ? "valid" : "invalid"} (${summariseDiagnostics(diagnostics)})
`);
      if (opened) io.stdout.write(`${describeDecrypt(opened)}
`);
      writeSealOnlyNote(io, check.inventory);
    } else {
      const style = styleFor(io.stdout, io.env);
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsText(diagnostics, check.source.lines, style)}

`);
      io.stdout.write(`${file}: ${valid ? "valid" : "invalid"} (${summariseDiagnostics(diagnostics)})
`);
      if (opened) io.stdout.write(`${describeDecrypt(opened)}
`);
      writeSealOnlyNote(io, check.inventory);
    }
    return valid ? ExitCode.ok : ExitCode.findings;
  }
};
function writeSealOnlyNote(io, inventory) {
  const note = inventory ? describeSealOnlyPeople(inventory) : void 0;
  if (note !== void 0) io.stdout.write(`${note}
`);
}
function describeDecrypt(summary) {
  const opened = Object.values(summary.openedByKeyId).reduce((sum, count) => sum + count, 0);
  const byKey = Object.entries(summary.openedByKeyId).map(([id, count]) => `${count} under ${describeValueKey(id)}`);
  return `decrypted ${opened} of ${summary.values} value${summary.values === 1 ? "" : "s"}${byKey.length > 0 ? ` (${byKey.join(", ")})` : ""}`;
}
export {
  validateCommand
};
