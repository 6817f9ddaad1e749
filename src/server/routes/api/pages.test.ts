import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('pages API', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.close());

  const pageCount = async () => (await s.test.store.db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('an editor creates a page with defaults; anyone reads it', async () => {
    const res = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
    expect(res.status).toBe(201);
    const page = await res.json();
    expect(page).toMatchObject({ slug: 'storm', timeZone: 'Europe/London', locale: 'en-GB', state: 'live', seq: 0, url: 'http://livepage.test/live/storm' });
    const read = await (await s.api('/api/v1/pages/storm')).json();
    expect(read.summary).toEqual(aPage('x').summary);
  });

  it.each([
    ['anonymous', undefined, 401, 'unauthenticated'],
    ['a contributor', 'contributor', 403, 'forbidden'],
  ] as const)('%s cannot create a page', async (_who, as, status, code) => {
    const res = await s.api('/api/v1/pages', { method: 'POST', ...(as ? { as } : {}), json: aPage('nope') });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it('a bad token is 401', async () => {
    const res = await s.api('/api/v1/pages', { method: 'POST', headers: { authorization: 'Bearer lp_forged' }, json: aPage('nope') });
    expect(res.status).toBe(401);
  });

  it.each([
    ['a duplicate slug', aPage('storm'), 409, 'slug_taken', 'slug'],
    ['a bad slug', aPage('Bad Slug!'), 400, 'invalid_input', 'slug'],
    ['a path-trick slug', aPage('../etc'), 400, 'invalid_input', 'slug'],
    ['an unknown time zone', aPage('tz', { timeZone: 'Mars/Olympus' }), 400, 'invalid_input', 'timeZone'],
    ['a bad locale', aPage('loc', { locale: 'not a locale!' }), 400, 'invalid_input', 'locale'],
    ['an unknown field', aPage('unk', { colour: 'red' }), 400, 'unknown_field', 'colour'],
    ['a missing title', { slug: 'notitle' }, 400, 'missing_field', 'title'],
    ['an oversize title', aPage('long', { title: 'x'.repeat(201) }), 400, 'invalid_input', 'title'],
    ['a javascript: link in the summary', aPage('js', { summary: ['[x](javascript:alert(1))'] }), 400, 'invalid_input', 'summary.0'],
    ['an image without alt', aPage('img', { featuredMedia: { type: 'image', src: 'https://x.example/a.jpg' } }), 400, 'invalid_input', 'featuredMedia.alt'],
    ['a data: media URL', aPage('data', { featuredMedia: { type: 'video', src: 'data:text/html,<script>' } }), 400, 'invalid_input', 'featuredMedia.src'],
    ['a wrong type', aPage('type', { summary: 'not a list' }), 400, 'invalid_input', 'summary'],
  ])('%s is refused and changes nothing', async (_name, body, status, code, field) => {
    const before = await pageCount();
    const res = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: body });
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatchObject({ code, field });
    expect(await pageCount()).toBe(before);
  });

  it('malformed JSON, wrong content types and huge bodies get clear 4xx errors', async () => {
    const post = (body: string, type = 'application/json') =>
      s.api('/api/v1/pages', { method: 'POST', as: 'editor', headers: { 'content-type': type }, body });
    const bad = await post('{"slug": "x", ');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_json');
    const proto = await post('{"slug":"proto","title":"t","__proto__":{"admin":true}}');
    expect(proto.status).toBe(400);
    const text = await post('slug=x', 'text/plain');
    expect(text.status).toBe(415);
    const huge = await post(JSON.stringify(aPage('huge', { description: 'x'.repeat(2_000_000) })));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
    const array = await post('[]');
    expect(array.status).toBe(400);
  });

  it('an editor changes the summary and each change is one event', async () => {
    const res = await s.api('/api/v1/pages/storm', { method: 'PATCH', as: 'editor', json: { summary: ['New point'], description: null } });
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page).toMatchObject({ summary: ['New point'], description: null, seq: 1 });
    const empty = await s.api('/api/v1/pages/storm', { method: 'PATCH', as: 'editor', json: {} });
    expect(empty.status).toBe(400);
  });

  it('continuing needs an existing target; then the page has ended and points to it', async () => {
    const missing = await s.api('/api/v1/pages/storm/continue', { method: 'POST', as: 'editor', json: { to: 'storm-2' } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'unknown_page', field: 'to' });
    expect((await (await s.api('/api/v1/pages/storm')).json()).state).toBe('live');

    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm-2') });
    const res = await s.api('/api/v1/pages/storm/continue', { method: 'POST', as: 'editor', json: { to: 'storm-2' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'ended', continuedTo: 'storm-2', seq: 2 });
    const storm = await s.test.store.db.selectFrom('pages').select('id').where('slug', '=', 'storm').executeTakeFirstOrThrow();
    const events = await s.test.store.db.selectFrom('events').selectAll().where('page_id', '=', storm.id).orderBy('seq').execute();
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, 'page.updated'], [2, 'page.continued']]);
    expect(await (await s.api('/api/v1/pages/storm-2')).json()).toMatchObject({ continuedFrom: 'storm', seq: 1 }); // the link back
    expect(JSON.parse(events[1]!.data)).toMatchObject({ to: 'storm-2', url: 'http://livepage.test/live/storm-2' });
  });

  it('ending twice is a conflict; unknown pages are 404', async () => {
    expect((await s.api('/api/v1/pages/storm-2/end', { method: 'POST', as: 'editor' })).status).toBe(200);
    const again = await s.api('/api/v1/pages/storm-2/end', { method: 'POST', as: 'editor' });
    expect(again.status).toBe(409);
    const missing = await s.api('/api/v1/pages/no-such-page');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('page_not_found');
  });
});
