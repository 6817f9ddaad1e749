/** Helpers for media tests over HTTP: uploading, fetching derivatives, and checking nothing was left behind. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../domain/user.js';
import { imageForm } from './images.js';
import type { TestServer } from './server.js';

/** POSTs one file as multipart, as the newsroom will. */
export function upload(s: TestServer, data: Buffer, opts: { name?: string; type?: string; as?: Role | undefined; query?: string } = {}): Promise<Response> {
  const as = 'as' in opts ? opts.as : 'contributor';
  return s.api(`/api/v1/media${opts.query ?? ''}`, { method: 'POST', ...(as ? { as } : {}), body: imageForm(data, opts.name, opts.type) });
}

/** A URL the API answered (public URL) turned into one on the test server. */
export const local = (s: TestServer, src: string): string => s.url + new URL(src).pathname;

/** Every file under `dir`, recursively (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** What uploads leave behind: rows, blobs, temp files and cached derivatives. */
export async function mediaFootprint(s: TestServer): Promise<{ rows: number; blobs: number; tmp: number; cache: number }> {
  const db = s.test.store.db;
  const count = async (table: 'media' | 'media_blobs') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const root = join(s.test.dataDir, 'media');
  return { rows: await count('media'), blobs: await count('media_blobs'), tmp: filesUnder(join(root, 'tmp')).length, cache: filesUnder(join(root, 'cache')).length };
}

/** Waits until `check` holds (background work such as pre-building derivatives), up to `ms`. */
export async function eventually(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
