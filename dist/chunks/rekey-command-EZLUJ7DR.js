import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  writeRefusal
} from "./chunk-BYMAB5YM.js";
import {
  YamlEditError,
  writeValuesInText
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
  resealValue
} from "./chunk-YI3OOGKA.js";
import {
  holdsMasterKey,
  primaryKey
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
  readInventoryText,
  replaceInventoryText
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
  placeFinding
} from "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import {
  describeValueKey,
  listSealedValues,
  listValuePlaces,
  parseSealedValueText
} from "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/app/rekey.ts
async function rekeyInventory(request) {
  const text = await readInventoryText(request.file);
  const check = checkInventoryText(text, request.file, request.today);
  if (!check.inventory) return { kind: "refused", source: check.source, diagnostics: check.diagnostics };
  const candidates = listValuePlaces(check.inventory);
  const recipients = check.inventory.recipients ?? [];
  let recipient;
  if (request.toSealed !== void 0) {
    const wanted = request.toSealed.recipientId;
    recipient = wanted === void 0 ? recipients[0] : recipients.find((candidate) => candidate.id === wanted);
    if (recipient === void 0) {
      const listed = recipients.length === 0 ? "none is listed" : `it lists ${recipients.map((candidate) => candidate.id).join(", ")}`;
      const message = wanted === void 0 ? "there is no recipient to seal for" : `recipient ${wanted} is not listed`;
      throw new UsageError(`${message} under encryption.recipients (${listed}): \`credledger keygen --sealing\` makes a key pair and prints the entry to add`);
    }
  } else if (!holdsMasterKey(request.ring)) {
    throw new UsageError(`rekey moves values to the first master key, and ${request.ring.source} holds none: pass --to-sealed to seal every value for a recipient`);
  }
  const findings = [];
  const mismatch = recipient === void 0 ? void 0 : request.ring.sealingKeys.find((key) => key.recipientId === recipient.id && key.publicKey !== recipient.publicKey);
  if (recipient !== void 0 && mismatch !== void 0) {
    findings.push(
      errorAt(
        "sealing-key-mismatch",
        ["encryption", "recipients", recipients.indexOf(recipient), "public_key"],
        `${request.ring.source} holds a private key for recipient ${recipient.id} whose public key is not the one listed here. A new key pair needs a new recipient id: list it first, keep the old entry, and re-seal with the old private key; values already sealed for ${recipient.id} would otherwise stay under the old key`
      )
    );
  }
  const writes = [];
  const fromKeyIds = {};
  const entries = listSealedValues(check.inventory);
  for (const entry of entries) {
    const parts = parseSealedValueText(entry.sealed);
    if (parts === void 0) {
      findings.push(errorAt("plaintext-value", entry.path, "this value is not encrypted, so rekey cannot move it: store it with `credledger set` or `credledger seal` first (see `credledger validate`)"));
      continue;
    }
    try {
      const result = resealValue(request.ring, entry.place, entry.sealed, candidates, recipient);
      fromKeyIds[result.fromKeyId] = (fromKeyIds[result.fromKeyId] ?? 0) + 1;
      if (result.changed) writes.push({ place: entry.place, sealed: result.sealed });
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      findings.push(findingForSealedValueError(error, entry.path, "rekey changes nothing until every value opens"));
    }
  }
  const refuse = (all) => ({ kind: "refused", source: check.source, diagnostics: all.map((finding) => placeFinding(check.source, finding)) });
  if (findings.length > 0) return refuse(findings);
  if (writes.length > 0) {
    let edited;
    try {
      edited = writeValuesInText(text, writes);
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      return refuse([errorAt("cannot-edit-in-place", [...error.path], error.message)]);
    }
    await replaceInventoryText(request.file, text, edited);
  }
  return { kind: "rekeyed", file: request.file, keyId: recipient === void 0 ? primaryKey(request.ring).id : `sealed:${recipient.id}`, values: entries.length, changed: writes.length, fromKeyIds };
}

// src/cli/commands/rekey-command.ts
var rekeyCommand = {
  name: "rekey",
  help: `Usage: credledger rekey [--file F] [--key-file P]
       credledger rekey --to-sealed [--recipient R] [--file F] [--key-file P]

Re-encrypts every value that is not yet under the first key of the ring (CREDLEDGER_KEY=new,old
or --key-file with the new key on the first line). Each value keeps its token's timestamp, which
records when it was set. Nothing else in the file changes. All or nothing: when any value cannot
be opened (a key missing from the ring, a value copied from another place, a plaintext), the file
is not changed and every such value is reported.

With --to-sealed it seals every value for a recipient of encryption.recipients instead (the first,
or --recipient R), opening each with the ring (CREDLEDGER_KEY, CREDLEDGER_SEALING_KEY or
--key-file). Values already sealed for that recipient are left as they are. This is also how a
recipient rotates: list the new recipient first, then run it with the old sealing key.

  -f, --file F        inventory file (default: credentials.yaml)
      --key-file P    read the keys from this file (one per line) instead of the environment
      --to-sealed     seal every value for a recipient rather than re-encrypt under the master key
      --recipient R   with --to-sealed: seal for R rather than the first recipient listed

Exit 0 when done (or nothing to do), 1 when refused, 64 on a usage error, 3 when the file cannot be written.`,
  options: { ...FILE_OPTION, ...KEY_FILE_OPTION, "to-sealed": { type: "boolean" }, recipient: { type: "string" } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const ring = await loadKeyRing({ env: io.env, keyFile: stringOption(commandLine, "key-file") });
    const recipientId = stringOption(commandLine, "recipient");
    const toSealed = flagOption(commandLine, "to-sealed");
    if (recipientId !== void 0 && !toSealed) throw new UsageError("--recipient is only read with --to-sealed");
    const result = await rekeyInventory({ file, ring, today: toCalendarDate(io.now()), ...toSealed ? { toSealed: { recipientId } } : {} });
    if (result.kind === "refused") {
      writeRefusal(io, result, `${file} was not changed: rekey moves every value or none.`);
      return ExitCode.findings;
    }
    io.stdout.write(describeRekey(result));
    return ExitCode.ok;
  }
};
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function describeRekey(result) {
  if (result.changed === 0) {
    return `${result.file}: ${result.values === 0 ? "no values" : `all ${plural(result.values, "value")} already under ${describeValueKey(result.keyId)}`}; nothing written
`;
  }
  const lines = Object.entries(result.fromKeyIds).sort(([a], [b]) => a === result.keyId ? 1 : b === result.keyId ? -1 : a.localeCompare(b)).map(([id, count]) => `  ${describeValueKey(id)}: ${plural(count, "value")}${id === result.keyId ? " already under it, unchanged" : " re-encrypted"}`);
  const target = result.keyId.startsWith("sealed:") ? `sealed for ${describeValueKey(result.keyId)}` : `re-encrypted under key ${result.keyId}`;
  return `${result.file}: ${result.changed} of ${plural(result.values, "value")} ${target}
${lines.join("\n")}
Commit the change; once every copy of the inventory is re-keyed, the old keys can leave the ring.
`;
}
export {
  rekeyCommand
};
