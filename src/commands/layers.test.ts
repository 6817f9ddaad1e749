/**
 * The layers of DESIGN.md point one way: server → commands → store and domain. A command
 * that imports from the server (its routes, its app) could not run in the CLI or a worker
 * without pulling in the HTTP layer, so this fails when one does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The modules a file imports, as paths under src/ (relative imports only). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => relative(src, resolve(dirname(file), m[1]!)));
}

const sources = (dir: string): string[] =>
  readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(src, dir, f));

it('commands, the domain and the store never import the server, realtime or render layers', () => {
  const found: string[] = [];
  for (const layer of ['commands', 'domain', 'store']) {
    for (const file of sources(layer)) {
      for (const target of importsOf(file)) {
        if (/^(server|realtime|render)\//.test(target)) found.push(`${relative(src, file)} → ${target}`);
      }
    }
  }
  expect(found).toEqual([]);
});
