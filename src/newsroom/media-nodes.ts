/**
 * The editor's media nodes as data: their kinds and attributes, and inserting one. Kept
 * apart from editor.ts (Tiptap itself, in the editor chunk) so the composer's photo code
 * can insert media without pulling the editor into the newsroom's first script.
 */
import type { Editor } from '@tiptap/core';

export type MediaKind = 'image' | 'video' | 'embed';

/**
 * The attributes each media node keeps: the block's fields (blocks.ts reads them). An
 * image's mediaId and color (our own picture, SPEC §2) are kept but not typed in a form.
 */
export const MEDIA_ATTRS: Record<MediaKind, readonly string[]> = {
  image: ['src', 'alt', 'caption', 'credit', 'width', 'height', 'mediaId', 'color'],
  video: ['src', 'caption', 'poster', 'credit'],
  embed: ['url', 'caption'],
};

/** The media node selected right now, if any (to edit its fields). */
export function selectedMedia(editor: Editor): { kind: MediaKind; attrs: Record<string, unknown> } | null {
  const sel = editor.state.selection as { node?: { type: { name: string }; attrs: Record<string, unknown> } };
  const name = sel.node?.type.name;
  return name === 'image' || name === 'video' || name === 'embed' ? { kind: name, attrs: sel.node!.attrs } : null;
}

/**
 * Inserts a media node followed by an empty paragraph and puts the cursor there, so the
 * next words typed or the next media inserted go after it. Leaving the new node selected
 * (insertContent's default for an atom) made the next keystroke or insert replace it:
 * a credited photo silently lost. With a media node selected, the new one goes after it.
 */
export function insertMedia(editor: Editor, kind: MediaKind, attrs: Record<string, unknown>): void {
  const content = [{ type: kind, attrs }, { type: 'paragraph' }];
  const at = selectedMedia(editor) ? editor.state.selection.to : null;
  const chain = editor.chain().focus();
  (at === null ? chain.insertContent(content) : chain.insertContentAt(at, content)).run();
}
