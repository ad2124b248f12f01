import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  readAllInput,
  readHiddenLine
} from "./chunk-IWLCN2BV.js";
import {
  setCredentialValue
} from "./chunk-DBPKLHWZ.js";
import {
  writeRefusal
} from "./chunk-BYMAB5YM.js";
import {
  loadKeyRing
} from "./chunk-ZS6E5BZH.js";
import {
  holdsMasterKey
} from "./chunk-RDSJMO77.js";
import {
  SecretValue
} from "./chunk-NTY5ZNUX.js";
import {
  ExitCode,
  FILE_OPTION,
  KEY_FILE_OPTION,
  flagOption,
  stringOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE
} from "./chunk-2DIQPP6S.js";
import {
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
import {
  describeValueKey
} from "./chunk-X75H72PA.js";
import {
  SESSION_SECRET_IGNORED,
  SESSION_SECRET_SETTING,
  describeSessionSecretRotation
} from "./chunk-PNS7CLM4.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/cli/commands/set-command.ts
var setCommand = {
  name: "set",
  help: `Usage: credledger set <id> (--value-stdin | --value-env VAR) [--deployment D] [--rotated YYYY-MM-DD]
                      [--file F] [--key-file P]

Encrypts the new value under the first key of the ring (CREDLEDGER_KEY or --key-file) for its
place in the inventory, writes it, and sets the credential's \`rotated\` to today (UTC). Every other
byte of the file stays as it was. The value itself is never printed.

      --value-stdin     read the value from stdin. Piped: all of it, minus exactly one trailing
                        line break (\\n or \\r\\n), so \`echo\`, \`pass show\` and files work; a value
                        whose own last character is a line break needs a second one. At a terminal:
                        one line, typed without echo.
      --value-env VAR   read the value from environment variable VAR, exactly as it is
  -d, --deployment D    write values.D (this deployment's own value) rather than the shared value;
                        needed when the credential keeps a value per deployment
      --rotated DATE    the rotation date to record (default: today, UTC)
  -f, --file F          inventory file (default: credentials.yaml)
      --key-file P      read the keys from this file (one per line) instead of CREDLEDGER_KEY

Refuses, and writes nothing, when the new value is empty or equals the current one (that is not a
rotation: get a new value from the issuer first), or when the current value cannot be opened to
compare, e.g. because it was copied from another credential.

Exit 0 when written, 1 when refused, 64 on a usage error, 3 when the file cannot be written.`,
  options: {
    ...FILE_OPTION,
    ...KEY_FILE_OPTION,
    deployment: { type: "string", short: "d" },
    "value-stdin": { type: "boolean" },
    "value-env": { type: "string" },
    rotated: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "the id of the credential" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const credentialId = commandLine.positionals[0] ?? "";
    const deployment = stringOption(commandLine, "deployment");
    const ring = await loadKeyRing({ env: io.env, keyFile: stringOption(commandLine, "key-file") });
    if (!holdsMasterKey(ring)) {
      throw new UsageError(`set encrypts under a master key, and ${ring.source} holds none (only sealing keys): use \`credledger seal ${credentialId}\`, which needs only the inventory's public key`);
    }
    return storeNewValue(commandLine, io, { file, credentialId, deployment, ring });
  }
};
async function storeNewValue(commandLine, io, target) {
  const { file, credentialId, deployment, ring } = target;
  const value = await readNewValue(commandLine, io, deployment === void 0 ? credentialId : `${credentialId} in ${deployment}`);
  const now = io.now();
  const result = await setCredentialValue({
    file,
    credentialId,
    deployment,
    value,
    rotated: stringOption(commandLine, "rotated"),
    today: toCalendarDate(now),
    now,
    ring,
    ...target.seal === void 0 ? {} : { seal: target.seal }
  });
  if (result.kind === "refused") {
    writeRefusal(io, result, `${file} was not changed.`);
    return ExitCode.findings;
  }
  io.stdout.write(describeSet(result));
  return ExitCode.ok;
}
async function readNewValue(commandLine, io, what) {
  const fromStdin = flagOption(commandLine, "value-stdin");
  const variable = stringOption(commandLine, "value-env");
  if (fromStdin === (variable !== void 0)) {
    throw new UsageError("give the new value with exactly one of --value-stdin or --value-env VAR (never as an argument: shell history keeps those)");
  }
  if (variable !== void 0) {
    const value = io.env[variable];
    if (value === void 0) {
      throw new UsageError('the environment variable that --value-env names is not set (the name is not repeated, in case it is the value: write --value-env NEW, not --value-env "$NEW")');
    }
    return new SecretValue(value);
  }
  if (io.stdin.isTTY === true) {
    io.stderr.write(`New value for ${what} (typing is hidden; Enter ends it; pipe multi-line values instead): `);
    const typed = await readHiddenLine(io.stdin);
    io.stderr.write("\n");
    return new SecretValue(typed);
  }
  const bytes = await readAllInput(io.stdin);
  try {
    return SecretValue.fromUtf8(bytes.subarray(0, bytes.length - trailingLineBreakLength(bytes)));
  } catch {
    throw new UsageError("the value on stdin is not UTF-8 text");
  }
}
function trailingLineBreakLength(bytes) {
  if (bytes.length >= 2 && bytes[bytes.length - 2] === 13 && bytes[bytes.length - 1] === 10) return 2;
  return bytes.length >= 1 && bytes[bytes.length - 1] === 10 ? 1 : 0;
}
function describeSet(result) {
  const replaced = result.replaced.kind === "sealed" ? `, replacing a value under ${describeValueKey(result.replaced.keyId)}${result.compared ? "" : " (not opened to compare: no key here opens it)"}` : result.replaced.kind === "plaintext" ? ", replacing a plaintext (rotate that credential: it has been in git)" : "";
  const { previous, current } = result.rotated;
  const rotated = previous === current ? `${current} (unchanged)` : `${previous ?? "(none)"} -> ${current}`;
  const under = result.keyId.startsWith("sealed:") ? `sealed for ${describeValueKey(result.keyId)}` : `encrypted under key ${result.keyId}`;
  const next = result.setting === SESSION_SECRET_SETTING ? `Review with \`git diff\` and commit. ${SESSION_SECRET_IGNORED}, so applying this value changes nothing. To rotate it, ${describeSessionSecretRotation(result.place.deployment)}.` : "Review with `git diff` and commit; the value reaches DocuElevate when the change is applied.";
  return `${result.file}: ${result.path}: new value, ${under}${replaced}
${result.file}: rotated ${rotated}
${next}
`;
}

export {
  setCommand,
  storeNewValue,
  readNewValue,
  describeSet
};
