/**
 * Where originals live. Today the store (a blob table on SQLite or PostgreSQL), so a
 * multi-node deployment needs nothing else and a backup has the pictures; an S3-compatible
 * object store can implement the same two calls later.
 */
import { findBlob, insertBlob } from '../store/media.js';
import type { Store } from '../store/store.js';

export interface StoredOriginal {
  hash: string;
  type: string;
  data: Buffer;
}

export interface MediaStorage {
  /** Keeps an original under its content hash; storing the same hash again changes nothing. */
  put(original: StoredOriginal): Promise<void>;
  /** The original with this hash, or undefined. */
  get(hash: string): Promise<StoredOriginal | undefined>;
}

/** Originals in the store's `media_blobs` table. */
export function storeMediaStorage(store: Store, now: () => Date = () => new Date()): MediaStorage {
  return {
    put: (original) => store.write((trx) => insertBlob(trx, original, now().toISOString())),
    get: async (hash) => {
      const blob = await findBlob(store.db, hash);
      return blob && { hash, ...blob };
    },
  };
}
