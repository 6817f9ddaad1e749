/**
 * An address → a card's facts (issue 11): the registry's oEmbed endpoint when one matches
 * (oembed-registry.ts), else the page's own discovery link, else its OpenGraph / Twitter
 * tags (a link card). Every fetch goes through the guarded fetcher (no private targets, a
 * few checked redirects, bounded bytes and time). Whatever the provider says is reduced to
 * plain text and http(s) addresses here; its embed markup is handed back untouched, to be
 * kept aside and only ever shown inside a sandbox.
 */
import type { EmbedCard, EmbedKind } from '../domain/embed.js';
import { embedMalformed, embedUnusable, metaTokenMissing } from '../domain/errors.js';
import { fetchText } from './fetch-text.js';
import { defaultRegistry, findProvider, type RegistryProvider } from './oembed-registry.js';
import { frameOrigins, handleOf, KNOWN, playerUrl, telegramHandle, telegramMarkup, type Known } from './embed-providers.js';
import { absolute, readMarkup, readPageMeta, type MarkupFacts, type PageMeta } from './page-meta.js';

export interface ResolverOptions {
  isAllowedAddress: (address: string) => boolean;
  /** The provider registry (tests: local servers); default: oembed-providers plus our supplement. */
  registry?: RegistryProvider[];
  /** Meta's app token (LIVEPAGE_META_OEMBED_TOKEN): Instagram, Facebook and Threads need it. */
  metaToken?: string;
  /** Deadline of each fetch, body included. */
  timeoutMs?: number;
}

/** A card before it is stored: the thumbnail is still the provider's address, the markup not yet kept aside. */
export interface Resolution {
  card: Omit<EmbedCard, 'thumbnail' | 'frame'>;
  thumbnailUrl?: string;
  /** The provider's embed markup: untrusted, for the sandboxed frame only. */
  markup?: string;
  /** The origins that markup may load scripts, frames and data from (its frame's CSP). */
  frameOrigins: string[];
}

const JSON_TYPES = /^(application\/(json|json\+oembed)|text\/(json|javascript|plain))\s*(;|$)/i;
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\s*(;|$)/i;
const OEMBED_MAX = 256 * 1024;
const PAGE_MAX = 1024 * 1024;
const MARKUP_MAX = 100 * 1024;

export async function resolveEmbed(input: string, opts: ResolverOptions): Promise<Resolution> {
  const url = checkAddress(input);
  const fetchOpts = { isAllowedAddress: opts.isAllowedAddress, timeoutMs: opts.timeoutMs ?? 8_000 };
  const match = findProvider(opts.registry ?? defaultRegistry(), url);
  let meta: PageMeta = {};
  let known = match ? KNOWN[match.name] : undefined;
  let endpoint = match?.endpoint || undefined;
  let discovered = false;
  const readPage = async () => {
    const page = await fetchText(url, { ...fetchOpts, accept: 'text/html,application/xhtml+xml;q=0.9', types: HTML_TYPES, maxBytes: PAGE_MAX });
    return readPageMeta(page.text, page.url);
  };
  if (!match || !endpoint) {
    // No registry entry (or one without oEmbed, like Telegram): the page itself says what it is.
    meta = await readPage();
    if (!match && meta.oembed) {
      endpoint = meta.oembed;
      discovered = true;
      // Mastodon's discovery link (every instance has its own) is its /api/oembed.
      if (new URL(endpoint).pathname === '/api/oembed') known = KNOWN.Mastodon;
    }
  }
  if (known?.meta && !opts.metaToken) throw metaTokenMissing(known.name);
  const oembed = endpoint ? await fetchOembed(endpoint, url, discovered, known, opts.metaToken, fetchOpts) : undefined;
  // Meta's answers carry no author, title or thumbnail any more (Threads' is a bare permalink): the page's own tags say them.
  const bare = Boolean(oembed && !discovered && !oembed.author_name && !oembed.title && !oembed.description);
  if (bare) meta = await readPage().catch(() => meta);
  if (!oembed && !meta.title && !meta.description) throw embedUnusable('That page has no title, description or embed to make a card from; link to it in the text instead.');
  return buildResolution(url, { known, oembed, meta, bare, endpoint, providerName: match?.name });
}

/** Only http(s), without credentials. */
function checkAddress(input: string): string {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw embedUnusable('That is not a web address.');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw embedUnusable('Only http and https addresses can be embedded.');
  if (u.username || u.password) throw embedUnusable('Addresses with a user name or password cannot be embedded.');
  u.hash = '';
  return u.toString();
}

/** The oEmbed fields we read, each checked for its type (anything else is ignored). */
interface Oembed {
  type: 'rich' | 'video' | 'photo' | 'link';
  title?: string;
  author_name?: string;
  author_url?: string;
  provider_name?: string;
  /** Vimeo and SoundCloud describe the content; Vimeo dates it. */
  description?: string;
  upload_date?: string;
  html?: string;
  url?: string;
  thumbnail_url?: string;
  width?: number;
  height?: number;
}

async function fetchOembed(endpoint: string, url: string, discovered: boolean, known: Known | undefined, metaToken: string | undefined, fetchOpts: { isAllowedAddress: (a: string) => boolean; timeoutMs: number }): Promise<Oembed> {
  let target: URL;
  try {
    target = new URL(endpoint);
  } catch {
    throw embedMalformed('The page names an oEmbed address that is not valid.');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw embedMalformed('The page names an oEmbed address that is not http(s).');
  // A discovery link carries its own query (url=…, format=…); a registry endpoint gets ours.
  if (!discovered) {
    target.searchParams.set('url', url);
    target.searchParams.set('format', 'json');
    target.searchParams.set('maxwidth', '550');
    if (known?.key === 'vimeo') target.searchParams.set('dnt', '1');
    if (known?.key === 'x') target.searchParams.set('dnt', 'true');
  }
  if (known?.meta && metaToken) target.searchParams.set('access_token', metaToken);
  const res = await fetchText(target.toString(), { ...fetchOpts, accept: 'application/json', types: JSON_TYPES, maxBytes: OEMBED_MAX });
  let raw: unknown;
  try {
    raw = JSON.parse(res.text);
  } catch {
    throw embedMalformed("The provider's oEmbed answer is not valid JSON.");
  }
  return checkOembed(raw);
}

function checkOembed(raw: unknown): Oembed {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw embedMalformed("The provider's oEmbed answer is not an oEmbed object.");
  const o = raw as Record<string, unknown>;
  const type = o.type;
  if (type !== 'rich' && type !== 'video' && type !== 'photo' && type !== 'link') throw embedMalformed("The provider's oEmbed answer has no valid type.");
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const num = (k: string) => {
    const v = typeof o[k] === 'string' ? Number(o[k]) : o[k];
    return typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 100_000 ? v : undefined;
  };
  const html = str('html');
  if (html && html.length > MARKUP_MAX) throw embedUnusable("The provider's embed markup is too large to keep.");
  return { type, title: str('title'), author_name: str('author_name'), author_url: str('author_url'), provider_name: str('provider_name'), description: str('description'), upload_date: str('upload_date'), html, url: str('url'), thumbnail_url: str('thumbnail_url'), width: num('width'), height: num('height') };
}

const KIND_OF_TYPE: Record<Oembed['type'], EmbedKind> = { rich: 'post', video: 'video', photo: 'photo', link: 'link' };

function buildResolution(url: string, r: { known?: Known; oembed?: Oembed; meta: PageMeta; bare: boolean; endpoint?: string; providerName?: string }): Resolution {
  const { known, oembed, meta } = r;
  const host = new URL(url).host;
  const isTelegram = known?.key === 'telegram';
  const markup = isTelegram ? telegramMarkup(url) : oembed?.html;
  const facts: Partial<MarkupFacts> & { loads: string[] } = markup ? readMarkup(markup, url) : { loads: [] };
  const kind: EmbedKind = known?.kind ?? (isTelegram ? 'post' : oembed ? KIND_OF_TYPE[oembed.type] : 'link');
  const provider = known?.name ?? line(oembed?.provider_name ?? meta.siteName ?? r.providerName ?? host, 100)!;
  const providerKey = known?.key ?? (oembed ? slug(provider) : 'link');
  const authorUrl = absolute(oembed?.author_url ?? '', url);
  const player = kind === 'video' ? playerUrl(known?.key, url, facts.frameSrc) : undefined;
  const thumbnailUrl = absolute(oembed?.thumbnail_url ?? meta.image ?? (oembed?.type === 'photo' ? oembed.url ?? '' : ''), url);
  const card: Resolution['card'] = compact({
    provider,
    providerKey,
    kind,
    url: sameSite(meta.canonical, url) ?? url,
    title: line(oembed?.title ?? meta.title, 300),
    // A Telegram page's og:title is its channel's name; the address names the channel.
    author: line(oembed?.author_name ?? (isTelegram ? meta.title : meta.author), 200),
    handle: handleOf(authorUrl, known?.key) ?? (isTelegram ? telegramHandle(url) : meta.handle),
    authorUrl,
    text: paragraphText(facts.text ?? (r.bare ? meta.description : undefined) ?? facts.quoteText ?? oembed?.description ?? meta.description, 3000),
    publishedAt: date(facts.publishedAt ?? oembed?.upload_date ?? meta.publishedAt),
    player,
    ratio: player && oembed?.width && oembed.height ? Math.round((oembed.width / oembed.height) * 1000) / 1000 : player ? 16 / 9 : undefined,
  });
  // A player plays in place; markup goes to the sandbox; a link card has neither.
  const framed = !player && markup && kind !== 'link' ? markup : undefined;
  return { card, thumbnailUrl, markup: framed, frameOrigins: framed ? frameOrigins(facts.loads, known, [url, r.endpoint]) : [] };
}

/** One line of text: no control characters, whitespace runs made single, cut to `max`. */
export function line(s: string | undefined, max: number): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim();
  return t ? cut(t, max) : undefined;
}

/** Text kept in lines (a post's line breaks mean something), cut to `max`. */
function paragraphText(s: string | undefined, max: number): string | undefined {
  if (s === undefined) return undefined;
  const t = s
    .split('\n')
    .map((l) => l.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return t ? cut(t, max) : undefined;
}

const cut = (t: string, max: number) => (t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`);

function date(s: string | undefined): string | undefined {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) || t < Date.UTC(1990, 0, 1) ? undefined : new Date(t).toISOString();
}

/** A canonical address only when it is on the same host as the one posted (a provider cannot send readers elsewhere). */
function sameSite(candidate: string | undefined, url: string): string | undefined {
  if (!candidate) return undefined;
  try {
    return new URL(candidate).host === new URL(url).host ? candidate : undefined;
  } catch {
    return undefined;
  }
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'link';

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
