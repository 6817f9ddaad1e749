/**
 * Receiving an image's bytes (an upload's file part, a fetched body) into a temp file under
 * the data directory, never whole in memory. The first bytes are sniffed before the rest is
 * read, so a text file or an SVG is refused at once; the byte limit is enforced while
 * streaming. Whatever fails, the temp file is gone.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, mediaTooLarge, unsupportedImage } from '../domain/errors.js';
import type { InputType } from '../domain/media.js';
import { SNIFF_BYTES, sniffImageType } from './pipeline.js';

export interface ReceivedFile {
  path: string;
  type: InputType;
  bytes: number;
}

export const tooManyBytes = (maxBytes: number) =>
  mediaTooLarge(`The file is larger than the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB.`);

/** The answer when the bytes stop coming (the client went away, the remote host timed out). */
export const uploadIncomplete = () => new AppError(400, 'upload_incomplete', 'The file did not arrive whole; send it again.');

/**
 * Streams `source` into a new file in `tmpDir`; the caller deletes `path` when done with it.
 * `incomplete` is the error for a stream that broke off.
 */
export async function receiveToTempFile(source: Readable, tmpDir: string, maxBytes: number, incomplete = uploadIncomplete): Promise<ReceivedFile> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `${randomUUID()}.upload`);
  const guard = new UploadGuard(maxBytes);
  const out = createWriteStream(path);
  try {
    await pipeline(source, guard, out);
    if (guard.type === undefined) throw unsupportedImage('The file is empty.');
    return { path, type: guard.type!, bytes: guard.bytes };
  } catch (err) {
    // A refusal can come before the file is even open: removing it then would race the open,
    // which creates it afterwards (a loaded machine left such empty files behind).
    if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()));
    await rm(path, { force: true });
    source.destroy(); // stop reading whatever is left of the request or response
    throw toAppError(err, maxBytes, incomplete);
  }
}

/** Counts bytes (413 past the limit) and holds back the first SNIFF_BYTES until their type is known. */
class UploadGuard extends Transform {
  bytes = 0;
  type: InputType | undefined;
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(tooManyBytes(this.maxBytes));
    if (this.type !== undefined) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return done();
    this.sniff().then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.type !== undefined || this.headBytes === 0) return done();
    this.sniff().then(() => done(), done);
  }

  private async sniff(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.type = await sniffImageType(head);
    this.head = [];
    this.push(head);
  }
}

const BROKEN_OFF = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ECONNABORTED', 'ABORT_ERR', 'UND_ERR_ABORTED']);

function toAppError(err: unknown, maxBytes: number, incomplete: () => AppError): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string; name?: string }).code;
  // @fastify/multipart's own file-size limit (the same number) ends the part with this code.
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooManyBytes(maxBytes);
  if ((code && BROKEN_OFF.has(code)) || (err as Error).name === 'AbortError' || /aborted|unexpected end/i.test(String(err))) return incomplete();
  return err; // a real fault (a full disk): logged as such
}
