/**
 * The API's description: `GET /api/v1/openapi.json` (OpenAPI 3.1, built once from what the
 * routes declared, server/openapi.ts) and `GET /docs/api`, reference docs rendered from it
 * in the browser by Swagger UI (swagger-ui-dist), whose files we serve from node_modules
 * ourselves: no request leaves the site (the page's CSP allows only our origin, plus the
 * inline styles and data: icons the renderer makes). public/api-docs.css fits it to a phone.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../openapi.js';
import type { DocumentedRoute } from '../route-doc.js';
import { z } from 'zod';
import { notFound } from '../../domain/errors.js';

const require = createRequire(import.meta.url);
/** The renderer's files, beside its package.json (the package has no exports map). */
const RENDERER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const RENDERER_VERSION = (JSON.parse(readFileSync(join(RENDERER_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const RENDERER_FILES: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The docs page's own CSP: ours, plus what the renderer needs (inline styles, data: fonts/images, blob: workers). */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface ApiDocsOptions {
  routes: readonly DocumentedRoute[];
  publicUrl: string;
  /** The versioned URLs of public/api-docs.js (starts the renderer) and public/api-docs.css (fits it to a phone). */
  initHref: string;
  cssHref: string;
}

export async function apiDocsRoutes(app: FastifyInstance, { routes, publicUrl, initHref, cssHref }: ApiDocsOptions): Promise<void> {
  let document: string | undefined; // built on first use: every route has registered by then

  app.get(
    '/api/v1/openapi.json',
    {
      config: {
        action: 'api.describe',
        doc: {
          tag: 'About the API',
          summary: 'This document',
          description: 'The OpenAPI 3.1 description of the API, generated from the schemas the server validates with.',
          response: { schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }), description: 'The OpenAPI document.' },
        },
      },
    },
    async (_req, reply) => {
      document ??= JSON.stringify(buildOpenApiDocument(routes, { version: PACKAGE_VERSION, publicUrl }));
      // Tools on other origins (editors, code generators) may read it: it is public and holds no secret.
      return reply.type('application/json; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').send(document);
    },
  );

  app.get('/docs/api', async (_req, reply) => {
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>livepage API reference</title>
<link rel="alternate" type="application/json" href="/api/v1/openapi.json" title="OpenAPI document">
<link rel="stylesheet" href="/docs/api/swagger-ui.css?v=${RENDERER_VERSION}">
<link rel="stylesheet" href="${cssHref}">
</head>
<body>
<noscript><p>The reference needs JavaScript. The machine-readable description is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></noscript>
<div id="api-reference"></div>
<script src="/docs/api/swagger-ui-bundle.js?v=${RENDERER_VERSION}"></script>
<script src="${initHref}"></script>
</body>
</html>`; // only our own constants go in: a version number and a hashed asset path
    return reply.type('text/html; charset=utf-8').header('content-security-policy', DOCS_CSP).header('cache-control', 'no-cache').send(html);
  });

  // The renderer's script and styles, as the package ships them; their URLs name its version, so they may be kept.
  app.get('/docs/api/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const type = RENDERER_FILES[file];
    if (!type) throw notFound('route', 'There is nothing at this address.');
    return reply.type(type).header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(join(RENDERER_DIR, file)));
  });
}
