// Every option the CLI tells users to use for apply and audit has an Action input, read into the typed settings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionSettings } from '../../src/action/action-settings.js';
import { applyCommand } from '../../src/cli/commands/apply-command.js';
import { auditCommand } from '../../src/cli/commands/audit-command.js';
import { rotateCommand } from '../../src/cli/commands/rotate-command.js';
import { REPO_ROOT } from '../support/paths.js';

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string }> };
// Options that are the Action's own business: the file input, the rendering, where keys come from; the rotate job
// always runs `--due` then `--finish`, and rotates in the workflow's own repository.
const NOT_INPUTS = new Set(['format', 'key-file', 'due', 'finish', 'repo']);

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('action inputs', () => {
  it('cover every apply and audit option of the CLI, each documented', () => {
    for (const command of [applyCommand, auditCommand, rotateCommand]) {
      const missing = Object.keys(command.options).filter((option) => !NOT_INPUTS.has(option) && !(option in action.inputs));
      expect(missing, command.name).toEqual([]);
    }
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('are read into the settings, with their names in errors', () => {
    Object.assign(process.env, {
      INPUT_ALL: 'true',
      INPUT_REHYDRATE: 'production',
      'INPUT_ALLOW-ROLLBACK': 'true',
      'INPUT_ALLOW-NON-DEFAULT-BRANCH': 'false',
      'INPUT_ALLOW-INSECURE-HTTP': 'true',
      INPUT_CONCURRENCY: '2',
      'INPUT_STATE-REF': 'refs/credledger/other',
      INPUT_ENVIRONMENT: 'production',
    });
    expect(readActionSettings()).toMatchObject({
      all: true,
      rehydrate: 'production',
      allowRollback: true,
      allowNonDefaultBranch: false,
      allowInsecureHttp: true,
      concurrency: 2,
      stateRef: 'refs/credledger/other',
      environment: 'production',
    });
    process.env.INPUT_CONCURRENCY = '0';
    expect(() => readActionSettings()).toThrow('input `concurrency` must be a whole number of at least 1 (got 0)');
    process.env.INPUT_CONCURRENCY = '';
    process.env.INPUT_ALL = 'yes';
    expect(() => readActionSettings()).toThrow('input `all` must be true or false (got yes)');
  });

  it('read the rotate command and its durations', () => {
    Object.assign(process.env, { INPUT_COMMAND: 'rotate', 'INPUT_QUIET-PERIOD': '0m', 'INPUT_PENDING-TTL': '3d' });
    expect(readActionSettings()).toMatchObject({ command: 'rotate', quietPeriodMs: 0, pendingTtlMs: 3 * 86_400_000 });
    process.env['INPUT_QUIET-PERIOD'] = '';
    expect(readActionSettings().quietPeriodMs).toBeUndefined();
    process.env['INPUT_PENDING-TTL'] = 'a week';
    expect(() => readActionSettings()).toThrow('input `pending-ttl` must be a duration such as 24h, 90m or 7d (got a week)');
  });
});
