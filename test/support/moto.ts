// moto's server (`moto_server`, Python) on a free loopback port: a real IAM/STS emulator for the rotation tests.
// It must be installed (pip install 'moto[server]'; CI machines have it): without it these tests fail, they never skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  /** `http://127.0.0.1:<port>`: the endpoint for IAM and STS clients. */
  readonly url: string;
  /** Credentials moto accepts for the rotator (it accepts any unless started with INITIAL_NO_AUTH_ACTION_COUNT). */
  readonly rotator: { readonly accessKeyId: string; readonly secretAccessKey: string };
  stop(): Promise<void>;
}

/**
 * The variables a credledger process reads to rotate at this moto: the rotator's credentials and the endpoint, and the
 * SDK's Node 22 notice silenced (it says nothing about the test).
 */
export function rotatorEnv(moto: MotoServer): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: moto.rotator.accessKeyId,
    AWS_SECRET_ACCESS_KEY: moto.rotator.secretAccessKey,
    AWS_ENDPOINT_URL: moto.url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Where moto_server is, or a failure that says how to install it. */
function requireMotoServer(): string {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === '') {
    throw new Error("moto_server is not installed: the rotation tests need moto's IAM/STS emulator (pip install 'moto[server]')");
  }
  return path;
}

export async function startMotoServer(): Promise<MotoServer> {
  const command = requireMotoServer();
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const child: ChildProcess = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    while (Date.now() - started < 30_000 && child.exitCode === null) {
      const ok = await fetch(`${url}/moto-api/`).then(
        (answer) => answer.status < 500,
        () => false,
      );
      if (ok) {
        return {
          url,
          rotator: { accessKeyId: 'AKIAROTATORTESTING01', secretAccessKey: 'rotator-secret-for-moto-only' },
          stop: () =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGKILL');
    lastError = stderr;
  }
  throw new Error(`moto_server did not start: ${lastError}`);
}
