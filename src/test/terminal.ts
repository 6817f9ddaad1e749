/** Running a process on a real pseudo-terminal (util-linux `script`), as a person at a terminal would. */
import { spawn, spawnSync } from 'node:child_process';

export const hasScript = spawnSync('script', ['--version']).status === 0;

/** True when the terminal checks must be skipped (said so); CI must have `script`. */
export function skipWithoutScript(): boolean {
  if (hasScript) return false;
  if (process.env.CI === 'true') throw new Error('util-linux `script` is needed for the terminal tests');
  console.warn('util-linux `script` not found: skipping the terminal checks');
  return true;
}

/**
 * Runs node with `args` on a pseudo-terminal (stdout and stderr both on it, unless
 * `redirect`, shell syntax such as ` > 'file'`, sends stdout elsewhere); resolves with the
 * exit code and all that appeared on the terminal.
 */
export function inTerminal(args: string[], env: Record<string, string>, redirect = ''): Promise<{ code: number | null; screen: string }> {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, ...args].map(quote).join(' ') + redirect;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], { env: { ...process.env, LOG_LEVEL: 'warn', TERM: 'xterm', ...env } });
    let screen = '';
    child.stdout.on('data', (d) => (screen += d));
    child.on('close', (code) => resolve({ code, screen }));
  });
}
