#!/usr/bin/env node
// Bundles the reader script (src/reader/live.ts) for browsers with esbuild, prints its
// minified and gzipped sizes, and fails when the gzipped size is over budget
// (issue #3: ≤ 10 KB minified + gzipped).
//
//   node scripts/build-reader.mjs              → public/build/live.js
//   node scripts/build-reader.mjs out/live.js  → another file (tests build to a temp dir)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const BUDGET = 10 * 1024;
const outfile = resolve(process.argv[2] ?? join(root, 'public', 'build', 'live.js'));

await build({
  entryPoints: [join(root, 'src', 'reader', 'live.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  minify: true,
  // Module scripts only run in browsers from 2018 on; es2019 keeps the output plain
  // (no `??=` or `?.` left for engines that lack them).
  target: 'es2019',
  platform: 'browser',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

const code = readFileSync(outfile);
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`reader script: ${relative(root, outfile)} ${kb(code.length)} minified, ${kb(gzipped)} gzipped (budget ${kb(BUDGET)})`);
if (gzipped > BUDGET) {
  console.error(`reader script is over budget: ${gzipped} > ${BUDGET} bytes gzipped`);
  process.exit(1);
}

// The newsroom app (src/newsroom/main.ts: Preact + Tiptap/ProseMirror) for journalists'
// browsers, only when building the default outputs. Its budget guards against a
// dependency quietly growing what a phone on a poor connection must fetch (the editor,
// Tiptap with ProseMirror, is most of it; micromark checks inline Markdown as the server does).
if (!process.argv[2]) {
  const NEWSROOM_BUDGET = 180 * 1024;
  const newsroomFile = join(root, 'public', 'build', 'newsroom.js');
  await build({
    entryPoints: [join(root, 'src', 'newsroom', 'main.ts')],
    outfile: newsroomFile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2019',
    platform: 'browser',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const newsroom = readFileSync(newsroomFile);
  const newsroomGzipped = gzipSync(newsroom, { level: 9 }).length;
  console.log(`newsroom app: ${relative(root, newsroomFile)} ${kb(newsroom.length)} minified, ${kb(newsroomGzipped)} gzipped (budget ${kb(NEWSROOM_BUDGET)})`);
  if (newsroomGzipped > NEWSROOM_BUDGET) {
    console.error(`newsroom app is over budget: ${newsroomGzipped} > ${NEWSROOM_BUDGET} bytes gzipped`);
    process.exit(1);
  }
}

// `/embed.js` for other sites (src/reader/embed-host.ts), beside the reader script. Sites
// include it with a plain <script src>, so it is a classic script (an IIFE), not a module.
if (!process.argv[2]) {
  const embedFile = join(root, 'public', 'build', 'embed.js');
  await build({
    entryPoints: [join(root, 'src', 'reader', 'embed-host.ts')],
    outfile: embedFile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const embed = readFileSync(embedFile);
  console.log(`embed script: ${relative(root, embedFile)} ${kb(embed.length)} minified, ${kb(gzipSync(embed, { level: 9 }).length)} gzipped`);
}
