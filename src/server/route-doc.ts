/**
 * What a route tells the OpenAPI document about itself, declared where it is registered
 * (`config: { action, doc }`) with the same zod schemas it validates with. server/openapi.ts
 * builds the document from these; the codes every route shares (bad credentials, the role,
 * CSRF, malformed bodies) are added there from the action and the body, so `errors` lists
 * only what this route's own code may answer.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode } from '../domain/error-codes.js';
import type { Action } from '../domain/policy.js';

/** Response headers the document knows (components.headers). */
export type ResponseHeader = 'ETag' | 'Idempotent-Replayed';
/** Request headers the document knows (components.parameters). */
export type RequestHeader = 'If-Match' | 'Idempotency-Key';

export interface RouteDoc {
  summary: string;
  description?: string;
  /** The group it is listed under in the reference docs. */
  tag: string;
  /** Path parameters; those not named here are plain strings. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: RequestHeader[];
  /** A JSON body (application/json). */
  body?: z.ZodType;
  /** A multipart/form-data body (uploads). */
  multipart?: z.ZodType;
  /** The success answer; `schema` absent means no body (204) or `contentType`'s own. */
  response: { status?: 200 | 201 | 204; description?: string; schema?: z.ZodType; contentType?: string; headers?: ResponseHeader[] };
  /** Answers besides success and the error codes, e.g. /readyz's 503 with the checks that failed. */
  otherResponses?: { status: 503; description: string; schema: z.ZodType }[];
  /** Error codes this route's code answers with (the shared ones are added). */
  errors?: ErrorCode[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's entry in the OpenAPI document (server/openapi.ts). */
    doc?: RouteDoc;
  }
}

/** A route as the document sees it. */
export interface DocumentedRoute {
  method: string;
  url: string;
  action?: Action;
  doc: RouteDoc;
}

/** Collects every route registered after this call that declares a `doc` (the list fills as routes register). */
export function collectRouteDocs(app: FastifyInstance): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  app.addHook('onRoute', (route) => {
    const doc = route.config?.doc;
    if (!doc) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, action: route.config?.action, doc });
  });
  return routes;
}
