/**
 * `/api/v1/media`: uploading an image (multipart, streamed to disk) or having the server
 * fetch one (`{url}`), and a page's media library. Thin: the bytes go through receive.ts
 * or fetch-image.ts, then one command.
 */
import { rm } from 'node:fs/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requirePage } from '../../../commands/load.js';
import { uploadMedia } from '../../../commands/uploadMedia.js';
import { AppError, invalidInput } from '../../../domain/errors.js';
import { mediaJson, mediaQuerySchema, mediaUrlSchema, type Media } from '../../../domain/media.js';
import { fetchImageToTempFile } from '../../../media/fetch-image.js';
import { receiveToTempFile, tooManyBytes, type ReceivedFile } from '../../../media/receive.js';
import { listPageMedia } from '../../../store/media.js';
import { listPageImports } from '../../../store/media-imports.js';
import { mediaImportJson } from '../../../domain/api-json.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { slugParam } from '../params.js';
import { z } from 'zod';
import { mediaImportOut, mediaOut } from '../../../domain/api-schemas.js';
import { slugPath } from './doc-params.js';

const tag = 'Media';
/** What a multipart upload holds (its page and alt go in the query). */
const uploadForm = z.object({ file: z.string().meta({ format: 'binary' }).describe('One image: JPEG, PNG, WebP, AVIF or GIF.') });

/** Room for a multipart body's boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** How many items the library lists: the most recent. */
const LIBRARY_SIZE = 100;

export async function mediaApiRoutes(app: FastifyInstance, { store, commands, config, media }: AppServices): Promise<void> {
  const { maxBytes } = media.limits;
  // Only this scope parses multipart bodies; its parser reads nothing until the route asks.
  // Its file limit is one byte more than ours: at exactly the limit it would cut the file
  // short silently, and receive.ts must see the byte that is one too many to refuse it.
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 4, fieldSize: 2000, parts: 5 } });

  app.post('/api/v1/media', { config: { action: 'media.upload', doc: {
    tag, summary: 'Upload an image, or have the server fetch one', description: 'Either `multipart/form-data` with one file (`?page=` and `?alt=` in the query) or JSON `{url, page?, alt?}`.',
    query: mediaQuerySchema, body: mediaUrlSchema, multipart: uploadForm, response: { status: 201, schema: mediaOut },
    errors: ['page_not_found', 'missing_file', 'upload_incomplete', 'media_too_large', 'undecodable_image', 'private_address', 'fetch_failed'],
  } } }, async (req, reply) => {
    const actor = callerOf(req);
    let file: ReceivedFile | undefined;
    let record: Media;
    try {
      const multipart = req.isMultipart();
      const input = multipart ? parse(mediaQuerySchema, req.query) : parse(mediaUrlSchema, req.body ?? {});
      const page = input.page ? await requirePage(store.db, input.page) : undefined;
      if (multipart) {
        if (Number(req.headers['content-length'] ?? 0) > maxBytes + MULTIPART_OVERHEAD) throw tooManyBytes(maxBytes);
        const part = await req.file();
        if (!part) throw invalidInput('Send one image file in the form.', 'file', 'missing_file');
        file = await receiveToTempFile(part.file, media.tmpDir, maxBytes);
        if (part.file.truncated) throw tooManyBytes(maxBytes); // never kept: a cut-off file must not pass
      } else {
        file = await fetchImageToTempFile((input as { url: string }).url, media);
      }
      record = await uploadMedia(commands, media, { file, pageId: page?.id ?? null, alt: input.alt ?? null, createdBy: actor.id });
    } catch (err) {
      if (err instanceof AppError && err.status === 413) closeAfterReply(reply);
      throw err;
    } finally {
      if (file) await rm(file.path, { force: true }); // gone before the answer, whatever it is
    }
    return reply.status(201).send(mediaJson(record, config.publicUrl));
  });

  // Uploads may be embargoed pictures: the library is the newsroom's.
  app.get('/api/v1/media', { config: { action: 'media.list', doc: { tag, summary: 'A page’s media library', description: 'The 100 most recent; `page` is required.', query: mediaQuerySchema.pick({ page: true }), response: { schema: z.object({ page: z.string(), media: z.array(mediaOut) }) }, errors: ['page_not_found', 'missing_field'] } } }, async (req) => {
    const { page: slug } = parse(mediaQuerySchema, req.query);
    if (!slug) throw invalidInput('Say which page: ?page={slug}.', 'page', 'missing_field');
    const page = await requirePage(store.db, slug);
    const items = await listPageMedia(store.db, page.id, LIBRARY_SIZE);
    return { page: slug, media: items.map((m) => mediaJson(m, config.publicUrl)) };
  });

  // External image addresses being imported, imported or kept (a failure says why): the desk's.
  app.get('/api/v1/pages/:slug/media-imports', { config: { action: 'media.list', doc: { tag, summary: 'External images being imported', params: slugPath, response: { schema: z.object({ page: z.string(), imports: z.array(mediaImportOut) }) }, errors: ['page_not_found'] } } }, async (req) => {
    const page = await requirePage(store.db, slugParam(req.params));
    const items = await listPageImports(store.db, page.id, LIBRARY_SIZE);
    return { page: page.slug, imports: items.map(mediaImportJson) };
  });
}

/**
 * A refused upload's unread remainder is not read: the connection closes after the answer,
 * so a client sending 2 GB learns of the 413 at once and the server reads no further.
 */
function closeAfterReply(reply: FastifyReply): void {
  reply.header('connection', 'close');
}
