/** Changing the newsroom's brand (admins): validated, contrast-checked, stored whole. */
import { checkBrandContrast, checkLogo, mergeBrand, type BrandInput, type BrandSettings } from '../domain/brand.js';
import type { Actor } from '../domain/user.js';
import { readBrandSettings, writeBrandSettings } from '../store/site-settings.js';
import type { CommandContext } from './context.js';

/**
 * Applies a brand change (fields left out are kept, `null` resets one to the default)
 * and tells every node, whose cached pages then name the old brand.
 */
export async function updateBrand(ctx: CommandContext, actor: Actor, input: BrandInput): Promise<BrandSettings> {
  if (input.logo) checkLogo(input.logo.src);
  const next = await ctx.store.write(async (db) => {
    const merged = mergeBrand(await readBrandSettings(db), input);
    // The stored result is checked, not just the change: a dark accent set alone meets the kept light one.
    checkBrandContrast(merged);
    await writeBrandSettings(db, merged, ctx.now().toISOString(), actor.id);
    return merged;
  });
  ctx.onSiteChange?.();
  return next;
}
