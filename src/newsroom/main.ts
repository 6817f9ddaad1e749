/** Entry of the newsroom bundle (public/build/newsroom.js, built by scripts/build-reader.mjs). */
import { startNewsroom } from './app.js';
import { loadEditorKit } from './load-editor.js';

const root = document.getElementById('newsroom-app');
if (root) {
  startNewsroom(root);
  // The editor chunk downloads while the desk reads its data; a composer waits for it only if it must.
  void loadEditorKit();
}
