/**
 * Child processes and clean-up for the benchmark scripts (bench/fanout.mjs, bench/page.mjs).
 * Each child leads its own process group, so a server's cluster workers (or nginx's) stop
 * with it, and every child is tracked, so a failure, a signal or an unplanned exit never
 * leaves one running on a machine others share. One script per process: the state is the
 * module's.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Still running: no exit code and no signal yet (exit events can come late). */
export const alive = (c) => c.exitCode === null && c.signalCode === null;

/** Children we started and that have not exited. */
const children = new Set();
let log = (msg) => process.stderr.write(`${msg}\n`);
let cleaned = false;
let interrupted = false;
let cleanup = async () => {};

/** The whole group first (workers included); the child alone if it has none. */
export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops the given children (all by default): SIGTERM to each group, SIGKILL after 5 s. */
export async function stopChildren(list = [...children]) {
  const running = list.filter(alive);
  for (const c of running) killGroup(c, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (running.some(alive) && Date.now() < deadline) await sleep(50);
  for (const c of running) if (alive(c)) killGroup(c, 'SIGKILL');
  while (running.some(alive) && Date.now() < deadline + 2000) await sleep(50);
}

/**
 * Arms the clean-up: children stopped and the temp dir removed (unless keep) on the way out,
 * on SIGINT/SIGTERM/SIGHUP (then exit 128 + n) and, synchronously, on an exit nobody planned.
 * tmpDir() is asked at clean-up time, as the script makes the dir later; beforeRemove runs
 * after the children are stopped (page.mjs: a stray nginx worker). Returns cleanup(), which is
 * safe to call many times (one shared run).
 */
export function armCleanup({ log: logTo, tmpDir, keep, beforeRemove }) {
  log = logTo;
  let cleaning;
  const removeTmp = () => {
    const dir = tmpDir();
    if (!dir) return;
    if (keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  cleanup = () => {
    cleaning ??= (async () => {
      cleaned = true;
      await stopChildren();
      await beforeRemove?.();
      removeTmp();
    })();
    return cleaning;
  };
  process.on('exit', () => {
    if (cleaned) return;
    for (const c of children) if (alive(c)) killGroup(c, 'SIGKILL');
    if (tmpDir() && !keep) rmSync(tmpDir(), { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      interrupted = true;
      log(`${sig}: stopping`);
      void cleanup().finally(() => process.exit(128 + (os.constants.signals[sig] ?? 1)));
    });
  }
  return cleanup;
}

/**
 * Runs main() and exits: its result as the last line of stdout (exit 1 unless result.ok), or
 * the error and the children's logs (showLogs) on stderr (exit 1). Clean-up first either way;
 * after a signal, the signal handler does the exiting.
 */
export async function runMain(main, { showLogs }) {
  let exitCode = 0;
  try {
    const result = await main();
    await cleanup();
    process.stdout.write(JSON.stringify(result) + '\n');
    if (!result.ok) exitCode = 1;
  } catch (err) {
    if (interrupted) {
      await cleanup(); // the signal handler exits once it is done
      await new Promise(() => {});
    }
    log(`failed: ${err?.stack ?? err}`);
    showLogs();
    await cleanup();
    exitCode = 1;
  }
  process.exit(exitCode);
}

/** The end of each `*.log` in `dir` (the children's output, startChild's logFile) on stderr: a runMain showLogs. */
export function showLogTails(dir) {
  if (!dir) return;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.log'))) {
    const t = readFileSync(path.join(dir, f), 'utf8').trim();
    if (t) log(`--- ${f} ---\n${t.slice(-3000)}`);
  }
}

/** Starts a long-running child in its own process group, output to logFile (or nowhere), and tracks it. */
export function startChild(cmd, args, { env, logFile, name }) {
  const out = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', out, out] });
  if (typeof out === 'number') closeSync(out); // the child has its own copy
  track(child, name, logFile);
  return child;
}

/**
 * Tracks a child started elsewhere (fanout.mjs forks its clients): one that exits before the
 * clean-up without child.expectedExit set is reported, pointing at its log.
 */
export function track(child, name, logFile) {
  children.add(child);
  child.expectedExit = false;
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!cleaned && !child.expectedExit)
      log(`${name} exited unexpectedly (code ${code}, signal ${signal})${logFile ? `; see ${logFile}` : ''}`);
  });
}

/** Runs a command to completion with input (if any) on stdin, collecting its output; rejects on a non-zero exit. */
export function run(cmd, args, { env, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => {
      children.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}):\n${stderr || stdout}`));
    });
    // A command that exits without reading its input (pg_ctl, sh -c) must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** A loopback port nobody listens on now, for a server we are about to start. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Polls probe() (a request resolving to {status, …}) every 100 ms until it answers 200, and
 * resolves with that answer; fails at once if child exits, else after timeoutMs.
 */
export async function waitForOk(probe, { child, name, what, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (!alive(child)) throw new Error(`${name} exited before answering`);
    try {
      const r = await probe();
      if (r.status === 200) return r;
      lastErr = new Error(`status ${r.status}`);
    } catch (e) {
      lastErr = e;
    }
    await sleep(100);
  }
  throw new Error(`${name} did not answer ${what} within ${timeoutMs / 1000}s: ${lastErr?.message}`);
}
