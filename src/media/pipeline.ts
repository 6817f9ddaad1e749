/**
 * The one image pipeline (sharp, on libvips): what the bytes are, the processed original we
 * store, and the derivatives readers download. Every image goes through here, uploaded or
 * fetched, so the rules hold once: auto-orient by EXIF, convert to sRGB, strip every bit of
 * metadata (a phone's GPS position never reaches readers), never upscale.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Sharp } from 'sharp';
import { mediaTooLarge, undecodableImage, unsupportedImage } from '../domain/errors.js';
import { contentHash, INPUT_TYPES, MAX_ORIGINAL_SIDE, type DerivativeFormat, type InputType } from '../domain/media.js';

// One libvips thread per image and no operation cache: the queue decides how many images
// are worked on at once, and memory stays bounded by that count (two cores serve readers too).
sharp.concurrency(1);
sharp.cache(false);

/** How many leading bytes decide the type: file-type's own sample size. */
export const SNIFF_BYTES = 4100;

/** The type the first bytes say, if we take it; 415 otherwise (SVG named, since it is refused on purpose). */
export async function sniffImageType(head: Uint8Array): Promise<InputType> {
  const found = await fileTypeFromBuffer(head);
  if (found && (INPUT_TYPES as readonly string[]).includes(found.mime)) return found.mime as InputType;
  if (found?.mime === 'image/svg+xml' || looksLikeSvg(head))
    throw unsupportedImage('SVG images are not accepted: they can carry script. Send a JPEG, PNG, WebP, AVIF or GIF.');
  throw unsupportedImage(`This is not an image we take${found ? ` (${found.mime})` : ''}: send a JPEG, PNG, WebP, AVIF or GIF.`);
}

function looksLikeSvg(head: Uint8Array): boolean {
  return /<svg[\s>]/i.test(Buffer.from(head).toString('utf8'));
}

export interface ProcessedOriginal {
  data: Buffer;
  /** image/jpeg, or image/png when the picture has transparency. */
  type: string;
  width: number;
  height: number;
  /** Content hash of `data`: names its derivatives' URLs. */
  hash: string;
  /** The dominant colour, #rrggbb: the placeholder while a reader's copy loads. */
  color: string;
}

/** Decoder warnings (a truncated JPEG) are failures, not grey half-pictures. */
const DECODE = { failOn: 'warning', autoOrient: true } as const;

/**
 * Reads the file at `path` (already sniffed) and makes the original we store: oriented,
 * sRGB, no metadata, at most MAX_ORIGINAL_SIDE. The pixel count is checked from the
 * header before any pixel is decoded (decompression bombs); 413 over it, 422 if undecodable.
 */
export async function processOriginal(path: string, maxPixels: number): Promise<ProcessedOriginal> {
  const meta = await sharp(path, { limitInputPixels: false }).metadata().catch(() => {
    throw undecodableImage();
  });
  if (!meta.width || !meta.height) throw undecodableImage();
  const pixels = meta.width * (meta.pageHeight ?? meta.height);
  if (pixels > maxPixels)
    throw mediaTooLarge(`The image has ${(pixels / 1e6).toFixed(1)} megapixels; the limit is ${(maxPixels / 1e6).toFixed(1)}.`);
  // An alpha channel nobody uses (every GIF has one) would make a photo a PNG: look at it first.
  const alpha = meta.hasAlpha === true && !(await opaque(path, maxPixels));
  const image = sharp(path, { ...DECODE, limitInputPixels: maxPixels })
    .resize({ width: MAX_ORIGINAL_SIDE, height: MAX_ORIGINAL_SIDE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb');
  const out = alpha ? image.png({ compressionLevel: 6 }) : image.removeAlpha().jpeg({ quality: 90, chromaSubsampling: '4:4:4' });
  const { data, info } = await out.toBuffer({ resolveWithObject: true }).catch((err: unknown) => {
    if (/pixel limit/i.test(String(err))) throw mediaTooLarge('The image has too many pixels.');
    throw undecodableImage();
  });
  return { data, type: alpha ? 'image/png' : 'image/jpeg', width: info.width, height: info.height, hash: contentHash(data), color: await dominantColour(data) };
}

/** The picture's dominant colour as #rrggbb, from a small copy (decoding a thumbnail is cheap). */
export async function dominantColour(original: Buffer): Promise<string> {
  const { dominant } = await sharp(original, { limitInputPixels: MAX_ORIGINAL_SIDE * MAX_ORIGINAL_SIDE }).resize(64, 64, { fit: 'inside' }).stats();
  return '#' + [dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('');
}

async function opaque(path: string, maxPixels: number): Promise<boolean> {
  const stats = await sharp(path, { ...DECODE, limitInputPixels: maxPixels }).stats().catch(() => {
    throw undecodableImage();
  });
  return stats.isOpaque;
}

/** Quality and effort per format: near-transparent quality at a cost two shared cores can afford. */
function encode(image: Sharp, format: DerivativeFormat): Sharp {
  switch (format) {
    case 'avif':
      return image.avif({ quality: 50, effort: 2 });
    case 'webp':
      return image.webp({ quality: 75, effort: 4 });
    case 'jpeg':
      return image.jpeg({ quality: 80, progressive: true, mozjpeg: true });
  }
}

/** One derivative of a stored original: `width` wide (never wider than the original), in `format`, no metadata. */
export async function renderDerivative(original: Buffer, width: number, format: DerivativeFormat): Promise<Buffer> {
  const image = sharp(original, { limitInputPixels: MAX_ORIGINAL_SIDE * MAX_ORIGINAL_SIDE }).resize({ width, withoutEnlargement: true });
  return encode(format === 'jpeg' ? image.flatten({ background: '#ffffff' }) : image, format).toBuffer();
}

/**
 * Every derivative of a stored original, decoding it once: the largest width is made as raw
 * pixels, and each width and format is encoded from those.
 */
export async function renderAll(
  original: Buffer,
  widths: number[],
  formats: readonly DerivativeFormat[],
  save: (width: number, format: DerivativeFormat, data: Buffer) => Promise<void>,
): Promise<void> {
  const largest = Math.max(...widths);
  const { data, info } = await sharp(original, { limitInputPixels: MAX_ORIGINAL_SIDE * MAX_ORIGINAL_SIDE })
    .resize({ width: largest, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  for (const width of widths) {
    for (const format of formats) {
      const image = sharp(data, raw).resize({ width, withoutEnlargement: true });
      await save(width, format, await encode(format === 'jpeg' ? image.flatten({ background: '#ffffff' }) : image, format).toBuffer());
    }
  }
}
