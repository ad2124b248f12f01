import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  storeNewValue
} from "./chunk-PEJ6ZGPM.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-DBPKLHWZ.js";
import "./chunk-BYMAB5YM.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-DKTHFQQM.js";
import {
  loadOptionalKeyRing
} from "./chunk-ZS6E5BZH.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-URZSO2AJ.js";
import "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import {
  FILE_OPTION,
  stringOption
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

// src/cli/commands/seal-command.ts
var sealCommand = {
  name: "seal",
  help: `Usage: credledger seal <id> (--value-stdin | --value-env VAR) [--deployment D] [--recipient R]
                       [--rotated YYYY-MM-DD] [--file F]

Seals the new value for a recipient listed under encryption.recipients (the first, or --recipient R)
with its public key alone, writes it as sealed:<recipient>:<ephemeral key>:<token>, and sets the
credential's \`rotated\` to today (UTC). Every other byte of the file stays as it was. No key is
needed: CREDLEDGER_KEY and CREDLEDGER_SEALING_KEY may both be absent, and only the holder of the
recipient's private key (CI, through CREDLEDGER_SEALING_KEY) can open the value again.

      --value-stdin     read the value from stdin (piped: minus one trailing line break; at a
                        terminal: one line, typed without echo)
      --value-env VAR   read the value from environment variable VAR, exactly as it is
  -d, --deployment D    write values.D (this deployment's own value) rather than the shared value
      --recipient R     seal for recipient R rather than the first one listed
      --rotated DATE    the rotation date to record (default: today, UTC)
  -f, --file F          inventory file (default: credentials.yaml)

When a key in CREDLEDGER_KEY or CREDLEDGER_SEALING_KEY opens the current value, an unchanged value
is refused (not a rotation); without one the current value is replaced unread.

Exit 0 when written, 1 when refused, 64 on a usage error, 3 when the file cannot be written.`,
  options: {
    ...FILE_OPTION,
    deployment: { type: "string", short: "d" },
    recipient: { type: "string" },
    "value-stdin": { type: "boolean" },
    "value-env": { type: "string" },
    rotated: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "the id of the credential" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const credentialId = commandLine.positionals[0] ?? "";
    const deployment = stringOption(commandLine, "deployment");
    const ring = await loadOptionalKeyRing({ env: io.env });
    return storeNewValue(commandLine, io, { file, credentialId, deployment, ring, seal: { recipientId: stringOption(commandLine, "recipient") } });
  }
};
export {
  sealCommand
};
