/**
 * Bylines, the audit trail and our own pictures through edits, in a real Chromium:
 * a contributor edits their own byline (name, role line, a photo uploaded through the
 * media pipeline) and their next post carries it to the reader page with its photo; an
 * admin edits a colleague's byline and reads a page's audit trail; an image uploaded in
 * the desk keeps which picture it is and its colour (mediaId, color) through two edits,
 * and an edit's typed words go where the caret is even when the browser reports its move late.
 * axe-core finds nothing on each view.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../src/test/fixtures.js';
import { phoneJpeg } from '../src/test/images.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { axeViolations, body, card, createPage, journalist, LAPTOP, openDesk, PHONE, postByTitle, type Journalist } from './newsroom-helpers.js';

const SLUG = 'ferry';
const TITLE = 'Storm coverage ferry';

describeBrowser('bylines, the audit trail and pictures through edits', () => {
  let s: TestServer;
  let contributor: Journalist;
  let admin: Journalist;
  let photo: Buffer;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, SLUG);
    photo = await phoneJpeg(600, 600, 1);
    contributor = await journalist(s.url, 'contributor@example.test', PHONE);
    admin = await journalist(s.url, 'admin@example.test', LAPTOP);
  }, 120_000);
  afterAll(async () => {
    await contributor?.close();
    await admin?.close();
    await s?.close();
  });

  const published = (title: string) => postByTitle(s, SLUG, title);

  it('a contributor sets their own byline with a photo; their next post carries it to readers', async () => {
    const { page } = contributor;
    await page.getByRole('link', { name: 'My byline' }).click();
    await page.getByRole('heading', { level: 1, name: 'My byline' }).waitFor();
    const form = page.getByRole('form', { name: 'My byline' });
    await form.getByLabel('Name on posts').fill('Cara Person');
    await form.getByLabel('Role line').fill('Transport correspondent');
    await form.getByLabel('Choose a photo').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => form.locator('img').getAttribute('src'), { timeout: 30_000 }).toMatch(/^\/media\/[0-9a-f]{32}\/\d+\.jpg$/);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save byline' }).click();
    await page.getByRole('status').filter({ hasText: 'Your byline is saved.' }).waitFor();
    const me = (await (await s.api('/api/v1/me', { as: 'contributor' })).json()).user;
    expect(me.byline).toMatchObject({ name: 'Cara Person', role: 'Transport correspondent', photo: expect.stringMatching(/^\/media\/[0-9a-f]{32}\/320\.jpg$/), byDefault: true });

    // The desk starts the next post with that byline; an editor approves it; readers see the photo.
    await page.getByRole('link', { name: 'Pages', exact: true }).click();
    await openDesk(page, TITLE);
    await page.getByLabel('Title').first().fill('Ferries cancelled');
    await body(page).click();
    await page.keyboard.type('All crossings are cancelled until noon.');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.locator('.nr-composer__done', { hasText: 'sent to the editors for review' }).waitFor();
    const { posts } = await (await s.api(`/api/v1/pages/${SLUG}/posts?status=submitted`, { as: 'editor' })).json();
    expect(posts[0].contributors).toEqual([{ name: 'Cara Person', role: 'Transport correspondent', photo: me.byline.photo }]);
    await s.api(`/api/v1/posts/${posts[0].id}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': `"${posts[0].version}"` }, json: { status: 'published' } });
    const reader = await contributor.browser.newPage();
    await reader.goto(`${s.url}/live/${SLUG}`);
    const byline = reader.locator('article', { hasText: 'Ferries cancelled' }).locator('.lp-contributor__photo');
    expect(await byline.getAttribute('src')).toBe(me.byline.photo);
    await expect.poll(() => byline.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
    expect(await reader.locator('article', { hasText: 'Ferries cancelled' }).textContent()).toContain('Transport correspondent');
    await reader.close();
    expect(contributor.errors).toEqual([]);
  }, 120_000);

  it('an admin edits a colleague’s byline in People', async () => {
    const { page } = admin;
    await page.goto(`${s.url}/newsroom/people`);
    const person = page.locator('.nr-person', { hasText: 'editor@example.test' });
    await person.locator('summary', { hasText: 'Byline:' }).click();
    const form = person.getByRole('form', { name: 'Byline of Editor Person' });
    await form.getByLabel('Role line').fill('Night editor');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save byline' }).click();
    await page.getByRole('status').filter({ hasText: 'Editor Person’s byline is saved.' }).waitFor();
    const editor = (await (await s.api('/api/v1/me', { as: 'editor' })).json()).user;
    expect(editor.byline).toMatchObject({ name: 'Editor Person', role: 'Night editor', photo: null });
    expect(admin.errors).toEqual([]);
  }, 60_000);

  it('an admin reads the page’s audit trail: publishing, pinning, taking down, ending', async () => {
    const post = await (await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Harbour closed', { pinned: true }) })).json();
    expect((await s.api(`/api/v1/posts/${post.id}`, { method: 'DELETE', as: 'editor' })).status).toBe(200);
    const { page } = admin;
    await page.goto(`${s.url}/newsroom/pages/${SLUG}`);
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    const panel = page.locator('#nr-panel-audit');
    await panel.locator('summary').click();
    const items = panel.locator('.nr-audit__list li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const lines = await items.allTextContents();
    // Newest first: taking it down (which unpinned it) before pinning and publishing.
    expect(lines.slice(0, 2).some((l) => /Editor Person took down “Harbour closed”/.test(l))).toBe(true);
    expect(lines.slice(0, 2).some((l) => /Editor Person unpinned “Harbour closed”/.test(l))).toBe(true);
    expect(lines.some((l) => /Editor Person pinned “Harbour closed”/.test(l))).toBe(true);
    expect(lines.some((l) => /Editor Person published “Harbour closed”/.test(l))).toBe(true);
    expect(lines.some((l) => /Editor Person published “Ferries cancelled”/.test(l))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Editors do not see it: the API refuses them too.
    expect((await s.api(`/api/v1/pages/${SLUG}/audit`, { as: 'editor' })).status).toBe(403);
  }, 60_000);

  it('an image uploaded in the desk keeps its mediaId and colour through two edits', async () => {
    const { page } = admin;
    await page.goto(`${s.url}/newsroom/pages/${SLUG}`);
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    await page.getByLabel('Title').first().fill('Queue at the terminal');
    await body(page).click();
    await page.keyboard.type('Hundreds wait for news.');
    await page.getByRole('button', { name: 'Add image' }).first().click();
    await page.getByRole('group', { name: 'Add image' }).getByLabel('Choose a photo').setInputFiles({ name: 'queue.jpg', mimeType: 'image/jpeg', buffer: photo });
    const img = body(page).locator('figure[data-media="image"] img');
    await expect.poll(() => img.getAttribute('src'), { timeout: 30_000 }).toMatch(/^\/media\//);
    await page.getByRole('group', { name: 'Photo 1', exact: true }).getByLabel('Alt text (required)').fill('Passengers queueing');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await published('Queue at the terminal'))?.body?.[1], { timeout: 15_000 }).toMatchObject({
      type: 'image',
      mediaId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    const first = (await published('Queue at the terminal')).body[1];
    for (const words of ['The queue is moving.', 'Boarding has started.']) {
      await editPost(page, 'Queue at the terminal', words);
      await expect.poll(async () => (await published('Queue at the terminal'))?.body?.at(-1)?.text, { timeout: 15_000 }).toBe(words);
      expect((await published('Queue at the terminal')).body[1]).toEqual(first);
    }
  }, 120_000);

  it('an edit right after a save, with the audit trail open, keeps what is typed where it is typed', async () => {
    // Found as typed words going astray on the second of two quick edits (always with this
    // panel open, sometimes in full runs): Enter was pressed before the browser had told the
    // editor that Ctrl+End moved the caret, so the new paragraph went in where the caret had
    // been clicked. Holding the browser's own `selectionchange` back makes that order certain.
    const { page } = admin;
    await page.goto(`${s.url}/newsroom/pages/${SLUG}`);
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    await page.locator('#nr-panel-audit summary').click();
    await page.locator('#nr-panel-audit .nr-audit__list li').first().waitFor();
    const before = (await published('Queue at the terminal')).body;
    await editPost(page, 'Queue at the terminal', 'The gates are open.', { lateCaret: true });
    await expect.poll(async () => (await published('Queue at the terminal'))?.body?.at(-1)?.text, { timeout: 15_000 }).toBe('The gates are open.');
    expect((await published('Queue at the terminal')).body.slice(0, -1)).toEqual(before);
    expect(admin.errors).toEqual([]);
  }, 60_000);
});

/**
 * Edits a post in place on the desk: a paragraph added at the end of the body, then Save
 * changes. `lateCaret`: the browser's `selectionchange` for Ctrl+End arrives only after Enter
 * (as on a busy main thread, or with keys pressed in quick succession).
 */
async function editPost(page: Page, title: string, words: string, { lateCaret = false } = {}): Promise<void> {
  await card(page, title).getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('group', { name: `Editing “${title}”` });
  const editor = form.getByRole('textbox', { name: 'Body' });
  await editor.locator('p').first().click();
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
  if (lateCaret)
    await page.evaluate(() => {
      const hold = (e: Event) => e.isTrusted && e.stopImmediatePropagation();
      window.addEventListener('selectionchange', hold, true);
      (window as unknown as { releaseCaret: () => void }).releaseCaret = () => window.removeEventListener('selectionchange', hold, true);
    });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  if (lateCaret) await page.evaluate(() => (window as unknown as { releaseCaret: () => void }).releaseCaret());
  await page.keyboard.type(words);
  await expect.poll(() => editor.locator('p').last().textContent()).toBe(words);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached', timeout: 15_000 });
  // The desk shows the saved post (the next edit starts from it).
  await card(page, title).getByText(words).waitFor({ timeout: 15_000 });
}
