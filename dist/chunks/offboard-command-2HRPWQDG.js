import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  offboardPerson
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
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/offboard-command.ts
var offboardCommand = {
  name: "offboard",
  help: `Usage: credledger offboard <person> [--date YYYY-MM-DD] [--reassign-to P] [--file F]

Writes \`left:\` for the person (every other byte of the file stays as it was) and prints every
credential they owned or could read, grouped by what to do:
  rotate now          made due by their leaving, and nobody else knew the value
  shared              made due by their leaving, and shared with others: rotate those too
  reassign the owner  they still own it; the people who already have access are suggested
  revoke at issuer    their own grants (accounts, tokens, consents) at each issuer

      --date D          the day they left (default: today, UTC); a date already recorded is kept
                        unless --date is given
      --reassign-to P   make P the owner of everything they own (rewrites those \`owner:\` lines)
  -f, --file F          inventory file (default: credentials.yaml)

Re-running is harmless: what is already recorded is not written again.
Exit 0 once no credential has them as owner, 1 while any still does (or the file cannot be
edited in place), 64 on a usage error, 3 when the file cannot be written.`,
  options: { ...FILE_OPTION, date: { type: "string" }, "reassign-to": { type: "string" } },
  positionals: { min: 1, max: 1, names: "the person who left (a key of people)" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const date = stringOption(commandLine, "date");
    const reassignTo = stringOption(commandLine, "reassign-to");
    const result = await offboardPerson({
      file,
      person: commandLine.positionals[0] ?? "",
      today: toCalendarDate(io.now()),
      ...date === void 0 ? {} : { date },
      ...reassignTo === void 0 ? {} : { reassignTo }
    });
    if (result.kind === "refused") {
      writeRefusal(io, result, `${file} was not changed.`);
      return ExitCode.findings;
    }
    io.stdout.write(renderOffboarding(result, reassignTo));
    return result.report.stillOwned.length > 0 ? ExitCode.findings : ExitCode.ok;
  }
};
function describeRotation(entry) {
  const shared = entry.alsoKnownBy.length === 0 ? "" : `; also known to ${entry.alsoKnownBy.join(", ")}`;
  return `  - ${entry.credential} (${entry.setting}): ${entry.state}${shared}`;
}
function renderOffboarding(result, reassignTo) {
  const { report } = result;
  const lines = [];
  const who = report.person;
  lines.push(result.written.length === 0 ? `${result.file}: nothing to write: ${who} is recorded as leaving on ${report.left}` : `${result.file}: wrote ${result.written.join(", ")}`);
  lines.push(`${who} ${report.left > result.today ? "leaves" : "left"} on ${report.left}: owned ${report.owned.length} and could read ${report.readable.length} credential${report.readable.length === 1 ? "" : "s"}.`, "");
  lines.push(`Rotate now (only ${who} knew these):`);
  lines.push(...report.rotateNow.length === 0 ? ["  (none)"] : report.rotateNow.map(describeRotation), "");
  lines.push(`Rotate because they were shared with ${who}:`);
  lines.push(...report.sharedToRotate.length === 0 ? ["  (none)"] : report.sharedToRotate.map(describeRotation), "");
  lines.push(`Reassign the owner (${who} still owns these):`);
  if (report.stillOwned.length === 0) lines.push(reassignTo === void 0 ? "  (none)" : `  (none: handed to ${reassignTo})`);
  for (const entry of report.stillOwned) {
    const suggest = entry.suggestions.length === 0 ? "nobody else has access: pick someone" : `already have access: ${entry.suggestions.join(", ")}`;
    lines.push(`  - ${entry.credential} (${entry.setting}): ${suggest}`);
  }
  if (report.stillOwned.length > 0) lines.push(`  Hand them over with: credledger offboard ${who} --reassign-to <person>`);
  lines.push("", `Revoke ${who}'s own grants at each issuer:`);
  for (const entry of report.issuers) lines.push(`  - ${entry.issuer ?? "(no issuer recorded)"}: ${entry.credentials.join(", ")}`);
  if (report.issuers.length === 0) lines.push("  (none)");
  lines.push("", "Rotate each with `credledger set <id> --value-stdin`, then open a pull request; `credledger status` shows what is still due.");
  return `${lines.join("\n")}
`;
}
export {
  offboardCommand,
  renderOffboarding
};
