/**
 * The desk's composer for a new post: autosaved in this browser (draft-store.ts), sent
 * with an Idempotency-Key that stays the same for this composed post until it is sent —
 * across retries and reloads — so a retry after a lost answer cannot publish it twice.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import type { ComposerAction } from './composer-actions.js';
import { Composer } from './composer.js';
import { useApp } from './context.js';
import { useSaver } from './use-saver.js';
import { browserStorage, clearDraft, loadDraft, newIdempotencyKey, saveDraft } from './draft-store.js';
import { createBody, emptyFields, scheduledInstant, isBlank, type PostAction, type PostFields } from './post-fields.js';
import { previewHtml } from './posts.js';
import { blocksToDoc } from './blocks.js';
import { usePageZone, zonedTime } from './composer-parts.js';
import { SnippetPicker } from './snippets.js';
import type { ApiPost, Contributor, Snippet } from './types.js';
import { formatTime } from './ui.js';

export interface NewPostProps {
  slug: string;
  isEditor: boolean;
  savedContributors: Contributor[];
  /** The page's pinned post, which pinning this one would replace. */
  pinned: { id: string; title: string } | null;
  /** After sending: announce `message` and refresh the desk. */
  onSent: (message: string) => void;
  /** My byline, when the composer starts with me as contributor (my setting says so). */
  myByline: Contributor | null;
  /** Colleagues' bylines, one tap away. */
  team: Contributor[];
  snippets: Snippet[];
}

const EDITOR_ACTIONS: ComposerAction[] = [
  { action: 'publish', label: 'Publish' },
  { action: 'draft', label: 'Save draft' },
  { action: 'schedule', label: 'Schedule' },
];
const CONTRIBUTOR_ACTIONS: ComposerAction[] = [
  { action: 'submit', label: 'Submit for review' },
  { action: 'draft', label: 'Save draft' },
];

export function NewPost({ slug, isEditor, savedContributors, pinned, onSent, myByline, team, snippets }: NewPostProps) {
  const { api, me } = useApp();
  const zone = usePageZone();
  const [composerKey, setComposerKey] = useState(0);
  const [note, setNote] = useState<string | undefined>();
  const firstChange = useRef(true);
  const restored = useMemo(() => {
    firstChange.current = true;
    const s = browserStorage();
    return s ? loadDraft(s, me.id, slug) : null;
  }, [composerKey, slug]);
  // Every post goes out with a byline: mine, unless I removed it or turned the default off.
  const initial = useMemo(() => restored?.fields ?? { ...emptyFields(), contributors: myByline ? [myByline] : [] }, [restored]);
  const [done, setDone] = useState<{ message: string; url?: string } | null>(null);
  const [fromSnippet, setFromSnippet] = useState<PostFields | null>(null);
  // One key per composed post: the restored draft's, else a new one; renewed once sent.
  const idempotencyKey = useRef(restored?.idempotencyKey ?? newIdempotencyKey());

  // Autosave: a moment after the last change, and at once when the tab goes away.
  const saver = useSaver<PostFields>(
    (_, fields) => {
      const s = browserStorage();
      if (!s) return;
      if (isBlank(fields)) clearDraft(s, me.id, slug);
      else if (saveDraft(s, me.id, slug, fields, idempotencyKey.current)) setNote(`Saved in this browser at ${formatTime(new Date().toISOString())}.`);
    },
    [slug],
  );
  const onChange = (f: PostFields) => {
    if (firstChange.current) return void (firstChange.current = false); // the restored draft itself
    saver.schedule('draft', f);
  };

  const create = async (action: PostAction, fields: PostFields) => {
    if (action === 'save') return;
    // The key goes into the draft before the request, so a reload after a lost answer retries with it.
    saver.cancel('draft');
    const s = browserStorage();
    if (s) saveDraft(s, me.id, slug, fields, idempotencyKey.current);
    let post: ApiPost;
    try {
      post = await api.send<ApiPost>('POST', `/api/v1/pages/${slug}/posts`, createBody(fields, action), { 'idempotency-key': idempotencyKey.current });
    } catch (e) {
      // Refused (400, 403, 422…): nothing was created, and the server may remember the
      // refusal under this key; the corrected post goes with a new one. No answer, a 5xx
      // or a 409 (the first try still running) leave the outcome open: keep the key.
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409) {
        idempotencyKey.current = newIdempotencyKey();
        if (s) saveDraft(s, me.id, slug, fields, idempotencyKey.current);
      }
      throw e;
    }
    // Sent: the autosaved copy has done its job, and the next post is another one.
    idempotencyKey.current = newIdempotencyKey();
    saver.cancel('draft');
    if (s) clearDraft(s, me.id, slug);
    setNote(undefined);
    setComposerKey((k) => k + 1);
    const when = action === 'schedule' ? zonedTime(scheduledInstant(fields.scheduledFor), zone) : '';
    const unpinned = fields.pinned && action !== 'publish' ? ' It is not pinned: pin it once it is live.' : '';
    const said: Record<Exclude<PostAction, 'save'>, string> = {
      publish: `Published “${post.title}”.`,
      submit: `“${post.title}” was sent to the editors for review.`,
      draft: `Draft “${post.title}” saved.${unpinned}`,
      schedule: `“${post.title}” is scheduled for ${when}.${unpinned}`,
    };
    setDone({ message: said[action], ...(action === 'publish' ? { url: post.url } : {}) });
    setFromSnippet(null);
    onSent(said[action]);
  };

  /** Starts the composer again from a snippet (its title and body), keeping my byline. */
  const useSnippet = (s: Snippet) => {
    setFromSnippet({ ...emptyFields(), title: s.title ?? '', doc: blocksToDoc(s.body), contributors: myByline ? [myByline] : [] });
    setComposerKey((k) => k + 1);
  };

  return (
    <section class="nr-desk__composer nr-card" aria-labelledby="nr-new-heading">
      <h2 id="nr-new-heading">New post</h2>
      <Composer
        key={composerKey}
        idPrefix="nr-new"
        initial={fromSnippet ?? initial}
        done={done}
        team={team}
        options={snippets.length > 0 && <SnippetPicker snippets={snippets} onPick={useSnippet} />}
        actions={isEditor ? EDITOR_ACTIONS : CONTRIBUTOR_ACTIONS}
        canPin={isEditor}
        pinNote={pinned ? `It replaces the pinned post “${pinned.title}”.` : undefined}
        savedContributors={savedContributors}
        onChange={onChange}
        onAction={create}
        onPreview={(f) => previewHtml(api, slug, createBody(f, 'draft'))}
        upload={{ api, slug }}
        // Never undefined: the line is kept (empty) until the first autosave fills it.
        note={note ?? (restored ? `Your unsent post was restored (saved in this browser at ${formatTime(restored.savedAt)}).` : '')}
      />
    </section>
  );
}
