/**
 * Editing a post in place. Saving sends `If-Match` with the version the journalist
 * started from; when a colleague saved first (409), their version is shown beside ours
 * and nothing is overwritten unless the journalist chooses to. The edit in progress
 * lives in the desk (and, through it, in this browser's autosave), so a refresh, a move
 * between lists, a reload or an ended session keeps it, base version included.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isConflict, messageOf, type Api } from './api.js';
import type { ComposerAction } from './composer-actions.js';
import { Composer } from './composer.js';
import { atLeast, useApp } from './context.js';
import { baseOf, type EditBase, type EditDraft } from './draft-store.js';
import { fieldsFromPost, patchBody, type PostAction, type PostFields } from './post-fields.js';
import { excerpt, previewHtml } from './posts.js';
import type { ApiPost, Contributor, Me } from './types.js';
import { FormError } from './ui.js';

/** How often an open editor renews "X is editing this post" (the server forgets after 30 s). */
const PRESENCE_RENEW_MS = 15_000;

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

function editActions(me: Me, post: EditBase): ComposerAction[] {
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

export interface PostEditorProps {
  /** The edit as the desk keeps it: fields and the version they started from. */
  draft: EditDraft;
  slug: string;
  savedContributors: Contributor[];
  /** A note under the buttons, e.g. that the edit was restored from this browser. */
  note?: string | undefined;
  onDraft: (draft: EditDraft) => void;
  /** Cancel: the edit is dropped. */
  onClose: () => void;
  onSaved: (message: string) => void;
}

export function PostEditor(props: PostEditorProps) {
  const { api, me } = useApp();
  const [base, setBase] = useState<EditBase>(props.draft.base);
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<PostFields>(props.draft.fields);
  const conflictRef = useRef<HTMLDivElement>(null);
  usePresence(api, base.id);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  // A new base (their version taken, or replaced): the desk's copy must carry it.
  const mountedBase = useRef(base);
  useEffect(() => {
    if (base !== mountedBase.current) props.onDraft({ fields: latest.current, base });
  }, [base, generation]);

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

  return (
    <div class="nr-post nr-post--editing" role="group" aria-label={`Editing “${base.title}”`}>
      <Composer
        key={generation}
        idPrefix={`nr-edit-${base.id}-${generation}`}
        initial={latest.current}
        actions={editActions(me, base)}
        canPin={false}
        savedContributors={props.savedContributors}
        onChange={(f) => {
          latest.current = f;
          props.onDraft({ fields: f, base });
        }}
        onAction={(action, fields) => save(action, fields, base.version)}
        onPreview={(f) => previewHtml(api, props.slug, patchBody(f, 'save'))}
        upload={{ api, slug: props.slug }}
        onCancel={props.onClose}
        note={props.note}
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
                  latest.current = fieldsFromPost(conflict.theirs);
                  setBase(baseOf(conflict.theirs));
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
                  setBase(baseOf(theirs));
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
