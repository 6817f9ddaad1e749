/**
 * The desk around the composer in a real Chromium: in-place edits kept in the browser
 * (across a reload and an ended session, still a conflict when a colleague saved
 * meanwhile), sign-out deleting the person's autosaved work (shared machines), lists
 * longer than the API's first 20, and taken-down posts put back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { body, card, createPage, journalist, openDesk, signIn, type Journalist } from './newsroom-helpers.js';

const SLUG = 'pier';
const TITLE = 'Storm coverage pier';

describeBrowser('the newsroom desk: edits kept, sign-out, long lists, taken-down posts', () => {
  let s: TestServer;
  let desk: Journalist;
  const stored = async (id: string) => (await s.api(`/api/v1/posts/${id}`, { as: 'editor' })).json();
  /** This browser's autosaved copies (the newsroom's keys in localStorage). */
  const kept = () => desk.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('livepage:newsroom:')));
  const editing = (title: string) => desk.page.getByRole('group', { name: `Editing “${title}”` });
  const deskUrl = () => `${s.url}/newsroom/pages/${SLUG}`;
  const ready = () => desk.page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor({ timeout: 30_000 });

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, SLUG);
    desk = await journalist(s.url, 'editor@example.test');
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await s?.close();
  });

  it('keeps an in-place edit across a reload and an ended session; a colleague’s save meanwhile is still a conflict', async () => {
    const post = await (await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Pier damaged') })).json();
    const { page } = desk;
    await openDesk(page, TITLE);
    await card(page, 'Pier damaged').getByRole('button', { name: 'Edit' }).click();
    await editing('Pier damaged').getByLabel('Title').fill('Pier badly damaged');
    await expect.poll(kept, { timeout: 10_000 }).toContain(`livepage:newsroom:edit:${(await (await s.api('/api/v1/me', { as: 'editor' })).json()).user.id}:${SLUG}:${post.id}`);

    await page.reload();
    await ready();
    const mine = editing('Pier damaged');
    expect(await mine.getByLabel('Title').inputValue()).toBe('Pier badly damaged');
    expect(await mine.locator('.nr-composer__note').textContent()).toContain('restored from this browser');

    // A colleague saves first; then the session ends.
    expect((await s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': '"1"' }, json: { title: 'Pier closed' } })).status).toBe(200);
    await desk.browser.clearCookies();
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => mine.getByRole('alert').first().textContent(), { timeout: 15_000 }).toBe('Your session has ended. Sign in again — your draft is kept.');
    const banner = page.locator('.nr-banner');
    expect(await banner.textContent()).toContain('Your unsent post and unsaved edits are kept in this browser');

    await signIn(page, s.url, 'editor@example.test');
    await page.goto(deskUrl());
    await ready();
    const again = editing('Pier damaged');
    expect(await again.getByLabel('Title').inputValue()).toBe('Pier badly damaged');
    await again.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => again.getByRole('alert').first().textContent(), { timeout: 15_000 }).toContain('A colleague saved this post while you were editing it');
    expect((await stored(post.id)).title).toBe('Pier closed');
    await again.getByRole('button', { name: 'Replace theirs with mine' }).click();
    await expect.poll(async () => (await stored(post.id)).title, { timeout: 15_000 }).toBe('Pier badly damaged');
    // Saved: nothing of it is kept any more.
    await expect.poll(kept, { timeout: 10_000 }).toEqual([]);
  }, 90_000);

  it('signing out deletes this person’s autosaved post and edits from the browser', async () => {
    await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Lifeboat launched') });
    const { page } = desk;
    await page.goto(deskUrl());
    await ready();
    await page.getByLabel('Title').first().fill('Half-written post');
    await body(page).click();
    await page.keyboard.type('Not for the next person on this machine.');
    await card(page, 'Lifeboat launched').getByRole('button', { name: 'Edit' }).click();
    await editing('Lifeboat launched').getByLabel('Title').fill('Lifeboat launched at dawn');
    await expect.poll(async () => (await kept()).length, { timeout: 10_000 }).toBe(2);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await kept()).toEqual([]);
    await signIn(page, s.url, 'editor@example.test');
    await page.goto(deskUrl());
    await ready();
    expect(await page.getByLabel('Title').first().inputValue()).toBe('');
    expect(await editing('Lifeboat launched').count()).toBe(0);
  }, 90_000);

  it('shows each list’s total and the rest on request', async () => {
    for (let i = 1; i <= 23; i++)
      expect((await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost(`Draft note ${i}`, { status: 'draft' }) })).status).toBe(201);
    const { page } = desk;
    await page.goto(deskUrl());
    await ready();
    const drafts = page.locator('#nr-panel-draft');
    await expect.poll(() => drafts.locator('h2').textContent(), { timeout: 15_000 }).toContain('(23)');
    expect(await drafts.locator('article').count()).toBe(20);
    expect(await drafts.textContent()).toContain('Showing 20 of 23.');
    await drafts.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => drafts.locator('article').count(), { timeout: 15_000 }).toBe(23);
    expect(await drafts.getByRole('button', { name: 'Show more' }).count()).toBe(0);
  }, 90_000);

  it('lists taken-down posts, and puts one back on the page', async () => {
    const post = await (await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Cafe reopens') })).json();
    const { page } = desk;
    await page.goto(deskUrl());
    await ready();
    await card(page, 'Cafe reopens').getByRole('button', { name: 'Take down' }).click();
    await page.getByRole('button', { name: 'Yes, take it down' }).click();
    const down = page.locator('#nr-panel-unpublished');
    await expect.poll(() => down.locator('h2').textContent(), { timeout: 15_000 }).toContain('(1)');
    await down.locator('summary').click();
    await down.locator('article', { hasText: 'Cafe reopens' }).getByRole('button', { name: 'Put back on the page' }).click();
    await expect.poll(async () => (await stored(post.id)).status, { timeout: 15_000 }).toBe('published');
    const reader = await (await fetch(`${s.url}/live/${SLUG}`)).text();
    expect(reader).toContain(`id="post-${post.id}"`);
    await expect.poll(() => down.locator('h2').textContent(), { timeout: 15_000 }).toContain('(0)');
    // The ended session (401) and the colleague’s save (409) were refused on purpose; nothing else went wrong.
    expect(desk.errors.filter((e) => !/status of (401|409)|HTTP (401|409)/.test(e))).toEqual([]);
  }, 90_000);
});
