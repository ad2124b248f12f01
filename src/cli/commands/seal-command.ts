// `credledger seal`: store a rotated credential's new value sealed for the inventory's public key, with no secret at all.
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadOptionalKeyRing } from '../../app/key-source.js';
import { FILE_OPTION, stringOption, type CliCommand } from '../command.js';
import { storeNewValue } from './set-command.js';

export const sealCommand: CliCommand = {
  name: 'seal',
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
    deployment: { type: 'string', short: 'd' },
    recipient: { type: 'string' },
    'value-stdin': { type: 'boolean' },
    'value-env': { type: 'string' },
    rotated: { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: 'the id of the credential' },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const credentialId = commandLine.positionals[0] ?? '';
    const deployment = stringOption(commandLine, 'deployment');
    const ring = await loadOptionalKeyRing({ env: io.env });
    return storeNewValue(commandLine, io, { file, credentialId, deployment, ring, seal: { recipientId: stringOption(commandLine, 'recipient') } });
  },
};
