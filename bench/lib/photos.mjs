/**
 * Photo-like JPEGs for the media benchmarks: smooth light and shapes with a fine grain, so
 * they compress like agency photos (a 1600×900 one is ~200 KB at quality 85), not like pure
 * noise (which no encoder can shrink) or flat colour (which any can). `seed` makes each distinct.
 */
import sharp from 'sharp';

export async function agencyPhoto(seed, width = 1600, height = 900, quality = 85) {
  const hue = (seed * 47) % 360;
  const shapes = Array.from({ length: 9 }, (_, i) => {
    const x = ((seed * 131 + i * 197) % 100) / 100;
    const y = ((seed * 71 + i * 113) % 100) / 100;
    const r = 0.05 + (((seed + i) * 37) % 20) / 100;
    return `<circle cx="${x * width}" cy="${y * height}" r="${r * width}" fill="hsl(${(hue + i * 40) % 360},55%,${30 + ((i * 13) % 45)}%)" opacity="0.8"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},40%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},45%,25%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const base = await sharp(Buffer.from(svg)).blur(6).raw().toBuffer({ resolveWithObject: true });
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 8 } } }).raw().toBuffer();
  const out = Buffer.alloc(base.data.length);
  for (let i = 0, c = base.info.channels, p = 0; i < out.length; i += c, p += 3)
    for (let k = 0; k < c; k++) out[i + k] = k < 3 ? Math.max(0, Math.min(255, base.data[i + k] + grain[p + k] - 128)) : base.data[i + k];
  return sharp(out, { raw: base.info }).removeAlpha().jpeg({ quality }).toBuffer();
}
