// The read-only CLI (the bundle validate and status start from) runs the very commands of the full CLI, and exactly
// those the executable routes to it.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { READ_ONLY_COMMAND_NAMES } from '../../src/cli/read-only-command-names.js';
import { READ_ONLY_COMMANDS } from '../../src/cli/read-only-cli.js';

describe('the read-only CLI', () => {
  it('holds the commands bin.ts routes to it, no more and no fewer', () => {
    expect(READ_ONLY_COMMANDS.map((entry) => entry.name)).toEqual(READ_ONLY_COMMAND_NAMES);
  });

  it.each(READ_ONLY_COMMAND_NAMES)('runs the same %s as the full CLI', async (name) => {
    const full = COMMANDS.find((entry) => entry.name === name);
    const readOnly = READ_ONLY_COMMANDS.find((entry) => entry.name === name);
    expect(full).toBeDefined();
    expect(await readOnly?.load()).toBe(await full?.load());
  });
});
