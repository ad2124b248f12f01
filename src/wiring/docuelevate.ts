// Composition root, deployment side: the undici DocuElevate client behind the deployment-connection port.
import { DocuElevateClient, type RetryPolicy } from '../adapters/docuelevate-client.js';
import type { ConnectDeployment } from '../ports/deployment-connection.js';

/** Timeouts and retries of the HTTP client; defaults suit production, tests shorten them. */
export interface HttpTuning {
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** The real connection: one undici-based {@link DocuElevateClient} per deployment, tuned by `http`. */
export function connectToDocuElevate(http?: HttpTuning): ConnectDeployment {
  return (deployment, credential) => new DocuElevateClient({ baseUrl: deployment.url, auth: credential, ...http });
}
