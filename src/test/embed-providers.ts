/**
 * Local HTTP servers acting as social networks and news sites for embed tests (issue 11),
 * each on its own port, and the provider registry that points at them (the registry
 * override the app takes). The hostile one answers what a compromised provider might.
 */
import type { RegistryProvider } from '../net/oembed-registry.js';
import { startImageHost, type HostAnswer, type ImageHost } from './image-host.js';
import { smallImage } from './images.js';

export interface FakeProviders {
  x: ImageHost;
  youtube: ImageHost;
  mastodon: ImageHost;
  news: ImageHost;
  telegram: ImageHost;
  instagram: ImageHost;
  hostile: ImageHost;
  registry: RegistryProvider[];
  /** Every request any of them got, as "host path". */
  hits(): string[];
  close(): Promise<void>;
}

const json = (body: unknown): HostAnswer => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const html = (body: string): HostAnswer => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body });

/** The X post's markup as publish.twitter.com writes it, with a script that tries to escape its sandbox. */
export const X_MARKUP = (base: string) =>
  `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Roads closed <b>near</b> the bridge &amp; station.<br>Avoid the area.</p>&mdash; Ministry (@ministry) <a href="${base}/ministry/status/1">December 5, 2026</a></blockquote>` +
  `<script async src="${base}/widgets.js"></script>`;

/** What the X widget script does once loaded: draws the post and tries everything a hostile one would. */
const WIDGET = `
document.body.insertAdjacentHTML('beforeend', '<div id="rendered" style="height:420px">Rendered post</div>');
var escapes = {};
try { escapes.parentDom = !!parent.document.body; parent.document.body.setAttribute('data-pwned', '1'); } catch (e) { escapes.parentDom = false; }
try { escapes.cookie = document.cookie; } catch (e) { escapes.cookie = 'blocked'; }
try { escapes.storage = !!localStorage.length || true; } catch (e) { escapes.storage = false; }
try { top.location.href = 'about:blank#pwned'; escapes.navigatedTop = true; } catch (e) { escapes.navigatedTop = false; }
var own = new URL(document.currentScript.src).origin;
// A form posted to the provider (no allow-forms, form-action 'none'): the host must never see /form-hit.
try { var f = document.createElement('form'); f.method = 'post'; f.action = own + '/form-hit'; document.body.append(f); f.submit(); escapes.formSubmitted = 'tried'; } catch (e) { escapes.formSubmitted = false; }
// A popup may open (a link to the provider's site in a new tab), but from there our page is out of reach.
try { escapes.popup = !!window.open(own + '/popup', '_blank'); } catch (e) { escapes.popup = false; }
parent.postMessage({ livepageEmbed: 'escapes', escapes: escapes, origin: String(self.origin) }, '*');
`;

/** The page a sandboxed post opens in a new tab: it tries to reach the reader's page through its opener. */
const POPUP = `<!doctype html><title>popup</title><script>
var r = {};
try { r.openerDom = !!opener.top.document.body; opener.top.document.body.setAttribute('data-pwned', 'popup'); } catch (e) { r.openerDom = false; }
try { opener.top.location.href = 'about:blank#pwned-by-popup'; r.navigatedOpener = true; } catch (e) { r.navigatedOpener = false; }
document.title = JSON.stringify(r);
</script>`;

export async function startFakeProviders(): Promise<FakeProviders> {
  const thumb = await smallImage('jpeg', 640, 360);
  const jpeg = (): HostAnswer => ({ headers: { 'content-type': 'image/jpeg' }, body: thumb });
  const x = await startImageHost({
    '/oembed': (base) => json({ type: 'rich', version: '1.0', author_name: 'Ministry <b>of Roads</b>', author_url: `${base}/ministry`, provider_name: 'Twitter', html: X_MARKUP(base), width: 550 }),
    '/widgets.js': () => ({ headers: { 'content-type': 'text/javascript' }, body: WIDGET }),
    '/popup': () => html(POPUP),
  });
  const youtube = await startImageHost({
    '/oembed': (base) => json({ type: 'video', title: 'Live: the bridge', author_name: 'News Channel', author_url: `${base}/@newschannel`, thumbnail_url: `${base}/thumb.jpg`, width: 480, height: 270, html: '<iframe src="https://www.youtube.com/embed/abcdefghijk?feature=oembed"></iframe>' }),
    '/thumb.jpg': jpeg,
  });
  const mastodon = await startImageHost({
    '/@alice/1': (base) =>
      html(`<!doctype html><html><head><title>Alice</title><link href="${base}/api/oembed?format=json&amp;url=${encodeURIComponent(`${base}/@alice/1`)}" rel="alternate" type="application/json+oembed"><meta property="og:description" content="Water is rising at the harbour."><meta property="og:site_name" content="Local Social"></head><body></body></html>`),
    '/api/oembed': (base) => json({ type: 'rich', author_name: 'Alice', author_url: `${base}/@alice`, provider_name: 'Local Social', html: `<iframe src="${base}/@alice/1/embed" width="400"></iframe>` }),
  });
  const news = await startImageHost({
    '/story': (base) =>
      html(`<!doctype html><html><head><title>Fallback title</title><meta property="og:title" content="Bridge closed after storm"><meta property="og:description" content="The council said the bridge would stay closed."><meta property="og:image" content="${base}/lead.jpg"><meta property="og:site_name" content="The Daily"><meta property="article:published_time" content="2026-12-05T06:00:00Z"><link rel="canonical" href="${base}/story"></head><body>Story</body></html>`),
    '/lead.jpg': jpeg,
    '/empty': () => html('<!doctype html><html><head></head><body>Nothing</body></html>'),
  });
  const telegram = await startImageHost({
    '/newsroom/42': () => html('<html><head><meta property="og:title" content="Newsroom Channel"><meta property="og:description" content="Evacuation ordered for the east bank."></head></html>'),
  });
  const instagram = await startImageHost({
    '/oembed': () => json({ type: 'rich', author_name: 'photographer', html: '<blockquote class="instagram-media"><p>At the scene</p></blockquote>' }),
  });
  let slowTimer: NodeJS.Timeout | undefined;
  const hostile = await startImageHost({
    // Script and javascript: URLs in every field; HTML in the title and author name.
    '/evil/oembed': () =>
      json({ type: 'rich', title: '<img src=x onerror=alert(1)>Title', author_name: '<script>alert("a")</script>Eve', author_url: 'javascript:alert(1)', thumbnail_url: 'javascript:alert(2)', provider_name: '<b>Evil</b>', html: '<script>alert(document.cookie)</script><blockquote><p>Hello <a href="javascript:alert(3)">click</a></p></blockquote>' }),
    '/malformed/oembed': () => ({ headers: { 'content-type': 'application/json' }, body: '{"type": "rich", "html": ' }),
    '/array/oembed': () => json([1, 2, 3]),
    '/notype/oembed': () => json({ html: '<p>no type</p>' }),
    '/huge': () => html(`<html><head><title>${'x'.repeat(2 * 1024 * 1024)}</title></head></html>`),
    '/slow': () => new Promise((ok) => (slowTimer = setTimeout(() => ok(html('<title>late</title>')), 5_000))),
    '/r1': (base) => ({ status: 302, headers: { location: `${base}/r2` } }),
    '/r2': (base) => ({ status: 302, headers: { location: `${base}/r3` } }),
    '/r3': (base) => ({ status: 302, headers: { location: `${base}/r4` } }),
    '/r4': (base) => ({ status: 302, headers: { location: `${base}/r5` } }),
    '/r5': () => html('<title>end</title>'),
    '/discover-js': () => html('<html><head><link rel="alternate" type="application/json+oembed" href="javascript:alert(1)"><title>Discovered</title></head></html>'),
    '/down/oembed': () => ({ status: 503, body: 'down' }),
  });
  const all = [x, youtube, mastodon, news, telegram, instagram, hostile];
  const registry: RegistryProvider[] = [
    { provider_name: 'Twitter', endpoints: [{ schemes: [`${x.url}/*/status/*`], url: `${x.url}/oembed` }] },
    { provider_name: 'YouTube', endpoints: [{ schemes: [`${youtube.url}/watch*`], url: `${youtube.url}/oembed` }] },
    { provider_name: 'Telegram', endpoints: [{ schemes: [`${telegram.url}/*/*`], url: '' }] },
    { provider_name: 'Instagram', endpoints: [{ schemes: [`${instagram.url}/p/*`], url: `${instagram.url}/oembed` }] },
    ...['evil', 'malformed', 'array', 'notype', 'down'].map((name) => ({ provider_name: `Hostile ${name}`, endpoints: [{ schemes: [`${hostile.url}/${name}/post/*`], url: `${hostile.url}/${name}/oembed` }] })),
  ];
  return {
    x,
    youtube,
    mastodon,
    news,
    telegram,
    instagram,
    hostile,
    registry,
    hits: () => all.flatMap((h) => h.hits.map((p) => `${h.url} ${p}`)),
    async close() {
      clearTimeout(slowTimer);
      await Promise.all(all.map((h) => h.close()));
    },
  };
}

/**
 * Two routes to add to any local host: a post page whose discovery link names an oEmbed
 * answer with markup (so resolving it keeps a frame), for tests that need one embed.
 */
export const SOCIAL_ROUTES: Record<string, (base: string) => HostAnswer> = {
  '/social': (base) => html(`<html><head><title>A post</title><link rel="alternate" type="application/json+oembed" href="${base}/social-oembed"></head></html>`),
  '/social-oembed': () => json({ type: 'rich', author_name: 'Someone', html: '<blockquote><p>Said something</p></blockquote>' }),
};
