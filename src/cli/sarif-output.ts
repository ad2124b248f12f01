// Writing a SARIF log: the inventory named relative to the working directory (run from the repository root, as workflows do).
import path from 'node:path';
import type { SarifLog, SarifTarget } from '../core/render-sarif.js';
import type { CliIo } from './cli-io.js';
import { credledgerVersion } from './version.js';

/** The target of a SARIF log for `file`: its path from the working directory, with `/` separators. */
export function sarifTargetFor(file: string): SarifTarget {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : path.normalize(file);
  return { artifactUri: relative.split(path.sep).join('/'), toolVersion: credledgerVersion() };
}

export function writeSarif(io: CliIo, log: SarifLog): void {
  io.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
}
