/**
 * Composer polish found in use (issue 12, item 7), each reproduced in a real Chromium:
 * the link field opens where it can be seen (not under the sticky toolbar), the text does
 * not jump when the caret enters a quote, the summary editor keeps every line a key
 * point, the scheduled time is shown and taken in the page's time zone (24-hour where its
 * locale uses it), the toolbar is one Tab stop with arrow keys inside, and a list of the
 * keyboard shortcuts is at hand.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { body, createPage, journalist, LAPTOP, openDesk, openOptions, PHONE, type Journalist } from './newsroom-helpers.js';

/** True when the element's centre is on screen and is the element itself (nothing covers it). */
const visibleAndOnTop = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (r.height === 0 || y < 0 || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit === el || el.contains(hit);
  });

describeBrowser('composer polish', () => {
  let s: TestServer;
  let desk: Journalist;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, 'polish', { summary: [], timeZone: 'America/New_York', locale: 'en-GB' });
    await createPage(s, 'us-desk', { timeZone: 'America/Los_Angeles', locale: 'en-US' });
    desk = await journalist(s.url, 'editor@example.test', PHONE);
    await openDesk(desk.page, 'Storm coverage polish');
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await s?.close();
  });

  it('opens the link field in view, below the sticky toolbar, deep in a long post', async () => {
    const { page } = desk;
    await body(page).click();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.type(`Paragraph ${i} of a long post.`);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('Read the statement');
    await page.keyboard.press('Shift+Home');
    // The toolbar has stuck to the top of the screen by now.
    expect(await page.locator('.nr-toolbar').first().evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBe(0);
    await page.keyboard.press('Control+K');
    const field = page.getByLabel('Link address');
    await field.waitFor();
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await visibleAndOnTop(page, '#nr-new-link')).toBe(true);
    await field.fill('https://example.org/statement');
    await page.keyboard.press('Enter');
    expect(await body(page).locator('a[href="https://example.org/statement"]').textContent()).toBe('Read the statement');
    await page.getByRole('button', { name: 'Undo' }).first().click();
  }, 60_000);

  it('does not move the text when the caret enters a quote; the source is typed at the quote', async () => {
    const { page } = desk;
    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    await body(page).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('Before the quote.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Quote' }).first().click();
    await page.keyboard.type('We are ready.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // out of the quote
    await page.keyboard.type('After the quote.');
    const top = () => body(page).locator('blockquote p').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const before = await top();
    await body(page).locator('blockquote p').first().click();
    const after = await top();
    expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
    const source = page.getByLabel('Quote source').first();
    await source.fill('The mayor');
    await page.getByLabel('Title').first().fill('Mayor speaks');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.nr-composer__done', { hasText: 'Mayor speaks' }).waitFor();
    const { posts } = await (await s.api('/api/v1/pages/polish/posts?status=draft', { as: 'editor' })).json();
    expect(posts[0].body).toEqual([
      { type: 'paragraph', text: 'Before the quote.' },
      { type: 'quote', text: 'We are ready.', cite: 'The mayor' },
      { type: 'paragraph', text: 'After the quote.' },
    ]);
  }, 60_000);

  it('keeps every line typed in an empty summary a key point', async () => {
    const { page } = desk;
    await page.getByText('Page settings').click();
    const points = page.getByRole('textbox', { name: 'Summary key points' });
    await points.waitFor();
    // Empty: no lone bullet, a prompt instead.
    expect(await points.locator('li').count()).toBe(1);
    expect(await points.evaluate((el) => getComputedStyle(el.querySelector('li p')!, '::before').content)).toContain('key point');
    // Clicked anywhere in the box, the words go in the list, line by line; a blank line stays in it.
    await page.locator('.nr-editor__frame--summary').click({ position: { x: 200, y: 100 } });
    await page.keyboard.type('Bridge closed');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Schools shut');
    expect(await points.locator(':scope > *').evaluateAll((els) => els.map((e) => e.tagName))).toEqual(['UL']);
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(async () => (await (await s.api('/api/v1/pages/polish')).json()).summary, { timeout: 10_000 }).toEqual(['Bridge closed', 'Schools shut']);
    await page.getByText('Page settings').click();
  });

  it('shows and takes the scheduled time in the page’s time zone, 24-hour where its locale uses it', async () => {
    const { page } = desk;
    await page.reload();
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    await openOptions(page);
    const group = page.getByRole('group', { name: 'Scheduled time' });
    expect(await group.textContent()).toContain('New York');
    const next = new Date(Date.now() + 2 * 86_400_000);
    const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(next);
    await group.getByLabel('Date').fill(ymd);
    await group.getByLabel('Time').fill('14:30');
    await group.getByLabel('Time').blur();
    // Said back in the page's own words: 24-hour (en-GB) and the zone.
    expect(await group.textContent()).toMatch(/14:30 .*(Eastern|GMT-0?[45])/);
    await page.getByLabel('Title').first().fill('Briefing at half past two');
    await body(page).click();
    await page.keyboard.type('The council will brief.');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.locator('.nr-composer__done', { hasText: 'Briefing at half past two' }).waitFor();
    const { posts } = await (await s.api('/api/v1/pages/polish/posts?status=scheduled', { as: 'editor' })).json();
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(posts[0].scheduledFor));
    expect(wall).toBe(`${ymd.slice(8, 10)}/${ymd.slice(5, 7)}/${ymd.slice(0, 4)}, 14:30`);
    // A US page: 12-hour, as its readers read times.
    await page.goto(`${s.url}/newsroom/pages/us-desk`);
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor();
    await openOptions(page);
    const us = page.getByRole('group', { name: 'Scheduled time' });
    expect(await us.textContent()).toContain('Los Angeles');
    expect(await us.getByLabel('Time').getAttribute('placeholder')).toMatch(/PM/i);
    await us.getByLabel('Date').fill(ymd);
    await us.getByLabel('Time').fill('2:30 pm');
    await us.getByLabel('Time').blur();
    expect(await us.textContent()).toMatch(/2:30\sPM/);
  });

  it('the toolbar is one Tab stop with arrow keys inside; the shortcuts are listed', async () => {
    const { page } = desk;
    await page.setViewportSize(LAPTOP);
    await page.getByLabel('Title').first().focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);
    expect(await focused()).toBe('Bold');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Italic');
    await page.keyboard.press('End');
    expect(await focused()).toMatch(/Add embed|Redo|Undo/);
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Bold');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).not.toBe('Bold');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('textbox');
    await page.getByText('Keyboard shortcuts').first().click();
    const list = page.locator('.nr-shortcuts dl').first();
    expect(await list.textContent()).toContain('Ctrl/⌘ + Enter');
    await expect.poll(() => list.isVisible()).toBe(true); // the details opens as the click lands
  });
});
