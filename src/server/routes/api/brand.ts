/**
 * `/api/v1/brand` (admins): the newsroom's brand on reader pages. GET gives what is set,
 * the environment's defaults and the result pages render; PATCH changes it.
 */
import type { FastifyInstance } from 'fastify';
import { updateBrand } from '../../../commands/brand.js';
import { brandInput, type BrandSettings } from '../../../domain/brand.js';
import { readBrandSettings } from '../../../store/site-settings.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';

const opts = { config: { action: 'brand.manage' as const } };

export async function brandRoutes(app: FastifyInstance, { commands, store, reader }: AppServices): Promise<void> {
  const answer = (settings: BrandSettings) => ({ settings, defaults: reader.brandDefaults, brand: reader.resolveBrand(settings) });

  app.get('/api/v1/brand', opts, async () => answer(await readBrandSettings(store.db)));

  app.patch('/api/v1/brand', opts, async (req) => {
    const settings = await updateBrand(commands, callerOf(req), parse(brandInput, req.body));
    return answer(settings);
  });
}
