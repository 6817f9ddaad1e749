/**
 * Helpers for the newsroom's browser tests: a signed-in desk in its own Chromium (each
 * launch is its own cookie jar, so two journalists are two launches), and a record of
 * every script error and console error the page produced.
 */
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { aPage } from '../src/test/fixtures.js';
import type { TestServer } from '../src/test/server.js';
import { launchBrowser } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** axe-core's violations on the page as it stands, one line each (every newsroom view must have none). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

export const PASSWORD = 'correct horse battery';

export interface Journalist {
  browser: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  close(): Promise<void>;
}

/** Records errors of `page` into `errors` (console errors, uncaught exceptions, CSP reports). */
export function recordErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  // Which request a "Failed to load resource" message is about.
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

/** Signs in through the form as a person would: the labelled fields and the Sign in button. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/newsroom`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}/newsroom`), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.getByRole('heading', { level: 1, name: 'Live pages' }).waitFor({ timeout: 30_000 });
}

/** The screens the desk is tried on: a phone held upright, and a laptop. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 900 };

/** A journalist signed in in their own Chromium, on a screen of `viewport` (Chromium's default without). */
export async function journalist(baseUrl: string, email: string, viewport?: { width: number; height: number }): Promise<Journalist> {
  const browser = await launchBrowser();
  const page = browser.pages()[0] ?? (await browser.newPage());
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  recordErrors(page, errors);
  await signIn(page, baseUrl, email);
  return { browser, page, errors, close: () => browser.close() };
}

/** Creates a live page through the API, as an editor would (the fixture's page, `extra` over it). */
export async function createPage(s: TestServer, slug: string, extra?: Record<string, unknown>): Promise<void> {
  expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(slug, extra) })).status).toBe(201);
}

/** A post of the page as the API presents it, found by its title among the posts of `status`. */
export async function postByTitle(s: TestServer, slug: string, title: string, status = 'published') {
  const { posts } = await (await s.api(`/api/v1/pages/${slug}/posts?status=${status}`, { as: 'editor' })).json();
  return posts.find((p: { title: string }) => p.title === title);
}

/** Opens a page's desk from the page list, by the link named with its title. */
export async function openDesk(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
  // The composer's editor is ready once its toolbar shows.
  await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor({ timeout: 30_000 });
}

/** The new-post composer's body editor. */
export const body = (page: Page) => page.getByRole('textbox', { name: 'Body' }).first();

/** A post's card on the desk, found by its title. */
export const card = (page: Page, title: string) => page.locator('article.nr-post', { has: page.getByRole('heading', { name: title, exact: true }) });

/** Unfolds every composer's options row (label, contributors, key event, pin, schedule) on the page. */
export async function openOptions(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.nr-composer__options').forEach((d) => (d.open = true)));
}

/**
 * Fills a composer's scheduled time with `at`, as the page's wall clock shows it (the
 * field takes the page's zone, Europe/London unless the page says otherwise; 24-hour).
 */
export async function fillScheduled(page: Page, at: Date, timeZone = 'Europe/London'): Promise<void> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const group = page.getByRole('group', { name: 'Scheduled time' }).first();
  await group.getByLabel('Date').fill(`${parts.year}-${parts.month}-${parts.day}`);
  await group.getByLabel('Time').fill(`${parts.hour}:${parts.minute}`);
}
