// The commands the executable sends to the read-only CLI (src/cli/read-only-cli.ts) instead of the full one.
// Their names are kept apart so bin.ts can route without loading either.

/** `validate` and `status`: they read an inventory and write nothing, and CI and editors run them most. */
export const READ_ONLY_COMMAND_NAMES: readonly string[] = ['validate', 'status'];
