// `credledger keygen`: a new master key on stdout, alone on its line; its id and what to do with it on stderr.
import { generateFernetKey, parseFernetKey } from '../../crypto/fernet.js';
import { keyId } from '../../crypto/key-ring.js';
import { flagOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';

export const keygenCommand: CliCommand = {
  name: 'keygen',
  summary: 'make a new master key: the key on stdout, its key id on stderr',
  help: `Usage: credledger keygen [--quiet]

Prints a new random master key (a Fernet key: 32 bytes, base64url) on stdout, alone on its line,
and its key id with what to do next on stderr. The key is not stored anywhere, and a CI secret is
write-only: keep the key first where you can read it again (a password manager), then set the
secret from there. You need it yourself for \`set\`, \`rekey\` and \`reveal\`.

  credledger keygen > credledger.key          # a key file for --key-file (keep it out of git)
  # store the key in your password manager, then set the CI secret from it:
  gh secret set CREDLEDGER_KEY < credledger.key

  -q, --quiet   print only the key (nothing on stderr)`,
  options: { quiet: { type: 'boolean', short: 'q' } },
  async run(commandLine, io) {
    const key = generateFernetKey();
    const id = keyId(parseFernetKey(key));
    io.stdout.write(`${key}\n`);
    if (!flagOption(commandLine, 'quiet')) {
      io.stderr.write(
        `key id ${id}: values encrypted under this key are written fernet:${id}:…
Keep it in a password manager first (a CI secret cannot be read back), then in CREDLEDGER_KEY (the CI secret) or a key file for --key-file, never in git.
To replace a key: put the new one first (CREDLEDGER_KEY=new,old) locally and in every apply environment's secret, run \`credledger rekey\`, merge, apply once, then drop the old one.
`,
      );
    }
    return ExitCode.ok;
  },
};
