/**
 * Resolving addresses into cards (issue 11) against real local HTTP servers acting as
 * providers: each kind of provider, and hostile ones (bad fields, malformed answers, huge,
 * slow, redirect chains, private targets).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { startFakeProviders, type FakeProviders } from '../test/embed-providers.js';
import { resolveEmbed, type ResolverOptions } from './embed-resolver.js';
import { defaultRegistry, findProvider } from './oembed-registry.js';

let p: FakeProviders;
let opts: ResolverOptions;
beforeAll(async () => {
  p = await startFakeProviders();
  opts = { isAllowedAddress: (a) => a === '127.0.0.1', registry: p.registry, timeoutMs: 1_000 };
});
afterAll(() => p?.close());

const refused = async (url: string, code: string, o: Partial<ResolverOptions> = {}) => {
  const err = await resolveEmbed(url, { ...opts, ...o }).catch((e: unknown) => e);
  expect(err, url).toBeInstanceOf(AppError);
  expect((err as AppError).code, `${url}: ${(err as Error).message}`).toBe(code);
  expect((err as AppError).status).toBe(422);
  return err as AppError;
};

describe('providers', () => {
  it('an X post: its text, author, handle and date as plain text; its markup kept for the sandbox only', async () => {
    const r = await resolveEmbed(`${p.x.url}/ministry/status/1`, opts);
    expect(r.card).toMatchObject({
      provider: 'X',
      providerKey: 'x',
      kind: 'post',
      url: `${p.x.url}/ministry/status/1`,
      author: 'Ministry <b>of Roads</b>', // text, escaped wherever it is shown
      handle: '@ministry',
      text: 'Roads closed near the bridge & station.\nAvoid the area.',
      publishedAt: '2026-12-05T00:00:00.000Z',
    });
    expect(r.markup).toContain('twitter-tweet');
    expect(r.frameOrigins).toContain(p.x.url); // its widget script, on its own host
    expect(r.frameOrigins).toContain('https://*.twimg.com');
    expect(r.frameOrigins.every((o) => !o.includes('evil'))).toBe(true);
    expect(p.x.hits.some((h) => h.startsWith('/oembed?') && h.includes('dnt=true'))).toBe(true);
  });

  it('a YouTube video plays from youtube-nocookie; no markup kept, its thumbnail named', async () => {
    const r = await resolveEmbed(`${p.youtube.url}/watch?v=abcdefghijk`, opts);
    expect(r.card).toMatchObject({ provider: 'YouTube', kind: 'video', title: 'Live: the bridge', author: 'News Channel', player: 'https://www.youtube-nocookie.com/embed/abcdefghijk', ratio: 1.778 });
    expect(r.markup).toBeUndefined();
    expect(r.thumbnailUrl).toBe(`${p.youtube.url}/thumb.jpg`);
  });

  it('a Mastodon post: found by its page\'s discovery link (any instance), text from the page', async () => {
    const r = await resolveEmbed(`${p.mastodon.url}/@alice/1`, opts);
    const host = new URL(p.mastodon.url).host;
    expect(r.card).toMatchObject({ provider: 'Mastodon', providerKey: 'mastodon', author: 'Alice', handle: `@alice@${host}`, text: 'Water is rising at the harbour.' });
    expect(r.markup).toContain('<iframe');
    expect(r.frameOrigins).toEqual([p.mastodon.url]);
  });

  it('any other page: a link card from its OpenGraph tags, nothing to frame', async () => {
    const r = await resolveEmbed(`${p.news.url}/story#top`, opts);
    expect(r.card).toMatchObject({ provider: 'The Daily', providerKey: 'link', kind: 'link', url: `${p.news.url}/story`, title: 'Bridge closed after storm', text: 'The council said the bridge would stay closed.', publishedAt: '2026-12-05T06:00:00.000Z' });
    expect(r.markup).toBeUndefined();
    expect(r.thumbnailUrl).toBe(`${p.news.url}/lead.jpg`);
  });

  it('a Telegram post: its text from the page, Telegram\'s own widget for the sandbox', async () => {
    const r = await resolveEmbed(`${p.telegram.url}/newsroom/42`, opts);
    expect(r.card).toMatchObject({ provider: 'Telegram', kind: 'post', text: 'Evacuation ordered for the east bank.' });
    expect(r.markup).toBe('<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="newsroom/42" data-width="100%"></script>');
    expect(r.frameOrigins).toContain('https://telegram.org');
  });

  it('Instagram needs Meta\'s app token: refused plainly without it, sent with it', async () => {
    const err = await refused(`${p.instagram.url}/p/abc`, 'meta_token_missing');
    expect(err.message).toContain('LIVEPAGE_META_OEMBED_TOKEN');
    expect(p.instagram.hits).toEqual([]); // not even asked
    const r = await resolveEmbed(`${p.instagram.url}/p/abc`, { ...opts, metaToken: 'app|token' });
    expect(r.card).toMatchObject({ provider: 'Instagram', text: 'At the scene' });
    expect(p.instagram.hits[0]).toContain('access_token=app%7Ctoken');
  });
});

describe('hostile input', () => {
  it('script and javascript: in fields: addresses dropped, HTML kept as text, markup only for the sandbox', async () => {
    const r = await resolveEmbed(`${p.hostile.url}/evil/post/1`, opts);
    expect(r.card.authorUrl).toBeUndefined();
    expect(r.thumbnailUrl).toBeUndefined();
    expect(r.card.title).toBe('<img src=x onerror=alert(1)>Title');
    expect(r.card.author).toBe('<script>alert("a")</script>Eve');
    expect(r.card.text).toBe('Hello click');
    expect(r.frameOrigins).toEqual([]); // nothing it may load: its inline script is blocked by the frame's CSP too
    expect(JSON.stringify(r.card)).not.toContain('javascript:');
  });

  it('malformed oEmbed answers are refused with embed_malformed', async () => {
    for (const name of ['malformed', 'array', 'notype']) await refused(`${p.hostile.url}/${name}/post/1`, 'embed_malformed');
  });

  it('a discovery link that is not http(s) is ignored: the page is a link card', async () => {
    const r = await resolveEmbed(`${p.hostile.url}/discover-js`, opts);
    expect(r.card).toMatchObject({ kind: 'link', title: 'Discovered' });
  });

  it('huge, slow, redirecting too often, failing: refused with a plain reason', async () => {
    expect((await refused(`${p.hostile.url}/huge`, 'embed_unusable')).message).toMatch(/larger than/);
    expect((await refused(`${p.hostile.url}/slow`, 'fetch_failed', { timeoutMs: 300 })).message).toMatch(/too long/);
    expect((await refused(`${p.hostile.url}/r1`, 'fetch_failed')).message).toMatch(/redirected too many times/);
    expect((await refused(`${p.hostile.url}/down/post/1`, 'fetch_failed')).message).toMatch(/503/);
    await refused(`${p.news.url}/empty`, 'embed_unusable');
  });

  it('private and loopback targets are refused unless allowed; only http(s)', async () => {
    await refused(`${p.news.url}/story`, 'private_address', { isAllowedAddress: () => false });
    for (const url of ['javascript:alert(1)', 'ftp://example.org/a', 'data:text/html,hi', 'not a url', 'http://user:pw@example.org/']) await refused(url, 'embed_unusable');
  });
});

describe('the packaged registry', () => {
  it('knows each network the newsroom quotes', () => {
    const name = (url: string) => findProvider(defaultRegistry(), url)?.name;
    expect(name('https://x.com/ministry/status/1')).toBe('Twitter');
    expect(name('https://twitter.com/ministry/status/1')).toBe('Twitter');
    expect(name('https://www.youtube.com/watch?v=abcdefghijk')).toBe('YouTube');
    expect(name('https://vimeo.com/123456')).toBe('Vimeo');
    expect(name('https://www.tiktok.com/@a/video/1')).toBe('TikTok');
    expect(name('https://bsky.app/profile/a.bsky.social/post/3k')).toBe('Bluesky Social');
    expect(name('https://www.instagram.com/p/abc/')).toBe('Instagram');
    expect(name('https://www.facebook.com/page/posts/1')).toBe('Facebook');
    expect(name('https://www.threads.net/@a/post/abc')).toBe('Threads');
    expect(name('https://open.spotify.com/episode/1')).toBe('Spotify');
    expect(name('https://soundcloud.com/a/b')).toBe('SoundCloud');
    expect(name('https://www.reddit.com/r/news/comments/1/title')).toBe('Reddit');
    expect(name('https://t.me/newsroom/42')).toBe('Telegram');
    expect(name('https://mastodon.social/@a/1')).toBeUndefined(); // found by discovery
  });
});
