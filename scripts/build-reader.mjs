#!/usr/bin/env node
// Bundles the browser scripts with esbuild, prints each one's minified and gzipped size,
// and fails when one is over its gzipped budget:
//   - the reader script (src/reader/live.ts; issue #3: ≤ 10 KB minified + gzipped);
//   - the newsroom app (src/newsroom/main.ts: Preact + Tiptap/ProseMirror). The editor is
//     split off (src/newsroom/editor-kit.ts, loaded when a composer opens), so the budget is
//     on the initial JavaScript: the entry and the chunks it imports statically. It guards
//     against a dependency quietly growing what a phone on a poor connection must fetch
//     before the desk works (micromark checks inline Markdown as the server does);
//   - `/embed.js` for other sites (src/reader/embed-host.ts). Sites include it with a plain
//     <script src>, so it is a classic script (an IIFE), not a module.
//
//   node scripts/build-reader.mjs              → public/build/{live,newsroom,embed}.js
//   node scripts/build-reader.mjs out/live.js  → the reader script alone, to another file (tests)
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function bundle({ name, entry, outfile, format = 'esm', budget, split = false }) {
  const result = await build({
    entryPoints: [join(root, 'src', entry)],
    ...(split
      ? { outdir: dirname(outfile), entryNames: basename(outfile, '.js'), chunkNames: 'chunks/[name]-[hash]', splitting: true, metafile: true }
      : { outfile }),
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
  // What loads before the app runs: the file and, when split, the chunks it imports statically.
  const files = split ? initialFiles(result.metafile, relative(root, outfile)) : [relative(root, outfile)];
  const sizes = files.map((f) => readFileSync(join(root, f))).map((code) => ({ min: code.length, gz: gzipSync(code, { level: 9 }).length }));
  const gzipped = sizes.reduce((n, s) => n + s.gz, 0);
  const minified = sizes.reduce((n, s) => n + s.min, 0);
  const initial = split ? ` initial (${files.length} files; the rest loads on demand)` : '';
  console.log(`${name}: ${relative(root, outfile)} ${kb(minified)} minified, ${kb(gzipped)} gzipped${initial}${budget ? ` (budget ${kb(budget)})` : ''}`);
  if (budget && gzipped > budget) {
    console.error(`${name} is over budget: ${gzipped} > ${budget} bytes gzipped`);
    process.exit(1);
  }
}

/** The output file and every chunk it reaches through static imports. */
function initialFiles(metafile, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  return [...seen];
}

const out = join(root, 'public', 'build');
await bundle({ name: 'reader script', entry: 'reader/live.ts', outfile: resolve(process.argv[2] ?? join(out, 'live.js')), budget: 10 * 1024 });
if (!process.argv[2]) {
  rmSync(join(out, 'chunks'), { recursive: true, force: true }); // no stale chunks left behind
  await bundle({ name: 'newsroom app', entry: 'newsroom/main.ts', outfile: join(out, 'newsroom.js'), budget: 150 * 1024, split: true });
  await bundle({ name: 'embed script', entry: 'reader/embed-host.ts', outfile: join(out, 'embed.js'), format: 'iife' });
}
