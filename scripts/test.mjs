#!/usr/bin/env node
// `npm test`: build, then vitest, with a throwaway PostgreSQL when none is configured.
//
//   npm test                  everything
//   npm test -- src/render    extra arguments go to `vitest run`
//
// Environment:
//   LIVEPAGE_TEST_DATABASE_URL  PostgreSQL for the store tests; when unset and PostgreSQL
//                               is installed, a temporary cluster is started for the run
//                               (scripts/postgres.sh) and stopped afterwards
//   LIVEPAGE_REQUIRE_POSTGRES=1 no PostgreSQL is an error, not a skip (CI)
//   LIVEPAGE_CHROMIUM           Chromium executable (default /usr/bin/chromium)
//   LIVEPAGE_REQUIRE_BROWSER=1  no Chromium fails the browser tests (see e2e/browser.ts)
//   LIVEPAGE_SKIP_BUILD=1       skip `npm run build` (the CLI tests then use a stale dist/)
//
// The last line printed is always `N passed, N failed[, N skipped]`, and the exit code is
// vitest's (non-zero whenever anything failed).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const postgresScript = join(root, 'scripts', 'postgres.sh');
const outputDir = join(root, '.test-output');
const resultsFile = join(outputDir, 'results.json');
const extraArgs = process.argv.slice(2);

/** The cluster directory while we own a running PostgreSQL, else null. */
let clusterDir = null;
/** The child process running right now, to forward signals to. */
let current = null;
/** Set once a signal arrived: remaining steps are skipped. */
let interruptedBy = null;

const note = (line) => console.log(line);
const interruptedCode = () => 128 + (constants.signals[interruptedBy] ?? 2);

/** Same lookup as scripts/postgres.sh: Debian's versioned directories, then PATH. */
function postgresInstalled() {
  if (process.env.LIVEPAGE_PG_BINDIR) return existsSync(join(process.env.LIVEPAGE_PG_BINDIR, 'pg_ctl'));
  try {
    for (const version of readdirSync('/usr/lib/postgresql')) {
      if (existsSync(join('/usr/lib/postgresql', version, 'bin', 'pg_ctl'))) return true;
    }
  } catch {
    // No /usr/lib/postgresql: not Debian's packages.
  }
  return spawnSync('sh', ['-c', 'command -v pg_ctl && command -v initdb'], { stdio: 'ignore' }).status === 0;
}

function chromiumInstalled() {
  return existsSync(process.env.LIVEPAGE_CHROMIUM || '/usr/bin/chromium');
}

/** Runs a command with inherited stdio (or captured stdout), resolving to its exit status. */
function run(command, args, { captureStdout = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['inherit', captureStdout ? 'pipe' : 'inherit', 'inherit'],
    });
    current = child;
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.on('error', (error) => {
      current = null;
      console.error(`${command}: ${error.message}`);
      resolve({ code: 127, signal: null, stdout });
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve({ code, signal, stdout });
    });
  });
}

function stopPostgres() {
  if (!clusterDir) return;
  const dir = clusterDir;
  clusterDir = null;
  // Synchronous so it also works from the 'exit' handler.
  const result = spawnSync('bash', [postgresScript, 'stop', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) console.error(`Could not stop the temporary PostgreSQL in ${dir}`);
}

function finish(passed, failed, skipped, code) {
  stopPostgres();
  note(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interruptedBy) return;
    interruptedBy = signal;
    // From a terminal the child got the signal too; from `kill` only we did.
    current?.kill(signal);
  });
}
// Last resort (an exception, process.exit elsewhere): never leave a cluster running.
process.on('exit', stopPostgres);

async function main() {
  // (a) PostgreSQL
  if (process.env.LIVEPAGE_TEST_DATABASE_URL) {
    note(`PostgreSQL: using LIVEPAGE_TEST_DATABASE_URL`);
  } else if (postgresInstalled()) {
    const dir = mkdtempSync(join(tmpdir(), 'livepage-pg-'));
    clusterDir = dir;
    const started = await run('bash', [postgresScript, 'start', dir], { captureStdout: true });
    const url = started.stdout.trim();
    if (started.code === 0 && url.startsWith('postgres://')) {
      process.env.LIVEPAGE_TEST_DATABASE_URL = url;
      note(`PostgreSQL: temporary cluster at ${url}`);
    } else {
      stopPostgres();
      rmSync(dir, { recursive: true, force: true });
      if (interruptedBy) return finish(0, 1, 0, interruptedCode());
      if (process.env.LIVEPAGE_REQUIRE_POSTGRES === '1') {
        console.error('PostgreSQL could not be started and LIVEPAGE_REQUIRE_POSTGRES=1');
        return finish(0, 1, 0, 1);
      }
      note('PostgreSQL could not be started: PostgreSQL store tests are skipped');
    }
  } else if (process.env.LIVEPAGE_REQUIRE_POSTGRES === '1') {
    console.error(
      'PostgreSQL not found and LIVEPAGE_REQUIRE_POSTGRES=1: install postgresql or set LIVEPAGE_TEST_DATABASE_URL',
    );
    return finish(0, 1, 0, 1);
  } else {
    note('PostgreSQL not found: PostgreSQL store tests are skipped (install postgresql to run them)');
  }

  if (interruptedBy) return finish(0, 1, 0, interruptedCode());

  // (b) Chromium: e2e/browser.ts skips (or, when required, fails) the browser tests.
  if (!chromiumInstalled()) note('Chromium not found: browser tests are skipped');

  // (c) Build (the CLI tests run dist/), then vitest.
  if (process.env.LIVEPAGE_SKIP_BUILD === '1') {
    note('Build skipped (LIVEPAGE_SKIP_BUILD=1)');
  } else {
    const build = await run('npm', ['run', 'build', '--silent']);
    if (interruptedBy) return finish(0, 1, 0, interruptedCode());
    if (build.code !== 0) {
      console.error('Build failed (npm run build): tests not run');
      return finish(0, 1, 0, build.code || 1);
    }
  }

  if (interruptedBy) return finish(0, 1, 0, interruptedCode());
  mkdirSync(outputDir, { recursive: true });
  rmSync(resultsFile, { force: true }); // never report a previous run's results
  const vitest = await run(join(root, 'node_modules', '.bin', 'vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${resultsFile}`,
    ...extraArgs,
  ]);
  let code = vitest.code ?? 1; // killed by a signal: a failure
  if (interruptedBy) code = interruptedCode();

  // (d) Summary
  let report;
  try {
    report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    console.error(`No test report at ${resultsFile} (vitest exited with ${vitest.code ?? vitest.signal})`);
    return finish(0, 1, 0, code || 1);
  }
  const passed = report.numPassedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails outside any test (import error, failing beforeAll/afterAll) has no
  // failed test of its own; count it, so the line never says "0 failed" for a red run.
  const fileErrors = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  let failed = (report.numFailedTests ?? 0) + fileErrors;
  if (code !== 0 && failed === 0) {
    console.error(`vitest exited with code ${code} although no test failed (unhandled error, or no test files?)`);
    failed = 1;
  }
  return finish(passed, failed, skipped, code !== 0 ? code : failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  finish(0, 1, 0, 1);
});
