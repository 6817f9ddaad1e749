/**
 * Every kind of embed issue 11 names, replayed through the API against local fakes shaped
 * like the real providers (test/embed-kinds.ts): published at once, resolved in the
 * background, then the card (provider, author, words, our thumbnail, the link) on the
 * reader page, in the JSON feed and the JSON-LD; "Show …" in that provider's words; its
 * sandboxed frame's CSP allowing that provider only, a video player on a privacy-enhanced host.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { META_TOKEN, startEmbedKinds, type EmbedKinds } from '../test/embed-kinds.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

type Card = Record<string, unknown> & { thumbnail?: { src: string }; frame?: string; player?: string };

describeEachStore('every kind of embed, through the API', (kind) => {
  let k: EmbedKinds;
  let s: TestServer;
  const cards = new Map<string, Card>();
  const slug = `kinds-${kind}`;
  let page = '';
  let feed = '';

  beforeAll(async () => {
    k = await startEmbedKinds();
    s = await startTestServer(kind, { config: { metaOembedToken: META_TOKEN }, media: { isAllowedAddress: (a) => a === '127.0.0.1' }, embeds: { registry: k.registry, timeoutMs: 2_000, worker: { baseDelayMs: 20, maxDelayMs: 50, pollMs: 100 } } });
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: { slug, title: 'Storm live' } })).status).toBe(201);
    const ids = new Map<string, string>();
    for (const c of k.cases) {
      const res = await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: { title: `From ${c.provider}`, body: [{ type: 'embed', url: c.url }] } });
      expect(res.status, c.provider).toBe(201);
      const post = (await res.json()) as { id: string; body: Array<{ card?: unknown }> };
      expect(post.body[0]!.card, `${c.provider}: publishing waits on nobody`).toBeUndefined();
      ids.set(c.provider, post.id);
    }
    for (const until = Date.now() + 30_000; cards.size < k.cases.length; ) {
      if (Date.now() > until) throw new Error(`not resolved: ${k.cases.filter((c) => !cards.has(c.provider)).map((c) => c.provider).join(', ')}`);
      for (const c of k.cases) {
        if (cards.has(c.provider)) continue;
        const post = (await (await s.api(`/api/v1/posts/${ids.get(c.provider)}`)).json()) as { body: Array<{ card?: Card }> };
        if (post.body[0]!.card) cards.set(c.provider, post.body[0]!.card);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    page = await (await fetch(`${s.url}/live/${slug}`)).text();
    feed = await (await fetch(`${s.url}/live/${slug}/feed.json`)).text();
  }, 90_000);
  afterAll(async () => {
    await s?.close();
    await k?.close();
  });

  /** The HTML of the card of `provider` on the reader page. */
  const cardHtml = (key: string, url: string) => {
    const at = page.indexOf(`href="${url.replace(/&/g, '&amp;')}"`);
    expect(at, `${key}: its link on the page`).toBeGreaterThan(0);
    const start = page.lastIndexOf('<div class="lp-embed-card lp-embed-card--', at);
    return page.slice(start, page.indexOf('</blockquote>', at) + 2000);
  };
  const escaped = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

  it('each card: provider, author, handle, words, date, our thumbnail, the link', () => {
    for (const c of k.cases) {
      const card = cards.get(c.provider)!;
      expect(card, c.provider).toMatchObject({ provider: c.provider, providerKey: c.key, url: c.url, ...(c.author ? { author: c.author } : {}), ...(c.handle ? { handle: c.handle } : {}) });
      expect([card.title, card.text].join('\n'), c.provider).toContain(c.text);
      if (c.publishedAt) expect(card.publishedAt, c.provider).toMatch(new RegExp(`^${c.publishedAt}`));
      if (c.thumbnail) expect(card.thumbnail?.src, c.provider).toMatch(/^\/media\/[0-9a-f]{16,64}\/\d+\.jpg$/);
      else expect(card.thumbnail, c.provider).toBeUndefined();
      const html = cardHtml(c.key, c.url);
      expect(html, c.provider).toContain(`<span class="lp-embed-card__provider">${escaped(c.provider)}</span>`);
      if (c.author) expect(html, c.provider).toContain(escaped(c.author));
      expect(html, c.provider).toContain(escaped(c.text));
      expect(html, c.provider).toContain(`View on ${escaped(c.provider)}`);
      if (c.thumbnail) expect(html, c.provider).toContain(card.thumbnail!.src);
      // Nothing on the page loads from the provider.
      expect(page, c.provider).not.toMatch(new RegExp(`(src|srcset|data-src)="${c.host.url}`));
    }
  });

  it('the JSON feed and the JSON-LD carry each card\'s words and link', () => {
    const ld = JSON.parse(/<script type="application\/ld\+json">([^]*?)<\/script>/.exec(page)![1]!.replace(/\\u003c/g, '<')) as { liveBlogUpdate: Array<{ articleBody: string }> };
    const bodies = ld.liveBlogUpdate.map((u) => u.articleBody).join('\n---\n');
    const items = (JSON.parse(feed) as { items: Array<{ content_text?: string; content_html?: string }> }).items.map((i) => `${i.content_text ?? ''}${i.content_html ?? ''}`).join('\n---\n');
    for (const c of k.cases) {
      for (const [where, text] of [['JSON-LD', bodies], ['feed', items]] as const) {
        expect(text, `${c.provider} in the ${where}`).toContain(c.text);
        expect(text, `${c.provider} in the ${where}`).toContain(c.url);
      }
    }
  });

  it('"Show …" in each provider\'s words; its frame\'s CSP allows that provider only; videos from privacy-enhanced players', async () => {
    const others = (c: (typeof k.cases)[number]) => k.cases.filter((o) => o !== c).map((o) => o.host.url);
    for (const c of k.cases) {
      const card = cards.get(c.provider)!;
      const html = cardHtml(c.key, c.url);
      if (!c.label) {
        // An article: a link card, nothing to show in a frame.
        expect(card.frame ?? card.player, c.provider).toBeUndefined();
        expect(html, c.provider).not.toContain('lp-embed-card__show');
        continue;
      }
      expect(html, c.provider).toContain(`>${c.label}</a>`);
      if (c.player) {
        expect(card.player, c.provider).toBe(c.player);
        expect(card.frame, c.provider).toBeUndefined();
        expect(html, c.provider).toContain(`data-embed-player="${c.player}"`);
        continue;
      }
      const res = await fetch(`${s.url}/embeds/${card.frame}`);
      expect(res.status, c.provider).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp, c.provider).toMatch(/^sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-presentation;/);
      const scripts = /script-src ([^;]*)/.exec(csp)![1]!.split(' ');
      expect(scripts, c.provider).toContain(c.frameSource ?? c.host.url);
      for (const o of others(c)) expect(csp, `${c.provider}'s frame allows ${o}`).not.toContain(o);
      expect(csp, c.provider).not.toContain("'self'");
      // The markup is that provider's, in the frame only (never on our page).
      expect(await res.text(), c.provider).toContain((c.frameSource ?? c.host.url).replace(/^https?:/, ''));
    }
    expect(page).not.toMatch(/twitter-tweet|bluesky-embed|instagram-media|tiktok-embed|reddit-embed|fb-post|text-post-media/);
  });
});
