/**
 * One post as the reader sees it (SPEC §1.6). Rendered once per change and reused by
 * the page, SSE frames, polling JSON and feeds, so the output depends only on the post
 * and the context.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Block } from '../domain/block.js';
import type { Contributor, Correction, Label, Post } from '../domain/post.js';
import { BlockView } from './blocks.js';
import type { RenderContext } from './context.js';
import { messages, type MessageKey, type Messages } from './i18n.js';
import { formatClock, formatClockZone, formatPublished } from './time.js';

/** A label's words in the page's language. */
export function labelText(label: Label, m: Messages): string {
  return m.t(`label.${label}` as MessageKey);
}

/** The label shown above a post's title: its own, else "Key event" for key events. */
export function postLabel(post: Pick<Post, 'label' | 'keyEvent'>): Label | null {
  return post.label ?? (post.keyEvent ? 'key-event' : null);
}

/** The post's `<article>` as an HTML string. */
export function renderPostHtml(post: Post, ctx: RenderContext): string {
  return renderToString(<PostArticle post={post} ctx={ctx} />);
}

/** The post's `<article id="post-{id}">`. */
export function PostArticle({ post, ctx }: { post: Post; ctx: RenderContext }): VNode {
  const m = messages(ctx.locale);
  const label = postLabel(post);
  const titleId = `post-${post.id}-title`;
  const [shown, folded] = foldBody(post.body, post.pinned);
  return (
    <article
      id={`post-${post.id}`}
      class={articleClass(post, label)}
      data-version={post.version}
      aria-labelledby={titleId}
    >
      <header class="lp-post__header">
        {/* The clock first, as broadcasters do: it is what a reader of a live page scans. */}
        <div class="lp-post__meta">
          <PostTimes post={post} ctx={ctx} m={m} />
          <ShareLinks post={post} ctx={ctx} m={m} />
        </div>
        {label && <p class={`lp-label lp-label--${label}`}>{labelText(label, m)}</p>}
        <h2 class="lp-post__title" id={titleId}>
          {post.title}
        </h2>
        <Byline contributors={post.contributors} />
      </header>
      {post.correction && <CorrectionNote correction={post.correction} ctx={ctx} m={m} />}
      <div class="lp-post__body">
        {shown.map((block) => (
          <BlockView block={block} ctx={ctx} />
        ))}
        {folded.length > 0 && (
          // A details element: "Show more" works without the script and keeps its place.
          <details class="lp-more">
            <summary class="lp-more__toggle">
              <span class="lp-more__open">{m.t('showMore')}</span>
              <span class="lp-more__close">{m.t('showLess')}</span>
            </summary>
            {folded.map((block) => (
              <BlockView block={block} ctx={ctx} />
            ))}
          </details>
        )}
      </div>
    </article>
  );
}

/** Roughly how many lines of a 680 px column a block takes (a picture: about eight). */
function blockLines(block: Block): number {
  const text = (s: string | undefined) => Math.ceil((s?.length ?? 0) / 90);
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return text(block.text) + 1;
    case 'quote':
      return text(block.text) + 2;
    case 'list':
      return block.items.reduce((n, item) => n + text(item), 1);
    case 'image':
    case 'video':
    case 'embed':
      return 10;
  }
}

/** A post longer than this many lines folds (a pinned post sooner: it sits above the news). */
const FOLD_AFTER = { pinned: 6, post: 26 } as const;
/** What stays visible of a folded post (a pinned one shows none). */
const KEEP_LINES = 14;

/**
 * Splits a long post's blocks into those shown and those behind "Show more", so the
 * newest posts are not pushed off the first screen; a short post is shown whole.
 */
export function foldBody(body: Block[], pinned: boolean): [shown: Block[], folded: Block[]] {
  const kind = pinned ? 'pinned' : 'post';
  const total = body.reduce((n, b) => n + blockLines(b), 0);
  if (total <= FOLD_AFTER[kind] || (body.length < 2 && !pinned)) return [body, []];
  // A long pinned post shows its title alone: the news belongs in the first screen.
  if (pinned) return [[], body];
  let lines = 0;
  let keep = 0;
  while (keep < body.length - 1) {
    lines += blockLines(body[keep]!);
    keep++;
    if (lines >= KEEP_LINES) break;
  }
  return [body.slice(0, keep), body.slice(keep)];
}

function articleClass(post: Post, label: Label | null): string {
  const classes = ['lp-post'];
  if (label) classes.push(`lp-post--${label}`);
  if (post.keyEvent && label !== 'key-event') classes.push('lp-post--key-event');
  if (post.pinned) classes.push('lp-post--pinned');
  return classes.join(' ');
}

/**
 * `15:46 GMT` on screen, linking to the post (its permalink, focusable); the full
 * `published at 15:46 Greenwich Mean Time 27 February` for screen readers and as the
 * tooltip. The reader script adds the relative "5 min ago" as a second line beside it.
 */
function PostTimes({ post, ctx, m }: { post: Post; ctx: RenderContext; m: Messages }): VNode {
  // Only published posts reach here; createdAt keeps a half-migrated record renderable.
  const published = toUtcIso(post.publishedAt ?? post.createdAt);
  const edited = post.editedAt ? toUtcIso(post.editedAt) : null;
  const full = formatPublished(published, ctx.timeZone, ctx.locale, ctx.now);
  return (
    <p class="lp-post__time">
      <a class="lp-post__permalink" href={`#post-${post.id}`}>
        <time dateTime={published} title={full}>
          <span class="lp-post__clock" aria-hidden="true">
            {formatClockZone(published, ctx.timeZone, ctx.locale)}
          </span>{' '}
          <span class="visually-hidden">{m.t('publishedAt', { time: full })}</span>
        </time>
      </a>
      {edited && (
        <>
          {' '}
          <time class="lp-post__updated" dateTime={edited}>
            {m.t('updatedAt', { time: formatClock(edited, ctx.timeZone, ctx.locale) })}
          </time>
        </>
      )}
    </p>
  );
}

/**
 * Plain share links (no third-party script, nothing requested until a reader follows
 * one) in a details element; the reader script offers the device's own share sheet
 * (Web Share API) or copy-link instead where it can.
 */
function ShareLinks({ post, ctx, m }: { post: Post; ctx: RenderContext; m: Messages }): VNode | null {
  if (!ctx.pageUrl) return null;
  const url = `${ctx.pageUrl}/posts/${post.id}`;
  const u = encodeURIComponent(url);
  const title = encodeURIComponent(post.title);
  const links: [MessageKey, string][] = [
    ['shareX', `https://x.com/intent/post?url=${u}&text=${title}`],
    ['shareFacebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['shareWhatsApp', `https://wa.me/?text=${title}%20${u}`],
    ['shareEmail', `mailto:?subject=${title}&body=${u}`],
  ];
  return (
    <details class="lp-share" data-url={url}>
      <summary class="lp-share__toggle" aria-label={m.t('shareMenu')}>
        {m.t('share')}
      </summary>
      <ul class="lp-share__list">
        {links.map(([key, href]) => (
          <li>
            <a class="lp-share__link" href={href} rel="noopener noreferrer">
              {m.t(key)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A post's article without its share control, for feeds: a feed reader has its own. */
export function withoutShare(html: string): string {
  return html.replace(/<details class="lp-share"[\s\S]*?<\/details>/, '');
}

/** "Correction: …" with its time, so readers see what was put right and when. */
function CorrectionNote({ correction, ctx, m }: { correction: Correction; ctx: RenderContext; m: Messages }): VNode {
  const at = toUtcIso(correction.at);
  return (
    <p class="lp-post__correction" role="note">
      <strong>{m.t('correction')}</strong> {correction.text} <time dateTime={at}>({formatClock(at, ctx.timeZone, ctx.locale)})</time>
    </p>
  );
}

function Byline({ contributors }: { contributors: Contributor[] }): VNode | null {
  if (contributors.length === 0) return null;
  return (
    <div class="lp-byline">
      {contributors.map((c) => (
        <p class={c.photo ? 'lp-contributor lp-contributor--photo' : 'lp-contributor'}>
          {/* The name beside it says who this is: the photo is decoration for screen readers. */}
          {c.photo && <img class="lp-contributor__photo" src={c.photo} alt="" width={40} height={40} loading="lazy" decoding="async" />}
          <span class="lp-contributor__name">{c.name}</span>
          {c.role && (
            <>
              <br />
              <span class="lp-contributor__role">{c.role}</span>
            </>
          )}
        </p>
      ))}
    </div>
  );
}

/** Normalises to `YYYY-MM-DDTHH:MM:SS.sssZ`, the form SPEC §1 puts in `datetime`. */
function toUtcIso(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString();
}
