/** The committed API types are what the served document generates (run `npm run api:types` when this fails). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource, servedDocument } from '../test/api-types.js';

it('src/client/api-types.ts is generated from the current OpenAPI document', async () => {
  const current = await apiTypesSource(await servedDocument());
  expect(readFileSync(API_TYPES_FILE, 'utf8'), 'run `npm run api:types`').toBe(current);
});
