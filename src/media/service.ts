/**
 * A server's media parts, made once per app: the limits, where originals live, the work
 * queue and the derivative cache, under `{dataDir}/media/`. Routes, commands and (later)
 * the background importer of external images all take this one object.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from '../domain/media.js';
import { addressPolicy } from '../net/guarded-fetch.js';
import type { Store } from '../store/store.js';
import { DerivativeCache } from './derivatives.js';
import { WorkQueue } from './queue.js';
import { storeMediaStorage, type MediaStorage } from './storage.js';

export interface MediaService {
  limits: MediaLimits;
  /** Where uploads and fetched bodies are streamed to before processing; emptied as each ends. */
  tmpDir: string;
  storage: MediaStorage;
  queue: WorkQueue;
  cache: DerivativeCache;
  /** Which addresses the fetcher may connect to (public only, unless configured). */
  isAllowedAddress: (address: string) => boolean;
  /** Where background failures (pre-building derivatives) are reported. */
  onError: (err: unknown) => void;
}

export interface MediaServiceOptions {
  store: Store;
  dataDir: string;
  limits?: Partial<MediaLimits> | undefined;
  /** Images processed at once (default 1: two shared cores keep serving readers). */
  concurrency?: number;
  /** Replaces the address policy (tests stand a loopback server in for a public host). */
  isAllowedAddress?: (address: string) => boolean;
  onError?: (err: unknown) => void;
}

export function createMediaService(opts: MediaServiceOptions): MediaService {
  const limits = { ...DEFAULT_MEDIA_LIMITS, ...opts.limits };
  // An in-memory SQLite store still needs somewhere on disk for files.
  const root = resolve(opts.dataDir === ':memory:' ? join('data', 'memory') : opts.dataDir, 'media');
  const storage = storeMediaStorage(opts.store);
  const queue = new WorkQueue(opts.concurrency ?? 1);
  return {
    limits,
    tmpDir: join(root, 'tmp'),
    storage,
    queue,
    cache: new DerivativeCache(join(root, 'cache'), storage, queue),
    isAllowedAddress: opts.isAllowedAddress ?? addressPolicy(limits.allowPrivateHosts),
    onError: opts.onError ?? (() => {}),
  };
}
