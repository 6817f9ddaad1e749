/**
 * Taking in one image (uploaded or fetched, already in a temp file and sniffed): process it
 * in the work queue, keep the original in the storage, record it for its page, and start
 * its derivatives in the background. Nothing is stored unless the image was good.
 */
import type { Media } from '../domain/media.js';
import type { ReceivedFile } from '../media/receive.js';
import { processOriginal } from '../media/pipeline.js';
import type { MediaService } from '../media/service.js';
import { insertMedia } from '../store/media.js';
import { newId, type CommandContext } from './context.js';

export interface UploadInput {
  file: ReceivedFile;
  pageId: string | null;
  alt: string | null;
  createdBy: string | null;
}

export async function uploadMedia(ctx: CommandContext, media: MediaService, input: UploadInput): Promise<Media> {
  const original = await media.queue.run(() => processOriginal(input.file.path, media.limits.maxPixels));
  await media.storage.put(original);
  const record: Media = {
    id: newId(),
    pageId: input.pageId,
    hash: original.hash,
    type: original.type,
    sourceType: input.file.type,
    width: original.width,
    height: original.height,
    bytes: original.data.length,
    alt: input.alt,
    color: original.color,
    createdBy: input.createdBy,
    createdAt: ctx.now().toISOString(),
  };
  await ctx.store.write((trx) => insertMedia(trx, record));
  // Readers asking before this finishes get each missing derivative built first, on demand.
  media.cache.prebuild(original.hash, original.data, original.width).catch(media.onError);
  return record;
}
