/**
 * The newsroom in a real Chromium against the real server (issue 4, "How we will check
 * it"): a journalist signs in, opens the page by its title, writes a post with bold
 * text, presses Publish, and a reader's already-open page shows it without reload, bold
 * intact; the desk reloads with no script errors. Also: Ctrl+Enter publishes, the
 * composer's draft survives a reload, the API's errors show inline.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';
import { body, card, fillScheduled, journalist, openDesk, recordErrors, type Journalist, openOptions } from './newsroom-helpers.js';

const SLUG = 'harbour';
const TITLE = 'Storm coverage harbour';

describeBrowser('the newsroom desk in a real browser', () => {
  let s: TestServer;
  let desk: Journalist;
  let readers: BrowserContext;
  let reader: Page;
  const readerErrors: string[] = [];

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(SLUG) })).status).toBe(201);
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('other-story') })).status).toBe(201);
    readers = await launchBrowser();
    reader = readers.pages()[0] ?? (await readers.newPage());
    recordErrors(reader, readerErrors);
    await reader.goto(`${s.url}/live/${SLUG}`);
    desk = await journalist(s.url, 'editor@example.test');
  });
  afterAll(async () => {
    await desk?.close();
    await readers?.close();
    await s?.close();
  });

  it('publishes a post with bold text that an open reader page shows at once, bold intact', async () => {
    const { page } = desk;
    await openDesk(page, TITLE);
    await page.getByLabel('Title').fill('Harbour wall breached');
    await page.getByLabel('Body').click();
    await page.keyboard.type('Waves are ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('very high');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' at the harbour.');
    await page.getByRole('button', { name: 'Publish' }).click();

    const article = reader.locator('.lp-stream article', { hasText: 'Harbour wall breached' });
    await expect.poll(() => article.count(), { timeout: 15_000 }).toBe(1);
    expect(await article.locator('strong').textContent()).toBe('very high');
    expect(await article.locator('.lp-post__body').textContent()).toContain('Waves are very high at the harbour.');

    // The desk says so, lists the post and empties the composer for the next one.
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toContain('Published “Harbour wall breached”');
    await expect.poll(() => card(page, 'Harbour wall breached').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  }, 45_000);

  it('reloads with no script errors, the published post listed and an empty composer', async () => {
    const { page, errors } = desk;
    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    await expect.poll(() => card(page, 'Harbour wall breached').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByLabel('Title').inputValue()).toBe('');
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
  }, 45_000);

  it('Ctrl+Enter publishes from anywhere in the composer', async () => {
    const { page } = desk;
    await page.getByLabel('Title').fill('Ferry services suspended');
    await body(page).click();
    await page.keyboard.type('All crossings are cancelled until further notice.');
    await page.keyboard.press('Control+Enter');
    const article = reader.locator('.lp-stream article', { hasText: 'Ferry services suspended' });
    await expect.poll(() => article.count(), { timeout: 15_000 }).toBe(1);
    expect(await article.locator('.lp-post__body').textContent()).toContain('All crossings are cancelled until further notice.');
  }, 45_000);

  it('keeps the composer’s draft in the browser across a reload, until it is sent', async () => {
    const { page } = desk;
    await page.getByLabel('Title').fill('Draft that must survive');
    await body(page).click();
    await page.keyboard.type('Police say ');
    await page.keyboard.press('Control+I');
    await page.keyboard.type('nobody');
    await page.keyboard.press('Control+I');
    await page.keyboard.type(' was hurt.');
    await openOptions(page);
    await page.getByLabel('Contributor name').fill('Jo Reporter');
    await openOptions(page);
    await page.getByLabel('Contributor role').fill('Local correspondent');
    await openOptions(page);
    await page.getByRole('button', { name: 'Add contributor' }).click();
    await openOptions(page);
    await page.getByLabel('Label').selectOption('breaking');
    await expect.poll(() => page.locator('.nr-composer__note').first().textContent(), { timeout: 10_000 }).toContain('Saved in this browser');

    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Draft that must survive');
    expect(await page.locator('.nr-composer__note').first().textContent()).toContain('Your unsent post was restored');
    expect(await body(page).textContent()).toBe('Police say nobody was hurt.');
    expect(await body(page).locator('em').textContent()).toBe('nobody');
    await openOptions(page);
    expect(await page.getByLabel('Label').inputValue()).toBe('breaking');
    expect(await page.getByRole('button', { name: 'Remove Jo Reporter' }).count()).toBe(1);

    // The preview is the reader renderer's own HTML.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('article em').textContent(), { timeout: 10_000 }).toBe('nobody');
    expect(await preview.locator('article .lp-label').textContent()).toBe('Breaking');
    expect(await preview.locator('article').textContent()).toContain('Jo Reporter');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('#nr-panel-draft').locator('article', { hasText: 'Draft that must survive' }).count(), { timeout: 10_000 }).toBe(1);
    const drafts = await (await s.api(`/api/v1/pages/${SLUG}/posts?status=draft`, { as: 'editor' })).json();
    expect(drafts.posts[0]).toMatchObject({
      title: 'Draft that must survive',
      label: 'breaking',
      contributors: [{ name: 'Editor Person' }, { name: 'Jo Reporter', role: 'Local correspondent' }], // mine by default, and Jo
      body: [{ type: 'paragraph', text: 'Police say _nobody_ was hurt.' }],
    });
    // Sent: a reload starts empty, and readers never saw the draft.
    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('');
    expect(await reader.locator('.lp-stream article', { hasText: 'Draft that must survive' }).count()).toBe(0);
  }, 45_000);

  it('shows what is missing inline instead of sending, and the API’s own refusals next to the field', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.locator('#nr-new-title-error').textContent()).toBe('Give the post a title.');
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#nr-new-body-error').textContent()).toBe('Write something in the body.');

    await page.getByLabel('Title').fill('Scheduled in the past');
    await body(page).click();
    await page.keyboard.type('This should not go out.');
    await openOptions(page);
    await fillScheduled(page, new Date('2020-01-01T10:00:00Z'));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => page.locator('#nr-new-when-error').textContent()).toBe('Choose a time in the future.');
    expect(desk.errors).toEqual([]);

    // A page address already taken: the API says so (409), next to the field.
    await page.getByRole('link', { name: 'All pages' }).click();
    await page.getByLabel('Page title').fill('Another harbour page');
    await page.getByLabel('Address').fill(SLUG);
    await page.getByRole('button', { name: 'Create page' }).click();
    await expect.poll(() => page.locator('#nr-newpage-slug-error').textContent()).toMatch(/\S/);
    expect(await page.getByLabel('Address').getAttribute('aria-invalid')).toBe('true');
    // The browser logs the refused request itself; nothing else went wrong.
    expect(desk.errors.filter((e) => !/status of 409|HTTP 409/.test(e))).toEqual([]);
  }, 45_000);
});
