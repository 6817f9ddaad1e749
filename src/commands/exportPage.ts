import type { ExportDocument } from '../domain/export.js';
import { pageMediaWithBlobs } from '../store/media.js';
import { listAllPosts, postFromRow } from '../store/posts.js';
import type { ReadDb } from '../store/store.js';
import { requirePage } from './load.js';

/** A whole page with every post (all statuses), newest first, and its pictures' originals. */
export async function exportPage(db: ReadDb, slug: string, onProgress: (what: 'posts' | 'pictures', done: number, total: number) => void = () => {}): Promise<ExportDocument> {
  const page = await requirePage(db, slug);
  const posts = (await listAllPosts(db, page.id)).map((r) => postFromRow(r, page.pinnedPostId));
  onProgress('posts', posts.length, posts.length);
  const blobs = await pageMediaWithBlobs(db, page.id);
  const media = blobs.map(({ data, ...m }, i) => {
    onProgress('pictures', i + 1, blobs.length);
    return { ...m, data: data.toString('base64') };
  });
  return { format: 'livepage-export', version: 1, page, posts, media };
}
