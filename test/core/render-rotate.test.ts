import { describe, expect, it } from 'vitest';
import { renderRotateMarkdown, rotateCountsLine, type RotateRunReport } from '../../src/core/render-rotate.js';

const report: RotateRunReport = {
  dryRun: false,
  started: [
    {
      kind: 'opened',
      credential: 'aws-access-key-id',
      oldIssuerId: 'AKIAOLDOLDOLDOLD0001',
      newIssuerId: 'AKIANEWNEWNEWNEW0002',
      probe: { ok: true, detail: 'STS GetCallerIdentity: arn:aws:iam::123456789012:user/docuelevate-s3' },
      pullRequest: { number: 7, url: 'https://github.com/acme/infra/pull/7' },
      resumed: false,
      discarded: ['AKIAORPHANORPHAN0003'],
    },
    { kind: 'manual', credential: 'smtp', command: 'credledger set smtp --value-stdin' },
    { kind: 'refused', credential: 'webhook', reason: 'both access-key slots of `docuelevate-s3` are taken' },
  ],
  finished: [{ credential: 'old|pair', rotationId: 'rot-0123456789ab', from: 'applied', to: 'retiring', notes: ['disabled AKIAOLDOLDOLDOLD0001'], issue: { number: 9, url: 'https://github.com/acme/infra/issues/9' } }],
  errors: [{ part: 'finish', message: 'git could not push: rejected' }],
};

describe('renderRotateMarkdown', () => {
  it('shows each due credential and each rotation under way with ids, links and commands, one row each', () => {
    const markdown = renderRotateMarkdown(report);
    expect(markdown).toContain('| `aws-access-key-id` | opened | `AKIAOLDOLDOLDOLD0001` → `AKIANEWNEWNEWNEW0002` | pull request [#7](https://github.com/acme/infra/pull/7); probe passed:');
    expect(markdown).toContain('deleted `AKIAORPHANORPHAN0003` (an earlier run died before pushing it)');
    expect(markdown).toContain('| `smtp` | by hand | – | no rotation driver: rotate it at its issuer, then run `credledger set smtp --value-stdin` |');
    expect(markdown).toContain('| `webhook` | refused | – | both access-key slots of `docuelevate-s3` are taken |');
    // A name with a table separator stays in its cell.
    expect(markdown).toContain('| old&#124;pair | `rot-0123456789ab` | applied → retiring | disabled AKIAOLDOLDOLDOLD0001; opened [#9](https://github.com/acme/infra/issues/9) |');
    expect(markdown).toContain('**rotate --finish failed:** git could not push: rejected');
    expect(rotateCountsLine(report)).toBe('3 due: 1 opened, 0 under way, 1 refused, 1 by hand; 1 rotation(s) under way, 1 moved');
  });

  it('says when nothing is due and nothing is under way, and marks a dry run', () => {
    const markdown = renderRotateMarkdown({ dryRun: true, started: [{ kind: 'would-rotate', credential: 'token', driver: 'generated-secret' }], finished: [], errors: [] });
    expect(markdown).toContain('## credledger rotate (dry run: nothing created, pushed or changed)');
    expect(markdown).toContain('| `token` | would open a pull request | – | driver `generated-secret` |');
    expect(markdown).toContain('No rotation is under way.');
    expect(renderRotateMarkdown({ dryRun: false, started: [], finished: [], errors: [] })).toContain('Nothing is due.');
  });
});
