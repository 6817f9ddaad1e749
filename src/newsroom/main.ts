/** Entry of the newsroom bundle (public/build/newsroom.js, built by scripts/build-reader.mjs). */
import { startNewsroom } from './app.js';

const root = document.getElementById('newsroom-app');
if (root) startNewsroom(root);
