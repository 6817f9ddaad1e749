#!/usr/bin/env node
// Bundles the browser scripts with esbuild, prints each one's minified and gzipped size,
// and fails when one is over its gzipped budget:
//   - the reader script (src/reader/live.ts; issue #3: ≤ 10 KB minified + gzipped);
//   - the newsroom app (src/newsroom/main.ts: Preact + Tiptap/ProseMirror). Its budget
//     guards against a dependency quietly growing what a phone on a poor connection must
//     fetch (the editor is most of it; micromark checks inline Markdown as the server does);
//   - `/embed.js` for other sites (src/reader/embed-host.ts). Sites include it with a plain
//     <script src>, so it is a classic script (an IIFE), not a module.
//
//   node scripts/build-reader.mjs              → public/build/{live,newsroom,embed}.js
//   node scripts/build-reader.mjs out/live.js  → the reader script alone, to another file (tests)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function bundle({ name, entry, outfile, format = 'esm', budget }) {
  await build({
    entryPoints: [join(root, 'src', entry)],
    outfile,
    bundle: true,
    format,
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
  console.log(`${name}: ${relative(root, outfile)} ${kb(code.length)} minified, ${kb(gzipped)} gzipped${budget ? ` (budget ${kb(budget)})` : ''}`);
  if (budget && gzipped > budget) {
    console.error(`${name} is over budget: ${gzipped} > ${budget} bytes gzipped`);
    process.exit(1);
  }
}

const out = join(root, 'public', 'build');
await bundle({ name: 'reader script', entry: 'reader/live.ts', outfile: resolve(process.argv[2] ?? join(out, 'live.js')), budget: 10 * 1024 });
if (!process.argv[2]) {
  await bundle({ name: 'newsroom app', entry: 'newsroom/main.ts', outfile: join(out, 'newsroom.js'), budget: 180 * 1024 });
  await bundle({ name: 'embed script', entry: 'reader/embed-host.ts', outfile: join(out, 'embed.js'), format: 'iife' });
}
