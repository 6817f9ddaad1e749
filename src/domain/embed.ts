/**
 * Social posts and links (issue 11): what an `embed` block shows once its address is
 * resolved. The server resolves the address once (oEmbed, discovery, OpenGraph) and keeps
 * a snapshot: the card. Cards are plain text and our own addresses only: the provider's
 * markup is kept aside (store/embeds.ts) and only ever served inside a sandboxed frame.
 * A card on a block is always the server's: writes replace whatever a client sent with
 * the stored resolution of the block's address (`withCards`), so a card cannot be forged.
 */
import { z } from 'zod';
import { httpUrl, isoDateTime, text } from './schema-helpers.js';

export const EMBED_KINDS = ['post', 'video', 'audio', 'photo', 'link'] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/** Our copy of the provider's thumbnail (imported through the photo pipeline): never the provider's address. */
const thumbnail = z.strictObject({
  src: z.string().max(300).regex(/^\/media\/[0-9a-f]{16,64}\/\d+\.jpg$/, 'A thumbnail is one of our own JPEG derivatives.'),
  width: z.number().int().positive().max(20_000),
  height: z.number().int().positive().max(20_000),
  mediaId: z.string().trim().min(1).max(64).regex(/^[0-9a-zA-Z-]+$/).optional(),
  color: z.string().regex(/^#[0-9a-f]{6}$/).optional(),
});

export const embedCardSchema = z.strictObject({
  /** Who the content is from, as readers know it ("X", "YouTube", "Mastodon"). */
  provider: text(100),
  /** The provider's key: consent is remembered per key in the reader's browser. */
  providerKey: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(EMBED_KINDS),
  /** The canonical address of the content (the link readers follow). */
  url: httpUrl,
  title: text(300).optional(),
  author: text(200).optional(),
  /** "@name" or "@name@instance". */
  handle: text(200).optional(),
  authorUrl: httpUrl.optional(),
  /** The post's words as plain text (never HTML). */
  text: text(3000).optional(),
  publishedAt: isoDateTime.optional(),
  thumbnail: thumbnail.optional(),
  /** The id of the provider's markup kept aside, shown on a click at /embeds/{frame} in a sandbox. */
  frame: z.string().regex(/^[0-9a-f-]{36}$/).optional(),
  /** A player on a privacy-enhanced host, played in place on a click (YouTube, Vimeo). */
  player: httpUrl.optional(),
  /** The player's width / height, so its frame is sized before it loads. */
  ratio: z.number().positive().max(10).optional(),
});

export type EmbedCard = z.infer<typeof embedCardSchema>;

export type EmbedStatus = 'pending' | 'done' | 'failed';

/** What the newsroom is told about an address: its card, or why it has none (a failed one says why). */
export interface EmbedState {
  id: string;
  url: string;
  status: EmbedStatus;
  error: string | null;
  card: EmbedCard | null;
}

/** A body block as these rules see it (block.ts imports this module, so not its type). */
type BlockLike = { type: string };
type EmbedLike = { type: 'embed'; url: string; card?: EmbedCard };
const isEmbed = (b: BlockLike): b is BlockLike & EmbedLike => b.type === 'embed';

/** Normalises a pasted or posted address for lookups: trimmed, no fragment. */
export function embedKey(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    return u.toString();
  } catch {
    return url.trim();
  }
}

/** The distinct addresses of a body's embed blocks (as keys). */
export const embedUrls = (body: readonly BlockLike[]): string[] => [...new Set(body.flatMap((b) => (isEmbed(b) ? [embedKey(b.url)] : [])))];

/** The embed addresses of a body that have no card yet. */
export const unresolvedEmbedUrls = (body: readonly BlockLike[]): string[] =>
  [...new Set(body.flatMap((b) => (isEmbed(b) && !b.card ? [embedKey(b.url)] : [])))];

/**
 * The body with each embed block's card set from `cards` (keyed by `embedKey`), or
 * removed when its address has none: whatever a client sent is never kept. Returns the
 * same array when nothing changes.
 */
export function withCards<B extends BlockLike>(body: B[], cards: ReadonlyMap<string, EmbedCard>): B[] {
  let changed = false;
  const next = body.map((b): B => {
    if (!isEmbed(b)) return b;
    const card = cards.get(embedKey(b.url));
    if (sameCard(b.card, card)) return b;
    changed = true;
    const { card: _old, ...rest } = b;
    return (card ? { ...rest, card } : rest) as unknown as B;
  });
  return changed ? next : body;
}

const sameCard = (a: EmbedCard | undefined, b: EmbedCard | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** How the reader is asked to load the provider's own embed ("Show X post", "Play YouTube video"). */
export function showLabel(card: Pick<EmbedCard, 'provider' | 'kind'>): string {
  switch (card.kind) {
    case 'video':
      return `Play ${card.provider} video`;
    case 'audio':
      return `Play on ${card.provider}`;
    case 'photo':
      return `Show ${card.provider} photo`;
    case 'link':
      return `Show ${card.provider} content`;
    default:
      return `Show ${card.provider} post`;
  }
}

/** A card's words for feeds' plain parts and JSON-LD: who, what, where. */
export function cardPlainText(card: EmbedCard): string {
  const who = [card.author, card.handle].filter(Boolean).join(' ');
  const head = [who ? `${who} on ${card.provider}` : card.provider, card.title && card.title !== card.text ? card.title : ''].filter(Boolean).join(': ');
  return [head, card.text ?? '', card.url].filter((s) => s !== '').join('\n');
}

/** The body with the blocks showing `url` given `card` (the others untouched); null if none shows it any more. */
export function setCard<B extends BlockLike>(body: B[], url: string, card: EmbedCard): B[] | null {
  let found = false;
  const next = body.map((b): B => {
    if (!isEmbed(b) || embedKey(b.url) !== url) return b;
    found = true;
    return { ...b, card } as B;
  });
  return found ? next : null;
}
