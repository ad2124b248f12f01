// The "during apply" crash of an AWS rotation, for real: the built CLI's apply is SIGKILLed while the loopback
// DocuElevate holds one of the key pair's writes (its fault plan delays every API request). Apply run again, then
// `rotate --finish`, converge: one active key at moto, the new one, and DocuElevate holding the pair that works.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, describe, expect, it } from 'vitest';
import { startDocuElevateServer, type DocuElevateServer, type RequestLogEntry } from '../../src/devserver/docuelevate-server.js';
import { createSandbox, createTestKey, type Sandbox } from '../support/apply-sandbox.js';
import { gitHubEnvFor, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { rotatorEnv, startMotoServer, type MotoServer } from '../support/moto.js';
import { BUILT_CLI } from '../support/paths.js';
import { cleanEnv, runBuiltCli, type CliRun } from '../support/run-built-cli.js';
import { bareRemoteGit } from '../support/bare-remote.js';

const ADMIN = { adminUsername: 'admin', adminPassword: 'rotate-crash-admin-password-01' };
const USER = 'docuelevate-s3-crash';

let moto: MotoServer | undefined;
let server: DocuElevateServer | undefined;
let github: FakeGitHub | undefined;
let sandbox: Sandbox | undefined;
afterAll(async () => {
  await Promise.all([moto?.stop(), server?.close(), github?.close()]);
  sandbox?.remove();
});

/** Polls `found` until it returns an entry (bounded: a hang fails the test with what the server saw). */
async function waitForRequest(docuelevate: DocuElevateServer, found: (entry: RequestLogEntry) => boolean, what: string): Promise<RequestLogEntry> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const entry = docuelevate.state.requests.find(found);
    if (entry !== undefined) return entry;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${what} never arrived; the server saw ${docuelevate.state.requests.map((entry) => `${entry.method} ${entry.path}`).join(', ')}`);
}

describe('rotate, killed during apply (built CLI, SIGKILL)', { timeout: 240_000 }, () => {
  it('re-run apply, then rotate --finish: one active key at moto, the new one, and no value lost', async () => {
    moto = await startMotoServer();
    sandbox = createSandbox();
    const box = sandbox;
    const bare = box.initRepo('remote.git', { bare: true });
    const work = path.join(box.root, 'work');
    box.git(box.root, ['clone', '-q', bare, work]);
    github = await startFakeGitHub({
      git: bareRemoteGit(box.git, box.root, bare),
    });
    server = await startDocuElevateServer(ADMIN);
    const docuelevate = server;
    const iam = new IAMClient({ endpoint: moto.url, region: 'us-east-1', credentials: moto.rotator });
    await iam.send(new CreateUserCommand({ UserName: USER }));
    const created = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey;
    const original = { id: created?.AccessKeyId ?? '', secret: created?.SecretAccessKey ?? '' };
    const keys = async () => new Map(((await iam.send(new ListAccessKeysCommand({ UserName: USER }))).AccessKeyMetadata ?? []).map((key) => [key.AccessKeyId, key.Status]));

    const env = {
      ...box.env,
      CREDLEDGER_KEY: createTestKey().key,
      DE_USER: ADMIN.adminUsername,
      DE_PASSWORD: ADMIN.adminPassword,
      ...gitHubEnvFor(github),
      ...rotatorEnv(moto),
      ORIGINAL_ID: original.id,
      ORIGINAL_SECRET: original.secret,
    };
    const runs: CliRun[] = [];
    const cli = async (args: readonly string[]): Promise<CliRun> => {
      const run = await runBuiltCli(args, { cwd: work, env });
      runs.push(run);
      expect({ args, code: run.code }, run.stderr).toEqual({ args, code: 0 });
      return run;
    };
    const file = path.join(work, 'credentials.yaml');
    writeFileSync(
      file,
      `version: 1
people:
  dave: { github: dave }
deployments:
  production:
    url: ${docuelevate.url}
    auth: { method: login, username_env: DE_USER, password_env: DE_PASSWORD }
credentials:
  aws-access-key-id:
    setting: aws_access_key_id
    kind: api_key
    owner: dave
    group: aws-s3
    created: 2025-01-01
    rotation: { driver: aws-iam-access-key, user: ${USER}, secret: aws-secret-access-key }
  aws-secret-access-key:
    setting: aws_secret_access_key
    kind: api_key
    owner: dave
    group: aws-s3
    created: 2025-01-01
`,
    );
    await cli(['set', 'aws-access-key-id', '--value-env', 'ORIGINAL_ID']);
    await cli(['set', 'aws-secret-access-key', '--value-env', 'ORIGINAL_SECRET']);
    box.git(work, ['add', 'credentials.yaml']);
    box.git(work, ['-c', 'user.name=Dave', '-c', 'user.email=dave@example.com', 'commit', '-q', '-m', 'inventory']);
    box.git(work, ['push', '-q', 'origin', 'main']);
    await cli(['apply']);

    const rotate = await cli(['rotate', 'aws-access-key-id']);
    const number = Number(/pull request #(\d+)/.exec(rotate.stdout)?.[1]);
    const newKeyId = [...(await keys()).keys()].find((id) => id !== original.id) as string;
    expect((await fetch(`${github.url}/repos/${github.owner}/${github.repo}/pulls/${number}/merge`, { method: 'PUT', headers: { authorization: `token ${github.token}` } })).status).toBe(200);
    box.git(work, ['pull', '-q', '--ff-only', 'origin', 'main']);

    // The apply the merge triggers, killed while DocuElevate holds its first write of the pair: every API request is
    // held a while before DocuElevate handles it, and the process dies as soon as a write has arrived.
    const before = docuelevate.state.requests.length;
    docuelevate.setFaults({ seed: 15, rate: 1, kinds: ['slow'], slowMs: 1500 });
    const child = spawn(process.execPath, [BUILT_CLI, 'apply'], { cwd: work, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let killedOutput = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (killedOutput += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (killedOutput += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const held = await waitForRequest(
      docuelevate,
      (entry) => entry.seq > before && entry.method === 'POST' && /^\/api\/settings\/aws_(access_key_id|secret_access_key)$/.test(entry.path),
      'a write of the key pair',
    );
    expect(held.fault).toBe('slow');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    docuelevate.setFaults(undefined);
    // The held write may still land after its client died, as a real server's would; wait until DocuElevate is done with it.
    for (let attempt = 0; attempt < 500 && docuelevate.state.requests.find((entry) => entry.seq === held.seq)?.status === null && !docuelevate.state.requests.find((entry) => entry.seq === held.seq)?.committed; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    // The held write landed after its client died: DocuElevate holds half of the new pair, the other half is the old
    // one, and apply recorded neither. Finish waits for apply and touches no key.
    expect(docuelevate.state.requests.find((entry) => entry.seq === held.seq)?.committed).toBe(true);
    const heldSetting = held.path.slice('/api/settings/'.length);
    const otherSetting = heldSetting === 'aws_access_key_id' ? 'aws_secret_access_key' : 'aws_access_key_id';
    expect(docuelevate.runningValue(heldSetting)).not.toBe(heldSetting === 'aws_access_key_id' ? original.id : original.secret);
    expect(docuelevate.runningValue(otherSetting)).toBe(otherSetting === 'aws_access_key_id' ? original.id : original.secret);
    const waiting = await cli(['rotate', '--finish', '--quiet-period', '0m']);
    expect(waiting.stdout).toMatch(/waiting for apply/);
    expect(await keys()).toEqual(
      new Map([
        [original.id, 'Active'],
        [newKeyId, 'Active'],
      ]),
    );

    // Apply again: it converges on the merged pair.
    await cli(['apply']);
    const deployed = { id: docuelevate.runningValue('aws_access_key_id') ?? '', secret: docuelevate.runningValue('aws_secret_access_key') ?? '' };
    expect(deployed.id).toBe(newKeyId);
    // No value lost: the pair DocuElevate holds is the one IAM made (a signed call with it answers as the user).
    const identity = await new STSClient({ endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId: deployed.id, secretAccessKey: deployed.secret } }).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toContain(`:user/${USER}`);

    const finish = await cli(['rotate', '--finish', '--quiet-period', '0m']);
    expect(finish.stdout).toContain('pending → finished');
    expect(await keys()).toEqual(new Map([[newKeyId, 'Active']]));

    const printed = `${killedOutput}\n${runs.map((run) => `${run.stdout}${run.stderr}`).join('\n')}`;
    for (const secret of [deployed.secret, original.secret]) expect(printed).not.toContain(secret);
    expect(readFileSync(file, 'utf8')).not.toContain(deployed.secret);
  });
});
