// Reading what a deployment reports configured (GET /api/settings/credentials), for onboard --live and init --from-url.
import type { Deployment } from '../core/inventory.js';
import type { CredentialSource, CredentialSourceReader, DeploymentCredential } from '../ports/deployment-connection.js';
import { readCredentialSources, resolveDeploymentAuth, type ConnectionFailure } from './deployment-connection.js';

/** The settings a deployment holds a value for (database or environment), or why it could not be read. */
export type ConfiguredSettings = { readonly configured: readonly CredentialSource[] } | { readonly error: ConnectionFailure };

export interface ConfiguredSettingsOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A connection to one deployment's settings API (src/wiring/docuelevate.ts builds the real one); only its read side is used. */
  readonly connect: (deployment: Deployment, credential: DeploymentCredential) => CredentialSourceReader;
}

/** Logs in to the deployment and lists the credential settings it reports configured, in DocuElevate's order. */
export async function readConfiguredSettings(deployment: Deployment, options: ConfiguredSettingsOptions): Promise<ConfiguredSettings> {
  const resolved = resolveDeploymentAuth(deployment, options.env);
  if ('error' in resolved) return { error: { message: resolved.error } };
  const connection = options.connect(deployment, resolved.auth);
  try {
    const listing = await readCredentialSources(connection);
    if ('error' in listing) return listing;
    return { configured: listing.sources.filter((entry) => entry.source !== null) };
  } finally {
    await connection.close().catch(() => undefined);
  }
}
