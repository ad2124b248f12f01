// What a CLI command may touch of the outside world, passed in so tests can run commands in-process.
import type { TextStyle } from '../core/render-diagnostics.js';
import { PLAIN_STYLE } from '../core/render-diagnostics.js';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /**
   * Standard output without the run's redaction: only for what the user asked to see in clear (`reveal`'s value,
   * `keygen`'s new key). Absent in a raw CliIo, where stdout is not redacted either.
   */
  readonly clearStdout?: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock; commands take `--now` to override it. */
  readonly now: () => Date;
}

/** The process's own streams, environment and clock. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: () => new Date() };
}

const ANSI = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** ANSI colour on a terminal, unless NO_COLOR is set (https://no-color.org) or FORCE_COLOR=0. */
export function styleFor(stream: OutputStream, env: CliIo['env']): TextStyle {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const wanted = forced || (stream.isTTY === true && env.NO_COLOR === undefined && env.FORCE_COLOR !== '0' && env.TERM !== 'dumb');
  if (!wanted || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return PLAIN_STYLE;
  return { error: ANSI(31, 39), warning: ANSI(33, 39), dim: ANSI(2, 22), bold: ANSI(1, 22) };
}
