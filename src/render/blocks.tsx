/**
 * Post body blocks (SPEC §1 table) as JSX. Plain-text fields (alt, cite, credit) are
 * passed as children or attributes and so escaped by Preact; inline fields go through
 * <Inline>.
 */
import type { VNode } from 'preact';
import type { Block } from '../domain/block.js';
import type { RenderContext } from './context.js';
import { EmbedCardView } from './embed-card.js';
import { messages } from './i18n.js';
import { Inline } from './inline.js';
import { Picture, SIZES } from './picture.js';

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

/**
 * Renders one body block. `priority` is for media at the top of the page (featured
 * media): it loads at once instead of lazily, since it is what the reader sees first, and
 * spans the screen on phones (its `sizes`).
 */
export function BlockView({ block, ctx, priority = false }: { block: Block; ctx: RenderContext; priority?: boolean }): VNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inline text={block.text} ctx={ctx} />
        </p>
      );
    case 'heading':
      // Post titles are h2, so headings inside a post sit one level below.
      return (
        <h3>
          <Inline text={block.text} ctx={ctx} />
        </h3>
      );
    case 'list':
      return <ListView block={block} ctx={ctx} />;
    case 'quote':
      return <QuoteView block={block} ctx={ctx} />;
    case 'image':
      return <ImageView block={block} ctx={ctx} priority={priority} />;
    case 'video':
      return <VideoView block={block} ctx={ctx} />;
    case 'embed':
      return <EmbedView block={block} ctx={ctx} />;
  }
}

/**
 * True when a media URL is served by this site (a root-relative path or the site's own
 * origin), so that referencing it sends no request to a third party.
 */
export function isOwnMedia(url: string, siteOrigin: string): boolean {
  if (url.startsWith('/')) return !url.startsWith('//');
  try {
    return new URL(url).origin === new URL(siteOrigin).origin;
  } catch {
    return false;
  }
}

/** The host an embed comes from, as shown to the reader ("www.youtube.com"). */
export function embedProvider(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function ListView({ block, ctx }: { block: BlockOf<'list'>; ctx: RenderContext }): VNode {
  const items = block.items.map((item) => (
    <li>
      <Inline text={item} ctx={ctx} />
    </li>
  ));
  return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

function QuoteView({ block, ctx }: { block: BlockOf<'quote'>; ctx: RenderContext }): VNode {
  return (
    <blockquote class="lp-quote">
      <p>
        <Inline text={block.text} ctx={ctx} />
      </p>
      {block.cite && (
        <footer>
          <cite>{block.cite}</cite>
        </footer>
      )}
    </blockquote>
  );
}

function ImageView(props: { block: BlockOf<'image'>; ctx: RenderContext; priority: boolean }): VNode {
  const { block, ctx, priority } = props;
  return (
    <figure class="lp-figure lp-figure--image">
      <div class="lp-figure__media">
        <Picture
          src={block.src}
          alt={block.alt}
          width={block.width}
          height={block.height}
          color={block.color}
          siteOrigin={ctx.siteOrigin}
          priority={priority}
          sizes={priority ? SIZES.featured : SIZES.body}
        />
        {block.credit && <Credit prefix={messages(ctx.locale).t('imageSource')} credit={block.credit} />}
      </div>
      <Caption text={block.caption} ctx={ctx} />
    </figure>
  );
}

function VideoView({ block, ctx }: { block: BlockOf<'video'>; ctx: RenderContext }): VNode {
  // A third-party poster would be fetched on page load, before the reader chose to play.
  const poster = block.poster && isOwnMedia(block.poster, ctx.siteOrigin) ? block.poster : undefined;
  return (
    <figure class="lp-figure lp-figure--video">
      <div class="lp-figure__media">
        {/* preload="none": no request for the video until the reader presses play. */}
        <video controls preload="none" playsInline src={block.src} poster={poster}>
          <a href={block.src}>{messages(ctx.locale).t('downloadVideo')}</a>
        </video>
        {block.credit && <Credit prefix="Media source, " credit={block.credit} />}
      </div>
      <MediaCaption caption={block.caption} ctx={ctx} />
    </figure>
  );
}

function EmbedView({ block, ctx }: { block: BlockOf<'embed'>; ctx: RenderContext }): VNode {
  // Resolved: the card (render/embed-card.tsx); until then, the link alone.
  if (block.card)
    return (
      <figure class="lp-figure lp-embed">
        <EmbedCardView card={block.card} ctx={ctx} />
        <Caption text={block.caption} ctx={ctx} />
      </figure>
    );
  const provider = embedProvider(block.url);
  // No iframe and nothing from the provider until the reader asks: the reader script
  // swaps this link for the player on click; without JS the link opens the content.
  return (
    <figure class="lp-figure lp-embed">
      <div class="lp-embed__placeholder">
        <a
          class="lp-embed__load"
          href={block.url}
          data-embed-url={block.url}
          rel="noopener"
          aria-label={`Load content from ${provider}, external`}
        >
          Load content from {provider}
        </a>
        <p class="lp-embed__note">
          This content is provided by {provider}, which may use cookies and other technologies. Nothing is loaded
          from {provider} until you choose to.
        </p>
      </div>
      <Caption text={block.caption} ctx={ctx} />
    </figure>
  );
}

function Caption({ text, ctx }: { text: string | undefined; ctx: RenderContext }): VNode | null {
  return text ? (
    <figcaption>
      <Inline text={text} ctx={ctx} />
    </figcaption>
  ) : null;
}

/** "Media caption, " is read by screen readers and hidden on screen, as on BBC pages. */
export function MediaCaption({ caption, ctx }: { caption: string | undefined; ctx: RenderContext }): VNode | null {
  if (!caption) return null;
  return (
    <figcaption>
      <span class="visually-hidden">{messages(ctx.locale).t('mediaCaption')}</span>
      <Inline text={caption} ctx={ctx} />
    </figcaption>
  );
}

function Credit({ prefix, credit }: { prefix: string; credit: string }): VNode {
  return (
    <p class="lp-figure__credit">
      <span class="visually-hidden">{prefix}</span>
      {credit}
    </p>
  );
}
