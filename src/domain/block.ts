/** Body blocks of a post (SPEC §2): the structured content readers see, never HTML. */
import { z } from 'zod';
import { embedCardSchema } from './embed.js';
import { httpUrl, inlineText, mediaUrl, ownMediaFields, text } from './schema-helpers.js';

const paragraph = z.strictObject({ type: z.literal('paragraph'), text: inlineText() });
const heading = z.strictObject({ type: z.literal('heading'), text: inlineText(500) });
const list = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean().default(false),
  items: z.array(inlineText()).min(1).max(100),
});
const quote = z.strictObject({ type: z.literal('quote'), text: inlineText(), cite: text(500).optional() });
const image = z.strictObject({
  type: z.literal('image'),
  src: mediaUrl,
  alt: text(1000),
  caption: inlineText(1000).optional(),
  credit: text(200).optional(),
  width: z.number().int().positive().max(20_000).optional(),
  height: z.number().int().positive().max(20_000).optional(),
  ...ownMediaFields,
});
const video = z.strictObject({
  type: z.literal('video'),
  src: mediaUrl,
  caption: inlineText(1000).optional(),
  poster: mediaUrl.optional(),
  credit: text(200).optional(),
});
const embed = z.strictObject({
  type: z.literal('embed'),
  url: httpUrl,
  caption: inlineText(1000).optional(),
  /** The server's snapshot of the address (domain/embed.ts); what a client sends here is replaced on write. */
  card: embedCardSchema.optional(),
});

export const blockSchema = z.discriminatedUnion('type', [paragraph, heading, list, quote, image, video, embed]);
export const bodySchema = z.array(blockSchema).min(1, 'A post needs at least one block.').max(100, 'A post has at most 100 blocks.');

export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
