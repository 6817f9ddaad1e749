/**
 * Resolving one address into a kept card (issue 11): the resolver's facts (net/), the
 * thumbnail imported through the photo pipeline so readers fetch it from us, then the
 * command that keeps it and updates the posts waiting for it. Used by the composer's
 * preview (at once) and the background worker (with retries).
 */
import { rm } from 'node:fs/promises';
import type { CommandContext } from '../commands/context.js';
import { keepEmbed } from '../commands/embeds.js';
import { uploadMedia } from '../commands/uploadMedia.js';
import { embedKey, type EmbedCard } from '../domain/embed.js';
import { localImageFacts } from '../domain/media-import.js';
import { fetchImageToTempFile } from '../media/fetch-image.js';
import type { ReceivedFile } from '../media/receive.js';
import type { MediaService } from '../media/service.js';
import { resolveEmbed, type ResolverOptions } from '../net/embed-resolver.js';

/** What resolving needs besides the address; tests hand in a registry of local providers. */
export interface EmbedResolving {
  commands: CommandContext;
  media: MediaService;
  resolver: Omit<ResolverOptions, 'isAllowedAddress'>;
}

export async function resolveAndKeep(r: EmbedResolving, url: string, pageId: string | null): Promise<{ id: string; card: EmbedCard }> {
  const key = embedKey(url);
  const found = await resolveEmbed(key, { ...r.resolver, isAllowedAddress: r.media.isAllowedAddress });
  const thumbnail = found.thumbnailUrl ? await importThumbnail(r, found.thumbnailUrl, pageId) : undefined;
  return keepEmbed(r.commands, { url: key, card: { ...found.card, ...(thumbnail ? { thumbnail } : {}) }, markup: found.markup, frameOrigins: found.frameOrigins });
}

/** The provider's picture as our own media; a card without one is still a card (a broken thumbnail fails nothing). */
async function importThumbnail(r: EmbedResolving, src: string, pageId: string | null): Promise<EmbedCard['thumbnail']> {
  let file: ReceivedFile | undefined;
  try {
    file = await fetchImageToTempFile(src, r.media);
    const media = await uploadMedia(r.commands, r.media, { file, pageId, alt: null, createdBy: null });
    const { src: path, width, height, mediaId, color } = localImageFacts(media);
    return { src: path, width, height, mediaId, ...(color ? { color } : {}) };
  } catch {
    return undefined;
  } finally {
    if (file) await rm(file.path, { force: true });
  }
}
