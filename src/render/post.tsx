/**
 * One post as the reader sees it (SPEC §1.6). Rendered once per change and reused by
 * the page, SSE frames, polling JSON and feeds, so the output depends only on the post
 * and the context.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Contributor, Correction, Label, Post } from '../domain/post.js';
import { BlockView } from './blocks.js';
import type { RenderContext } from './context.js';
import { formatClock, formatPublished } from './time.js';

/** Reader-facing label text. */
export const LABEL_TEXT: Record<Label, string> = {
  breaking: 'Breaking',
  analysis: 'Analysis',
  explainer: 'Explainer',
  correction: 'Correction',
  'key-event': 'Key event',
};

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
  const label = postLabel(post);
  const titleId = `post-${post.id}-title`;
  return (
    <article
      id={`post-${post.id}`}
      class={articleClass(post, label)}
      data-version={post.version}
      aria-labelledby={titleId}
    >
      <header class="lp-post__header">
        {label && <p class={`lp-label lp-label--${label}`}>{LABEL_TEXT[label]}</p>}
        <h2 class="lp-post__title" id={titleId}>
          {post.title}
        </h2>
        <PostTimes post={post} ctx={ctx} />
        <Byline contributors={post.contributors} />
      </header>
      {post.correction && <CorrectionNote correction={post.correction} ctx={ctx} />}
      <div class="lp-post__body">
        {post.body.map((block) => (
          <BlockView block={block} ctx={ctx} />
        ))}
      </div>
    </article>
  );
}

function articleClass(post: Post, label: Label | null): string {
  const classes = ['lp-post'];
  if (label) classes.push(`lp-post--${label}`);
  if (post.keyEvent && label !== 'key-event') classes.push('lp-post--key-event');
  if (post.pinned) classes.push('lp-post--pinned');
  return classes.join(' ');
}

function PostTimes({ post, ctx }: { post: Post; ctx: RenderContext }): VNode {
  // Only published posts reach here; createdAt keeps a half-migrated record renderable.
  const published = toUtcIso(post.publishedAt ?? post.createdAt);
  const edited = post.editedAt ? toUtcIso(post.editedAt) : null;
  return (
    <p class="lp-post__time">
      <time dateTime={published}>published at {formatPublished(published, ctx.timeZone, ctx.locale, ctx.now)}</time>
      {edited && (
        <>
          {' '}
          <time class="lp-post__updated" dateTime={edited}>
            updated at {formatClock(edited, ctx.timeZone, ctx.locale)}
          </time>
        </>
      )}
    </p>
  );
}

/** "Correction: …" with its time, so readers see what was put right and when. */
function CorrectionNote({ correction, ctx }: { correction: Correction; ctx: RenderContext }): VNode {
  const at = toUtcIso(correction.at);
  return (
    <p class="lp-post__correction" role="note">
      <strong>Correction:</strong> {correction.text} <time dateTime={at}>({formatClock(at, ctx.timeZone, ctx.locale)})</time>
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
