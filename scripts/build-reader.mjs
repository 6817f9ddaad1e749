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
//     <script src>, so it is a classic script (an IIFE), not a module;
//   - the stylesheets (public/*.css), minified into public/build/ (the server links those
//     when built, the readable originals otherwise).
// Every text file in public/ (the build, the stylesheets, the demo's SVG pictures) then gets
// Brotli (.br, quality 11) and gzip (.gz, level 9) siblings, made once here: the server
// sends them to readers that accept them (@fastify/static preCompressed), with the year-long
// immutable caching of versioned URLs.
//
//   node scripts/build-reader.mjs              → public/build/{live,newsroom,embed}.js
//   node scripts/build-reader.mjs out/live.js  → the reader script alone, to another file (tests)
import { build, transform } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function bundle({ name, entry, outfile, format = 'esm', budget, split = false, eager = [] }) {
  const result = await build({
    entryPoints: [join(root, 'src', entry)],
    ...(split
      ? { outdir: dirname(outfile), entryNames: basename(outfile, '.js'), chunkNames: 'chunks/[name]-[hash]', splitting: true, metafile: true }
      : { outfile }),
    bundle: true,
    format,
    minify: !process.env.NO_MINIFY || format === "iife" || outfile.endsWith("live.js"),
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
  if (split) writeModuleList(result.metafile, relative(root, outfile), eager);
}

/**
 * `<name>.modules.json` beside a split bundle: the chunks the app loads as it starts (the
 * entry's static imports, and the `eager` modules it imports at once with their own),
 * relative to the bundle's folder. The server names them in `<link rel="modulepreload">`,
 * so they download (and compile) alongside the entry instead of one after another as each
 * import is found.
 */
function writeModuleList(metafile, entry, eager) {
  const dir = dirname(entry);
  const eagerChunks = Object.entries(metafile.outputs).filter(([, o]) => eager.includes(o.entryPoint)).map(([f]) => f);
  const all = new Set([entry, ...eagerChunks].flatMap((f) => initialFiles(metafile, f)));
  const files = [...all].filter((f) => f !== entry && f.endsWith('.js'));
  writeFileSync(join(root, dir, `${basename(entry, '.js')}.modules.json`), `${JSON.stringify(files.map((f) => relative(dir, f)))}\n`);
}

/** The output file and every chunk it reaches through static imports. */
const initialFiles = (metafile, entry) => reachable(metafile, entry, ['import-statement']);

/** The output file and every chunk it reaches through imports of these kinds. */
function reachable(metafile, entry, kinds) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) if (kinds.includes(i.kind)) visit(i.path);
  };
  visit(entry);
  return [...seen];
}

const out = join(root, 'public', 'build');
await bundle({ name: 'reader script', entry: 'reader/live.ts', outfile: resolve(process.argv[2] ?? join(out, 'live.js')), budget: 10 * 1024 });
if (!process.argv[2]) {
  rmSync(join(out, 'chunks'), { recursive: true, force: true }); // no stale chunks left behind
  // main.ts imports the editor at once (load-editor.ts): it is preloaded with the app.
  await bundle({ name: 'newsroom app', entry: 'newsroom/main.ts', outfile: join(out, 'newsroom.js'), budget: 150 * 1024, split: true, eager: ['src/newsroom/editor-kit.ts'] });
  await bundle({ name: 'embed script', entry: 'reader/embed-host.ts', outfile: join(out, 'embed.js'), format: 'iife' });
  for (const css of ['livepage.css', 'embed.css', 'newsroom.css']) await minifyCss(css);
  precompress(join(root, 'public'));
}

/** public/NAME.css minified to public/build/NAME.css (same URLs inside: it has none). */
async function minifyCss(name) {
  const source = readFileSync(join(root, 'public', name), 'utf8');
  // Whitespace and shorthands only, no lowering for older browsers: lowering the logical
  // properties (RTL pages) into per-direction selectors made 2.4× the style and layout work
  // on a phone (Lighthouse 95 → 91). The source already works where we run.
  const { code, warnings } = await transform(source, { loader: 'css', minify: true, logLevel: 'warning' });
  // An unbalanced brace (a merge can leave one) nests every later rule in the browser: refuse it.
  if (warnings.length > 0) {
    console.error(`public/${name} has CSS errors (above): fix them before building`);
    process.exit(1);
  }
  writeFileSync(join(out, name), code);
  console.log(`stylesheet: public/build/${name} ${kb(source.length)} → ${kb(code.length)} minified, ${kb(brotli(Buffer.from(code)).length)} Brotli`);
}

function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

/** file.br and file.gz beside every text file under dir (stale ones replaced; the chunks dir is rebuilt above). */
function precompress(dir) {
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(js|css|svg|json|txt|xml|html)$/.test(e.name)) continue;
    const file = join(e.parentPath, e.name);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotli(bytes));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    files++;
  }
  console.log(`precompressed: ${files} files in public/ (.br and .gz)`);
}
