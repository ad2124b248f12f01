// The bundled action's rotate mode on a schedule (examples/workflows/credledger-rotate.yml), under Node 20 and Node 24:
// against moto, the loopback GitHub and DocuElevate servers and a clone of a bare remote, the first scheduled run opens
// the rotation's pull request, and after merge and apply a later run finishes it: one active key at moto, the new one.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, type Sandbox } from '../support/apply-sandbox.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { rotatorEnv, startMotoServer, type MotoServer } from '../support/moto.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';
import { bareRemoteGit } from '../support/bare-remote.js';
import { resolveNode24 } from '../support/node24.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'action-rotate-admin-password-01' };

function inventory(url: string, user: string): string {
  return `version: 1
people:
  dave: { github: dave }
deployments:
  production:
    url: ${url}
    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }
credentials:
  aws-access-key-id:
    setting: aws_access_key_id
    kind: api_key
    owner: dave
    group: aws-s3
    created: 2025-01-01
    rotated: 2025-01-01
    rotation: { driver: aws-iam-access-key, user: ${user}, secret: aws-secret-access-key }
  aws-secret-access-key:
    setting: aws_secret_access_key
    kind: api_key
    owner: dave
    group: aws-s3
    created: 2025-01-01
    rotated: 2025-01-01
`;
}

let moto: MotoServer;
let node24 = '';
let fake: FakeGitHub | undefined;
let server: DocuElevateServer | undefined;
const sandboxes: Sandbox[] = [];

beforeAll(async () => {
  moto = await startMotoServer();
  node24 = resolveNode24();
  expect(execFileSync(node24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
}, 180_000);
afterEach(async () => {
  expect(fake?.unmatched() ?? []).toEqual([]);
  await fake?.close();
  await server?.close();
});
afterAll(async () => {
  await moto?.stop();
  for (const sandbox of sandboxes) sandbox.remove();
});

const RUNTIMES: [string, string, () => string[]][] = [
  ['Node 20', 'docuelevate-s3-node20', () => [process.execPath]],
  ['Node 24', 'docuelevate-s3-node24', () => [node24]],
];

describe.each(RUNTIMES)('the action, command rotate on a schedule, under %s', (_runtime, user, nodeCommand) => {
  it('opens the pull request on the first run; after merge and apply a later run finishes: one active key, the new one', { timeout: 240_000 }, async () => {
    const sandbox = createSandbox();
    sandboxes.push(sandbox);
    const bare = sandbox.initRepo('remote.git', { bare: true });
    const work = path.join(sandbox.root, 'work');
    sandbox.git(sandbox.root, ['clone', '-q', bare, work]);
    fake = await startFakeGitHub({
      owner: 'acme',
      repo: 'infra',
      git: bareRemoteGit(sandbox.git, sandbox.root, bare),
    });
    server = await startDocuElevateServer(ADMIN);
    const iam = new IAMClient({ endpoint: moto.url, region: 'us-east-1', credentials: moto.rotator });
    await iam.send(new CreateUserCommand({ UserName: user }));
    const created = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey;
    const original = { id: created?.AccessKeyId ?? '', secret: created?.SecretAccessKey ?? '' };
    const keys = async () => new Map(((await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? []).map((key) => [key.AccessKeyId, key.Status]));

    const { key } = createTestKey();
    const env = {
      ...sandbox.env,
      CREDLEDGER_KEY: key,
      DE_USER: ADMIN.adminUsername,
      DE_PASSWORD: ADMIN.adminPassword,
      ...rotatorEnv(moto),
    };
    const cli = async (args: readonly string[], extra: Record<string, string> = {}): Promise<CliRun> => {
      const run = await runBuiltCli(args, { cwd: work, env: { ...env, ...extra } });
      expect({ args, code: run.code }, run.stderr).toEqual({ args, code: 0 });
      return run;
    };
    // The team's starting point: the key in use stored, committed, pushed and applied.
    writeFileSync(path.join(work, 'credentials.yaml'), inventory(server.url, user));
    await cli(['set', 'aws-access-key-id', '--value-env', 'ORIGINAL_ID'], { ORIGINAL_ID: original.id });
    await cli(['set', 'aws-secret-access-key', '--value-env', 'ORIGINAL_SECRET'], { ORIGINAL_SECRET: original.secret });
    // `set` dates the rotation today; the pair was really made long ago, so it is overdue.
    const file = path.join(work, 'credentials.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/rotated: \d{4}-\d{2}-\d{2}/g, 'rotated: 2025-01-01'));
    sandbox.git(work, ['add', 'credentials.yaml']);
    sandbox.git(work, ['-c', 'user.name=Dave', '-c', 'user.email=dave@example.com', 'commit', '-q', '-m', 'inventory']);
    sandbox.git(work, ['push', '-q', 'origin', 'main']);
    await cli(['apply']);
    expect(server.runningValue('aws_access_key_id')).toBe(original.id);

    const scheduled = async (inputs: Record<string, string> = {}): Promise<ActionRun> => {
      const run = await runAction({
        eventName: 'schedule',
        eventPayload: { schedule: '17 6 * * *', repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' } },
        workspace: work,
        repository: 'acme/infra',
        sha: sandbox.git(work, ['rev-parse', 'HEAD']),
        ref: 'refs/heads/main',
        apiUrl: (fake as FakeGitHub).url,
        inputs: { command: 'rotate', 'github-token': (fake as FakeGitHub).token, key, ...inputs },
        // The runner's environment: the rotator's AWS credentials (the workflow's OIDC role, here moto's).
        env,
        node: nodeCommand(),
      });
      expect({ code: run.code, errors: run.commands.filter((command) => command.name === 'error') }, run.stdout).toEqual({ code: 0, errors: [] });
      return run;
    };

    // `now` is refused: a pretend day would be written as the rotation's date.
    const dated = await runAction({
      eventName: 'schedule',
      eventPayload: { schedule: '17 6 * * *', repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' }, default_branch: 'main' } },
      workspace: work,
      repository: 'acme/infra',
      sha: sandbox.git(work, ['rev-parse', 'HEAD']),
      ref: 'refs/heads/main',
      apiUrl: (fake as FakeGitHub).url,
      inputs: { command: 'rotate', 'github-token': (fake as FakeGitHub).token, key, now: '2027-06-01' },
      env,
      node: nodeCommand(),
    });
    expect(dated.code).toBe(1);
    expect(dated.commands.filter((command) => command.name === 'error').map((command) => command.message).join('\n')).toContain('input `now` is for status, remind and audit');

    // A dry run first: it names what would happen, and nothing does.
    const dry = await scheduled({ 'dry-run': 'true' });
    expect(dry.summary).toContain('dry run: nothing created, pushed or changed');
    expect(dry.summary).toMatch(/`aws-access-key-id` \| would open a pull request/);
    expect(JSON.parse(dry.outputs.rotations ?? '')).toEqual([{ credential: 'aws-access-key-id', action: 'would-rotate' }]);
    expect(await keys()).toEqual(new Map([[original.id, 'Active']]));
    expect(fake.listIssues({ includePullRequests: true, state: 'all' })).toEqual([]);

    // 1. The first scheduled run opens the pull request; the rotation under way waits for its merge.
    const first = await scheduled();
    const rotations = JSON.parse(first.outputs.rotations ?? '') as { credential: string; action: string; pullRequest?: number; oldIssuerId?: string; newIssuerId?: string }[];
    expect(rotations).toEqual([expect.objectContaining({ credential: 'aws-access-key-id', action: 'opened', oldIssuerId: original.id })]);
    const newKeyId = [...(await keys()).keys()].find((id) => id !== original.id) as string;
    expect(rotations[0]?.newIssuerId).toBe(newKeyId);
    const number = rotations[0]?.pullRequest as number;
    expect(fake.getIssue(number)?.title).toBe('Rotate aws-access-key-id');
    expect(fake.getIssue(number)?.body).toContain(`| old | \`${original.id}\` |\n| new | \`${newKeyId}\` |`);
    expect(first.outputs.changed).toBe('true');
    expect(JSON.parse(first.outputs.finished ?? '')).toEqual([expect.objectContaining({ credential: 'aws-access-key-id', from: 'pending', to: 'pending' })]);
    expect(first.summary).toContain(`pull request [#${number}](`);
    expect(first.summary).toContain('probe passed: STS GetCallerIdentity');
    expect(first.summary).toContain(`| \`aws-access-key-id\` | opened | \`${original.id}\` → \`${newKeyId}\` |`);
    expect(first.summary).toMatch(/\| `aws-access-key-id` \| `rot-[0-9a-f]+` \| pending \| waiting for its pull request to be merged \|/);

    // A second run before the merge finds that pull request: no second key, no second pull request.
    const again = await scheduled();
    expect(JSON.parse(again.outputs.rotations ?? '')).toEqual([{ credential: 'aws-access-key-id', action: 'opened', pullRequest: number, resumed: true, oldIssuerId: original.id, newIssuerId: newKeyId }]);
    expect(again.outputs.changed).toBe('false');
    expect(fake.listIssues({ includePullRequests: true, state: 'all' })).toHaveLength(1);
    expect((await keys()).size).toBe(2);

    // 2. Merge, and the apply the merge triggers.
    const merged = await fetch(`${fake.url}/repos/acme/infra/pulls/${number}/merge`, { method: 'PUT', headers: { authorization: `token ${fake.token}` } });
    expect(merged.status).toBe(200);
    sandbox.git(work, ['pull', '-q', '--ff-only', 'origin', 'main']);
    await cli(['apply']);
    const deployed = { id: server.runningValue('aws_access_key_id') ?? '', secret: server.runningValue('aws_secret_access_key') ?? '' };
    expect(deployed.id).toBe(newKeyId);
    // DocuElevate works with its new key pair (what its S3 client does first, a signed call): the use --finish waits for.
    await new STSClient({ endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId: deployed.id, secretAccessKey: deployed.secret } }).send(new GetCallerIdentityCommand({}));

    // 3. A later scheduled run (quiet period 0 for the test; the default is 24h) finishes the rotation.
    const later = await scheduled({ 'quiet-period': '0m' });
    expect(JSON.parse(later.outputs.rotations ?? '')).toEqual([]);
    expect(JSON.parse(later.outputs.finished ?? '')).toEqual([expect.objectContaining({ credential: 'aws-access-key-id', from: 'pending', to: 'finished' })]);
    expect(later.summary).toContain('Nothing is due.');
    expect(later.summary).toMatch(/pending → finished/);
    expect(later.outputs.changed).toBe('true');
    expect(await keys()).toEqual(new Map([[newKeyId, 'Active']]));

    const printed = [dry, first, again, later].map((run) => `${run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')}${run.stderr}${run.summary}`).join('\n');
    for (const secret of [deployed.secret, original.secret, moto.rotator.secretAccessKey, key]) expect(printed).not.toContain(secret);
    expect(readFileSync(file, 'utf8')).not.toContain(deployed.secret);
    expect(fake.listIssues({ includePullRequests: true, state: 'all' }).map((issue) => issue.body ?? '').join('\n')).not.toContain(deployed.secret);
  });
});
