import { describe, expect, it } from 'vitest';
import { DocuElevateError } from '../../src/adapters/docuelevate-client.js';
import { describeConnectionFailure, readCredentialSources, resolveDeploymentAuth, selectDeployments } from '../../src/app/deployment-connection.js';
import { UsageError } from '../../src/ports/errors.js';
import type { Deployment, Inventory } from '../../src/core/inventory.js';
import type { SecretValue } from '../../src/crypto/secret-value.js';

function inventoryWith(deployments: readonly Deployment[]): Inventory {
  return { version: 1, policy: { intervals: {} }, people: new Map(), deployments: new Map(deployments.map((d) => [d.id, d])), credentials: [] };
}

const PRODUCTION: Deployment = { id: 'production', url: 'https://docs.example.com', auth: { method: 'login', usernameEnv: 'DE_USER', passwordEnv: 'DE_PASSWORD' } };
const STAGING: Deployment = { id: 'staging', url: 'http://127.0.0.1:8000', auth: { method: 'bearer', tokenEnv: 'DE_TOKEN' } };
const LAB: Deployment = { id: 'lab', url: 'http://lab.example.com', auth: { method: 'none' } };

describe('selectDeployments', () => {
  it('keeps inventory order, adds the extra ones, and names every unknown deployment', () => {
    const inventory = inventoryWith([PRODUCTION, STAGING]);
    expect(selectDeployments(inventory, {})).toEqual(['production', 'staging']);
    expect(selectDeployments(inventory, { deployments: ['staging'], also: ['production'] })).toEqual(['production', 'staging']);
    expect(() => selectDeployments(inventory, { deployments: ['prod', 'qa'] })).toThrow(new UsageError('unknown deployments prod, qa (the inventory has production, staging)'));
  });

  it('refuses http:// beyond loopback unless allowed', () => {
    const inventory = inventoryWith([STAGING, LAB]);
    expect(() => selectDeployments(inventory, {})).toThrow(/deployment lab: http:\/\/lab\.example\.com uses http:\/\/ to a host that is not loopback/);
    expect(selectDeployments(inventory, { deployments: ['staging'] })).toEqual(['staging']);
    expect(selectDeployments(inventory, { allowInsecureHttp: true })).toEqual(['staging', 'lab']);
  });
});

describe('resolveDeploymentAuth', () => {
  it('reads the named variables and hands each secret to the hook, never the username', () => {
    const seen: string[] = [];
    const resolved = resolveDeploymentAuth(PRODUCTION, { DE_USER: 'admin', DE_PASSWORD: 'login-password-000' }, (secret: SecretValue) => seen.push(secret.reveal()));
    expect(resolved).toMatchObject({ auth: { method: 'login', username: 'admin', source: 'DE_USER/DE_PASSWORD' } });
    expect(seen).toEqual(['login-password-000']);
    expect(JSON.stringify(resolved)).not.toContain('login-password-000');
  });

  it('names the missing (or empty) variables', () => {
    expect(resolveDeploymentAuth(PRODUCTION, { DE_USER: '' })).toEqual({
      error:
        'DE_USER and DE_PASSWORD are not set: the auth of deployment production (method login) reads them from the environment, so production was not contacted; set them (in GitHub Actions, from secrets)',
      missingEnv: ['DE_USER', 'DE_PASSWORD'],
    });
    expect(resolveDeploymentAuth(STAGING, {})).toEqual({
      error: 'DE_TOKEN is not set: the auth of deployment staging (method bearer) reads it from the environment, so staging was not contacted; set it (in GitHub Actions, from secrets)',
      missingEnv: ['DE_TOKEN'],
    });
    expect(resolveDeploymentAuth(LAB, {})).toEqual({ auth: { method: 'none' } });
  });
});

describe('readCredentialSources', () => {
  it('returns a refusal as data, with the status and detail', async () => {
    const refused = {
      authenticate: async () => undefined,
      listCredentialSources: async () => {
        throw new DocuElevateError('GET /api/settings/credentials: HTTP 403: Admin access required', 'auth', { status: 403, detail: 'Admin access required' });
      },
      close: async () => undefined,
    };
    expect(await readCredentialSources(refused)).toEqual({
      error: { message: 'GET /api/settings/credentials: HTTP 403: Admin access required', status: 403, detail: 'Admin access required' },
    });
  });

  it('rethrows what is not a DocuElevate or external failure: that is a bug', () => {
    expect(() => describeConnectionFailure(new TypeError('oops'))).toThrow(TypeError);
  });
});
