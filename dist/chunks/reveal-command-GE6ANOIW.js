import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  readLine
} from "./chunk-IWLCN2BV.js";
import {
  writeRefusal
} from "./chunk-BYMAB5YM.js";
import {
  choosePlaceToRead,
  requireCredential,
  sealedValueAt
} from "./chunk-U23GFO32.js";
import {
  valuePathOf
} from "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import {
  findingForSealedValueError
} from "./chunk-DKTHFQQM.js";
import {
  loadKeyRing
} from "./chunk-ZS6E5BZH.js";
import {
  SealedValueError,
  describePlace,
  openSealedValue,
  parseSealedValue
} from "./chunk-YI3OOGKA.js";
import {
  readFernetTimestamp
} from "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-URZSO2AJ.js";
import "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import {
  ExitCode,
  FILE_OPTION,
  KEY_FILE_OPTION,
  flagOption,
  stringOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE,
  readInventoryText
} from "./chunk-2DIQPP6S.js";
import {
  checkInventoryText
} from "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import {
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
import {
  errorAt,
  formatDocumentPath,
  placeFinding
} from "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import {
  listValuePlaces
} from "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/app/reveal.ts
async function revealValue(request) {
  const text = await readInventoryText(request.file);
  const check = checkInventoryText(text, request.file, request.today);
  if (!check.inventory) return { kind: "refused", source: check.source, diagnostics: check.diagnostics };
  const credential = requireCredential(check.inventory, request.credentialId);
  const refuse = (finding) => ({ kind: "refused", source: check.source, diagnostics: [placeFinding(check.source, finding)] });
  const place = choosePlaceToRead(check.inventory, credential, request.deployment);
  if (place === void 0) {
    const deployment = request.deployment === void 0 ? "" : ` for ${request.deployment}`;
    return refuse(errorAt("value-missing", ["credentials", credential.id], `\`${credential.id}\` has no value${deployment} in the inventory`, true));
  }
  const path = valuePathOf(place);
  const sealed = sealedValueAt(credential, place) ?? "";
  try {
    const value = openSealedValue(request.ring, place, sealed, listValuePlaces(check.inventory));
    const parts = parseSealedValue(sealed);
    if (parts === null) throw new Error("an opened value has the sealed format");
    return { kind: "revealed", place, path: formatDocumentPath(path), keyId: parts.keyId, sealedAt: new Date(readFernetTimestamp(parts.token) * 1e3), value };
  } catch (error) {
    if (!(error instanceof SealedValueError)) throw error;
    return refuse(findingForSealedValueError(error, path));
  }
}

// src/cli/commands/reveal-command.ts
var revealCommand = {
  name: "reveal",
  help: `Usage: credledger reveal <id> [--deployment D] [--yes] [--file F] [--key-file P]

Decrypts one value and prints it on stdout: exactly the value when stdout is a pipe or file, with a
line break added at a terminal. For break-glass use only: anyone who sees the value holds the
credential. At a terminal it asks you to type the credential id first; elsewhere (scripts, CI) it
refuses unless --yes is given. A warning always goes to stderr.

  -d, --deployment D   the value deployment D receives (its own, else the shared one)
  -y, --yes            do not ask
  -f, --file F         inventory file (default: credentials.yaml)
      --key-file P     read the keys from this file (one per line) instead of CREDLEDGER_KEY

Exit 0 when printed, 1 when the value cannot be opened or confirmation was declined, 64 on a usage error.`,
  options: { ...FILE_OPTION, ...KEY_FILE_OPTION, deployment: { type: "string", short: "d" }, yes: { type: "boolean", short: "y" } },
  positionals: { min: 1, max: 1, names: "the id of the credential" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const credentialId = commandLine.positionals[0] ?? "";
    const confirmed = flagOption(commandLine, "yes");
    if (!confirmed && io.stdin.isTTY !== true) {
      throw new UsageError("this would print a plaintext credential, and stdin is not a terminal to confirm at: pass --yes if that is really meant (break-glass use)");
    }
    const ring = await loadKeyRing({ env: io.env, keyFile: stringOption(commandLine, "key-file") });
    const result = await revealValue({ file, credentialId, deployment: stringOption(commandLine, "deployment"), ring, today: toCalendarDate(io.now()) });
    if (result.kind === "refused") {
      writeRefusal(io, result, "Nothing was printed.");
      return ExitCode.findings;
    }
    const where = describePlace(result.place);
    if (!confirmed) {
      io.stderr.write(`This prints the plaintext of ${where} (${result.path}). Type \`${credentialId}\` to go on: `);
      const answer = await readLine(io.stdin);
      if (answer?.trim() !== credentialId) {
        io.stderr.write("Not confirmed; nothing was printed.\n");
        return ExitCode.findings;
      }
    }
    io.stderr.write(
      `credledger reveal: printing the plaintext of ${where} (key ${result.keyId}, encrypted ${result.sealedAt.toISOString().slice(0, 10)}). Break-glass: whoever sees it holds the credential; if it reached a log, a chat or a screen share, rotate it.
`
    );
    (io.clearStdout ?? io.stdout).write(io.stdout.isTTY === true ? `${result.value.reveal()}
` : result.value.reveal());
    return ExitCode.ok;
  }
};
export {
  revealCommand
};
