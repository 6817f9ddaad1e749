/** Site-wide settings (the brand): one JSON value per name, read by every node. */
import type { BrandSettings } from '../domain/brand.js';
import type { ReadDb, WriteDb } from './store.js';

const BRAND = 'brand';

/** The stored brand settings; empty when none were ever set (or the value is unreadable). */
export async function readBrandSettings(db: ReadDb): Promise<BrandSettings> {
  const row = await db.selectFrom('site_settings').select('value').where('name', '=', BRAND).executeTakeFirst();
  if (!row) return {};
  try {
    const value: unknown = JSON.parse(row.value);
    return value && typeof value === 'object' ? (value as BrandSettings) : {};
  } catch {
    return {};
  }
}

/** Stores the brand settings whole (the command merged them with what was there). */
export async function writeBrandSettings(db: WriteDb, settings: BrandSettings, now: string, userId: string | null): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('site_settings')
    .values({ name: BRAND, value, updated_at: now, updated_by: userId })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: now, updated_by: userId }))
    .execute();
}
