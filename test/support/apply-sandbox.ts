// Temporary git repositories with a sterile configuration, and inventories sealed under a fresh key, for apply tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateFernetKey } from '../../src/crypto/fernet.js';
import { parseKeyRing, type KeyRing } from '../../src/crypto/key-ring.js';
import { sealValue } from '../../src/crypto/sealed-value.js';

/** A scratch directory that is its own HOME, so no user or system git configuration leaks in. */
export interface Sandbox {
  readonly root: string;
  /** The environment for git and for the built CLI: PATH, HOME=root, no system config. */
  readonly env: Record<string, string>;
  /** Runs git in a directory of the sandbox and returns its trimmed stdout. */
  git(cwd: string, args: readonly string[]): string;
  /** Creates a repository at `name` (`init -b main`, its own user.name and user.email). */
  initRepo(name: string, options?: { bare?: boolean }): string;
  remove(): void;
}

/** Creates a sandbox under the system temp directory. */
export function createSandbox(): Sandbox {
  const root = mkdtempSync(path.join(tmpdir(), 'credledger-apply-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LANG: 'C.UTF-8',
  };
  const git = (cwd: string, args: readonly string[]): string =>
    execFileSync('git', [...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  return {
    root,
    env,
    git,
    initRepo(name, options = {}) {
      const dir = path.join(root, name);
      execFileSync('mkdir', ['-p', dir]);
      git(dir, ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : [])]);
      if (!options.bare) {
        git(dir, ['config', 'user.name', 'Test Person']);
        git(dir, ['config', 'user.email', 'test@example.com']);
      }
      return dir;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A fresh key ring (one key) and its key text for CREDLEDGER_KEY. */
export function createTestKey(): { key: string; ring: KeyRing } {
  const key = generateFernetKey();
  return { key, ring: parseKeyRing(key, 'CREDLEDGER_KEY') };
}

/** A credential of a test inventory: its setting and either one plaintext or one per deployment. */
export interface TestCredential {
  readonly id: string;
  readonly setting: string;
  readonly kind?: string;
  readonly value?: string;
  readonly values?: Readonly<Record<string, string>>;
  readonly deployments?: readonly string[];
  readonly group?: string;
  readonly custom?: boolean;
  /** The `rotation:` entry, as inline YAML (`{ driver: … }`). */
  readonly rotation?: string;
}

/**
 * What every DocuElevate deployment reports as configured from its environment (its database and Redis URLs,
 * and with authentication its session secret), tracked without a value, as a real inventory tracks them.
 * (`admin_password` too comes from the environment; inventories that push it say so themselves.)
 */
export function environmentCredentials(deployments: readonly string[]): TestCredential[] {
  return [
    { id: 'database-url', setting: 'database_url', kind: 'password', deployments },
    { id: 'redis-url', setting: 'redis_url', kind: 'password', deployments },
    { id: 'session-secret', setting: 'session_secret', kind: 'session_secret', deployments },
  ];
}

/** A deployment of a test inventory, written as YAML flow mapping text for `auth`. */
export interface TestDeployment {
  readonly id: string;
  readonly url: string;
  readonly auth: string;
}

/** Writes an inventory whose values are sealed under `ring` for their places. */
export function renderSealedInventory(ring: KeyRing, deployments: readonly TestDeployment[], credentials: readonly TestCredential[]): string {
  const now = Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000);
  const lines = ['version: 1', 'people:', '  alice: { github: alice }', 'deployments:'];
  for (const deployment of deployments) {
    lines.push(`  ${deployment.id}:`, `    url: '${deployment.url}'`, `    auth: ${deployment.auth}`);
  }
  lines.push('credentials:');
  for (const credential of credentials) {
    lines.push(`  ${credential.id}:`, `    setting: ${credential.setting}`, `    kind: ${credential.kind ?? 'api_key'}`, '    owner: alice', '    created: 2025-12-01');
    if (credential.deployments) lines.push(`    deployments: [${credential.deployments.join(', ')}]`);
    if (credential.group) lines.push(`    group: ${credential.group}`);
    if (credential.custom) lines.push('    custom: true');
    if (credential.rotation) lines.push(`    rotation: ${credential.rotation}`);
    if (credential.value !== undefined) lines.push(`    value: ${sealValue(ring, { credentialId: credential.id }, credential.value, now)}`);
    if (credential.values) {
      lines.push('    values:');
      for (const [deployment, value] of Object.entries(credential.values)) {
        lines.push(`      ${deployment}: ${sealValue(ring, { credentialId: credential.id, deployment }, value, now)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the inventory into a repository and commits it; returns the commit. */
export function commitInventory(sandbox: Sandbox, repo: string, text: string, message = 'inventory'): string {
  writeFileSync(path.join(repo, 'credentials.yaml'), text);
  sandbox.git(repo, ['add', 'credentials.yaml']);
  sandbox.git(repo, ['commit', '-q', '-m', message]);
  return sandbox.git(repo, ['rev-parse', 'HEAD']);
}
