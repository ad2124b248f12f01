// Drawing apply's and audit's progress on stderr: one live line on a terminal, plain lines in a log. Never a value.
import { describeProgressStep as describeStep, type RunProgress } from '../core/run-progress.js';
import type { CliIo, OutputStream } from './cli-io.js';

const CLEAR_LINE = '\r\u001b[2K';

/** A listener for the run, and `finish()` to leave the terminal clean before the report is printed. */
export interface ProgressOutput {
  readonly listener: (progress: RunProgress) => void;
  finish(): void;
}

/**
 * Progress for `command` on `stream` (stderr, so stdout keeps only the report). On a terminal (not `TERM=dumb`)
 * one line is redrawn with where each deployment is, and a line is kept for each deployment that finishes; anywhere
 * else every step is a plain line, which is what a CI log needs.
 */
export function createProgressOutput(command: 'apply' | 'audit', stream: OutputStream, env: CliIo['env']): ProgressOutput {
  const live = stream.isTTY === true && env.TERM !== 'dumb';
  if (!live) {
    return { listener: (progress) => stream.write(`${command}: ${describeStep(progress)}\n`), finish: () => undefined };
  }
  const current = new Map<string, string>();
  let drawn = false;
  const redraw = () => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const line = `${command}: ${[...current].map(([deployment, state]) => `${deployment} ${state}`).join(' | ')}`;
    stream.write(`${CLEAR_LINE}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write(CLEAR_LINE);
    drawn = false;
  };
  return {
    listener: (progress) => {
      if (progress.kind === 'finished' || progress.kind === 'unusable' || (command === 'audit' && progress.kind === 'connected')) {
        current.delete(progress.deployment);
        clear();
        stream.write(`${command}: ${describeStep(progress)}\n`);
      } else {
        current.set(progress.deployment, describeLiveState(progress));
      }
      if (current.size > 0) redraw();
    },
    finish: clear,
  };
}

/** Where one deployment is, for the live line. */
function describeLiveState(progress: RunProgress): string {
  switch (progress.kind) {
    case 'connecting':
      return 'logging in…';
    case 'connected':
      return `${progress.listed} settings listed`;
    case 'writing':
      return `0/${progress.total}`;
    case 'operation':
      return `${progress.completed}/${progress.total} ${progress.action} ${progress.setting} ${progress.outcome}`;
    default:
      return describeStep(progress);
  }
}
