// apply's and audit's progress on stderr: plain lines in a log, one redrawn line on a terminal.
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/core/run-progress.js';
import { createProgressOutput } from '../../src/cli/progress-output.js';

const RUN: RunProgress[] = [
  { kind: 'connecting', deployment: 'production' },
  { kind: 'connected', deployment: 'production', listed: 40 },
  { kind: 'writing', deployment: 'production', total: 2 },
  { kind: 'operation', deployment: 'production', action: 'set', setting: 'openai_api_key', outcome: 'done', completed: 1, total: 2 },
  { kind: 'unusable', deployment: 'staging', reason: 'STAGING_PASSWORD is not set' },
  { kind: 'operation', deployment: 'production', action: 'delete', setting: 'azure_ai_key', outcome: 'failed', completed: 2, total: 2 },
  { kind: 'finished', deployment: 'production', done: 1, failed: 1, skipped: 0 },
];

function capture(isTTY: boolean, env: Record<string, string | undefined> = {}) {
  let text = '';
  const output = createProgressOutput('apply', { write: (chunk: string) => (text += chunk), isTTY, columns: 60 }, env);
  for (const event of RUN) output.listener(event);
  output.finish();
  return text;
}

describe('progress output', () => {
  it('writes a plain line per step when not a terminal', () => {
    expect(capture(false)).toBe(
      [
        'apply: production: logging in and reading its credential list',
        'apply: production: 40 credential settings listed',
        'apply: production: 2 operations to apply',
        'apply: production: [1/2] set openai_api_key done',
        'apply: staging: cannot be used: STAGING_PASSWORD is not set',
        'apply: production: [2/2] delete azure_ai_key failed',
        'apply: production: finished: 1 done, 1 failed, 0 skipped',
        '',
      ].join('\n'),
    );
  });

  it('redraws one line on a terminal, keeps a line per finished deployment, and leaves the line clear', () => {
    const text = capture(true);
    expect(text).toContain('\r\u001b[2Kapply: production 1/2 set openai_api_key done');
    expect(text).toContain('\r\u001b[2Kapply: staging: cannot be used: STAGING_PASSWORD is not set\n');
    expect(text).toContain('apply: production: finished: 1 done, 1 failed, 0 skipped\n');
    // Nothing is left on the live line, so the report starts at the beginning of a clean line.
    expect(text.endsWith('skipped\n')).toBe(true);
    // No drawn line is wider than the terminal.
    for (const line of text.split(/\r\u001b\[2K|\n/)) expect(line.length).toBeLessThan(60);
  });

  it('writes plain lines on a dumb terminal', () => {
    expect(capture(true, { TERM: 'dumb' })).not.toContain('\u001b');
  });
});
