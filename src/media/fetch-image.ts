/** Fetching an image from an address, through the guarded fetcher, into a temp file like an upload. */
import { fetchFailed, unsupportedImage } from '../domain/errors.js';
import { guardedGet } from '../net/guarded-fetch.js';
import { receiveToTempFile, tooManyBytes, type ReceivedFile } from './receive.js';
import type { MediaService } from './service.js';

/** Types a server may label an image with; the bytes are sniffed afterwards all the same. */
const IMAGE_LABEL = /^(image\/[a-z0-9.+-]+|application\/octet-stream|binary\/octet-stream)\s*(;|$)/i;

export async function fetchImageToTempFile(url: string, media: MediaService): Promise<ReceivedFile> {
  const { maxBytes } = media.limits;
  const res = await guardedGet(url, {
    isAllowedAddress: media.isAllowedAddress,
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9',
    check: (r) => {
      const type = r.headers['content-type'];
      if (type && !IMAGE_LABEL.test(type)) throw unsupportedImage(`The address gave ${type.split(';')[0]}, not an image.`);
      if (Number(r.headers['content-length'] ?? 0) > maxBytes) throw tooManyBytes(maxBytes);
    },
  });
  return receiveToTempFile(res.body, media.tmpDir, maxBytes, () => fetchFailed('The image did not arrive whole (the address stopped answering or took too long).'));
}
