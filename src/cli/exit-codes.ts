// Exit codes: each means one thing (documented in the README).

export const ExitCode = {
  /** Success: valid, nothing due past the threshold, every operation done. */
  ok: 0,
  /** Findings: invalid inventory, a --fail-on threshold met, a failed operation. */
  findings: 1,
  /** Usage: unknown flag or command, missing file, missing key. */
  usage: 2,
  /** External failure: git, network, DocuElevate or GitHub could not be used. */
  external: 3,
  /** `plan --detailed-exitcode`: the plan has changes. */
  changes: 2,
} as const;
