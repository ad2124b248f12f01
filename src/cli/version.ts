// The version the build stamps into the CLI (esbuild's define), or `development` when run from source.
declare const CREDLEDGER_VERSION: string | undefined;

/** credledger's version, as `--version` prints it and SARIF logs name it. */
export function credledgerVersion(): string {
  return typeof CREDLEDGER_VERSION === 'string' ? CREDLEDGER_VERSION : 'development';
}
