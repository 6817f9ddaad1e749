/**
 * The release's fingerprint, part of every reader ETag: a CDN or browser holding a page
 * from another release must not be told 304. It hashes everything that shapes reader
 * output — all of the running code (dist/ when built; src/ under tsx), not only the
 * templates, since a link rule in domain/ or a header in server/ changes the bytes too —
 * and the public assets, built scripts included.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled code this process runs: dist/ (or src/ under tsx), holding render/, server/, domain/… */
export const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));
/** Stylesheets, images and the esbuild bundles in build/. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/**
 * A hash of every file under `dirs` (recursively, by relative path and content, in a fixed
 * order): any added, removed, renamed or changed file gives another id. A missing dir counts
 * as empty, so an unbuilt tree still has a stable id.
 */
export function releaseId(dirs: readonly string[]): string {
  const h = createHash('sha256');
  for (const [i, dir] of dirs.entries()) {
    h.update(`dir\0${i}\0`);
    for (const rel of filesUnder(dir)) {
      h.update(`${rel}\0`);
      h.update(readFileSync(join(dir, rel)));
      h.update('\0');
    }
  }
  return h.digest('hex').slice(0, 12);
}

let current: string | undefined;

/** This release's id, worked out once per process (the files do not change while it runs). */
export function currentBuildId(): string {
  return (current ??= releaseId([CODE_DIR, PUBLIC_DIR]));
}

/** Every file's path under `dir`, relative and sorted; none when `dir` does not exist. */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length).replace(/^[/\\]+/, '').replaceAll('\\', '/'))
    .sort();
}
