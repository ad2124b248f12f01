// Reading stdin for values and confirmations: all of a pipe, a hidden line typed at a terminal, or one visible line.
import { UsageError } from '../ports/errors.js';
import type { CliIo } from './cli-io.js';

type Input = CliIo['stdin'] & { setRawMode?: (raw: boolean) => unknown };

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/** Reads stdin to its end as bytes (a value piped in: `pass show x | credledger set …`). */
export async function readAllInput(stdin: CliIo['stdin']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Reads one line typed at a terminal without echoing it (raw mode: Enter ends it, Backspace
 * erases, Ctrl-C cancels). Falls back to a visible line when the stream has no raw mode.
 * @throws UsageError when cancelled with Ctrl-C.
 */
export async function readHiddenLine(stdin: Input): Promise<string> {
  if (typeof stdin.setRawMode !== 'function') return (await readLine(stdin)) ?? '';
  stdin.setRawMode(true);
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const decode = chunkDecoder();
      const finish = (outcome: () => void) => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        stdin.pause();
        outcome();
      };
      const onData = (chunk: Buffer | string) => {
        for (const char of decode(chunk)) {
          if (char === '\r' || char === '\n' || char === CTRL_D) return finish(() => resolve(typed));
          if (char === CTRL_C) return finish(() => reject(new UsageError('cancelled; nothing was changed')));
          typed = BACKSPACE.has(char) ? [...typed].slice(0, -1).join('') : typed + char;
        }
      };
      const onEnd = () => finish(() => resolve(typed));
      stdin.on('data', onData);
      stdin.on('end', onEnd);
      stdin.resume();
    });
  } finally {
    stdin.setRawMode(false);
  }
}

/** Reads one line (without its line break); undefined when the input ends first with nothing typed. */
export function readLine(stdin: CliIo['stdin']): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const decode = chunkDecoder();
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      stdin.pause();
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      buffered += decode(chunk);
      const newline = buffered.indexOf('\n');
      if (newline >= 0) finish(() => resolve(buffered.slice(0, newline).replace(/\r$/, '')));
    };
    const onEnd = () => finish(() => resolve(buffered === '' ? undefined : buffered));
    const onError = (error: Error) => finish(() => reject(error));
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}

// A character split across two chunks must not turn into two replacement characters.
function chunkDecoder(): (chunk: Buffer | string) => string {
  const decoder = new TextDecoder('utf-8');
  return (chunk) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
}
