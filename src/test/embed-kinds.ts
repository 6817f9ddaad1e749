/**
 * One local fake for every kind of embed issue 11 names, each on its own port: the post's
 * address shaped like the real one, an oEmbed answer shaped like that provider's real
 * answer (its `html` included, with its script or frame on the fake's own host), a
 * thumbnail to import, and what the card must then say. The registry override points
 * each provider's schemes at its fake; Mastodon is found by discovery, the article by
 * its OpenGraph tags, Telegram by its page (no oEmbed), as in the real world.
 */
import type { RegistryProvider } from '../net/oembed-registry.js';
import { startImageHost, type HostAnswer, type ImageHost } from './image-host.js';
import { smallImage } from './images.js';

export interface EmbedKindCase {
  /** The provider as readers see it, and its consent key. */
  provider: string;
  key: string;
  host: ImageHost;
  /** The post's address (the real one's shape, on the fake's host). */
  url: string;
  /** What the card must say. */
  author?: string;
  handle?: string;
  text: string;
  publishedAt?: string;
  thumbnail: boolean;
  /** "Show X post", "Play Vimeo video"… */
  label: string;
  /** Where its sandboxed markup loads its script from, when not the fake's host (Telegram's widget is always telegram.org's). */
  frameSource?: string;
  /** A privacy-enhanced player played in place (no sandboxed markup). */
  player?: string;
}

export interface EmbedKinds {
  cases: EmbedKindCase[];
  registry: RegistryProvider[];
  close(): Promise<void>;
}

const json = (body: unknown): HostAnswer => ({ headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
const html = (body: string): HostAnswer => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body });
const script = (): HostAnswer => ({ headers: { 'content-type': 'text/javascript' }, body: "document.body.insertAdjacentHTML('beforeend','<div class=\"drawn\" style=\"height:300px\">drawn</div>')" });

export const META_TOKEN = '1234|app-token';

export async function startEmbedKinds(): Promise<EmbedKinds> {
  const jpeg = await smallImage('jpeg', 640, 360);
  const thumb = (): HostAnswer => ({ headers: { 'content-type': 'image/jpeg' }, body: jpeg });
  const hosts: ImageHost[] = [];
  const registry: RegistryProvider[] = [];
  const cases: EmbedKindCase[] = [];
  /** A fake provider: its routes, its registry entry (schemes on its host, /oembed), its case. */
  async function provider(name: string | null, schemes: string[], routes: Record<string, (base: string) => HostAnswer>, c: (base: string) => Omit<EmbedKindCase, 'host' | 'url'> & { path: string }): Promise<void> {
    const host = await startImageHost({ '/thumb.jpg': thumb, '/embed.js': script, ...routes });
    hosts.push(host);
    if (name) registry.push({ provider_name: name, endpoints: [{ schemes: schemes.map((s) => `${host.url}${s}`), url: routes['/oembed'] ? `${host.url}/oembed` : '' }] });
    const { path, ...rest } = c(host.url);
    cases.push({ ...rest, host, url: `${host.url}${path}` });
  }

  // publish.twitter.com/oembed: no thumbnail; the date is the attribution's last link.
  await provider('Twitter', ['/*/status/*'], {
    '/oembed': (b) => json({ url: `${b}/NWSBayArea/status/1864920000000000000`, author_name: 'NWS Bay Area', author_url: `${b}/NWSBayArea`, html: `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Flood warning until 6 PM for the coast. <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; NWS Bay Area (@NWSBayArea) <a href="${b}/NWSBayArea/status/1864920000000000000?ref_src=twsrc%5Etfw">December 4, 2026</a></blockquote>\n<script async src="${b}/embed.js" charset="utf-8"></script>\n\n`, width: 550, height: null, type: 'rich', cache_age: '3153600000', provider_name: 'Twitter', provider_url: 'https://twitter.com', version: '1.0' }),
  }, () => ({ path: '/NWSBayArea/status/1864920000000000000', provider: 'X', key: 'x', author: 'NWS Bay Area', handle: '@NWSBayArea', text: 'Flood warning until 6 PM for the coast. pic.twitter.com/abc', publishedAt: '2026-12-04', thumbnail: false, label: 'Show X post' }));

  // youtube.com/oembed: an iframe on www.youtube.com; we play it from youtube-nocookie.
  await provider('YouTube', ['/watch*'], {
    '/oembed': (b) => json({ title: 'Live: storm surge at the harbour', author_name: 'City News', author_url: `${b}/@citynews`, type: 'video', height: 113, width: 200, version: '1.0', provider_name: 'YouTube', provider_url: 'https://www.youtube.com/', thumbnail_height: 360, thumbnail_width: 480, thumbnail_url: `${b}/thumb.jpg`, html: '<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen title="Live"></iframe>' }),
  }, () => ({ path: '/watch?v=dQw4w9WgXcQ', provider: 'YouTube', key: 'youtube', author: 'City News', handle: '@citynews', text: 'Live: storm surge at the harbour', thumbnail: true, label: 'Play YouTube video', player: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' }));

  // vimeo.com/api/oembed.json: a player.vimeo.com iframe, a description and an upload date.
  await provider('Vimeo', ['/*'], {
    '/oembed': (b) => json({ type: 'video', version: '1.0', provider_name: 'Vimeo', provider_url: 'https://vimeo.com/', title: 'Drone footage of the flooded valley', author_name: 'Valley Films', author_url: `${b}/valleyfilms`, is_plus: '0', account_type: 'basic', html: '<iframe src="https://player.vimeo.com/video/76979871?dnt=1&amp;app_id=122963" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture; clipboard-write" title="Drone footage"></iframe>', width: 640, height: 360, duration: 62, description: 'Filmed this morning above the river.', thumbnail_url: `${b}/thumb.jpg`, thumbnail_width: 295, thumbnail_height: 166, upload_date: '2026-12-04 08:10:00', video_id: 76979871, uri: '/videos/76979871' }),
  }, () => ({ path: '/76979871', provider: 'Vimeo', key: 'vimeo', author: 'Valley Films', text: 'Drone footage of the flooded valley', thumbnail: true, label: 'Play Vimeo video', player: 'https://player.vimeo.com/video/76979871?dnt=1' }));

  // www.tiktok.com/oembed: a blockquote with its caption and embed.js.
  await provider('TikTok', ['/@*/video/*'], {
    '/oembed': (b) => json({ version: '1.0', type: 'video', title: 'Water up to the doors on Main St #flood', author_url: `${b}/@streetreporter`, author_name: 'Street Reporter', width: '100%', height: '100%', html: `<blockquote class="tiktok-embed" cite="${b}/@streetreporter/video/7312345678901234567" data-video-id="7312345678901234567" data-embed-from="oembed" style="max-width: 605px;min-width: 325px;" > <section> <a target="_blank" title="@streetreporter" href="${b}/@streetreporter?refer=embed">@streetreporter</a> <p>Water up to the doors on Main St <a title="flood" target="_blank" href="${b}/tag/flood?refer=embed">#flood</a></p> <a target="_blank" title="♬ original sound - Street Reporter" href="${b}/music/original-sound-1?refer=embed">♬ original sound - Street Reporter</a> </section> </blockquote> <script async src="${b}/embed.js"></script>`, thumbnail_width: 720, thumbnail_height: 1280, thumbnail_url: `${b}/thumb.jpg`, provider_url: 'https://www.tiktok.com', provider_name: 'TikTok', author_unique_id: 'streetreporter', embed_product_id: '7312345678901234567', embed_type: 'video' }),
  }, () => ({ path: '/@streetreporter/video/7312345678901234567', provider: 'TikTok', key: 'tiktok', author: 'Street Reporter', handle: '@streetreporter', text: 'Water up to the doors on Main St #flood', thumbnail: true, label: 'Play TikTok video' }));

  // embed.bsky.app/oembed: the date reads "December 4, 2026 at 9:12 AM".
  await provider('Bluesky Social', ['/profile/*/post/*'], {
    '/oembed': (b) => json({ type: 'rich', version: '1.0', author_name: 'harbourmaster.bsky.social', author_url: `${b}/profile/harbourmaster.bsky.social`, provider_name: 'Bluesky Social', provider_url: 'https://bsky.app', cache_age: 86400, width: 600, height: null, html: `<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3kabc" data-bluesky-cid="bafyabc" data-bluesky-embed-color-mode="system"><p lang="en">The harbour is closed to all boats until further notice.</p>&mdash; Harbour Master (<a href="${b}/profile/did:plc:abc?ref_src=embed">@harbourmaster.bsky.social</a>) <a href="${b}/profile/did:plc:abc/post/3kabc?ref_src=embed">December 4, 2026 at 9:12 AM</a></blockquote><script async src="${b}/embed.js" charset="utf-8"></script>` }),
  }, () => ({ path: '/profile/harbourmaster.bsky.social/post/3kabc', provider: 'Bluesky', key: 'bluesky', author: 'harbourmaster.bsky.social', handle: '@harbourmaster.bsky.social', text: 'The harbour is closed to all boats until further notice.', publishedAt: '2026-12-04', thumbnail: false, label: 'Show Bluesky post' }));

  // graph.facebook.com/instagram_oembed (token): since November 2025 Meta sends no author or thumbnail; the page's tags have the picture.
  await provider('Instagram', ['/p/*'], {
    '/oembed': (b) => json({ version: '1.0', provider_name: 'Instagram', provider_url: 'https://www.instagram.com/', type: 'rich', width: 658, html: `<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="${b}/p/C1abcDEF/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14" style="max-width:540px;"><div style="padding:16px;"><p style="margin:8px 0 0 0;"><a href="${b}/p/C1abcDEF/?utm_source=ig_embed" target="_blank">Sandbags along the river wall this morning.</a></p></div></blockquote>\n<script async src="//${new URL(b).host}/embed.js"></script>` }),
    '/p/C1abcDEF/': (b) => html(`<!doctype html><html><head><meta property="og:title" content="City Photographer on Instagram"><meta property="og:image" content="${b}/thumb.jpg"></head></html>`),
  }, () => ({ path: '/p/C1abcDEF/', provider: 'Instagram', key: 'instagram', text: 'Sandbags along the river wall this morning.', thumbnail: true, label: 'Show Instagram post' }));

  // graph.facebook.com/oembed_post (token): fb-root, the SDK, the post in a blockquote; no author fields any more.
  await provider('Facebook', ['/*/posts/*'], {
    '/oembed': (b) => json({ provider_url: 'https://www.facebook.com', provider_name: 'Facebook', success: true, height: null, html: `<div id="fb-root"></div><script async="1" defer="1" crossorigin="anonymous" src="${b}/embed.js#xfbml=1&amp;version=v18.0" nonce="abc"></script><div class="fb-post" data-href="${b}/citycouncil/posts/123" data-width="552"><blockquote cite="${b}/citycouncil/posts/123" class="fb-xfbml-parse-ignore"><p>Shelters are open at all three schools tonight.</p>Posted by <a href="${b}/citycouncil">City Council</a> on&nbsp;<a href="${b}/citycouncil/posts/123">Thursday, December 4, 2026</a></blockquote></div>`, type: 'rich', version: '1.0', url: `${b}/citycouncil/posts/123`, width: 552 }),
    '/citycouncil/posts/123': () => html('<!doctype html><html><head><meta property="og:title" content="City Council"></head></html>'),
  }, () => ({ path: '/citycouncil/posts/123', provider: 'Facebook', key: 'facebook', text: 'Shelters are open at all three schools tonight.', publishedAt: '2026-12-04', thumbnail: false, label: 'Show Facebook post' }));

  // graph.threads.net/v1.0/oembed (token): no author or text fields, the permalink blockquote.
  await provider('Threads', ['/@*/post/*'], {
    '/oembed': (b) => json({ version: '1.0', type: 'rich', provider_name: 'Threads', provider_url: 'https://www.threads.net/', width: 658, html: `<blockquote class="text-post-media" data-text-post-permalink="${b}/@mayor/post/DAbc" data-text-post-version="0" id="ig-tp-DAbc" style="max-width:540px;"><a href="${b}/@mayor/post/DAbc" target="_blank"><div>Post by @mayor</div><div>View on Threads</div></a></blockquote>\n<script async src="${b}/embed.js"></script>` }),
    '/@mayor/post/DAbc': (b) => html(`<!doctype html><html><head><title>Mayor (@mayor) on Threads</title><meta property="og:title" content="Mayor (@mayor) on Threads"><meta property="og:description" content="Schools closed tomorrow. Stay safe."><meta property="og:image" content="${b}/thumb.jpg"><meta property="og:url" content="${b}/@mayor/post/DAbc"></head><body></body></html>`),
  }, () => ({ path: '/@mayor/post/DAbc', provider: 'Threads', key: 'threads', text: 'Schools closed tomorrow. Stay safe.', thumbnail: true, label: 'Show Threads post' }));

  // open.spotify.com/oembed: an iframe player, a title and a cover; no author.
  await provider('Spotify', ['/episode/*'], {
    '/oembed': (b) => json({ html: `<iframe style="border-radius: 12px" width="100%" height="152" title="Spotify Embed: Storm briefing" frameborder="0" allowfullscreen allow="autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture" loading="lazy" src="${b}/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=oembed"></iframe>`, iframe_url: `${b}/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=oembed`, width: 456, height: 152, version: '1.0', provider_name: 'Spotify', provider_url: 'https://spotify.com', type: 'rich', title: 'Storm briefing, Thursday evening', thumbnail_url: `${b}/thumb.jpg`, thumbnail_width: 300, thumbnail_height: 300 }),
  }, () => ({ path: '/episode/4rOoJ6Egrf8K2IrywzwOMk', provider: 'Spotify', key: 'spotify', text: 'Storm briefing, Thursday evening', thumbnail: true, label: 'Play on Spotify' }));

  // soundcloud.com/oembed: version as a number, a description, a w.soundcloud.com player.
  await provider('SoundCloud', ['/*/*'], {
    '/oembed': (b) => json({ version: 1.0, type: 'rich', provider_name: 'SoundCloud', provider_url: 'https://soundcloud.com', height: 400, width: '100%', title: 'Interview with the fire chief by Radio City', description: 'Recorded at the command post.', thumbnail_url: `${b}/thumb.jpg`, html: `<iframe width="100%" height="400" scrolling="no" frameborder="no" src="${b}/player/?visual=true&url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F123&show_artwork=true"></iframe>`, author_name: 'Radio City', author_url: `${b}/radiocity` }),
  }, () => ({ path: '/radiocity/fire-chief-interview', provider: 'SoundCloud', key: 'soundcloud', author: 'Radio City', text: 'Recorded at the command post.', thumbnail: true, label: 'Play on SoundCloud' }));

  // www.reddit.com/oembed: a title link and "by u/… in r/…" in the blockquote.
  await provider('Reddit', ['/r/*/comments/*'], {
    '/oembed': (b) => json({ provider_url: 'https://www.reddit.com/', version: '1.0', title: 'Bridge on Route 9 just washed out', provider_name: 'reddit', type: 'rich', author_name: 'localdriver', html: `<blockquote class="reddit-embed-bq" style="height:500px" data-embed-height="240"><a href="${b}/r/news/comments/1h6abc/bridge_on_route_9_just_washed_out/">Bridge on Route 9 just washed out</a><br> by <a href="${b}/user/localdriver/">u/localdriver</a> in <a href="${b}/r/news/">news</a></blockquote><script async src="${b}/embed.js" charset="UTF-8"></script>` }),
  }, () => ({ path: '/r/news/comments/1h6abc/bridge_on_route_9_just_washed_out/', provider: 'Reddit', key: 'reddit', author: 'localdriver', text: 'Bridge on Route 9 just washed out', thumbnail: false, label: 'Show Reddit post' }));

  // A Mastodon instance: no registry entry, the post's page names its /api/oembed.
  await provider(null, [], {
    '/@firecrew/113600000000000000': (b) => html(`<!doctype html><html><head><title>Fire Crew: "Crews are pumping out the underpass." - Social</title><link href="${b}/api/oembed?format=json&amp;url=${encodeURIComponent(`${b}/@firecrew/113600000000000000`)}" rel="alternate" type="application/json+oembed"><meta content="Crews are pumping out the underpass." property="og:description"><meta content="Social" property="og:site_name"><meta content="${b}/thumb.jpg" property="og:image"></head><body></body></html>`),
    '/api/oembed': (b) => json({ type: 'rich', version: '1.0', title: 'New status by firecrew', author_name: 'Fire Crew', author_url: `${b}/@firecrew`, provider_name: 'Social', provider_url: `${b}/`, cache_age: 86400, html: `<iframe src="${b}/@firecrew/113600000000000000/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="400" allowfullscreen="allowfullscreen"></iframe><script src="${b}/embed.js" async="async"></script>`, width: 400, height: null }),
    '/@firecrew/113600000000000000/embed': () => html('<p>Crews are pumping out the underpass.</p>'),
  }, (b) => ({ path: '/@firecrew/113600000000000000', provider: 'Mastodon', key: 'mastodon', author: 'Fire Crew', handle: `@firecrew@${new URL(b).host}`, text: 'Crews are pumping out the underpass.', thumbnail: true, label: 'Show Mastodon post' }));

  // t.me/{channel}/{id}: no oEmbed; the page's OpenGraph tags name the channel and the text.
  await provider('Telegram', ['/*/*'], {
    '/citynewsroom/4242': (b) => html(`<!doctype html><html><head><meta property="og:title" content="City Newsroom"><meta property="og:image" content="${b}/thumb.jpg"><meta property="og:site_name" content="Telegram"><meta property="og:description" content="Evacuation ordered for the east bank."><meta property="twitter:title" content="City Newsroom"></head><body></body></html>`),
  }, () => ({ path: '/citynewsroom/4242', provider: 'Telegram', key: 'telegram', author: 'City Newsroom', handle: '@citynewsroom', text: 'Evacuation ordered for the east bank.', thumbnail: true, label: 'Show Telegram post', frameSource: 'https://telegram.org' }));

  // A news article: OpenGraph only, a link card with nothing to show in a frame.
  await provider(null, [], {
    '/2026/12/04/bridge-closed': (b) => html(`<!doctype html><html><head><title>Bridge closed | The Daily</title><meta property="og:type" content="article"><meta property="og:title" content="Bridge closed after storm damage"><meta property="og:description" content="The council said the bridge would stay closed for a week."><meta property="og:image" content="${b}/thumb.jpg"><meta property="og:site_name" content="The Daily"><meta name="author" content="Sam Reporter"><meta property="article:published_time" content="2026-12-04T06:00:00Z"><link rel="canonical" href="${b}/2026/12/04/bridge-closed"></head><body>Story</body></html>`),
  }, () => ({ path: '/2026/12/04/bridge-closed', provider: 'The Daily', key: 'link', author: 'Sam Reporter', text: 'The council said the bridge would stay closed for a week.', publishedAt: '2026-12-04', thumbnail: true, label: '' }));

  return { cases, registry, close: async () => void (await Promise.all(hosts.map((h) => h.close()))) };
}
