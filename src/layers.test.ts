/**
 * The layers point one way (docs/ARCHITECTURE.md, "Where code goes"): each folder of src/
 * may import only the folders listed for it, and no module imports itself back through
 * others. A command that imported the server could not run in the CLI or a worker without
 * the HTTP layer; a cycle makes load order matter and hides which piece depends on which.
 * Tests and src/test/ (the test helpers) may import anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

/** What each folder may import, besides itself. */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  // Metrics know nothing of the app: the server hands them their sources and calls their recorders.
  metrics: [],
  store: ['domain'],
  net: ['domain'],
  media: ['domain', 'store', 'net'],
  commands: ['domain', 'store', 'media'],
  render: ['domain'],
  realtime: ['domain', 'store', 'render'],
  server: ['domain', 'store', 'commands', 'render', 'realtime', 'media', 'net', 'metrics'],
  cli: ['domain', 'store', 'commands', 'render', 'realtime', 'media', 'net', 'server', 'metrics'],
  // The browser bundles carry no server code: pure domain rules only (types from anywhere,
  // `import type` is erased from the bundle).
  reader: ['domain'],
  newsroom: ['domain'],
  // The API's generated types, for integrators: nothing of ours.
  client: [],
};
const TYPES_FROM_ANYWHERE = new Set(['reader', 'newsroom']);

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('test/');

/** Every source module under src/, as paths relative to it. */
const modules = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

/** The modules a file imports (relative imports, type-only ones included), as paths under src/ with .ts/.tsx. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(join(src, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b(\s+type\b)?[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => {
    const target = relative(src, resolve(dirname(join(src, file)), m[2]!)).replace(/\.js$/, '');
    return { target: modules.find((f) => f === `${target}.ts` || f === `${target}.tsx`) ?? target, typeOnly: m[1] !== undefined };
  });
}

const folderOf = (file: string) => file.split('/')[0]!;

it('every folder imports only the layers below it', () => {
  const found: string[] = [];
  for (const file of modules.filter((f) => !isTest(f) && f.includes('/'))) {
    const from = folderOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) {
      found.push(`${from}/ has no rule in ALLOWED`);
      continue;
    }
    for (const { target, typeOnly } of importsOf(file)) {
      const to = folderOf(target);
      if (to !== from && !allowed.includes(to) && !(typeOnly && TYPES_FROM_ANYWHERE.has(from))) found.push(`${file} → ${target}`);
    }
  }
  expect([...new Set(found)]).toEqual([]);
});

it('no module imports itself back through others', () => {
  const graph = new Map(modules.filter((f) => !isTest(f)).map((f) => [f, importsOf(f).map((i) => i.target).filter((t) => !isTest(t))]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  expect(cycles).toEqual([]);
});
