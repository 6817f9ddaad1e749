/**
 * The API's description: `GET /api/v1/openapi.json` (OpenAPI 3.1, built once from what the
 * routes declared, server/openapi.ts) and `GET /docs/api`, reference docs rendered from it
 * in the browser by Scalar's standalone bundle, served from node_modules by us (no request
 * leaves the site; the page's CSP allows only our origin, plus the inline styles and
 * workers the renderer makes).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../openapi.js';
import type { DocumentedRoute } from '../route-doc.js';
import { z } from 'zod';

const require = createRequire(import.meta.url);
/** The package exports neither its browser bundle nor its package.json: found beside its main module (dist/index.js). */
const SCALAR_DIST = dirname(require.resolve('@scalar/api-reference'));
const SCALAR_FILE = join(SCALAR_DIST, 'browser/standalone.js');
const SCALAR_VERSION = (JSON.parse(readFileSync(join(SCALAR_DIST, '../package.json'), 'utf8')) as { version: string }).version;
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
  /** The versioned URL of public/api-docs.js. */
  initHref: string;
}

export async function apiDocsRoutes(app: FastifyInstance, { routes, publicUrl, initHref }: ApiDocsOptions): Promise<void> {
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
</head>
<body>
<noscript><p>The reference needs JavaScript. The machine-readable description is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></noscript>
<div id="api-reference"></div>
<script src="/docs/api/scalar.js?v=${SCALAR_VERSION}"></script>
<script src="${initHref}"></script>
</body>
</html>`; // only our own constants go in: a version number and a hashed asset path
    return reply.type('text/html; charset=utf-8').header('content-security-policy', DOCS_CSP).header('cache-control', 'no-cache').send(html);
  });

  // The renderer's bundle, as the package ships it; its URL names its version, so it may be kept.
  app.get('/docs/api/scalar.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(SCALAR_FILE)),
  );
}
