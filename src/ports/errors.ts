// The one error taxonomy. Every entry point has one catch that maps these to an outcome: the CLI to an exit code,
// the Action to setFailed. Adapters throw them; use cases catch the ones they turn into data.

/** The command line or the environment was used wrongly (unknown flag, missing file, no key). Exit 64. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** Something outside credledger failed: git, the network, DocuElevate, GitHub. Exit 3. */
export class ExternalError extends Error {
  override readonly name: string = 'ExternalError';
  constructor(
    message: string,
    readonly details: { readonly status?: number; readonly detail?: string; readonly cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

/**
 * A request to another service (a deployment, GitHub) that was refused or never answered. Every adapter's HTTP
 * error extends it, so a use case reads the status, the service's own `detail` and the attempts without knowing
 * which adapter spoke. The message names the request; it never holds a value, token or cookie.
 */
export class RequestError extends ExternalError {
  override readonly name: string = 'RequestError';
  /** The HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  /** The service's own explanation (DocuElevate's `detail`, GitHub's message), when its answer had one. */
  readonly detail: string | undefined;
  /** Requests made before giving up, retries included. */
  readonly attempts: number;
  constructor(message: string, details: { readonly status?: number; readonly detail?: string; readonly cause?: unknown; readonly attempts?: number } = {}) {
    super(message, details);
    this.status = details.status;
    this.detail = details.detail;
    this.attempts = details.attempts ?? 1;
  }
}

/** Another apply moved the applied state: this run stops rather than overwrite it. */
export class AppliedStateConflictError extends ExternalError {
  override readonly name: string = 'AppliedStateConflictError';
  constructor(
    message: string,
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(message);
  }
}
