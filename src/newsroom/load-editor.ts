/** Loads the editor chunk once (esbuild splits it off the newsroom's first script). */
export type EditorKit = typeof import('./editor-kit.js');

let kit: Promise<EditorKit> | undefined;

export const loadEditorKit = (): Promise<EditorKit> => (kit ??= import('./editor-kit.js'));
