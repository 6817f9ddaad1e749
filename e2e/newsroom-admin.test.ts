/**
 * The rest of the newsroom in a real Chromium: accessibility (axe-core) and a phone-sized
 * desk, people and API tokens (admins), the page's settings, pinning, taking down and
 * scheduling, each checked where it matters: the API or a reader's open page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { postLogin } from '../src/test/sign-in.js';
import { describeBrowser } from './browser.js';
import { axeViolations, body, card, createPage, fillScheduled, journalist, LAPTOP, openDesk, openOptions, type Journalist } from './newsroom-helpers.js';

const SLUG = 'floods';
const TITLE = 'Storm coverage floods';


describeBrowser('the newsroom for admins, and the page around the posts', () => {
  let s: TestServer;
  let admin: Journalist;
  let reader: Page;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, SLUG);
    expect((await s.api(`/api/v1/pages/${SLUG}/posts`, { method: 'POST', as: 'editor', json: aPost('Rivers rising') })).status).toBe(201);
    await createPage(s, 'shelters', { title: 'Shelters and rest centres' });
    admin = await journalist(s.url, 'admin@example.test');
    reader = await admin.browser.newPage();
    await reader.goto(`${s.url}/live/${SLUG}`);
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await s?.close();
  });

  it('the sign-in form and the desk have no accessibility violations, and the desk fits a phone', async () => {
    const anonymous = await admin.browser.newPage();
    await anonymous.context().clearCookies();
    await anonymous.goto(`${s.url}/newsroom`);
    expect(await axeViolations(anonymous)).toEqual([]);
    await anonymous.close();
    // clearCookies signed the admin out: sign in again.
    const { page } = admin;
    await page.goto(`${s.url}/newsroom`);
    await page.getByLabel('Email').fill('admin@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await openDesk(page, TITLE);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(LAPTOP);
  }, 60_000);

  it('pins a post and takes one down; the reader page follows', async () => {
    const { page } = admin;
    await card(page, 'Rivers rising').getByRole('button', { name: 'Pin' }).click();
    await expect.poll(() => reader.locator('.lp-pinned').textContent(), { timeout: 15_000 }).toContain('Rivers rising');
    await expect.poll(() => card(page, 'Rivers rising').getByRole('button', { name: 'Unpin' }).count(), { timeout: 15_000 }).toBe(1);

    await card(page, 'Rivers rising').getByRole('button', { name: 'Take down' }).click();
    await page.getByRole('button', { name: 'Yes, take it down' }).click();
    await expect.poll(() => reader.locator('article', { hasText: 'Rivers rising' }).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => card(page, 'Rivers rising').count(), { timeout: 15_000 }).toBe(0);
  }, 60_000);

  it('schedules a post for later, out of readers’ sight; Go live now publishes it early', async () => {
    const { page } = admin;
    await page.getByLabel('Title').fill('Evening update');
    await body(page).click();
    await page.keyboard.type('The next high tide is at 19:40.');
    const at = new Date(Date.now() + 65_000);
    await openOptions(page);
    await fillScheduled(page, at);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => page.locator('#nr-panel-scheduled').textContent(), { timeout: 15_000 }).toContain('Evening update');
    expect(await reader.locator('article', { hasText: 'Evening update' }).count()).toBe(0);
    // Rather than wait for the minute: publish it now from the Scheduled panel.
    await page.locator('#nr-panel-scheduled article', { hasText: 'Evening update' }).getByRole('button', { name: 'Go live now' }).click();
    await expect.poll(() => reader.locator('article', { hasText: 'Evening update' }).count(), { timeout: 15_000 }).toBe(1);
  }, 60_000);

  it('edits the summary, title and featured image; readers see them', async () => {
    const { page } = admin;
    await page.getByText('Page settings').click();
    const points = page.getByRole('textbox', { name: 'Summary key points' });
    // A new first key point, before the others.
    await points.locator('li').first().click();
    await page.keyboard.press('Home');
    await page.keyboard.type('Evacuation centres are ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('open');
    await page.keyboard.press('Control+B');
    await page.keyboard.press('Enter');
    await page.getByLabel('Page title').fill('Floods: live');
    await page.getByLabel('Media type').selectOption('image');
    await page.getByLabel('Media address').fill('/assets/demo/harbour-storm.svg');
    await page.getByLabel('Media alt text').fill('Water over the harbour wall');
    // Open forms are labelled too: the page settings and a post's in-place editor.
    await card(page, 'Evening update').getByRole('button', { name: 'Edit' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Editing “Evening update”' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(async () => (await (await s.api(`/api/v1/pages/${SLUG}`)).json()).summary, { timeout: 15_000 }).toEqual([
      'Evacuation centres are **open**',
      'Winds of **90mph** recorded',
      'Read the [Met advice](https://weather.example.org/advice)',
    ]);
    await expect.poll(() => reader.locator('#lp-slot-summary').textContent(), { timeout: 15_000 }).toContain('Evacuation centres are open');
    expect(await reader.locator('#lp-slot-summary strong', { hasText: 'open' }).count()).toBe(1);
    const page2 = await (await s.api(`/api/v1/pages/${SLUG}`)).json();
    expect(page2).toMatchObject({ title: 'Floods: live', featuredMedia: { type: 'image', src: '/assets/demo/harbour-storm.svg', alt: 'Water over the harbour wall' } });
  }, 60_000);

  it('page settings send only what was edited, and show a colleague’s change instead of overwriting it', async () => {
    const { page } = admin;
    const patches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().endsWith(`/api/v1/pages/${SLUG}`)) patches.push(r.postData() ?? '');
    });
    const stored = async () => (await s.api(`/api/v1/pages/${SLUG}`)).json();
    // A colleague changes the title and the description while the panel is open.
    expect((await s.api(`/api/v1/pages/${SLUG}`, { method: 'PATCH', as: 'editor', json: { title: 'Floods: latest', description: 'From the colleague' } })).status).toBe(200);
    await page.getByLabel('Page title').fill('Floods: live updates');
    await page.getByRole('button', { name: 'Save page' }).click();
    const alert = page.locator('.nr-settings').getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('A colleague changed this page since you opened its settings');
    expect(await alert.textContent()).toContain('Floods: latest');
    expect(patches).toEqual([]);
    expect(await stored()).toMatchObject({ title: 'Floods: latest', description: 'From the colleague' });

    await alert.getByRole('button', { name: 'Use theirs' }).click();
    expect(await page.getByLabel('Page title').inputValue()).toBe('Floods: latest');
    expect(await page.locator('#nr-page-description').inputValue()).toBe('From the colleague');
    await page.getByLabel('Media caption').fill('High water at the harbour');
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(async () => (await stored()).featuredMedia?.caption, { timeout: 15_000 }).toBe('High water at the harbour');
    // The browser reports its requests asynchronously: wait for the record, then read it.
    await expect.poll(() => patches.length, { timeout: 10_000 }).toBe(1);
    expect(patches.map((p) => Object.keys(JSON.parse(p)))).toEqual([['featuredMedia']]);
    expect(await stored()).toMatchObject({ title: 'Floods: latest', description: 'From the colleague' });
  }, 60_000);

  it('asks before continuing the coverage on another page', async () => {
    const { page } = admin;
    await page.getByLabel('Continue on page').selectOption('shelters');
    await page.getByRole('button', { name: 'Continue coverage there' }).click();
    const ask = page.getByRole('group', { name: 'End coverage here and send readers to “Shelters and rest centres”? This cannot be undone.' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect((await (await s.api(`/api/v1/pages/${SLUG}`)).json()).state).toBe('live');
  }, 60_000);

  it('adds a person with a generated password, changes their role and deactivates them', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Night Desk');
    await page.getByLabel('Email', { exact: true }).fill('night@example.test');
    await page.getByLabel('Role', { exact: true }).selectOption('contributor');
    await page.getByRole('button', { name: 'Add person' }).click();
    const secret = page.getByRole('textbox', { name: 'Generated password for night@example.test' });
    await secret.waitFor({ timeout: 15_000 });
    const password = await secret.inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    const login = () => postLogin(s.url, 'night@example.test', password); // the form's way: with its login CSRF token
    expect((await login()).status).toBe(303);

    // Choosing a role saves nothing (one arrow key on the select must not promote anyone);
    // the Change role button does.
    const user = async () => ((await (await s.api('/api/v1/users', { as: 'admin' })).json()).users as { email: string; role: string; active: boolean }[]).find((u) => u.email === 'night@example.test')!;
    const changeRole = page.getByRole('button', { name: 'Change role for Night Desk' });
    expect(await changeRole.isDisabled()).toBe(true);
    await page.getByLabel('Role for Night Desk', { exact: true }).selectOption('editor');
    await page.getByLabel('Role for Night Desk', { exact: true }).press('ArrowDown');
    expect((await user()).role).toBe('contributor');
    await page.getByLabel('Role for Night Desk', { exact: true }).selectOption('editor');
    await changeRole.click();
    await expect.poll(async () => (await user()).role, { timeout: 15_000 }).toBe('editor');
    // Deactivating asks first.
    await page.getByRole('button', { name: 'Deactivate Night Desk' }).click();
    expect((await user()).active).toBe(true);
    await page.getByRole('button', { name: 'Yes, deactivate Night Desk' }).click();
    await expect.poll(async () => (await user()).active, { timeout: 15_000 }).toBe(false);
    expect((await login()).status).toBe(401);
    await page.getByRole('button', { name: 'Reactivate Night Desk' }).waitFor();
  }, 60_000);

  it('creates an API token, shown once, that works until it is revoked', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Token name').fill('wire importer');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('textbox', { name: 'New API token' });
    await shown.waitFor({ timeout: 15_000 });
    const token = await shown.inputValue();
    const me = () => fetch(`${s.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    await page.getByRole('button', { name: 'Revoke wire importer' }).click();
    await expect.poll(async () => (await me()).status, { timeout: 15_000 }).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'New API token' }).count()).toBe(0);
    expect(admin.errors).toEqual([]);
  }, 60_000);
});
