// The walkthrough of docs/rotation.md with the built CLI: the example's S3 key pair rotated against moto, a bare
// remote, and the loopback GitHub and DocuElevate servers, with `rotate`, then merge and `rotate --finish`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocuElevateServer, type DocuElevateServer } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, type Sandbox } from '../support/apply-sandbox.js';
import { gitHubEnvFor, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { rotatorEnv, startMotoServer, type MotoServer } from '../support/moto.js';
import { EXAMPLE_INVENTORY, REPO_ROOT } from '../support/paths.js';
import { runBuiltCli, type CliRun } from '../support/run-built-cli.js';
import { bareRemoteGit } from '../support/bare-remote.js';
import { exampleAtUrls } from '../support/example-urls.js';

let moto: MotoServer;
let sandbox: Sandbox;
let production: DocuElevateServer;
let staging: DocuElevateServer;
let github: FakeGitHub;

beforeAll(async () => {
  moto = await startMotoServer();
  sandbox = createSandbox();
  production = await startDocuElevateServer({ adminUsername: 'prod-admin', adminPassword: 'e2e-rotate-prod-password' });
  staging = await startDocuElevateServer({ adminUsername: 'staging-admin', adminPassword: 'e2e-rotate-staging-password' });
});

afterAll(async () => {
  await Promise.all([moto?.stop(), production?.close(), staging?.close(), github?.close()]);
  sandbox?.remove();
});

describe('credledger rotate (built CLI, docs/rotation.md)', { timeout: 180_000 }, () => {
  it('rotates the example S3 key pair: rotate, merge, apply, rotate --finish; one key left, the new one, on both deployments', async () => {
    const bare = sandbox.initRepo('remote.git', { bare: true });
    const work = path.join(sandbox.root, 'work');
    sandbox.git(sandbox.root, ['clone', '-q', bare, work]);
    github = await startFakeGitHub({
      git: bareRemoteGit(sandbox.git, sandbox.root, bare),
    });
    // The IAM user and the key DocuElevate uses today, as they exist before credledger rotates anything.
    const iam = new IAMClient({ endpoint: moto.url, region: 'us-east-1', credentials: moto.rotator });
    await iam.send(new CreateUserCommand({ UserName: 'docuelevate-s3' }));
    const created = (await iam.send(new CreateAccessKeyCommand({ UserName: 'docuelevate-s3' }))).AccessKey;
    const original = { id: created?.AccessKeyId ?? '', secret: created?.SecretAccessKey ?? '' };
    const keys = async () => new Map(((await iam.send(new ListAccessKeysCommand({ UserName: 'docuelevate-s3' }))).AccessKeyMetadata ?? []).map((key) => [key.AccessKeyId, key.Status]));

    const file = path.join(work, 'credentials.yaml');
    writeFileSync(
      file,
      exampleAtUrls(readFileSync(EXAMPLE_INVENTORY, 'utf8'), { production: production.url, staging: staging.url }),
    );
    const env = {
      ...sandbox.env,
      CREDLEDGER_KEY: readFileSync(path.join(REPO_ROOT, 'examples/demo.key'), 'utf8').trim(),
      DOCUELEVATE_PROD_USER: 'prod-admin',
      DOCUELEVATE_PROD_PASSWORD: 'e2e-rotate-prod-password',
      DOCUELEVATE_STAGING_USER: 'staging-admin',
      DOCUELEVATE_STAGING_PASSWORD: 'e2e-rotate-staging-password',
      ...gitHubEnvFor(github),
      ...rotatorEnv(moto),
      ORIGINAL_ID: original.id,
      ORIGINAL_SECRET: original.secret,
    };
    const cli = (args: readonly string[]): Promise<CliRun> => runBuiltCli(args, { cwd: work, env });
    const runs: CliRun[] = [];
    const expectOk = async (args: readonly string[]): Promise<CliRun> => {
      const run = await cli(args);
      runs.push(run);
      // stderr carries progress (apply's steps); what matters is the exit code, and that no value is printed (below).
      expect({ args, code: run.code }, run.stderr).toEqual({ args, code: 0 });
      return run;
    };
    // The team's starting point: the key in use stored in the inventory, committed, pushed and applied.
    await expectOk(['set', 'aws-access-key-id', '--value-env', 'ORIGINAL_ID']);
    await expectOk(['set', 'aws-secret-access-key', '--value-env', 'ORIGINAL_SECRET']);
    sandbox.git(work, ['add', 'credentials.yaml']);
    sandbox.git(work, ['-c', 'user.name=Dave', '-c', 'user.email=dave@example.com', 'commit', '-q', '-m', 'inventory']);
    sandbox.git(work, ['push', '-q', 'origin', 'main']);
    await expectOk(['apply']);
    expect(production.runningValue('aws_access_key_id')).toBe(original.id);

    // 1. rotate
    const rotate = await expectOk(['rotate', 'aws-access-key-id']);
    expect(rotate.stdout).toMatch(/aws-access-key-id: pull request #(\d+) /);
    const number = Number(/pull request #(\d+)/.exec(rotate.stdout)?.[1]);
    const newKeyId = [...(await keys()).keys()].find((id) => id !== original.id) as string;
    expect(rotate.stdout).toContain(`${original.id} → ${newKeyId}`);
    expect(rotate.stdout).toContain('probe passed: STS GetCallerIdentity: arn:aws:iam::');

    // 2. merge (the merge button), and the apply the merge triggers
    const merged = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/pulls/${number}/merge`, { method: 'PUT', headers: { authorization: `token ${github.token}` } });
    expect(merged.status).toBe(200);
    sandbox.git(work, ['pull', '-q', '--ff-only', 'origin', 'main']);
    await expectOk(['apply']);
    const deployed = { id: production.runningValue('aws_access_key_id') ?? '', secret: production.runningValue('aws_secret_access_key') ?? '' };
    expect(deployed.id).toBe(newKeyId);
    expect(staging.runningValue('aws_access_key_id')).toBe(newKeyId);
    // DocuElevate works with its new key pair (here: what its S3 client does first, a signed call).
    await new STSClient({ endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId: deployed.id, secretAccessKey: deployed.secret } }).send(new GetCallerIdentityCommand({}));

    // 3. rotate --finish (the quiet period is shortened for the walkthrough; the default is 24h)
    const finish = await expectOk(['rotate', '--finish', '--quiet-period', '0m']);
    expect(finish.stdout).toContain('aws-access-key-id');
    expect(finish.stdout).toContain('pending → finished');
    expect(await keys()).toEqual(new Map([[newKeyId, 'Active']]));
    expect((await expectOk(['rotate', '--finish'])).stdout).toBe('no rotation is under way\n');

    const printed = runs.map((run) => `${run.stdout}${run.stderr}`).join('\n');
    expect(printed).not.toContain(deployed.secret);
    expect(printed).not.toContain(original.secret);
    expect(readFileSync(file, 'utf8')).not.toContain(deployed.secret);
    expect(github.listIssues({ includePullRequests: true, state: 'all' }).map((issue) => issue.body ?? '').join('\n')).not.toContain(deployed.secret);
  });
});
