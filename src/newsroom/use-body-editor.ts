/**
 * The composer's body editor: created in `holder` once the editor's chunk is in
 * (load-editor.ts; the composer's fields show at once meanwhile), destroyed with the
 * composer. Every transaction renders again (the toolbar shows the formats at the caret);
 * every change calls `onChange`, and so does the creation itself, so anything typed in the
 * title while the chunk loaded is saved too.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { startUpload, type UploadTarget } from './image-uploads.js';
import { loadEditorKit, type EditorKit } from './load-editor.js';

export interface BodyEditorOptions {
  /** The composer's id prefix: the editor is labelled and described by its elements. */
  id: string;
  content: JSONContent;
  /** Where pasted and dropped photos upload to; without it they are left to the browser. */
  upload?: UploadTarget | undefined;
  onChange: () => void;
}

export function useBodyEditor({ id, content, upload, onChange }: BodyEditorOptions) {
  const holder = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [kit, setKit] = useState<EditorKit | null>(null);
  const [, setTick] = useState(0);
  /** Counts Ctrl/Cmd+K presses: the toolbar opens its link form on each. */
  const [linkRequest, setLinkRequest] = useState(0);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    let alive = true;
    let ed: Editor | null = null;
    void loadEditorKit().then((k) => {
      if (!alive) return;
      ed = k.createEditor({
        element: holder.current!,
        content,
        labelledBy: `${id}-body-label`,
        describedBy: `${id}-body-error`,
        onLinkShortcut: () => setLinkRequest((n) => n + 1),
        // Several dropped at one place: each goes in at that place, so the last is inserted first.
        ...(upload ? { onImageFiles: (files: File[], at?: number) => (at === undefined ? files : [...files].reverse()).forEach((f) => editorRef.current && startUpload(editorRef.current, upload, f, at)) } : {}),
      });
      editorRef.current = ed;
      setKit(k);
      setEditor(ed);
      ed.on('transaction', () => setTick((n) => n + 1));
      ed.on('update', () => changed.current());
      changed.current();
    });
    return () => {
      alive = false;
      editorRef.current = null;
      ed?.destroy();
    };
  }, []);

  return { holder, editorRef, editor, kit, linkRequest };
}
