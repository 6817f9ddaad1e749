import { defineConfig } from 'vitest/config';

/**
 * Unit and storage tests sit next to the code (`src/**`); browser tests live in `e2e/`.
 * `npm test` (scripts/test.mjs) wraps this with PostgreSQL/Chromium detection and a
 * one-line summary; `npx vitest` works on its own too.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Generous for storage tests against a real PostgreSQL and for launching Chromium;
    // hooks start servers, clusters and browsers.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Files run in parallel in child processes (native modules such as better-sqlite3
    // and argon2 are safer in forks than in worker threads), two at a time: the
    // machines we run on have two cores.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
