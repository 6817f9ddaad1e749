/**
 * The desk's in-place edits: which posts are open in an editor and what has been typed
 * in each, kept across refreshes (a post moving from the queue to the page keeps its
 * editor) and in this browser's storage across reloads and ended sessions, with the
 * version each edit started from, so a colleague's change in between is still a conflict.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from './context.js';
import { useSaver } from './use-saver.js';
import { browserStorage, clearEdit, editOf, loadEdits, saveEdit, type EditDraft } from './draft-store.js';
import type { PostFields } from './post-fields.js';
import type { ApiPost } from './types.js';

export function useEdits(slug: string) {
  const { me } = useApp();
  const restored = useMemo(() => {
    const s = browserStorage();
    return s ? loadEdits(s, me.id, slug) : [];
  }, [slug]);
  const drafts = useRef(new Map<string, EditDraft>(restored.map((d) => [d.base.id, d])));
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(restored.map((d) => d.base.id)));
  const [fromStorage] = useState(() => new Set(restored.map((d) => d.base.id)));
  /** The fields as the editor first showed them: until they change there is nothing to keep. */
  const pristine = useRef(new Map<string, string>());

  const saver = useSaver<EditDraft | null>(
    (id, d) => {
      const s = browserStorage();
      if (!s) return;
      if (d) saveEdit(s, me.id, slug, d);
      else clearEdit(s, me.id, slug, id);
    },
    [slug],
  );

  const setOpenTo = (id: string, on: boolean) =>
    setOpen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return {
    open,
    /** The edit of an open post, as last typed. */
    draft: (id: string) => drafts.current.get(id),
    /** True when the edit came back from this browser's storage (a reload, a new session). */
    restored: (id: string) => fromStorage.has(id),
    start(post: ApiPost) {
      drafts.current.set(post.id, editOf(post));
      setOpenTo(post.id, true);
    },
    update(d: EditDraft) {
      const id = d.base.id;
      drafts.current.set(id, d);
      const json = JSON.stringify(d.fields satisfies PostFields);
      if (!fromStorage.has(id) && !pristine.current.has(id)) pristine.current.set(id, json);
      saver.schedule(id, pristine.current.get(id) === json ? null : d);
    },
    /** Saved or cancelled: the edit and its stored copy go. */
    close(id: string) {
      drafts.current.delete(id);
      pristine.current.delete(id);
      fromStorage.delete(id);
      saver.cancel(id);
      const s = browserStorage();
      if (s) clearEdit(s, me.id, slug, id);
      setOpenTo(id, false);
    },
  };
}
