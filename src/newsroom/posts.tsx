/**
 * A post on the desk: what it says, who is editing it, and what may be done with it
 * (edit in place — post-editor.tsx —, approve, pin, take down, put back).
 */
import { useState } from 'preact/hooks';
import { isConflict, messageOf, type Api } from './api.js';
import { blocksToPlain } from './blocks.js';
import { atLeast, useApp } from './context.js';
import { LABEL_NAMES } from './constants.js';
import type { ApiPost, Me } from './types.js';
import { CorrectionForm, PostHistory } from './history.js';
import { ConfirmButton, FormError, Time } from './ui.js';

export interface PostCardProps {
  post: ApiPost;
  slug: string;
  /** Colleagues editing this post now. */
  editingBy: string[];
  /** The page's pinned post: pinning this one replaces it. */
  pinned: { id: string; title: string } | null;
  /** After a change: refetch, and announce `message`. */
  onChanged: (message: string) => void;
  /** Opens the in-place editor (the desk keeps it, and its autosave). */
  onEdit: () => void;
}

const STATUS_NAMES: Record<ApiPost['status'], string> = {
  published: 'Published',
  draft: 'Draft',
  submitted: 'Waiting for approval',
  scheduled: 'Scheduled',
  unpublished: 'Taken down',
};

/** A person may edit a post: editors any, contributors their own until an editor takes it on (the server's policy.ts). */
export const mayEdit = (me: Me, post: ApiPost) =>
  atLeast(me.role, 'editor') || (post.authorId === me.id && (post.status === 'draft' || post.status === 'submitted'));

/**
 * Excerpts by post version: working one out parses every block's inline Markdown, and the
 * desk renders every card again on each pushed event, so each version is done once.
 */
const excerpts = new Map<string, string>();
const MAX_EXCERPTS = 2000;

export function excerpt(post: ApiPost, max = 220): string {
  const key = `${post.id}:${post.version}:${max}`;
  const hit = excerpts.get(key);
  if (hit !== undefined) return hit;
  const text = blocksToPlain(post.body, max);
  const out = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  if (excerpts.size >= MAX_EXCERPTS) excerpts.clear();
  excerpts.set(key, out);
  return out;
}

/** Renders a post through the reader's renderer, as readers would see it. */
export async function previewHtml(api: Api, slug: string, body: Record<string, unknown>): Promise<string> {
  const { html } = await api.send<{ html: string }>('POST', `/api/v1/preview?page=${encodeURIComponent(slug)}`, body);
  return html;
}

export function PostCard(props: PostCardProps) {
  const { post, slug } = props;
  const { api, me } = useApp();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<'history' | 'correction' | null>(null);
  const toggle = (what: 'history' | 'correction') => setOpen((o) => (o === what ? null : what));
  const isEditor = atLeast(me.role, 'editor');
  const titleId = `nr-post-${post.id}-title`;

  /** A one-click change with the version we last saw; a stale one refreshes the list. */
  const change = async (patch: Record<string, unknown>, done: string) => {
    setError(null);
    try {
      await api.send('PATCH', `/api/v1/posts/${post.id}`, patch, { 'if-match': `"${post.version}"` });
      props.onChanged(done);
    } catch (e) {
      setError(isConflict(e) ? 'A colleague changed this post a moment ago; the list now shows their version. Check it, then try again.' : messageOf(e));
      if (isConflict(e)) props.onChanged('');
    }
  };
  const takeDown = async () => {
    setError(null);
    try {
      await api.send('DELETE', `/api/v1/posts/${post.id}`);
      props.onChanged(`“${post.title}” was taken down.`);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const names = props.editingBy;
  const replaces = props.pinned && props.pinned.id !== post.id ? props.pinned : null;
  return (
    <article class={`nr-post nr-post--${post.status}${post.pinned ? ' nr-post--pinned' : ''}`} aria-labelledby={titleId} data-post-id={post.id}>
      <div class="nr-post__tags">
        {post.status !== 'published' && <span class={`nr-tag nr-tag--${post.status}`}>{STATUS_NAMES[post.status]}</span>}
        {post.pinned && <span class="nr-tag nr-tag--pinned">Pinned</span>}
        {post.label && <span class={`lp-label lp-label--${post.label}`}>{LABEL_NAMES[post.label]}</span>}
        {post.keyEvent && <span class="nr-tag">Key event</span>}
      </div>
      <h3 class="nr-post__title" id={titleId}>
        {post.title}
      </h3>
      <p class="nr-post__meta">
        {post.status === 'scheduled' ? (
          <Time iso={post.scheduledFor} prefix="Goes live" />
        ) : post.publishedAt ? (
          <Time iso={post.publishedAt} prefix="Posted" />
        ) : (
          <Time iso={post.updatedAt} prefix="Saved" />
        )}
        {post.editedAt && (
          <>
            {' · '}
            <Time iso={post.editedAt} prefix="updated" />
          </>
        )}
        {post.contributors.length > 0 && ` · ${post.contributors.map((c) => c.name).join(', ')}`}
      </p>
      <p class="nr-post__excerpt">{excerpt(post)}</p>
      {post.correction && (
        <p class="nr-post__correction">
          <strong>Correction:</strong> {post.correction.text} <Time iso={post.correction.at} />
        </p>
      )}
      {names.length > 0 && (
        <p class="nr-presence">
          <span aria-hidden="true">✎ </span>
          {names.join(' and ')} {names.length === 1 ? 'is' : 'are'} editing this post
        </p>
      )}
      <FormError message={error} />
      <div class="nr-actions nr-post__actions">
        {mayEdit(me, post) && (
          <button type="button" class="nr-button" onClick={props.onEdit}>
            Edit
          </button>
        )}
        {isEditor && post.status === 'submitted' && (
          <button type="button" class="nr-button nr-button--primary" onClick={() => void change({ status: 'published' }, `Approved: “${post.title}” is live.`)}>
            Approve
          </button>
        )}
        {isEditor && (post.status === 'draft' || post.status === 'scheduled') && (
          <button type="button" class="nr-button" onClick={() => void change({ status: 'published' }, `“${post.title}” is live.`)}>
            {post.status === 'scheduled' ? 'Go live now' : 'Go live'}
          </button>
        )}
        {!isEditor && post.status === 'draft' && post.authorId === me.id && (
          <button type="button" class="nr-button" onClick={() => void change({ status: 'submitted' }, `“${post.title}” was sent to the editors.`)}>
            Send to editors
          </button>
        )}
        {isEditor && post.status === 'published' && (post.pinned || !replaces ? (
          <button
            type="button"
            class="nr-button"
            aria-pressed={post.pinned ? 'true' : 'false'}
            onClick={() => void change({ pinned: !post.pinned }, post.pinned ? `“${post.title}” is no longer pinned.` : `“${post.title}” is pinned to the top.`)}
          >
            {post.pinned ? 'Unpin' : 'Pin'}
          </button>
        ) : (
          // A page has one pinned post: say which one this would replace.
          <ConfirmButton
            label="Pin"
            question={`Pin this instead of “${replaces.title}”? A page has one pinned post.`}
            confirm="Yes, pin this one"
            onConfirm={() => change({ pinned: true }, `“${post.title}” is pinned to the top, in place of “${replaces.title}”.`)}
          />
        ))}
        {isEditor && post.status === 'published' && (
          <ConfirmButton label="Take down" question="Take this post off the page?" confirm="Yes, take it down" onConfirm={takeDown} />
        )}
        {isEditor && post.status === 'unpublished' && (
          <button type="button" class="nr-button" onClick={() => void change({ status: 'published' }, `“${post.title}” is back on the page, at its original time.`)}>
            Put back on the page
          </button>
        )}
        {isEditor && post.status === 'published' && (
          <button type="button" class="nr-button" aria-expanded={open === 'correction' ? 'true' : 'false'} onClick={() => toggle('correction')}>
            Correction
          </button>
        )}
        {mayEdit(me, post) && (
          <button type="button" class="nr-button" aria-expanded={open === 'history' ? 'true' : 'false'} onClick={() => toggle('history')}>
            History
          </button>
        )}
        {post.status === 'published' && (
          <a class="nr-link" href={`/live/${slug}/posts/${post.id}`} target="_blank" rel="noopener">
            View on the page
          </a>
        )}
      </div>
      {open === 'history' && <PostHistory post={post} onChanged={props.onChanged} />}
      {open === 'correction' && <CorrectionForm post={post} onChanged={props.onChanged} onClose={() => setOpen(null)} />}
    </article>
  );
}
