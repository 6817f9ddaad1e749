/**
 * Each node's disk cache of derivatives, under the data directory. Built at upload (in the
 * background) and rebuilt on the first request that finds one missing, from the original
 * in the storage, so nodes share nothing but the store. Files appear atomically (a temp
 * file renamed into place): a reader never gets half an image.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DERIVATIVE_FORMATS, derivativeWidths, FORMAT_EXTENSION, type DerivativeFormat } from '../domain/media.js';
import { renderAll, renderDerivative } from './pipeline.js';
import type { WorkQueue } from './queue.js';
import type { MediaStorage } from './storage.js';

export class DerivativeCache {
  /** Builds in progress, so ten readers asking for one missing file cause one build. */
  private readonly building = new Map<string, Promise<string | undefined>>();

  constructor(
    /** The cache's folder (`{dataDir}/media/cache`). */
    readonly dir: string,
    private readonly storage: MediaStorage,
    private readonly queue: WorkQueue,
  ) {}

  /** Where a derivative's file is (or would be). */
  path(hash: string, width: number, format: DerivativeFormat): string {
    return join(this.dir, hash.slice(0, 2), hash, `${width}.${FORMAT_EXTENSION[format]}`);
  }

  /**
   * The derivative's file, built from the stored original when missing; undefined when
   * there is no such original or no derivative at that width.
   */
  async file(hash: string, width: number, format: DerivativeFormat): Promise<string | undefined> {
    const path = this.path(hash, width, format);
    if (await exists(path)) return path;
    const inFlight = this.building.get(path);
    if (inFlight) return inFlight;
    const build = this.build(hash, width, format, path).finally(() => this.building.delete(path));
    this.building.set(path, build);
    return build;
  }

  private async build(hash: string, width: number, format: DerivativeFormat, path: string): Promise<string | undefined> {
    const original = await this.storage.get(hash);
    if (!original) return undefined;
    const { width: originalWidth } = await sharp(original.data).metadata();
    if (!originalWidth || !derivativeWidths(originalWidth).includes(width)) return undefined;
    const data = await this.queue.run(() => renderDerivative(original.data, width, format), 'now');
    await this.save(path, data);
    return path;
  }

  /** Makes every derivative of a just-stored original that is not on disk yet, behind readers' requests. */
  async prebuild(hash: string, original: Buffer, width: number): Promise<void> {
    const widths = derivativeWidths(width);
    const missing: Array<[number, DerivativeFormat]> = [];
    for (const w of widths) for (const f of DERIVATIVE_FORMATS) if (!(await exists(this.path(hash, w, f)))) missing.push([w, f]);
    if (missing.length === 0) return;
    await this.queue.run(
      () => renderAll(original, widths, DERIVATIVE_FORMATS, (w, f, data) => (missing.some(([mw, mf]) => mw === w && mf === f) ? this.save(this.path(hash, w, f), data) : Promise.resolve())),
      'later',
    );
  }

  /** Writes beside the target and renames: atomic on one filesystem, so readers see all or nothing. */
  private async save(path: string, data: Buffer): Promise<void> {
    const dir = join(path, '..');
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${randomUUID()}.tmp`);
    try {
      await writeFile(tmp, data);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
