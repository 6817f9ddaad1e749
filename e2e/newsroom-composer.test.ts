/**
 * The composer in a real Chromium, where a slip costs a journalist their work: media
 * inserted one after another (none replaced by the next), a contributor typed but not
 * added, a scheduled time filled in (Schedule first, Publish asks), pinning (what it
 * replaces; not for later posts), one "Key event" control, a preview that follows the
 * edits, and one Idempotency-Key per composed post, kept across a lost answer and a reload.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { body, card, createPage, fillScheduled, journalist, openDesk, openOptions, postByTitle, type Journalist } from './newsroom-helpers.js';

const SLUG = 'estuary';
const TITLE = 'Storm coverage estuary';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describeBrowser('the newsroom composer in a real browser', () => {
  let s: TestServer;
  let desk: Journalist;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, SLUG);
    expect((await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Sea wall holds', { pinned: true }) })).status).toBe(201);
    expect((await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Ferries resume') })).status).toBe(201);
    desk = await journalist(s.url, 'editor@example.test');
    await openDesk(desk.page, TITLE);
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await s?.close();
  });

  const stored = async (title: string) => {
    for (const status of ['published', 'scheduled', 'draft']) {
      const found = await postByTitle(s, SLUG, title, status);
      if (found) return found;
    }
    return undefined;
  };
  const whenIn = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  async function insertImage(page: Page, src: string, alt: string, credit: string) {
    await page.getByRole('button', { name: 'Add image' }).first().click();
    const form = page.getByRole('group', { name: 'Add image' });
    await form.getByLabel('Image address').fill(src);
    await form.getByLabel('Alt text').fill(alt);
    await form.getByLabel('Credit').fill(credit);
    await form.getByRole('button', { name: 'Insert image' }).click();
    await form.waitFor({ state: 'detached' });
    // The editor takes the focus back on the next frame (Tiptap's focus); a journalist's next
    // key comes later than that, a script's may not (it lost words once in a loaded full run).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ProseMirror') !== null)).toBe(true);
  }

  it('keeps every image inserted one after another, and the words typed between them', async () => {
    const { page } = desk;
    await page.getByLabel('Title').fill('Photos from the estuary');
    await body(page).click();
    await insertImage(page, 'https://images.example.org/one.jpg', 'Flooded quay', 'EPA');
    await page.keyboard.type('Water reached the quay at noon.');
    await insertImage(page, 'https://images.example.org/two.jpg', 'Sandbags at the door', 'Reuters');
    await page.keyboard.type('Residents stacked sandbags.');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(async () => (await stored('Photos from the estuary'))?.body, { timeout: 15_000 }).toEqual([
      { type: 'image', src: 'https://images.example.org/one.jpg', alt: 'Flooded quay', credit: 'EPA' },
      { type: 'paragraph', text: 'Water reached the quay at noon.' },
      { type: 'image', src: 'https://images.example.org/two.jpg', alt: 'Sandbags at the door', credit: 'Reuters' },
      { type: 'paragraph', text: 'Residents stacked sandbags.' },
    ]);
  }, 60_000);

  it('publishes a contributor typed in the boxes even without pressing Add contributor', async () => {
    const { page } = desk;
    await page.getByLabel('Title').fill('Coastguard statement');
    await body(page).click();
    await page.keyboard.type('The search continues overnight.');
    await openOptions(page);
    await page.getByLabel('Contributor name').fill('Sam Field');
    await openOptions(page);
    await page.getByLabel('Contributor role').fill('Estuary reporter');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await stored('Coastguard statement'))?.contributors, { timeout: 15_000 }).toEqual([{ name: 'Editor Person' }, { name: 'Sam Field', role: 'Estuary reporter' }]); // my byline by default, and the typed one
  }, 60_000);

  it('with a time filled in, Schedule is the primary action, the Pin box is off, and Publish asks first', async () => {
    const { page } = desk;
    const pin = page.getByLabel('Pin to the top of the page');
    await page.getByLabel('Title').fill('Evening high tide');
    await body(page).click();
    await page.keyboard.type('The next high tide is at 19:40.');
    await openOptions(page);
    // The page's pinned post is named beside the box (made when the fold first opens): pinning replaces it.
    expect(await page.locator('#nr-new-pin-hint').textContent()).toContain('It replaces the pinned post “Sea wall holds”');
    await pin.check();
    await openOptions(page);
    await fillScheduled(page, whenIn(90));
    expect(await pin.isDisabled()).toBe(true);
    expect(await pin.isChecked()).toBe(false);
    expect(await page.locator('#nr-new-pin-hint').textContent()).toContain('A scheduled post cannot be pinned');
    expect(await page.getByRole('button', { name: 'Schedule' }).getAttribute('class')).toContain('nr-button--primary');
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).getAttribute('class')).not.toContain('nr-button--primary');

    // Ctrl+Enter schedules; nothing goes live.
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await stored('Evening high tide'))?.status, { timeout: 15_000 }).toBe('scheduled');
    expect((await stored('Evening high tide')).pinned).toBe(false);

    // Publish with a time filled in asks; keeping the time sends nothing.
    await page.getByLabel('Title').fill('Morning low tide');
    await body(page).click();
    await page.keyboard.type('Low tide at 07:10.');
    await openOptions(page);
    await fillScheduled(page, whenIn(600));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const ask = page.getByRole('group', { name: 'Go live now?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Keep the time' }).click();
    expect(await stored('Morning low tide')).toBeUndefined();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, go live now' }).click();
    await expect.poll(async () => (await stored('Morning low tide'))?.status, { timeout: 15_000 }).toBe('published');
  }, 60_000);

  it('pinning another post says which one it replaces, and asks', async () => {
    const { page } = desk;
    const ferries = card(page, 'Ferries resume');
    await ferries.getByRole('button', { name: 'Pin', exact: true }).click();
    const ask = ferries.getByRole('group', { name: 'Pin this instead of “Sea wall holds”? A page has one pinned post.' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Yes, pin this one' }).click();
    await expect.poll(async () => (await (await s.api(`/api/v1/pages/${SLUG}`)).json()).pinnedPostId, { timeout: 15_000 }).toBe((await stored('Ferries resume')).id);
  }, 60_000);

  it('has one Key event control, and an open preview follows the edits', async () => {
    const { page } = desk;
    await openOptions(page);
    const labels = await page.getByLabel('Label').first().locator('option').allTextContents();
    expect(labels).toEqual(['No label', 'Breaking', 'Analysis', 'Explainer', 'Correction']);
    await page.getByLabel('Title').fill('Bridge reopens');
    await body(page).click();
    await page.keyboard.type('Traffic is moving again.');
    await openOptions(page);
    await page.getByLabel('Key event').check();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('article').textContent(), { timeout: 10_000 }).toContain('Traffic is moving again.');
    expect(await preview.locator('article .lp-label').textContent()).toBe('Key event');
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Both lanes are open.');
    await expect.poll(() => preview.locator('article').textContent(), { timeout: 10_000 }).toContain('Both lanes are open.');
    expect(await preview.textContent()).not.toContain('out of date');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await stored('Bridge reopens'))?.keyEvent, { timeout: 15_000 }).toBe(true);
  }, 60_000);

  it('sends one Idempotency-Key per composed post: the same after a lost answer and a reload, a new one for the next post', async () => {
    const { page } = desk;
    const sent: string[] = [];
    const onRequest = (r: Request) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/v1/pages/${SLUG}/posts`)) sent.push(r.headers()['idempotency-key'] ?? '');
    };
    page.on('request', onRequest);
    await page.getByLabel('Title').fill('Road closures');
    await body(page).click();
    await page.keyboard.type('The coast road is shut.');
    // The server takes the post, but its answer never reaches the browser.
    await page.route(`**/api/v1/pages/${SLUG}/posts`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('.nr-composer').first().getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Could not reach the server');
    await page.unroute(`**/api/v1/pages/${SLUG}/posts`);

    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Road closures');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByLabel('Title').inputValue(), { timeout: 15_000 }).toBe('');

    await page.getByLabel('Title').fill('Schools closed');
    await body(page).click();
    await page.keyboard.type('All schools on the coast are closed.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => sent.length, { timeout: 15_000 }).toBe(3);
    page.off('request', onRequest);
    expect(sent[0]).toMatch(UUID);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).toMatch(UUID);
    expect(sent[2]).not.toBe(sent[0]);
  }, 60_000);
});
