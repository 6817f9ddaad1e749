/**
 * `/api/v1/brand` (admins): the newsroom's brand on reader pages. GET gives what is set,
 * the environment's defaults and the result pages render; PATCH changes it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { updateBrand } from '../../../commands/brand.js';
import { brandInput, type BrandSettings } from '../../../domain/brand.js';
import { readBrandSettings } from '../../../store/site-settings.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';

const tag = 'Brand';
const brandFields = {
  siteName: z.string(),
  logo: z.object({ src: z.string(), width: z.number().int().optional(), height: z.number().int().optional() }),
  accent: z.string().describe('#rrggbb'),
  accentDark: z.string().describe('#rrggbb, on the dark scheme'),
  fontStack: z.string(),
  footerLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  publisherName: z.string(),
  poweredBy: z.boolean(),
};
const brandOut = z.object({
  settings: z.object(brandFields).partial().describe('What admins set.'),
  defaults: z.object(brandFields).partial().describe('The environment’s defaults (LIVEPAGE_SITE_NAME, …).'),
  brand: z.object({ ...brandFields, logo: brandFields.logo.nullable(), accent: z.string().nullable(), accentDark: z.string().nullable(), fontStack: z.string().nullable() }).describe('What pages render.'),
});

export async function brandRoutes(app: FastifyInstance, { commands, store, reader }: AppServices): Promise<void> {
  const answer = (settings: BrandSettings) => ({ settings, defaults: reader.brand.defaults, brand: reader.brand.resolve(settings) });

  app.get('/api/v1/brand', { config: { action: 'brand.manage', doc: { tag, summary: 'The brand', response: { schema: brandOut } } } }, async () => answer(await readBrandSettings(store.db)));

  app.patch('/api/v1/brand', { config: { action: 'brand.manage', doc: { tag, summary: 'Change the brand', description: 'Admins. Checked for contrast (WCAG AA) on light and dark.', body: brandInput, response: { schema: brandOut }, errors: ['accent_contrast', 'svg_not_allowed'] } } }, async (req) => {
    const settings = await updateBrand(commands, callerOf(req), parse(brandInput, req.body));
    return answer(settings);
  });
}
