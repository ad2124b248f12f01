// The sandbox of docs/rotation.md's walkthrough: moto (IAM and STS), two loopback DocuElevates, a loopback GitHub
// (the one the tests use, written from GitHub's documented behaviour) and a git repository with a bare remote,
// holding the example inventory with its S3 key pair created at moto, committed, pushed and applied. It writes the
// environment the walkthrough's commands need to <dir>/env.sh, prints what changes at moto and DocuElevate while the
// commands run, and stops (removing <dir>) on Ctrl-C or SIGTERM. Run it with `npm run rotation-sandbox`; <dir> is
// .scratch/rotation-sandbox unless SANDBOX_DIR says otherwise.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { keyEntriesOf } from '../src/crypto/key-text.js';
import { startDocuElevateServer } from '../src/devserver/docuelevate-server.js';
import { bareRemoteGit } from '../test/support/bare-remote.js';
import { exampleAtUrls } from '../test/support/example-urls.js';
import { gitHubEnvFor, startFakeGitHub } from '../test/support/fake-github.js';
import { rotatorEnv, startMotoServer } from '../test/support/moto.js';

const IAM_USER = 'docuelevate-s3';
const runFile = promisify(execFile);

/** Single-quoted for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Runs the sandbox for the checkout at `root` (its dist/cli.js, example and demo key) until a signal stops it. */
export async function runRotationSandbox(root: string): Promise<void> {
  const CLI = path.join(root, 'dist/cli.js');
  // The SDK's notice that its releases after January 2027 need Node 22 says nothing about this walkthrough.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dir = path.resolve(root, process.env.SANDBOX_DIR ?? '.scratch/rotation-sandbox');
  if (existsSync(path.join(dir, 'env.sh'))) throw new Error(`${dir} holds another sandbox (stop it, or remove the directory)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bare = path.join(dir, 'remote.git');
  const work = path.join(dir, 'work');
  const gitEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LANG: 'C.UTF-8' };
  const git = (cwd: string, args: readonly string[]): string => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  // The DocuElevates start with the admin passwords the example holds (its demo plaintexts, public like its key), so
  // the first apply, which pushes them, leaves the password variables below current.
  const demo = JSON.parse(readFileSync(path.join(root, 'test/fixtures/demo-plaintexts.json'), 'utf8')) as { values: { 'admin-password': { production: string; staging: string } } };
  const adminPasswords = demo.values['admin-password'];
  const moto = await startMotoServer();
  const production = await startDocuElevateServer({ adminUsername: 'prod-admin', adminPassword: adminPasswords.production });
  const staging = await startDocuElevateServer({ adminUsername: 'staging-admin', adminPassword: adminPasswords.staging });
  mkdirSync(bare, { recursive: true });
  git(bare, ['init', '-q', '--bare', '-b', 'main']);
  git(dir, ['clone', '-q', bare, work]);
  git(work, ['config', 'user.name', 'Sandbox User']);
  git(work, ['config', 'user.email', 'sandbox@example.com']);
  const github = await startFakeGitHub({ git: bareRemoteGit(git, dir, bare) });

  const stop = async (code: number): Promise<never> => {
    await Promise.all([moto.stop(), production.close(), staging.close(), github.close()]);
    if (process.env.SANDBOX_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  // The team's starting point: the IAM user with the one access key DocuElevate uses today, stored in the inventory
  // with `credledger set`, committed, pushed and applied.
  const iam = new IAMClient({ endpoint: moto.url, region: 'us-east-1', credentials: moto.rotator });
  await iam.send(new CreateUserCommand({ UserName: IAM_USER }));
  const created = (await iam.send(new CreateAccessKeyCommand({ UserName: IAM_USER }))).AccessKey;
  const inventory = exampleAtUrls(readFileSync(path.join(root, 'credentials.yaml.example'), 'utf8'), { production: production.url, staging: staging.url });
  writeFileSync(path.join(work, 'credentials.yaml'), inventory);
  const env: Record<string, string> = {
    CREDLEDGER_KEY: keyEntriesOf(readFileSync(path.join(root, 'examples/demo.key'), 'utf8')).join(','),
    DOCUELEVATE_PROD_USER: 'prod-admin',
    DOCUELEVATE_PROD_PASSWORD: adminPasswords.production,
    DOCUELEVATE_STAGING_USER: 'staging-admin',
    DOCUELEVATE_STAGING_PASSWORD: adminPasswords.staging,
    ...gitHubEnvFor(github),
    ...rotatorEnv(moto),
  };
  // Asynchronously: the servers it talks to run in this very process.
  const cli = async (args: readonly string[], extra: Record<string, string> = {}): Promise<void> => {
    try {
      await runFile(process.execPath, [CLI, ...args], { cwd: work, env: { ...gitEnv, ...env, ...extra } });
    } catch (error) {
      throw new Error(`credledger ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
    }
  };
  // The starting pair goes in through the environment: never on a command line, never in a file.
  await cli(['set', 'aws-access-key-id', '--value-env', 'SANDBOX_KEY_ID'], { SANDBOX_KEY_ID: created?.AccessKeyId ?? '' });
  await cli(['set', 'aws-secret-access-key', '--value-env', 'SANDBOX_SECRET'], { SANDBOX_SECRET: created?.SecretAccessKey ?? '' });
  git(work, ['add', 'credentials.yaml']);
  git(work, ['commit', '-q', '-m', 'The inventory, with the S3 key pair in use today']);
  git(work, ['push', '-q', 'origin', 'main']);
  await cli(['apply']);

  const exports = Object.entries(env).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  writeFileSync(
    path.join(dir, 'env.sh'),
    `# Written by the rotation sandbox: loopback servers, a demo key anyone can read, moto's dummy rotator.\n${exports.join('\n')}\ncredledger() { node ${shellQuote(CLI)} "$@"; }\ncd ${shellQuote(work)}\n`,
    { mode: 0o600 },
  );

  // What the walkthrough changes, as it happens: the access keys at moto and the key id each DocuElevate runs with.
  // And what DocuElevate's S3 client would do with the pair it runs with: a signed call, which moto records as the
  // key's last use (the evidence `rotate --finish` waits for).
  let last = '';
  const report = async (): Promise<void> => {
    for (const server of [production, staging]) {
      const accessKeyId = server.runningValue('aws_access_key_id');
      const secretAccessKey = server.runningValue('aws_secret_access_key');
      if (accessKeyId && secretAccessKey) {
        await new STSClient({ endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } }).send(new GetCallerIdentityCommand({}));
      }
    }
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: IAM_USER }))).AccessKeyMetadata ?? [];
    const state = `IAM keys of ${IAM_USER}: ${keys.map((key) => `${key.AccessKeyId} ${key.Status}`).join(', ') || 'none'}; DocuElevate runs with ${production.runningValue('aws_access_key_id')} (production), ${staging.runningValue('aws_access_key_id')} (staging)`;
    if (state !== last) process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${state}\n`);
    last = state;
  };
  await report();
  process.stdout.write(`ready: . ${path.join(dir, 'env.sh')} (Ctrl-C stops the servers and removes ${dir})\n`);
  setInterval(() => void report().catch((error: Error) => process.stderr.write(`${error.message}\n`)), 2000);
}
