/**
 * What a CLI command prints. A person at a terminal gets sentences on stdout and, for long
 * work, a progress line on stderr; a script passing `--json` gets exactly one JSON document
 * on stdout (errors: one JSON object on stderr) and never a progress line. Progress is shown
 * only when stderr is a terminal, so logs and pipes stay clean (docs/cli.md).
 */
import type { AppError } from '../domain/errors.js';

export interface Output {
  readonly json: boolean;
  /** The command's result: lines for a person, or `data` as JSON with --json. */
  result(human: string | string[], data: unknown): void;
  /** How far long work has come (`done` of `total` `what`), redrawn in place on a terminal. */
  progress(what: string, done: number, total: number): void;
  /** A failure, as the exit code's companion on stderr. */
  error(command: string, err: { code: string; message: string; field?: string | undefined }): void;
}

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The environment: a `TERM=dumb` terminal cannot redraw a line, so it gets none. */
  env?: Record<string, string | undefined>;
}

/** Redraws at most this often: an import of 100 000 posts should not spend its time drawing. */
export const PROGRESS_INTERVAL_MS = 100;

export function createOutput(json: boolean, { stdout, stderr, env = process.env }: Streams = process): Output {
  const showProgress = !json && stderr.isTTY === true && env.TERM !== 'dumb';
  let drawn = false;
  let drawnAt = -Infinity;
  const clear = () => {
    if (drawn) stderr.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    json,
    result(human, data) {
      clear();
      if (json) stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else for (const line of [human].flat()) stdout.write(`${line}\n`);
    },
    progress(what, done, total) {
      if (!showProgress || total === 0) return; // nothing to count: no line to flash
      const now = performance.now();
      // The first and last steps always; between them, at most one redraw an interval.
      if (drawn && done < total && now - drawnAt < PROGRESS_INTERVAL_MS) return;
      drawnAt = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stderr.write(`\r\x1b[2K${what}: ${done}/${total} (${pct}%)`);
      drawn = true;
      if (done >= total) clear();
    },
    error(command, err) {
      clear();
      if (json) stderr.write(`${JSON.stringify({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } })}\n`);
      else stderr.write(`livepage ${command}: ${err.message}${err.field ? ` (${err.field})` : ''}\n`);
    },
  };
}

/** An AppError as the CLI reports it. */
export const errorOf = (e: AppError) => ({ code: e.code, message: e.message, field: e.field });
