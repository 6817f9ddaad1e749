/**
 * The browser-test harness: playwright-core driving the system's Chromium (Debian's
 * `chromium` package), never a downloaded browser.
 *
 * Environment:
 * - `LIVEPAGE_CHROMIUM`: the Chromium executable (default `/usr/bin/chromium`).
 * - `LIVEPAGE_REQUIRE_BROWSER=1`: a missing Chromium fails the tests instead of
 *   skipping them (CI sets it, so browser tests can never silently vanish).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, it } from 'vitest';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, hermetic headless Chromium: no GPU, no QUIC, no background
 * fetches (component updates, sync, first-run pages) that would add network noise.
 * `--no-sandbox` because CI runs as root, where Chromium's sandbox refuses to start.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable to drive, or null when there is none. */
export function chromiumPath(): string | null {
  const configured = process.env.LIVEPAGE_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  return existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null;
}

/** True when a missing Chromium must fail the run (`LIVEPAGE_REQUIRE_BROWSER=1`). */
export function browserRequired(): boolean {
  return process.env.LIVEPAGE_REQUIRE_BROWSER === '1';
}

function missingChromiumMessage(): string {
  const where = process.env.LIVEPAGE_CHROMIUM || DEFAULT_CHROMIUM;
  return `Chromium not found at ${where} (install the chromium package or set LIVEPAGE_CHROMIUM)`;
}

/**
 * Launches headless Chromium with a fresh profile in a new temporary directory and
 * returns its browser context; `await context.close()` stops Chromium and deletes the
 * profile directory.
 *
 * Why a persistent context: Playwright rejects `--user-data-dir` in `launch()` args
 * ("Pass userDataDir parameter to 'browserType.launchPersistentContext'"), so the
 * fresh profile goes through `launchPersistentContext(dir)`. Consequences: the context
 * *is* the browser (one context per launch; for two isolated readers, e.g. separate
 * cookie jars, launch twice), and it opens with one blank page: use
 * `context.pages()[0]` or `context.newPage()`.
 */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(missingChromiumMessage());
  const userDataDir = await mkdtemp(join(tmpdir(), 'livepage-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      // false: the page as a reader without JavaScript (or a crawler) gets it.
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    const close = context.close.bind(context);
    // Remove the profile only after Chromium has exited (close() resolves then).
    context.close = async (options) => {
      try {
        await close(options);
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    };
    return context;
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/**
 * `describe` for tests that need Chromium. Without Chromium the suite is skipped with
 * a note on the console, unless `LIVEPAGE_REQUIRE_BROWSER=1`: then it fails with one
 * test that says why.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (chromiumPath()) {
    describe(name, fn);
    return;
  }
  if (browserRequired()) {
    describe(name, () => {
      it('needs Chromium (LIVEPAGE_REQUIRE_BROWSER=1)', () => {
        throw new Error(`${missingChromiumMessage()}; LIVEPAGE_REQUIRE_BROWSER=1 forbids skipping`);
      });
    });
    return;
  }
  console.warn(`${missingChromiumMessage()}: skipping "${name}"`);
  describe.skip(name, fn);
}
