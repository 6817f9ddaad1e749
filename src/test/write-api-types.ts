/** `npm run api:types`: writes src/client/api-types.ts from the served OpenAPI document. */
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypesSource, servedDocument } from './api-types.js';

writeFileSync(API_TYPES_FILE, await apiTypesSource(await servedDocument()));
console.log(`Wrote ${API_TYPES_FILE.pathname}`);
