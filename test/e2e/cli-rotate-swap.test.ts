// The admin-password swap with the built CLI: `rotate`, merge, an `apply` killed (SIGKILL, a real process) right after it
// recorded the sealed new password and before it pushed it, the re-run that pushes that same password, then
// `rotate --finish` twice around the merge of the pull request that writes the value into the inventory.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { gitHubEnvFor } from '../support/fake-github.js';
import { BUILT_CLI } from '../support/paths.js';
import { cleanEnv, runBuiltCli, type CliRun } from '../support/run-built-cli.js';
import { acceptsLogin, createSwapWorld, CREDENTIAL, OLD_PASSWORD, type SwapWorld } from '../support/swap-world.js';

let w: SwapWorld | undefined;

afterAll(async () => {
  await w?.remove();
});

/** Waits for a condition the test does not time: it polls until it holds, and fails after a generous bound. */
async function until(what: string, condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 1200; tries += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('credledger rotate <admin password> (built CLI, a swap)', { timeout: 240_000 }, () => {
  it('converges after apply is killed between recording the sealed password and pushing it', async () => {
    w = await createSwapWorld();
    const world = w;
    const env = { ...world.env, ...gitHubEnvFor(world.github) };
    const runs: CliRun[] = [];
    const expectOk = async (args: readonly string[]): Promise<CliRun> => {
      const run = await runBuiltCli(args, { cwd: world.work, env });
      runs.push(run);
      expect({ args, code: run.code }, run.stderr).toEqual({ args, code: 0 });
      return run;
    };

    // 1. rotate: the pull request carries the request only.
    const rotate = await expectOk(['rotate', CREDENTIAL]);
    const number = Number(/pull request #(\d+)/.exec(rotate.stdout)?.[1]);
    expect(rotate.stdout).toContain('nothing minted yet: the apply after the merge makes the new password');
    await world.merge(number);

    // 2. apply, killed: every DocuElevate API answer is slow, so the process is still waiting on its first one when the
    // remote's rotation ref shows the recorded sealed value; it is killed there, before it pushed anything.
    const faults = { seed: 7, rate: 1, kinds: ['slow' as const], slowMs: 1_500 };
    world.production.setFaults(faults);
    world.staging.setFaults(faults);
    const before = [world.production.state.requests.length, world.staging.state.requests.length];
    const child = spawn(process.execPath, [BUILT_CLI, 'apply'], { cwd: world.work, env: cleanEnv(env), stdio: 'pipe' });
    let killedOutput = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (killedOutput += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (killedOutput += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    await until('apply records the sealed password', () => world.rotationState().rotations[CREDENTIAL]?.sealedValue !== undefined);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    world.production.setFaults(undefined);
    world.staging.setFaults(undefined);
    const sealed = world.rotationState().rotations[CREDENTIAL]?.sealedValue;
    const writes = (server: SwapWorld['production'], from: number) => server.state.requests.slice(from).filter((request) => request.method === 'POST' && request.path.startsWith('/api/settings/'));
    expect([writes(world.production, before[0] ?? 0), writes(world.staging, before[1] ?? 0)]).toEqual([[], []]);
    expect([await acceptsLogin(world.production, OLD_PASSWORD), await acceptsLogin(world.staging, OLD_PASSWORD)]).toEqual([true, true]);

    // 3. The re-run pushes the recorded password, not a second one (the dead run's lock is seen as dead: same host).
    await expectOk(['apply']);
    expect(world.rotationState().rotations[CREDENTIAL]?.sealedValue).toBe(sealed);
    const minted = world.mintedPassword();
    expect([await acceptsLogin(world.production, minted), await acceptsLogin(world.staging, minted)]).toEqual([true, true]);
    expect([await acceptsLogin(world.production, OLD_PASSWORD), await acceptsLogin(world.staging, OLD_PASSWORD)]).toEqual([false, false]);
    // audit logs in although DE_PASSWORD is still the old password.
    await expectOk(['audit']);

    // 4. rotate --finish: applied, and the pull request that writes the value; merged, finished.
    const finish = await expectOk(['rotate', '--finish']);
    expect(finish.stdout).toContain(`${CREDENTIAL} (${world.rotationState().rotations[CREDENTIAL]?.id}): pending → applied`);
    const valuePull = Number(/opened #(\d+), which writes the new sealed value into the inventory/.exec(finish.stdout)?.[1]);
    await world.merge(valuePull);
    expect((await expectOk(['rotate', '--finish'])).stdout).toContain('applied → finished');
    expect((await expectOk(['rotate', '--finish'])).stdout).toBe('no rotation is under way\n');
    expect((await expectOk(['validate'])).code).toBe(0);
    await expectOk(['apply']);
    expect([await acceptsLogin(world.production, minted), await acceptsLogin(world.staging, minted)]).toEqual([true, true]);

    const printed = [killedOutput, ...runs.map((run) => `${run.stdout}${run.stderr}`)].join('\n');
    const published = [
      ...world.github.listIssues({ includePullRequests: true, state: 'all' }).map((issue) => `${issue.title}\n${issue.body ?? ''}`),
      world.inventoryText(),
      world.sandbox.git(world.bare, ['log', '--all', '-p']),
    ].join('\n');
    for (const plaintext of [minted, OLD_PASSWORD]) {
      expect(printed).not.toContain(plaintext);
      expect(published).not.toContain(plaintext);
    }
  });
});
