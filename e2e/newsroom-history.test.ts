/**
 * Corrections and continuity in a real Chromium (1280×900 and 390×844): a post edited
 * twice, its history read and an earlier version restored, a correction note that readers
 * and the feed see; coverage continued on a new page in one step, both pages checked as a
 * reader would; axe finds nothing on the views this adds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { axeViolations, card, createPage, journalist, LAPTOP, openDesk, PHONE, type Journalist } from './newsroom-helpers.js';

describeBrowser('history, corrections and continuing coverage on the desk', () => {
  let s: TestServer;
  let desk: Journalist;
  let postId: string;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, 'dam', { featuredMedia: { type: 'image', src: 'https://images.example.org/dam.jpg', alt: 'The dam at dawn' } });
    const post = await (await s.api('/api/v1/pages/dam/posts', { method: 'POST', as: 'editor', json: aPost('Dam level rising', { pinned: true }) })).json();
    postId = post.id;
    await s.api(`/api/v1/posts/${postId}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': '"1"' }, json: { title: 'Dam level rising fast' } });
    await s.api(`/api/v1/posts/${postId}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': '"2"' }, json: { title: 'Dam level falling' } });
    desk = await journalist(s.url, 'editor@example.test', LAPTOP);
    await openDesk(desk.page, 'Storm coverage dam');
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await s?.close();
  });

  it('reads a post’s history, restores an earlier version as a new one, and adds a correction readers see', async () => {
    const { page } = desk;
    const post = card(page, 'Dam level falling');
    await post.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History of “Dam level falling”' });
    await history.getByText('Changed title').first().waitFor();
    expect(await history.locator('li').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await history.getByRole('button', { name: 'Restore version 1' }).click();
    await card(page, 'Dam level rising').waitFor({ timeout: 5000 });
    const stored = await (await s.api(`/api/v1/posts/${postId}`, { as: 'editor' })).json();
    expect(stored).toMatchObject({ title: 'Dam level rising', version: 4 });

    await card(page, 'Dam level rising').getByRole('button', { name: 'Correction' }).click();
    await page.getByLabel('Correction note').fill('An earlier version said the level was falling.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add correction' }).click();
    await card(page, 'Dam level rising').getByText('An earlier version said the level was falling.').waitFor({ timeout: 5000 });
    const html = await (await fetch(`${s.url}/live/dam`)).text();
    expect(html).toContain('<strong>Correction:</strong> An earlier version said the level was falling.');
    const feed = await (await fetch(`${s.url}/live/dam/feed.json`)).json();
    const after = await (await s.api(`/api/v1/posts/${postId}`, { as: 'editor' })).json();
    expect(feed.items[0].date_modified).toBe(after.editedAt);
    expect(desk.errors).toEqual([]);
  }, 60_000);

  it('continues the coverage on a new page in one step, and both pages read right', async () => {
    const { page } = desk;
    await page.setViewportSize(PHONE);
    await page.locator('details.nr-panel', { hasText: 'Page settings' }).locator('summary').click();
    const form = page.getByRole('group', { name: 'Continue on a new page' });
    await form.getByLabel('Title of the new page').fill('Dam: day two');
    expect(await form.getByLabel('Address of the new page').inputValue()).toBe('dam-day-two');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Continue on a new page' }).click();
    await page.getByRole('button', { name: 'Yes, continue there' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dam: day two' }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/newsroom/pages/dam-day-two');

    const next = await (await fetch(`${s.url}/live/dam-day-two`)).text();
    expect(next).toContain('href="/live/dam"'); // the way back to the earlier coverage
    expect(next).toContain('Dam level rising'); // the pinned post came along
    expect(next).toContain('https://images.example.org/dam.jpg');
    const old = await (await fetch(`${s.url}/live/dam`)).text();
    expect(old).toContain('class="lp-continued__link" href="/live/dam-day-two"');
    // The old desk is read-only for new posts.
    await page.goto(`${s.url}/newsroom/pages/dam`);
    await page.getByRole('heading', { name: 'Coverage has ended' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
