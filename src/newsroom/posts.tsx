/**
 * A post on the desk: what it says, who is editing it, and what may be done with it
 * (edit in place, approve, pin, take down). Editing sends `If-Match` with the version
 * the journalist started from; when a colleague saved first (409), their version is
 * shown beside ours and nothing is overwritten unless the journalist chooses to.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isConflict, messageOf, type Api } from './api.js';
import { blocksToPlain } from './blocks.js';
import { Composer, type ComposerAction } from './composer.js';
import { atLeast, useApp } from './context.js';
import { fieldsFromPost, patchBody, type PostAction, type PostFields } from './post-fields.js';
import { LABEL_NAMES, type ApiPost, type Contributor, type Me } from './types.js';
import { ConfirmButton, FormError, Time } from './ui.js';

/** How often an open editor renews "X is editing this post" (the server forgets after 30 s). */
const PRESENCE_RENEW_MS = 15_000;

export interface PostCardProps {
  post: ApiPost;
  slug: string;
  /** Colleagues editing this post now. */
  editingBy: string[];
  savedContributors: Contributor[];
  /** After a change: refetch, and announce `message`. */
  onChanged: (message: string) => void;
  /** The desk keeps who is editing what, and the unsaved edit, across refreshes and moves between lists. */
  editing: boolean;
  onEditing: (editing: boolean) => void;
  resume: EditDraft | undefined;
  onDraft: (draft: EditDraft) => void;
}

/** An edit in progress: the fields as typed and the version they started from (for If-Match). */
export interface EditDraft {
  fields: PostFields;
  base: ApiPost;
}

const STATUS_NAMES: Record<ApiPost['status'], string> = {
  published: 'Published',
  draft: 'Draft',
  submitted: 'Waiting for approval',
  scheduled: 'Scheduled',
  unpublished: 'Taken down',
};

/** A person may edit a post: editors any, contributors their own until it is published. */
export const mayEdit = (me: Me, post: ApiPost) =>
  atLeast(me.role, 'editor') || (post.authorId === me.id && post.status !== 'published' && post.status !== 'unpublished');

export function excerpt(post: ApiPost, max = 220): string {
  const text = blocksToPlain(post.body);
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
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
  const isEditor = atLeast(me.role, 'editor');
  const titleId = `nr-post-${post.id}-title`;

  if (props.editing)
    return (
      <PostEditor
        post={post}
        slug={slug}
        resume={props.resume}
        onDraft={props.onDraft}
        savedContributors={props.savedContributors}
        onClose={() => props.onEditing(false)}
        onSaved={(message) => {
          props.onEditing(false);
          props.onChanged(message);
        }}
      />
    );

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
      {names.length > 0 && (
        <p class="nr-presence">
          <span aria-hidden="true">✎ </span>
          {names.join(' and ')} {names.length === 1 ? 'is' : 'are'} editing this post
        </p>
      )}
      <FormError message={error} />
      <div class="nr-actions nr-post__actions">
        {mayEdit(me, post) && (
          <button type="button" class="nr-button" onClick={() => props.onEditing(true)}>
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
        {isEditor && post.status === 'published' && (
          <button
            type="button"
            class="nr-button"
            aria-pressed={post.pinned ? 'true' : 'false'}
            onClick={() => void change({ pinned: !post.pinned }, post.pinned ? `“${post.title}” is no longer pinned.` : `“${post.title}” is pinned to the top.`)}
          >
            {post.pinned ? 'Unpin' : 'Pin'}
          </button>
        )}
        {isEditor && post.status === 'published' && (
          <ConfirmButton label="Take down" question="Take this post off the page?" confirm="Yes, take it down" onConfirm={takeDown} />
        )}
        {post.status === 'published' && (
          <a class="nr-link" href={`/live/${slug}/posts/${post.id}`} target="_blank" rel="noopener">
            View on the page
          </a>
        )}
      </div>
    </article>
  );
}

function usePresence(api: Api, postId: string): void {
  useEffect(() => {
    const put = (editing: boolean) => api.send('PUT', `/api/v1/posts/${postId}/presence`, { editing }).catch(() => undefined);
    void put(true);
    const timer = setInterval(() => void put(true), PRESENCE_RENEW_MS);
    return () => {
      clearInterval(timer);
      void put(false);
    };
  }, [postId]);
}

function editActions(me: Me, post: ApiPost): ComposerAction[] {
  const save: ComposerAction = { action: 'save', label: 'Save changes' };
  if (!atLeast(me.role, 'editor')) return post.status === 'draft' ? [save, { action: 'submit', label: 'Save and send to editors' }] : [save];
  switch (post.status) {
    case 'draft':
      return [save, { action: 'publish', label: 'Save and publish' }, { action: 'schedule', label: 'Schedule' }];
    case 'submitted':
      return [save, { action: 'publish', label: 'Approve and publish' }];
    case 'scheduled':
      return [save, { action: 'schedule', label: 'Reschedule' }, { action: 'publish', label: 'Publish now' }];
    default:
      return [save];
  }
}

const DONE: Record<PostAction, string> = {
  save: 'Changes saved.',
  publish: 'Published.',
  submit: 'Sent to the editors.',
  draft: 'Draft saved.',
  schedule: 'Scheduled.',
};

interface Conflict {
  theirs: ApiPost;
  html: string;
  action: PostAction;
}

interface PostEditorProps {
  post: ApiPost;
  slug: string;
  savedContributors: Contributor[];
  resume: EditDraft | undefined;
  onDraft: (draft: EditDraft) => void;
  onClose: () => void;
  onSaved: (message: string) => void;
}

function PostEditor(props: PostEditorProps) {
  const { api, me } = useApp();
  // Resumed after a refresh moved the post (say, from the queue to the page): same
  // fields, same base version, so a colleague's change in between is still a conflict.
  const [base, setBase] = useState(props.resume?.base ?? props.post);
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<PostFields>(props.resume?.fields ?? fieldsFromPost(props.post));
  const conflictRef = useRef<HTMLDivElement>(null);
  usePresence(api, props.post.id);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  useEffect(() => props.onDraft({ fields: latest.current, base }), [base]);

  const save = async (action: PostAction, fields: PostFields, version: number) => {
    setError(null);
    try {
      await api.send<ApiPost>('PATCH', `/api/v1/posts/${base.id}`, patchBody(fields, action), { 'if-match': `"${version}"` });
    } catch (e) {
      if (!isConflict(e)) throw e;
      const theirs = await api.get<ApiPost>(`/api/v1/posts/${base.id}`);
      const html = await previewHtml(api, props.slug, patchBody(fieldsFromPost(theirs), 'save')).catch(() => '');
      setConflict({ theirs, html, action });
      return;
    }
    props.onSaved(DONE[action]);
  };

  const initial = generation === 0 ? latest.current : fieldsFromPost(base);
  return (
    <div class="nr-post nr-post--editing" role="group" aria-label={`Editing “${base.title}”`}>
      <Composer
        key={generation}
        idPrefix={`nr-edit-${base.id}-${generation}`}
        initial={initial}
        actions={editActions(me, base)}
        canPin={false}
        savedContributors={props.savedContributors}
        onChange={(f) => {
          latest.current = f;
          props.onDraft({ fields: f, base });
        }}
        onAction={(action, fields) => save(action, fields, base.version)}
        onPreview={(f) => previewHtml(api, props.slug, patchBody(f, 'save'))}
        onCancel={props.onClose}
      >
        <FormError message={error} />
        {conflict && (
          <div class="nr-conflict" role="alert" tabIndex={-1} ref={conflictRef}>
            <h4>A colleague saved this post while you were editing it</h4>
            <p>
              Their version (version {conflict.theirs.version}) is below. Your changes are still in the editor; nothing has been
              overwritten.
            </p>
            <div class="nr-conflict__theirs">
              {conflict.html ? (
                <div class="lp-stream" dangerouslySetInnerHTML={{ __html: conflict.html }} />
              ) : (
                <>
                  <p class="nr-conflict__title">{conflict.theirs.title}</p>
                  <p>{excerpt(conflict.theirs, 600)}</p>
                </>
              )}
            </div>
            <div class="nr-actions">
              <button
                type="button"
                class="nr-button"
                onClick={() => {
                  setBase(conflict.theirs);
                  latest.current = fieldsFromPost(conflict.theirs);
                  setConflict(null);
                  setGeneration((g) => g + 1);
                }}
              >
                Use their version
              </button>
              <button
                type="button"
                class="nr-button nr-button--danger"
                onClick={() => {
                  const theirs = conflict.theirs;
                  setBase(theirs);
                  setConflict(null);
                  save(conflict.action, latest.current, theirs.version).catch((e) => setError(messageOf(e)));
                }}
              >
                Replace theirs with mine
              </button>
            </div>
          </div>
        )}
      </Composer>
    </div>
  );
}
