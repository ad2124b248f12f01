// The command list `--help` prints comes from the entries, without loading any command: each entry must name the
// command it loads, and every command has its line.
import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/cli/command-summaries.js';
import { COMMANDS } from '../../src/cli/main.js';

describe('the command list', () => {
  it('lists every command once, in the order of its summaries', () => {
    expect(COMMANDS.map((entry) => entry.name)).toEqual(Object.keys(COMMAND_SUMMARIES));
  });

  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('entry %s loads the command of that name', async (name, entry) => {
    expect((await entry.load()).name).toBe(name);
  });
});
