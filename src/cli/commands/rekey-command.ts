// `credledger rekey`: re-encrypt every value under the first key of the ring, after a master-key rotation.
import { DEFAULT_INVENTORY_FILE } from '../../app/inventory-file.js';
import { loadKeyRing } from '../../app/key-source.js';
import { rekeyInventory, type Rekeyed } from '../../app/rekey.js';
import { toCalendarDate } from '../../core/dates.js';
import { UsageError } from '../../ports/errors.js';
import { describeValueKey } from '../../core/sealed-value-format.js';
import { FILE_OPTION, flagOption, KEY_FILE_OPTION, stringOption, type CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeRefusal } from '../refusal-output.js';

export const rekeyCommand: CliCommand = {
  name: 'rekey',
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
  options: { ...FILE_OPTION, ...KEY_FILE_OPTION, 'to-sealed': { type: 'boolean' }, recipient: { type: 'string' } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, 'file', DEFAULT_INVENTORY_FILE);
    const ring = await loadKeyRing({ env: io.env, keyFile: stringOption(commandLine, 'key-file') });
    const recipientId = stringOption(commandLine, 'recipient');
    const toSealed = flagOption(commandLine, 'to-sealed');
    if (recipientId !== undefined && !toSealed) throw new UsageError('--recipient is only read with --to-sealed');
    const result = await rekeyInventory({ file, ring, today: toCalendarDate(io.now()), ...(toSealed ? { toSealed: { recipientId } } : {}) });
    if (result.kind === 'refused') {
      writeRefusal(io, result, `${file} was not changed: rekey moves every value or none.`);
      return ExitCode.findings;
    }
    io.stdout.write(describeRekey(result));
    return ExitCode.ok;
  },
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeRekey(result: Rekeyed): string {
  if (result.changed === 0) {
    return `${result.file}: ${result.values === 0 ? 'no values' : `all ${plural(result.values, 'value')} already under ${describeValueKey(result.keyId)}`}; nothing written\n`;
  }
  const lines = Object.entries(result.fromKeyIds)
    .sort(([a], [b]) => (a === result.keyId ? 1 : b === result.keyId ? -1 : a.localeCompare(b)))
    .map(([id, count]) => `  ${describeValueKey(id)}: ${plural(count, 'value')}${id === result.keyId ? ' already under it, unchanged' : ' re-encrypted'}`);
  const target = result.keyId.startsWith('sealed:') ? `sealed for ${describeValueKey(result.keyId)}` : `re-encrypted under key ${result.keyId}`;
  return `${result.file}: ${result.changed} of ${plural(result.values, 'value')} ${target}
${lines.join('\n')}
Commit the change; once every copy of the inventory is re-keyed, the old keys can leave the ring.
`;
}
