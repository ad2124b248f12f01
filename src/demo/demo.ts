// The demo: `credledger demo`, the whole flow on the bundled example against local DocuElevate-compatible servers, wired to the real adapters.
import { DEMO_DAY } from './demo-day.js';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listDesiredState } from '../core/apply-plan.js';
import { assessApplyReport, type ApplyReport } from '../core/apply-report.js';
import { laterDate, toCalendarDate, type CalendarDate } from '../core/dates.js';
import { findCredential, listValuePlaces, type Deployment, type Inventory } from '../core/inventory.js';
import { checkInventoryText } from '../core/inventory-validation.js';
import type { StatusReport } from '../core/status-report.js';
import { editYamlScalars } from '../core/yaml-edit.js';
import type { KeyRing } from '../crypto/key-ring.js';
import { openSealedValue } from '../crypto/sealed-value.js';
import { SecretValue } from '../crypto/secret-value.js';
import { startDocuElevateServer, type DocuElevateServer, type DocuElevateServerOptions } from '../devserver/docuelevate-server.js';
import { applyInventory } from '../app/apply.js';
import { loadInventoryFile, readInventoryText } from '../app/inventory-file.js';
import { loadKeyRing } from '../app/key-source.js';
import { planInventoryChange, type PlanResult } from '../app/plan.js';
import { setCredentialValue, type ValueSet } from '../app/set-value.js';
import { reportStatus } from '../app/status.js';
import { validateInventory, type ValidateResult } from '../app/validate.js';
import { UsageError } from '../ports/errors.js';
import type { ScratchRepository } from '../ports/scratch-repository.js';
import { applyCollaborators } from '../wiring/apply.js';
import { createGitScratchRepository, openInventoryRevisions } from '../wiring/git.js';

/** The day the example was written: the demo assesses and rotates on it, so its output is the same on any day. */
export { DEMO_DAY };
/** The credential the demo rotates, and the branch it is rotated on. */
export const DEMO_ROTATION = { credentialId: 'openai', branch: 'rotate-openai' } as const;
/** The inventory's name inside the demo repository. */
export const DEMO_INVENTORY_FILE = 'credentials.yaml';

// The example's values were sealed on the morning of DEMO_DAY; the rotation's value must be newer, or
// plan would refuse it as re-introducing an older value.
const EARLIEST_SEAL_TIME = Date.parse(`${DEMO_DAY}T12:00:00Z`);

/** One deployment's check after an apply: does the server hold exactly the inventory's values? */
export interface DeploymentCheck {
  readonly deployment: string;
  /** Values the inventory has for this deployment. */
  readonly expected: number;
  /** Of those, how many the server holds, equal to the decrypted value. */
  readonly matching: number;
  /** Settings whose stored value is absent or different (names only). */
  readonly mismatched: readonly string[];
  /** Settings the server holds that the inventory does not give it. */
  readonly unexpected: readonly string[];
}

/** Writes a server committed during one apply, by its own request log. */
export interface DeploymentWrites {
  readonly deployment: string;
  readonly writes: number;
}

/** Which apply of the demo: the first push, the merged rotation, and the re-run that sends nothing. */
export type DemoApplyRun = 'first' | 'rotation' | 'again';

const APPLY_RUN_NAMES: Readonly<Record<DemoApplyRun, string>> = { first: 'the first apply', rotation: 'the apply after the merge', again: 'the last apply' };

/** What the demo is doing, in order. Nothing in an event holds a plaintext. */
export type DemoEvent =
  | { readonly kind: 'step'; readonly number: number; readonly title: string }
  | { readonly kind: 'note'; readonly text: string }
  /** A command a user would type for what comes next, with why. */
  | { readonly kind: 'command'; readonly command: string; readonly note?: string }
  | { readonly kind: 'validate'; readonly file: string; readonly result: ValidateResult }
  | { readonly kind: 'status'; readonly report: StatusReport }
  | { readonly kind: 'set'; readonly result: ValueSet }
  | { readonly kind: 'plan'; readonly result: PlanResult }
  | { readonly kind: 'apply'; readonly run: DemoApplyRun; readonly report: ApplyReport; readonly writes: readonly DeploymentWrites[] }
  | { readonly kind: 'verify'; readonly deployments: readonly DeploymentCheck[] };

export interface DemoRequest {
  /** credentials.yaml.example. */
  readonly exampleFile: string;
  /** examples/demo.key: the public key the example's values are sealed under. */
  readonly keyFile: string;
  /** Where the demo's temporary directory is made. */
  readonly tempRoot: string;
  /** Keep the temporary directory (the repository, its applied-state ref) afterwards. */
  readonly keep: boolean;
  /** PATH, to find git: the only thing the demo takes from the caller's environment. */
  readonly path: string | undefined;
  readonly clock: () => Date;
  /** Receives each event as it happens. */
  readonly report: (event: DemoEvent) => void;
}

export interface DemoCollaborators {
  /** Default: the in-process DocuElevate-compatible server. */
  readonly startServer?: (options: DocuElevateServerOptions) => Promise<DocuElevateServer>;
  /** The rotation's new value; default a fake OpenAI key made at random. */
  readonly newValue?: () => SecretValue;
}

export interface DemoResult {
  /** Every step did what it should. */
  readonly ok: boolean;
  /** Why the demo stopped early. */
  readonly failure?: string;
  /** The temporary directory; it still exists only when kept. */
  readonly directory: string;
  readonly kept: boolean;
  /** The repository inside it. */
  readonly repository: string;
}

/** A step did not do what the demo shows it doing: the demo stops there. */
class DemoStop extends Error {
  override readonly name = 'DemoStop';
}

interface RunningServer {
  readonly deployment: Deployment;
  readonly server: DocuElevateServer;
}

/** Everything one demo run shares between its steps. */
interface DemoContext {
  readonly request: DemoRequest;
  /** The temporary directory: `repo/` and git's `home/`. */
  readonly directory: string;
  readonly ring: KeyRing;
  readonly today: CalendarDate;
  readonly file: string;
  readonly servers: readonly RunningServer[];
  /** The environment of every git command and of apply: sterile git, and the servers' admin logins. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs the demo in a temporary directory: starts a DocuElevate-compatible server per deployment of
 * the example (random admin logins, handed to apply through an environment object, never the
 * process's), commits the example pointed at them to a fresh git repository, validates it, shows
 * its status on {@link DEMO_DAY}, applies it with the demo key and checks every stored value, then
 * rotates one credential on a branch, plans it, merges it and applies twice (the second time
 * nothing is sent). Each step is reported as it happens; the servers are stopped and the directory
 * removed (unless kept) at the end, whatever happened.
 * @throws UsageError when the example or the key cannot be read; ExternalError when git fails.
 */
export async function runDemo(request: DemoRequest, collaborators: DemoCollaborators = {}): Promise<DemoResult> {
  const startServer = collaborators.startServer ?? startDocuElevateServer;
  const newValue = collaborators.newValue ?? (() => new SecretValue(`sk-demo-rotated-${randomBytes(24).toString('base64url')}`));
  // The real day, unless it is before the example was written (a wrong clock): its dates would be "in the future".
  const today = laterDate(toCalendarDate(request.clock()), DEMO_DAY) ?? DEMO_DAY;
  const ring = await loadKeyRing({ env: {}, keyFile: request.keyFile });
  const exampleText = await readInventoryText(request.exampleFile);
  const example = checkInventoryText(exampleText, request.exampleFile, today).inventory;
  if (example === undefined) throw new UsageError(`${request.exampleFile} cannot be read as an inventory`);
  const authentications = [...example.deployments.values()].map(prepareServerLogin);

  const directory = await mkdtemp(path.join(request.tempRoot, 'credledger-demo-'));
  const repository = path.join(directory, 'repo');
  const servers: RunningServer[] = [];
  const result = (failure?: string): DemoResult => ({ ok: failure === undefined, ...(failure === undefined ? {} : { failure }), directory, kept: request.keep, repository });
  try {
    const home = path.join(directory, 'home');
    await mkdir(home);
    const env: Record<string, string | undefined> = { PATH: request.path, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };

    request.report({ kind: 'step', number: 1, title: 'Start two DocuElevate-compatible servers on 127.0.0.1' });
    for (const login of authentications) {
      const server = await startServer({ host: '127.0.0.1', ...login.server });
      servers.push({ deployment: login.deployment, server });
      Object.assign(env, login.env);
      request.report({ kind: 'note', text: `${login.deployment.id}: ${server.url} (standing in for ${login.deployment.url}); ${login.description}` });
    }
    request.report({ kind: 'note', text: 'Each has the settings API, the login form with its CSRF token, session cookies, masking and an audit log, as DocuElevate does.' });

    const context: DemoContext = { request, directory, ring, today, file: path.join(repository, DEMO_INVENTORY_FILE), servers, env };
    const repo = await createRepository(context, exampleText);
    await showValidateAndStatus(context);
    await applyFirstTime(context);
    await rotateOnBranch(context, repo, newValue());
    explainWhatHappened(context);
    return result();
  } catch (error) {
    if (error instanceof DemoStop) return result(error.message);
    throw error;
  } finally {
    await Promise.all(servers.map(({ server }) => server.close().catch(() => undefined)));
    if (!request.keep) await rm(directory, { recursive: true, force: true });
  }
}

interface ServerLogin {
  readonly deployment: Deployment;
  readonly server: DocuElevateServerOptions;
  /** The variables the deployment's auth names, with the admin's secrets. */
  readonly env: Readonly<Record<string, string>>;
  readonly description: string;
}

/** A random admin for the deployment's server, put where its `auth` block tells apply to look. */
function prepareServerLogin(deployment: Deployment): ServerLogin {
  const secret = () => randomBytes(24).toString('base64url');
  const { auth } = deployment;
  switch (auth.method) {
    case 'login': {
      const username = `admin-${randomBytes(3).toString('hex')}`;
      const password = secret();
      return {
        deployment,
        server: { adminUsername: username, adminPassword: password },
        env: { [auth.usernameEnv]: username, [auth.passwordEnv]: password },
        description: `admin login made up at random, handed to apply as ${auth.usernameEnv} and ${auth.passwordEnv}`,
      };
    }
    case 'bearer': {
      const token = secret();
      return {
        deployment,
        server: { adminApiTokens: [token] },
        env: { [auth.tokenEnv]: token },
        description: `admin token made up at random, handed to apply as ${auth.tokenEnv}`,
      };
    }
    default:
      throw new UsageError(`the demo signs in with login or bearer auth; deployment ${deployment.id} of the example uses ${auth.method}`);
  }
}

/** Step 2: the example, pointed at the servers, committed on main. */
async function createRepository(context: DemoContext, exampleText: string) {
  const { request } = context;
  request.report({ kind: 'step', number: 2, title: 'Commit the example inventory to a new git repository' });
  const repo = await createGitScratchRepository({ directory: path.dirname(context.file), branch: 'main', env: context.env });
  // Only the url: scalars change; comments, order and every value stay byte for byte.
  const text = editYamlScalars(
    exampleText,
    context.servers.map(({ deployment, server }) => ({ path: ['deployments', deployment.id, 'url'], value: server.url })),
  );
  await writeFile(context.file, text, 'utf8');
  const commit = await repo.commitAll('Add the credential inventory (credentials.yaml.example)');
  request.report({
    kind: 'note',
    text: `working in ${context.directory}: ${request.keep ? 'kept afterwards (--keep)' : 'a temporary directory, removed at the end (--keep keeps it)'}`,
  });
  request.report({
    kind: 'note',
    text: `repo/${DEMO_INVENTORY_FILE}: credentials.yaml.example with the url: of ${context.servers.map(({ deployment }) => deployment.id).join(' and ')} pointed at the servers above; every other line as it was`,
  });
  request.report({ kind: 'note', text: `committed ${commit.slice(0, 7)} on main` });
  return repo;
}

/** Step 3: validate, and the status table on the day the example was written. */
async function showValidateAndStatus(context: DemoContext): Promise<void> {
  const { request } = context;
  request.report({ kind: 'step', number: 3, title: 'Validate the inventory and show its rotation status' });
  request.report({ kind: 'command', command: 'credledger validate' });
  const validated = await validateInventory({ file: context.file, today: context.today });
  request.report({ kind: 'validate', file: DEMO_INVENTORY_FILE, result: validated });
  if (!validated.valid) throw new DemoStop('the example inventory is not valid');

  request.report({ kind: 'command', command: `credledger status --now ${DEMO_DAY}`, note: `as of ${DEMO_DAY}, the day the example was written, so the table is the same whenever you run the demo` });
  const status = await reportStatus({ file: context.file, now: DEMO_DAY, today: context.today });
  if (!status.report) throw new DemoStop('the example inventory has errors: no status');
  request.report({ kind: 'status', report: status.report });
}

/** Step 4: the first apply pushes everything, then every server is checked against the inventory. */
async function applyFirstTime(context: DemoContext): Promise<void> {
  const { request } = context;
  request.report({ kind: 'step', number: 4, title: 'Apply with the demo key: the first run pushes every value' });
  request.report({
    kind: 'command',
    command: 'CREDLEDGER_KEY="$(grep -v \'^#\' examples/demo.key)" credledger apply',
    note: 'nothing is recorded as applied yet, so every value is pending: apply logs in to each server, writes each setting, reads it back, and records it on refs/credledger/applied',
  });
  const first = await applyAndReport(context, 'first');
  if (first.report.deployments.some((deployment) => deployment.restartRequired.length > 0 || deployment.warnings.length > 0)) {
    request.report({ kind: 'note', text: 'The restart lines and warnings are what a real DocuElevate needs after this apply; the demo servers need nothing.' });
  }
  const expected = listDesiredState(await readInventory(context), deploymentIds(context)).desired;
  for (const { deployment, writes } of first.writes) {
    const wanted = expected.filter((setting) => setting.deployment === deployment).length;
    if (writes !== wanted) throw new DemoStop(`the first apply should write ${wanted} settings to ${deployment}, and it wrote ${writes}`);
  }
  await verifyServers(context);
}

/** Step 5: a rotation, reviewed on a branch, merged, applied; then an apply with nothing to do. */
async function rotateOnBranch(context: DemoContext, repo: ScratchRepository, value: SecretValue): Promise<void> {
  const { request } = context;
  const { credentialId, branch } = DEMO_ROTATION;
  const credential = findCredential(await readInventory(context), credentialId);
  if (credential === undefined) throw new DemoStop(`the example has no credential ${credentialId} to rotate`);
  request.report({ kind: 'step', number: 5, title: `Rotate ${credentialId} on a branch, review the plan, merge, apply` });

  request.report({ kind: 'command', command: `git switch --create ${branch}` });
  await repo.createBranch(branch);
  request.report({
    kind: 'command',
    command: `credledger set ${credentialId} --value-stdin --rotated ${DEMO_DAY}`,
    note: 'the new value is a fake key made up at random and piped in; it is encrypted into the file and never shown',
  });
  const set = await setCredentialValue({
    file: context.file,
    credentialId,
    value,
    rotated: DEMO_DAY,
    today: context.today,
    now: new Date(Math.max(request.clock().getTime(), EARLIEST_SEAL_TIME)),
    ring: context.ring,
  });
  if (set.kind !== 'set') throw new DemoStop(`set refused the new value of ${credentialId}`);
  // As the CLI shows it when run in the repository: the file by its name, not the temporary path.
  request.report({ kind: 'set', result: { ...set, file: DEMO_INVENTORY_FILE } });
  const message = `Rotate ${credentialId}`;
  request.report({ kind: 'command', command: `git commit --all --message "${message}"` });
  const commit = await repo.commitAll(message);
  request.report({ kind: 'note', text: `committed ${commit.slice(0, 7)} on ${branch}` });

  request.report({
    kind: 'command',
    command: `credledger plan --base main --head ${branch}`,
    note: 'what reviewers see on the pull request; it needs no key, so values are compared as ciphertext',
  });
  const revisions = await openInventoryRevisions(path.dirname(context.file), context.env);
  const planned = await planInventoryChange({ file: DEMO_INVENTORY_FILE, base: 'main', head: branch, allowRollback: false, today: context.today }, { revisions });
  request.report({ kind: 'plan', result: planned });
  const { plan } = planned;
  const changes = plan.changes.map((change) => `${change.id} ${change.change}`);
  if (!planned.valid || changes.join() !== `${credentialId} rotated`) {
    throw new DemoStop(`the plan should hold one change, ${credentialId} rotated; it holds ${changes.join(', ') || 'none'}${planned.valid ? '' : ', and errors'}`);
  }
  const operations = plan.operations.map((operation) => `${operation.action} ${operation.setting} on ${operation.deployment}`).sort();
  const expectedOperations = credential.deployments.map((deployment) => `set ${credential.setting} on ${deployment}`).sort();
  if (operations.join() !== expectedOperations.join()) {
    throw new DemoStop(`the plan should ${expectedOperations.join(', ')}; it would ${operations.join(', ') || 'do nothing'}`);
  }

  request.report({ kind: 'command', command: `git switch main && git merge --ff-only ${branch}`, note: 'the pull request is merged' });
  await repo.switchBranch('main');
  await repo.mergeFastForward(branch);

  request.report({ kind: 'command', command: 'credledger apply', note: `as the workflow does on a push to main: only what changed since the last apply is pending` });
  const rotation = await applyAndReport(context, 'rotation');
  const pushed = rotation.report.deployments.flatMap((deployment) => deployment.operations.map((operation) => `${operation.action} ${operation.setting} on ${deployment.deployment}`)).sort();
  if (pushed.join() !== expectedOperations.join()) {
    throw new DemoStop(`the apply after the merge should ${expectedOperations.join(', ')}; it did ${pushed.join(', ') || 'nothing'}`);
  }
  await verifyServers(context);

  request.report({ kind: 'command', command: 'credledger apply', note: 'once more' });
  const again = await applyAndReport(context, 'again');
  const sent = again.writes.reduce((sum, { writes }) => sum + writes, 0);
  if (sent > 0 || again.report.deployments.some((deployment) => deployment.outcome !== 'unchanged')) {
    throw new DemoStop(`a second apply of the same inventory should send nothing; it wrote ${sent} settings`);
  }
  request.report({ kind: 'note', text: 'nothing to do: every deployment already holds what the inventory says, and the applied state knows it' });
}

/** Step 6: the recap and where to go next. */
function explainWhatHappened(context: DemoContext): void {
  const { request } = context;
  request.report({ kind: 'step', number: 6, title: 'What just happened, and what next' });
  for (const text of [
    'The inventory was validated and its rotation status reported; apply decrypted its values with the demo key and pushed',
    'each one to the settings API of every deployment, read it back and recorded it on the git ref refs/credledger/applied.',
    `The rotation of ${DEMO_ROTATION.credentialId} went through review as a plan with no secret in it, and after the merge only that`,
    'setting was pushed; an apply with nothing new sent nothing. No value was printed at any point.',
    '',
    'Next: the README\'s "A five-minute walkthrough" runs these commands by hand on credentials.yaml.example;',
    'make your own key with `credledger keygen` (never use the demo key for real values); and copy',
    'examples/workflows/ into .github/workflows/ to plan on pull requests, remind on a schedule and apply on merge.',
  ]) {
    request.report({ kind: 'note', text });
  }
  if (request.keep) {
    request.report({ kind: 'note', text: '' });
    request.report({ kind: 'note', text: `The repository is kept in ${path.dirname(context.file)} (the servers are stopped).` });
  }
}

/** Runs apply as the CLI would, with the demo key and the demo's environment, and reports it with the writes each server saw. */
async function applyAndReport(context: DemoContext, run: DemoApplyRun): Promise<{ report: ApplyReport; writes: DeploymentWrites[] }> {
  const before = context.servers.map(({ server }) => countCommittedWrites(server));
  const { check, report } = await applyInventory({
    file: context.file,
    today: context.today,
    ring: context.ring,
    env: context.env,
    clock: context.request.clock,
    ...applyCollaborators(context.env),
  });
  if (!report) throw new DemoStop(`apply found the inventory invalid (${check.diagnostics.length} diagnostics)`);
  const writes = context.servers.map(({ deployment, server }, index) => ({ deployment: deployment.id, writes: countCommittedWrites(server) - (before[index] ?? 0) }));
  context.request.report({ kind: 'apply', run, report, writes });
  if (assessApplyReport(report) !== 'ok') {
    const problems = report.deployments.flatMap((deployment) =>
      deployment.outcome === 'unreachable'
        ? [`${deployment.deployment} could not be used`]
        : deployment.operations.filter((operation) => operation.outcome !== 'done').map((operation) => `${operation.setting} on ${deployment.deployment} ${operation.outcome}`),
    );
    throw new DemoStop(`${APPLY_RUN_NAMES[run]} did not succeed: ${problems.join(', ') || 'the applied state could not be kept'}`);
  }
  return { report, writes };
}

/** Compares what each server stores with the inventory's decrypted values, in memory; reports counts and setting names only. */
async function verifyServers(context: DemoContext): Promise<void> {
  const inventory = await readInventory(context);
  const { desired } = listDesiredState(inventory, deploymentIds(context));
  const candidates = listValuePlaces(inventory);
  const checks = context.servers.map(({ deployment, server }): DeploymentCheck => {
    const mine = desired.filter((setting) => setting.deployment === deployment.id);
    const mismatched = mine
      .filter((setting) => {
        const stored = server.storedValue(setting.setting);
        const expected = openSealedValue(context.ring, setting.sealed.place, setting.sealed.sealed, candidates);
        return stored === undefined || stored === null || !expected.equals(new SecretValue(stored));
      })
      .map((setting) => setting.setting);
    const wanted = new Set(mine.map((setting) => setting.setting));
    const unexpected = server.dbKeys().filter((key) => !wanted.has(key));
    return { deployment: deployment.id, expected: mine.length, matching: mine.length - mismatched.length, mismatched, unexpected };
  });
  context.request.report({ kind: 'verify', deployments: checks });
  const wrong = checks.filter((check) => check.mismatched.length > 0 || check.unexpected.length > 0);
  if (wrong.length > 0) {
    throw new DemoStop(
      wrong.map((check) => `${check.deployment} differs from the inventory: ${[...check.mismatched, ...check.unexpected].join(', ')}`).join('; '),
    );
  }
}

async function readInventory(context: DemoContext): Promise<Inventory> {
  const check = await loadInventoryFile(context.file, context.today);
  if (check.inventory === undefined) throw new DemoStop(`${DEMO_INVENTORY_FILE} cannot be read`);
  return check.inventory;
}

function deploymentIds(context: DemoContext): string[] {
  return context.servers.map(({ deployment }) => deployment.id);
}

function countCommittedWrites(server: DocuElevateServer): number {
  return server.state.requests.filter((request) => request.committed).length;
}
