/**
 * Photos in the newsroom, in a real Chromium at phone size (390×844): a photo chosen from
 * the device uploads with a progress bar (the upload throttled, so the bar is seen
 * moving), shows at once from the device, is swapped for our own /media/ image, and
 * reaches readers without its EXIF/GPS; paste and drop; alt text required before sending;
 * a refused file says why beside the photo and the draft is kept; the page's media
 * library; the featured photo in page settings; axe-core on each view.
 */
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneJpeg, smallImage } from '../src/test/images.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { axeViolations, body, createPage, journalist, openDesk, PHONE, postByTitle, type Journalist } from './newsroom-helpers.js';

const SLUG = 'quake';
const TITLE = 'Storm coverage quake';
const OUR_IMAGE = /^\/media\/[0-9a-f]{32}\/\d+\.jpg$/;


/** Heights of the visible buttons and button-like labels in `scope` smaller than a 44 px touch target. */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${sel} button, ${sel} label.nr-button`)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.height < 44 || r.width < 44)) out.push(`${el.textContent?.trim()}: ${r.width}×${r.height}`);
    }
    return out;
  }, scope);
}

describeBrowser('photos in the newsroom, at phone size', () => {
  let s: TestServer;
  let desk: Journalist;
  let photo: Buffer;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, SLUG);
    photo = await phoneJpeg(1200, 900);
    desk = await journalist(s.url, 'editor@example.test', PHONE);
    await openDesk(desk.page, TITLE);
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await s?.close();
  });

  const stored = (title: string) => postByTitle(s, SLUG, title);
  const photoGroup = (page: Page, n: number) => page.getByRole('group', { name: `Photo ${n}`, exact: true });
  const editorImages = (page: Page) => body(page).locator('figure[data-media="image"] img');
  const startPost = async (page: Page, title: string, words: string) => {
    await page.getByLabel('Title').fill(title);
    await body(page).click();
    await page.keyboard.type(words);
  };

  it('chooses a photo: shown at once, a progress bar, alt/caption/credit, published as our image without EXIF or GPS', async () => {
    const { page } = desk;
    await startPost(page, 'Aftershock in the old town', 'A second tremor shook the old town.');
    // A slow uplink, as at the scene: the upload takes seconds, so its progress is seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: photo.length / 3 });
    await page.getByRole('button', { name: 'Add image' }).click();
    await page.getByRole('group', { name: 'Add image' }).getByLabel('Choose a photo').setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });

    expect(await editorImages(page).first().getAttribute('src')).toMatch(/^blob:/);
    const bar = photoGroup(page, 1).getByRole('progressbar', { name: 'Photo 1 upload' });
    await expect.poll(async () => Number(await bar.getAttribute('value').catch(() => '0')), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const seen = Number(await bar.getAttribute('value').catch(() => '100'));
    await expect.poll(() => editorImages(page).first().getAttribute('src'), { timeout: 30_000 }).toMatch(OUR_IMAGE);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(seen).toBeLessThan(100);

    const group = photoGroup(page, 1);
    await group.getByLabel('Alt text (required)').fill('Rubble in front of the town hall');
    await group.getByLabel('Caption').fill('The town hall after the aftershock');
    await group.getByLabel('Credit').fill('Ana Ruiz');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page, '.nr-photos')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await stored('Aftershock in the old town'))?.body, { timeout: 15_000 }).toEqual([
      { type: 'paragraph', text: 'A second tremor shook the old town.' },
      {
        type: 'image',
        src: expect.stringMatching(OUR_IMAGE),
        alt: 'Rubble in front of the town hall',
        caption: 'The town hall after the aftershock',
        credit: 'Ana Ruiz',
        // The phone's EXIF said "rotated": the record is upright, 900 wide.
        width: 900,
        height: 1200,
        // Which of our pictures it is, and its colour: readers get its srcset and placeholder.
        mediaId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      },
    ]);

    const reader = await desk.browser.newPage();
    await reader.goto(`${s.url}/live/${SLUG}`);
    const img = reader.locator('article', { hasText: 'Aftershock in the old town' }).locator('img').first();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
    const shown = new URL(await img.evaluate((el: HTMLImageElement) => el.currentSrc));
    expect(shown.pathname).toMatch(/^\/media\/[0-9a-f]{32}\//);
    const bytes = Buffer.from(await (await fetch(s.url + shown.pathname)).arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.includes('TestPhone')).toBe(false);
    await reader.close();
  }, 120_000);

  it('puts pasted and dropped photos in the post', async () => {
    const { page } = desk;
    await startPost(page, 'Rescue teams arrive', 'Teams from three regions are here.');
    const png = (await smallImage('png', 640, 480)).toString('base64');
    await page.evaluate((b64) => {
      const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'pasted.png', { type: 'image/png' });
      const data = new DataTransfer();
      data.items.add(file);
      document.querySelector('#nr-new-body .ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, png);
    await expect.poll(() => editorImages(page).count(), { timeout: 10_000 }).toBe(1);
    await page.evaluate((b64) => {
      const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'dropped.png', { type: 'image/png' });
      const data = new DataTransfer();
      data.items.add(file);
      const target = document.querySelector('#nr-new-body .ProseMirror')!;
      const r = target.getBoundingClientRect();
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: r.left + 10, clientY: r.bottom - 5, bubbles: true, cancelable: true }));
    }, png);
    await expect.poll(() => editorImages(page).count(), { timeout: 10_000 }).toBe(2);
    for (const i of [0, 1]) await expect.poll(() => editorImages(page).nth(i).getAttribute('src'), { timeout: 30_000 }).toMatch(OUR_IMAGE);
    await photoGroup(page, 1).getByLabel('Alt text (required)').fill('Rescue team unloading gear');
    await photoGroup(page, 2).getByLabel('Alt text (required)').fill('Search dog at work');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await stored('Rescue teams arrive'))?.body.filter((b: { type: string }) => b.type === 'image').map((b: { alt: string }) => b.alt), { timeout: 15_000 })
      .toHaveLength(2);
    const alts = (await stored('Rescue teams arrive')).body.filter((b: { type: string }) => b.type === 'image');
    for (const b of alts) expect(b.src).toMatch(OUR_IMAGE);
  }, 120_000);

  it('picks from the page’s media library; without alt text, publishing stops at the photo’s alt field', async () => {
    const { page } = desk;
    await startPost(page, 'Field hospital opens', 'A field hospital opened at the stadium.');
    await page.getByRole('button', { name: 'Add image' }).click();
    const form = page.getByRole('group', { name: 'Add image' });
    await form.getByRole('button', { name: 'Media library' }).click();
    const items = form.getByRole('list', { name: 'This page’s photos' }).getByRole('button');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    // Thumbnails are the 320-wide derivatives.
    expect(await items.first().locator('img').getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{32}\/320\.jpg$/);
    expect(await smallTargets(page, '.nr-library')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await items.first().click();
    await expect.poll(() => editorImages(page).first().getAttribute('src')).toMatch(OUR_IMAGE);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const alt = photoGroup(page, 1).getByLabel('Alt text (required)');
    await expect.poll(() => photoGroup(page, 1).textContent()).toContain('Photo 1 needs alt text: describe it for people who cannot see it.');
    await expect.poll(() => alt.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await alt.getAttribute('aria-invalid')).toBe('true');
    expect(await stored('Field hospital opens')).toBeUndefined();

    await alt.fill('Tents on the stadium pitch');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await stored('Field hospital opens'))?.body[1], { timeout: 15_000 }).toMatchObject({ type: 'image', src: expect.stringMatching(OUR_IMAGE), alt: 'Tents on the stadium pitch' });
  }, 120_000);

  it('a text file named .jpg: the reason beside the photo, nothing sent, and the draft kept without the photo', async () => {
    const { page } = desk;
    await startPost(page, 'Power cuts', 'Half the city is without power.');
    await page.getByRole('button', { name: 'Add image' }).click();
    await page
      .getByRole('group', { name: 'Add image' })
      .getByLabel('Choose a photo')
      .setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('meeting notes, not a photo\n'.repeat(200)) });
    const reason = 'Not uploaded: this file is not a photo we can use. Choose a JPEG, PNG, WebP, AVIF or GIF.';
    await expect.poll(() => photoGroup(page, 1).textContent(), { timeout: 15_000 }).toContain(reason);
    expect(await body(page).textContent()).toContain(reason);
    desk.errors.length = 0; // the 415 itself is expected

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => photoGroup(page, 1).textContent()).toContain('Photo 1 did not upload: try again or remove it.');
    expect(await stored('Power cuts')).toBeUndefined();

    // Autosave went on, without the broken photo: a reload brings the words back.
    const saved = () => page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('livepage:newsroom:draft:'))?.[1] ?? '');
    await expect.poll(saved, { timeout: 15_000 }).toContain('Half the city is without power.');
    expect(await saved()).not.toContain('blob:');
    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Title').inputValue()).toBe('Power cuts');
    expect(await body(page).textContent()).toContain('Half the city is without power.');
    expect(await editorImages(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await stored('Power cuts'))?.body, { timeout: 15_000 }).toEqual([{ type: 'paragraph', text: 'Half the city is without power.' }]);
  }, 120_000);

  it('uploads the page’s featured photo in page settings; readers see it', async () => {
    const { page } = desk;
    await page.getByText('Page settings').click();
    await page.getByLabel('Media type').selectOption('image');
    const settings = page.locator('.nr-settings');
    await settings.getByLabel('Choose a photo').setInputFiles({ name: 'IMG_0050.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(1600, 900, 1) });
    await expect.poll(() => settings.getByLabel('Media address').inputValue(), { timeout: 30_000 }).toMatch(OUR_IMAGE);
    await settings.getByLabel('Media alt text').fill('The cathedral tower, cracked');
    expect(await smallTargets(page, '.nr-featured-photo')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await settings.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(async () => (await (await s.api(`/api/v1/pages/${SLUG}`)).json()).featuredMedia, { timeout: 15_000 }).toMatchObject({
      type: 'image',
      src: expect.stringMatching(OUR_IMAGE),
      alt: 'The cathedral tower, cracked',
    });
    const reader = await desk.browser.newPage();
    await reader.goto(`${s.url}/live/${SLUG}`);
    expect(await reader.locator('img[alt="The cathedral tower, cracked"]').count()).toBe(1);
    await reader.close();
    expect(desk.errors).toEqual([]);
  }, 120_000);
});
