/**
 * A resolved embed as readers first see it (issue 11): a card of plain text and our own
 * thumbnail, no request to the provider, readable without JavaScript, in feeds and in the
 * newsroom preview, and sized by its own content (no layout shift). Every value is text
 * or an http(s) address checked on the way in (domain/embed.ts), and Preact escapes it.
 * The "Show X post" link opens the original without JavaScript; the reader script
 * (reader/embeds.ts) turns it into the provider's embed in a sandboxed frame, on a click.
 */
import type { VNode } from 'preact';
import { showLabel, type EmbedCard } from '../domain/embed.js';
import type { RenderContext } from './context.js';
import { Picture, SIZES } from './picture.js';
import { formatPublished } from './time.js';

export function EmbedCardView({ card, ctx }: { card: EmbedCard; ctx: RenderContext }): VNode {
  const loadable = Boolean(card.frame || card.player);
  const label = showLabel(card);
  const lines = (card.text ?? '').split('\n');
  const titled = card.title && card.title !== card.text && (card.kind !== 'post' || !card.text);
  return (
    <div class={`lp-embed-card lp-embed-card--${card.kind}`} data-embed-provider={card.providerKey}>
      <blockquote class="lp-embed-card__quote" cite={card.url}>
        <p class="lp-embed-card__source">
          <span class="lp-embed-card__provider">{card.provider}</span>
          {card.author && (
            <>
              <span aria-hidden="true"> · </span>
              <span class="lp-embed-card__author">{card.author}</span>
            </>
          )}
          {card.handle && <span class="lp-embed-card__handle"> {card.handle}</span>}
        </p>
        {titled && <p class="lp-embed-card__title">{card.title}</p>}
        {card.text && (
          <p class="lp-embed-card__text">
            {lines.map((l, i) => (i === 0 ? l : [<br />, l]))}
          </p>
        )}
        {card.thumbnail && (
          <div class="lp-embed-card__thumb">
            <Picture src={card.thumbnail.src} alt="" width={card.thumbnail.width} height={card.thumbnail.height} color={card.thumbnail.color} siteOrigin={ctx.siteOrigin} priority={false} sizes={SIZES.body} />
          </div>
        )}
        <footer class="lp-embed-card__foot">
          <a class="lp-embed-card__link" href={card.url} rel="noopener nofollow ugc">
            View on {card.provider}
            <span class="visually-hidden"> (external site)</span>
          </a>
          {card.publishedAt && (
            <>
              <span aria-hidden="true"> · </span>
              <time datetime={card.publishedAt}>{formatPublished(card.publishedAt, ctx.timeZone, ctx.locale, ctx.now)}</time>
            </>
          )}
        </footer>
      </blockquote>
      {loadable && (
        <div class="lp-embed-card__actions">
          <a
            class="lp-embed__load lp-embed-card__show"
            href={card.url}
            rel="noopener nofollow ugc"
            data-embed-url={card.url}
            data-embed-frame={card.frame ? `/embeds/${card.frame}` : undefined}
            data-embed-player={card.player}
            data-embed-ratio={card.ratio ? String(card.ratio) : undefined}
            data-embed-key={card.providerKey}
            data-embed-name={card.provider}
          >
            {label}
          </a>
          <label class="lp-embed-card__remember">
            <input type="checkbox" data-embed-remember={card.providerKey} /> Always show {card.provider} content
          </label>
          <p class="lp-embed__note">
            Showing it loads content from {card.provider}, which may use cookies. Nothing is loaded from {card.provider} until you choose to.
          </p>
        </div>
      )}
    </div>
  );
}
