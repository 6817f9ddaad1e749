/** Real images for media tests, made with sharp: photos with EXIF and GPS, each input type, hostile files. */
import sharp from 'sharp';

/** A photo-like JPEG (noise, so it is as big as a real one) as a phone saves it: rotated by EXIF, with a GPS position. */
export async function phoneJpeg(width: number, height: number, orientation = 6, quality = 85): Promise<Buffer> {
  // Noise made at a quarter of the size and scaled up: textured like a photo, quick to make.
  const noise = await sharp({ create: { width: Math.ceil(width / 4), height: Math.ceil(height / 4), channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(noise)
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .jpeg({ quality })
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: 'TestPhone', Model: 'Reporter 12', Orientation: String(orientation) },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();
}

/** A small picture in `format`; transparent when `alpha`. */
export async function smallImage(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', width = 800, height = 600, alpha = false): Promise<Buffer> {
  const background = alpha ? { r: 200, g: 30, b: 30, alpha: 0.5 } : { r: 200, g: 30, b: 30, alpha: 1 };
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background } }).toFormat(format).toBuffer();
}

/** A valid PNG of `megapixels` (one colour, so the file stays small: a decompression bomb's shape). */
export async function hugePng(megapixels: number): Promise<Buffer> {
  const width = 10_000;
  const height = Math.ceil((megapixels * 1e6) / width);
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
}

export const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

/** Multipart form with one file, as a browser sends it. */
export function imageForm(data: Buffer, name = 'photo.jpg', type = 'image/jpeg'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  return form;
}
