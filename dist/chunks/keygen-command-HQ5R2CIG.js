import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  generateFernetKey,
  generateSealingKeyPair,
  isRecipientId,
  keyId,
  parseFernetKey
} from "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import {
  ExitCode,
  flagOption,
  stringOption
} from "./chunk-EKX6KSNN.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-HF3DDANW.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/keygen-command.ts
var keygenCommand = {
  name: "keygen",
  help: `Usage: credledger keygen [--quiet]
       credledger keygen --sealing [--recipient ID]

Prints a new random master key (a Fernet key: 32 bytes, base64url) on stdout, alone on its line,
and its key id with what to do next on stderr. The key is not stored anywhere, and a CI secret is
write-only: keep the key first where you can read it again (a password manager), then set the
secret from there. You need it yourself for \`set\`, \`rekey\` and \`reveal\`.

  credledger keygen > credledger.key          # a key file for --key-file (keep it out of git)
  # store the key in your password manager, then set the CI secret from it:
  gh secret set CREDLEDGER_KEY < credledger.key

With --sealing it makes an X25519 key pair instead: the private key (sealing-key:<ID>:\u2026) on stdout,
for the CI secret CREDLEDGER_SEALING_KEY, and on stderr the public key as the entry to add under
encryption.recipients in the inventory. With the public key in the inventory, anyone can store a
rotated value with \`credledger seal\`, and only the private key opens it.

  credledger keygen --sealing --recipient ci > sealing.key   # keep it in a password manager, then:
  gh secret set CREDLEDGER_SEALING_KEY < sealing.key

  -q, --quiet          print only the key (nothing on stderr); not with --sealing, whose public
                       key is printed on stderr
      --sealing        make a sealing key pair rather than a master key
      --recipient ID   the recipient id of the pair (default: ci)

The key is not stored anywhere: keep it in a password manager and in your CI secret.`,
  options: { quiet: { type: "boolean", short: "q" }, sealing: { type: "boolean" }, recipient: { type: "string" } },
  async run(commandLine, io) {
    const recipientId = stringOption(commandLine, "recipient");
    if (flagOption(commandLine, "sealing")) {
      if (flagOption(commandLine, "quiet")) throw new UsageError("--quiet would drop the public key, which --sealing prints on stderr");
      const id2 = recipientId ?? "ci";
      if (!isRecipientId(id2)) throw new UsageError(`--recipient must be letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), got ${JSON.stringify(id2)}`);
      const { privateKey, recipient } = generateSealingKeyPair(id2);
      (io.clearStdout ?? io.stdout).write(`${privateKey.encode()}
`);
      io.stderr.write(
        `recipient ${id2} (public key ${privateKey.id}): add its public key to the inventory; it is not a secret:

encryption:
  recipients:
    - id: ${id2}
      public_key: ${recipient.publicKey}

Keep the private key (stdout) secret: in CREDLEDGER_SEALING_KEY (the CI secret that applies values), never in git.
With it listed, \`credledger seal <id> --value-stdin\` stores a rotated value with no secret at all.
`
      );
      return ExitCode.ok;
    }
    if (recipientId !== void 0) throw new UsageError("--recipient names a sealing key pair: use it with --sealing");
    const key = generateFernetKey();
    const id = keyId(parseFernetKey(key));
    (io.clearStdout ?? io.stdout).write(`${key}
`);
    if (!flagOption(commandLine, "quiet")) {
      io.stderr.write(
        `key id ${id}: values encrypted under this key are written fernet:${id}:\u2026
Keep it in a password manager first (a CI secret cannot be read back), then in CREDLEDGER_KEY (the CI secret) or a key file for --key-file, never in git.
To replace a key: put the new one first (CREDLEDGER_KEY=new,old) locally and in every apply environment's secret, run \`credledger rekey\`, merge, apply once, then drop the old one.
`
      );
    }
    return ExitCode.ok;
  }
};
export {
  keygenCommand
};
