/**
 * The rich-text editor (Tiptap/ProseMirror) and its toolbar: the bulk of the newsroom's
 * code, loaded on its own (`loadEditorKit`) so the desk's lists and buttons are up before
 * it arrives. Only this module may import editor.ts and toolbar.tsx at runtime.
 */
export { createEditor } from './editor.js';
export { Toolbar } from './toolbar.js';
