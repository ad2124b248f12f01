// An in-memory CliIo for running commands in-process: captured output, scripted stdin, a fixed clock.
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';

export interface MemoryIoOptions {
  /** Piped stdin: this text, then end of input. Ignored when `terminal` is set. */
  readonly stdin?: string;
  /** Make stdin a terminal (isTTY, setRawMode); write to `typeIn` to type. */
  readonly terminal?: boolean;
  readonly stdoutIsTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
  readonly now?: Date;
}

export interface MemoryIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
  /** Types into a terminal stdin. */
  typeIn(text: string): void;
  /** Raw-mode switches made on the terminal stdin, in order. */
  readonly rawModes: boolean[];
}

/** A CliIo whose streams are strings. */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let out = '';
  let err = '';
  const rawModes: boolean[] = [];
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  if (options.terminal) {
    stdin.isTTY = true;
    stdin.setRawMode = (raw: boolean) => rawModes.push(raw);
  } else {
    stdin.end(options.stdin ?? '');
  }
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (text: string) => (err += text), isTTY: false },
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    now: () => options.now ?? new Date('2026-11-26T12:00:00Z'),
  };
  return { io, stdout: () => out, stderr: () => err, typeIn: (text) => stdin.write(text), rawModes };
}
