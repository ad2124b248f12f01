// The few error classes that stop a run; each maps to one exit code in the CLI and to setFailed in the action.

/** The command line or the environment was used wrongly (unknown flag, missing file, no key). Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Something outside credledger failed: git, the network, DocuElevate, GitHub. Exit 3. */
export class ExternalError extends Error {
  override readonly name = 'ExternalError';
  constructor(
    message: string,
    readonly details: { readonly status?: number; readonly detail?: string; readonly cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}
