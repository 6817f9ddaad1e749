/** Originals arriving in an import: checked to be what they claim before anything is stored. */
import sharp from 'sharp';
import { invalidInput } from '../domain/errors.js';
import type { ImportDocument } from '../domain/export.js';
import { contentHash, MAX_ORIGINAL_SIDE } from '../domain/media.js';
import { dominantColour } from './pipeline.js';

export interface ImportedOriginal {
  hash: string;
  type: string;
  data: Buffer;
  width: number;
  height: number;
  color: string;
}

const FORMAT_TYPE: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png' };

/**
 * The original's bytes, which must hash to the name its URLs use (posts link to them) and
 * decode as the stated type within the stored size; its dimensions are read from it.
 */
export async function readImportedOriginal(item: NonNullable<ImportDocument['media']>[number], index: number): Promise<ImportedOriginal> {
  const field = `media.${index}.data`;
  const data = Buffer.from(item.data, 'base64');
  if (contentHash(data) !== item.hash) throw invalidInput('The picture does not match its hash.', field);
  const meta = await sharp(data).metadata().catch(() => undefined);
  const ok = meta?.width && meta.height && FORMAT_TYPE[meta.format ?? ''] === item.type && Math.max(meta.width, meta.height) <= MAX_ORIGINAL_SIDE;
  if (!ok) throw invalidInput(`The picture is not a ${item.type} original this system made.`, field);
  return { hash: item.hash, type: item.type, data, width: meta.width!, height: meta.height!, color: await dominantColour(data) };
}
