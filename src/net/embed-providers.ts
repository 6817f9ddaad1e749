/**
 * What we know of the providers themselves (embed-resolver.ts reads addresses with it):
 * their names, kinds and domains, their privacy-enhanced players, Telegram's widget, the
 * author handle each one's addresses carry, and the origins a sandboxed frame may load from.
 */
import type { EmbedKind } from '../domain/embed.js';

export interface Known {
  key: string;
  name: string;
  kind?: EmbedKind;
  /** The provider's domains: its markup may load from these (and their subdomains) only. */
  family: string[];
  meta?: boolean;
}

/** The providers readers know by another name than the registry's, their kind and their domains. */
export const KNOWN: Record<string, Known> = {
  Twitter: { key: 'x', name: 'X', family: ['twitter.com', 'x.com', 'twimg.com'] },
  YouTube: { key: 'youtube', name: 'YouTube', kind: 'video', family: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com'] },
  Vimeo: { key: 'vimeo', name: 'Vimeo', kind: 'video', family: ['vimeo.com', 'vimeocdn.com'] },
  TikTok: { key: 'tiktok', name: 'TikTok', kind: 'video', family: ['tiktok.com', 'tiktokcdn.com', 'ttwstatic.com', 'tiktokv.com'] },
  'Bluesky Social': { key: 'bluesky', name: 'Bluesky', family: ['bsky.app', 'bsky.social'] },
  Instagram: { key: 'instagram', name: 'Instagram', family: ['instagram.com', 'cdninstagram.com', 'facebook.com', 'fbcdn.net'], meta: true },
  Facebook: { key: 'facebook', name: 'Facebook', family: ['facebook.com', 'facebook.net', 'fbcdn.net'], meta: true },
  Threads: { key: 'threads', name: 'Threads', family: ['threads.net', 'threads.com', 'cdninstagram.com'], meta: true },
  Spotify: { key: 'spotify', name: 'Spotify', kind: 'audio', family: ['spotify.com', 'scdn.co', 'spotifycdn.com'] },
  SoundCloud: { key: 'soundcloud', name: 'SoundCloud', kind: 'audio', family: ['soundcloud.com', 'sndcdn.com'] },
  Reddit: { key: 'reddit', name: 'Reddit', family: ['reddit.com', 'redditmedia.com', 'redditstatic.com'] },
  Telegram: { key: 'telegram', name: 'Telegram', family: ['telegram.org', 't.me'] },
  Mastodon: { key: 'mastodon', name: 'Mastodon', family: [] },
};

/** A Telegram post's channel and number (t.me/{channel}/{id}), checked names only. */
const telegramPost = (url: string) => /^\/([A-Za-z0-9_]{3,64})\/(\d{1,12})\/?$/.exec(new URL(url).pathname);

/** Telegram's own widget for a post; nothing of the address but checked names. */
export function telegramMarkup(url: string): string | undefined {
  const m = telegramPost(url);
  return m ? `<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="${m[1]}/${m[2]}" data-width="100%"></script>` : undefined;
}

export const telegramHandle = (url: string): string | undefined => {
  const m = telegramPost(url);
  return m ? `@${m[1]}` : undefined;
};

/** The privacy-enhanced player: YouTube without cookies, Vimeo with Do Not Track. */
export function playerUrl(key: string | undefined, url: string, frameSrc: string | undefined): string | undefined {
  if (key === 'youtube') {
    const id = youtubeId(url) ?? (frameSrc ? youtubeId(frameSrc) : undefined);
    return id ? `https://www.youtube-nocookie.com/embed/${id}` : undefined;
  }
  if (key === 'vimeo') {
    const id = /\/video\/(\d{1,15})/.exec(frameSrc ?? '')?.[1] ?? /vimeo\.com\/(?:.*\/)?(\d{1,15})(?:$|[/?])/.exec(url)?.[1];
    return id ? `https://player.vimeo.com/video/${id}?dnt=1` : undefined;
  }
  return undefined;
}

function youtubeId(url: string): string | undefined {
  try {
    const u = new URL(url);
    const id = u.hostname === 'youtu.be' ? u.pathname.slice(1) : u.pathname === '/watch' ? u.searchParams.get('v') : /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname)?.[1];
    return id && /^[\w-]{6,20}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sources the sandboxed markup may load scripts, frames and data from: the provider's
 * own domains and their subdomains (its scripts load more from there), and the origins of
 * what the markup names on the post's or endpoint's own host (a Mastodon instance). What
 * it names anywhere else stays blocked by the frame's CSP.
 */
export function frameOrigins(loads: string[], known: Known | undefined, own: Array<string | undefined>): string[] {
  const hosts = own.flatMap((u) => (u ? [new URL(u).hostname] : []));
  const family = (known?.family ?? []).flatMap((d) => [`https://${d}`, `https://*.${d}`]);
  const local = loads.flatMap((l) => {
    const u = new URL(l);
    return hosts.includes(u.hostname) ? [u.origin] : [];
  });
  return [...new Set([...family, ...local])];
}

/** "@name" (X, Bluesky, Threads, Instagram) or "@name@instance" (Mastodon) from the author's address. */
export function handleOf(authorUrl: string | undefined, key: string | undefined): string | undefined {
  if (!authorUrl) return undefined;
  const u = new URL(authorUrl);
  const segs = u.pathname.split('/').filter(Boolean);
  const last = key === 'bluesky' ? segs[1] : segs[0];
  if (!last || !/^@?[\w.-]{1,100}$/.test(last)) return undefined;
  const name = last.replace(/^@/, '');
  if (key === 'mastodon') return `@${name}@${u.host}`;
  return key && key !== 'youtube' && key !== 'vimeo' && key !== 'reddit' ? `@${name}` : last.startsWith('@') ? last : undefined;
}
