import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  revokeCredential
} from "./chunk-ZGTJ6LZ6.js";
import {
  writeRefusal
} from "./chunk-BYMAB5YM.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-HRPQZHUL.js";
import "./chunk-LKPYZ5YL.js";
import "./chunk-SRZ2AMBU.js";
import "./chunk-45NTUV52.js";
import "./chunk-URZSO2AJ.js";
import "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import {
  ExitCode,
  FILE_OPTION,
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

// src/cli/commands/revoke-command.ts
var revokeCommand = {
  name: "revoke",
  help: `Usage: credledger revoke <id> --reason TEXT [--deployment D] [--date YYYY-MM-DD] [--file F]

Writes \`compromised:\` (the date) and \`incident:\` (the reason) on the credential; every other byte of
the file stays as it was. From then on \`status\` shows it overdue with severity critical, and the next
\`remind\` opens (or escalates) its issue as critical, until it is rotated after the date. Prints the
checklist in the rotation guide's order: revoke at the issuer now, review the logs, deploy a
replacement with \`set\` and a pull request, notify.

      --reason TEXT     what happened (required; recorded as \`incident\`, shown in the issue)
  -d, --deployment D    only this deployment's value leaked (recorded in the incident)
      --date D          when it may have leaked (default: today, UTC)
  -f, --file F          inventory file (default: credentials.yaml)

Exit 0 when recorded, 1 when the file cannot be edited in place, 64 on a usage error, 3 when the
file cannot be written.`,
  options: { ...FILE_OPTION, reason: { type: "string" }, deployment: { type: "string", short: "d" }, date: { type: "string" } },
  positionals: { min: 1, max: 1, names: "the id of the credential" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const reason = stringOption(commandLine, "reason");
    if (reason === void 0) throw new UsageError("--reason TEXT is required: say what happened (it is recorded as `incident`)");
    const deployment = stringOption(commandLine, "deployment");
    const date = stringOption(commandLine, "date");
    const result = await revokeCredential({
      file,
      credential: commandLine.positionals[0] ?? "",
      reason,
      today: toCalendarDate(io.now()),
      ...deployment === void 0 ? {} : { deployment },
      ...date === void 0 ? {} : { date }
    });
    if (result.kind === "refused") {
      writeRefusal(io, result, `${file} was not changed.`);
      return ExitCode.findings;
    }
    io.stdout.write(renderRevocation(result));
    return ExitCode.ok;
  }
};
function renderRevocation(result) {
  const { assessment } = result;
  const compromised = assessment.credential.compromised ?? "";
  const standing = assessment.severity === "critical" ? `${result.credential} is ${assessment.state} (severity critical) until it is rotated after ${compromised}.` : (
    // A rotation on the day of the leak counts as after it, so nothing is due: say so rather than look critical.
    `${result.credential} was rotated on ${assessment.lastRotated ?? compromised}, which counts as after the leak on ${compromised}: it is not due for it. If the leak came after that rotation, rotate it again (credledger set).`
  );
  const lines = [result.written.length === 0 ? `${result.file}: nothing to write: already recorded` : `${result.file}: wrote ${result.written.join(", ")}`, standing, ""];
  result.steps.forEach((step, index) => lines.push(`${index + 1}. ${step.title}: ${step.text}`));
  return `${lines.join("\n")}
`;
}
export {
  renderRevocation,
  revokeCommand
};
