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
and its key id with what to do next on stderr. So both of these capture only the key:

  credledger keygen > credledger.key          # a key file for --key-file (keep it out of git)
  gh secret set CREDLEDGER_KEY --body "$(credledger keygen --quiet)"

  -q, --quiet   print only the key (nothing on stderr)

The key is not stored anywhere: keep it in a password manager and in your CI secret.`,
  options: { quiet: { type: 'boolean', short: 'q' } },
  async run(commandLine, io) {
    const key = generateFernetKey();
    const id = keyId(parseFernetKey(key));
    io.stdout.write(`${key}\n`);
    if (!flagOption(commandLine, 'quiet')) {
      io.stderr.write(
        `key id ${id}: values encrypted under this key are written fernet:${id}:…
Keep the key secret: in CREDLEDGER_KEY (the CI secret) or a key file for --key-file, never in git.
To replace a key: put the new one first (CREDLEDGER_KEY=new,old), run \`credledger rekey\`, commit, then drop the old one.
`,
      );
    }
    return ExitCode.ok;
  },
};
