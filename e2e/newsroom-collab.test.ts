/**
 * Working together in the newsroom, in real Chromiums against the real server: two
 * editors edit the same post (the second sees the first's version, nothing is silently
 * overwritten), "X is editing this post", and a contributor's post goes through the
 * approval queue to readers.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { body, card, createPage, journalist, openDesk, type Journalist } from './newsroom-helpers.js';

const SLUG = 'bridge';
const TITLE = 'Storm coverage bridge';
/** Presence and queues that readers never see reach other desks by polling (every 10 s). */
const POLLED = { timeout: 30_000, interval: 250 };

describeBrowser('the newsroom, several journalists at once', () => {
  let s: TestServer;
  let editor: Journalist;
  let admin: Journalist;
  let contributor: Journalist;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, SLUG);
    expect((await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Bridge closed') })).status).toBe(201);
    [editor, admin, contributor] = await Promise.all([
      journalist(s.url, 'editor@example.test'),
      journalist(s.url, 'admin@example.test'),
      journalist(s.url, 'contributor@example.test'),
    ]);
    await Promise.all([editor, admin, contributor].map((j) => openDesk(j.page, TITLE)));
  });
  afterAll(async () => {
    await Promise.all([editor, admin, contributor].map((j) => j?.close()));
    await s?.close();
  });

  const editing = (page: Page, title: string) => page.getByRole('group', { name: `Editing “${title}”` });
  const stored = async () => {
    const { posts } = await (await s.api(`/api/v1/pages/${SLUG}/posts`)).json();
    return posts.find((p: { title: string }) => p.title.startsWith('Bridge closed'));
  };

  it('a second editor saving an older version sees the colleague’s version; nothing is overwritten', async () => {
    await card(editor.page, 'Bridge closed').getByRole('button', { name: 'Edit' }).click();
    // The other desk learns who is editing.
    await expect.poll(() => card(admin.page, 'Bridge closed').textContent(), POLLED).toContain('Editor Person is editing this post');

    await card(admin.page, 'Bridge closed').getByRole('button', { name: 'Edit' }).click();
    const mine = editing(admin.page, 'Bridge closed');
    await mine.getByRole('textbox', { name: 'Body' }).click();
    await admin.page.keyboard.press('Control+End');
    await admin.page.keyboard.type(' Diversions via the ring road.');

    const theirs = editing(editor.page, 'Bridge closed');
    await theirs.getByLabel('Title').fill('Bridge closed in both directions');
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => card(editor.page, 'Bridge closed in both directions').count(), { timeout: 15_000 }).toBe(1);

    await mine.getByRole('button', { name: 'Save changes' }).click();
    const alert = mine.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('A colleague saved this post while you were editing it');
    expect(await alert.textContent()).toContain('Bridge closed in both directions');
    // The colleague's edit stands; ours is still in the editor.
    const now = await stored();
    expect(now.title).toBe('Bridge closed in both directions');
    expect(JSON.stringify(now.body)).not.toContain('ring road');
    expect(await mine.getByRole('textbox', { name: 'Body' }).textContent()).toContain('Diversions via the ring road.');

    // Take their version, redo the change on top of it, save: both edits are kept.
    await mine.getByRole('button', { name: 'Use their version' }).click();
    const merged = editing(admin.page, 'Bridge closed in both directions');
    expect(await merged.getByLabel('Title').inputValue()).toBe('Bridge closed in both directions');
    await merged.getByRole('textbox', { name: 'Body' }).click();
    await admin.page.keyboard.press('Control+End');
    await admin.page.keyboard.type(' Diversions via the ring road.');
    await merged.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => JSON.stringify((await stored()).body), { timeout: 15_000 }).toContain('ring road');
    expect((await stored()).title).toBe('Bridge closed in both directions');
    // The first editor's desk shows the second's change without a reload.
    await expect.poll(() => card(editor.page, 'Bridge closed in both directions').textContent(), { timeout: 15_000 }).toContain('ring road');
    expect(editor.errors).toEqual([]);
    // The browser logs the refused (409) save itself; nothing else went wrong.
    expect(admin.errors.filter((e) => !/status of 409|HTTP 409/.test(e))).toEqual([]);
  }, 90_000);

  it('a contributor submits for review; readers see nothing until an editor approves from the queue', async () => {
    const { page } = contributor;
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Take down' }).count()).toBe(0);
    await page.getByLabel('Title').fill('Eyewitness: roofs torn off');
    await body(page).click();
    await page.keyboard.type('Three houses on the seafront have ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('lost their roofs');
    await page.keyboard.press('Control+B');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toContain('sent to the editors for review');
    await expect.poll(() => page.locator('#nr-panel-submitted').textContent(), { timeout: 15_000 }).toContain('Eyewitness: roofs torn off');

    const reader = await contributor.browser.newPage();
    await reader.goto(`${s.url}/live/${SLUG}`);
    expect(await reader.locator('.lp-stream article', { hasText: 'Eyewitness' }).count()).toBe(0);

    const queued = editor.page.locator('#nr-panel-submitted article', { hasText: 'Eyewitness: roofs torn off' });
    await expect.poll(() => queued.count(), POLLED).toBe(1);
    await queued.getByRole('button', { name: 'Approve' }).click();

    const article = reader.locator('.lp-stream article', { hasText: 'Eyewitness: roofs torn off' });
    await expect.poll(() => article.count(), { timeout: 15_000 }).toBe(1);
    expect(await article.locator('strong').textContent()).toBe('lost their roofs');
    await expect.poll(() => card(editor.page, 'Eyewitness: roofs torn off').count(), { timeout: 15_000 }).toBe(1);
    // The contributor's desk follows: out of the queue, onto the page.
    await expect.poll(() => page.locator('#nr-panel-submitted article').count(), POLLED).toBe(0);
    await expect.poll(() => card(page, 'Eyewitness: roofs torn off').count(), POLLED).toBe(1);
    expect(contributor.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
  }, 90_000);
});
