// What apply and audit report while they run, so a terminal or a CI log shows the work as it happens. Names and counts only: never a value.

/** One step of an apply or an audit, per deployment. Carries setting names, counts and failure messages (which never hold a value). */
export type RunProgress =
  /** Logging in and reading the deployment's credential list (the admin check). */
  | { readonly kind: 'connecting'; readonly deployment: string }
  /** Read: how many credential settings the deployment listed. */
  | { readonly kind: 'connected'; readonly deployment: string; readonly listed: number }
  /** Could not be used; `reason` is the failure's message. */
  | { readonly kind: 'unusable'; readonly deployment: string; readonly reason: string }
  /** apply: the deployment's writes begin. */
  | { readonly kind: 'writing'; readonly deployment: string; readonly total: number }
  /** apply: one operation finished (`completed` of `total` for this deployment). */
  | {
      readonly kind: 'operation';
      readonly deployment: string;
      readonly action: 'set' | 'delete';
      readonly setting: string;
      readonly outcome: 'done' | 'failed' | 'skipped';
      readonly completed: number;
      readonly total: number;
    }
  /** apply: the deployment is finished. */
  | { readonly kind: 'finished'; readonly deployment: string; readonly done: number; readonly failed: number; readonly skipped: number };

/** Receives progress; the CLI draws it on stderr, the Action logs it. */
export type ProgressListener = (progress: RunProgress) => void;

/** The whole step as a sentence, for a log line (`production: [3/6] set openai_api_key done`). */
export function describeProgressStep(progress: RunProgress): string {
  const { deployment } = progress;
  switch (progress.kind) {
    case 'connecting':
      return `${deployment}: logging in and reading its credential list`;
    case 'connected':
      return `${deployment}: ${progress.listed} credential setting${progress.listed === 1 ? '' : 's'} listed`;
    case 'unusable':
      return `${deployment}: cannot be used: ${progress.reason}`;
    case 'writing':
      return `${deployment}: ${progress.total} operation${progress.total === 1 ? '' : 's'} to apply`;
    case 'operation':
      return `${deployment}: [${progress.completed}/${progress.total}] ${progress.action} ${progress.setting} ${progress.outcome}`;
    case 'finished':
      return `${deployment}: finished: ${progress.done} done, ${progress.failed} failed, ${progress.skipped} skipped`;
  }
}
