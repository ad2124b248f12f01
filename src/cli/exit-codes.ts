// Exit codes: each means one thing in every command and mode (documented in the README). 2 is Terraform's
// "the plan has changes" and nothing else; usage errors have sysexits' EX_USAGE.

export const ExitCode = {
  /** Success: valid, nothing due past the threshold, every operation done. */
  ok: 0,
  /** Findings: invalid inventory, a --fail-on threshold met, a failed operation. */
  findings: 1,
  /** Usage: unknown flag or command, missing file, missing key (sysexits' EX_USAGE). */
  usage: 64,
  /** External failure: git, network, DocuElevate or GitHub could not be used. */
  external: 3,
  /** `plan --detailed-exitcode`: the plan has changes (as `terraform plan -detailed-exitcode`). */
  changes: 2,
} as const;
