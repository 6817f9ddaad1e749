/**
 * The OpenAPI 3.1 document (GET /api/v1/openapi.json), built from what routes declare
 * (`config.doc`, server/route-doc.ts) with zod 4's JSON Schema output: request schemas are
 * the ones the routes parse with (their input side), responses the presenters' schemas
 * (domain/api-schemas.ts, their output side). Schemas named in zod's registry become
 * components; error answers list their codes (domain/error-codes.ts) per status.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { webhookBodies } from '../domain/api-schemas.js';
import { ERROR_CODES, type ErrorCode } from '../domain/error-codes.js';
import { ACTIONS } from '../domain/policy.js';
import { SESSION_COOKIE } from './auth.js';
import type { DocumentedRoute, RouteDoc } from './route-doc.js';

type Json = Record<string, unknown>;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Codes any route may answer with; the rest come from what a route declares. */
function sharedErrors(route: DocumentedRoute): ErrorCode[] {
  // Routes without an action (/healthz, /readyz) read no credentials at all: a balancer sends none.
  if (!route.action) return [];
  const codes: ErrorCode[] = ['unauthenticated']; // a bad bearer token, even where none is needed
  const role = route.action ? ACTIONS[route.action] : 'anyone';
  if (role !== 'anyone') codes.push('forbidden');
  if (WRITE_METHODS.has(route.method)) codes.push('csrf_failed');
  if (route.doc.body || route.doc.multipart) codes.push('invalid_json', 'invalid_input', 'missing_field', 'unknown_field', 'payload_too_large', 'unsupported_media_type');
  if (route.doc.query) codes.push('invalid_input');
  if (route.doc.headers?.includes('If-Match')) codes.push('invalid_if_match', 'precondition_required', 'version_conflict');
  if (route.doc.headers?.includes('Idempotency-Key')) codes.push('invalid_idempotency_key', 'idempotency_key_reused', 'idempotency_key_in_use');
  return codes;
}

/** Turns zod schemas into JSON Schema, moving named ones into components.schemas. */
class SchemaSet {
  readonly components: Record<string, Json> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12', reused: 'inline' }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    const names = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) {
      // A named schema read as input differs from its output (defaults, closed objects): both are kept.
      let target = name;
      if (this.components[target] && !isDeepStrictEqual(this.components[target], def)) target = `${name}Input`;
      names.set(name, target);
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!value || typeof value !== 'object') return value;
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) out[k] = `#/components/schemas/${names.get(v.slice(8))}`;
        else if (k === 'id' && typeof v === 'string' && names.has(v)) continue; // the registry's id: the component's name says it
        else out[k] = rewrite(v);
      }
      return out;
    };
    for (const [name, def] of Object.entries(defs)) this.components[names.get(name)!] = rewrite(def) as Json;
    return rewrite(json) as Json;
  }
}

const errorBody = (codes: string[]): Json => ({
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', enum: codes },
        message: { type: 'string' },
        field: { type: 'string', description: 'The input field at fault (a dotted path).' },
      },
    },
  },
});

const RESPONSE_HEADERS: Record<string, Json> = {
  ETag: { description: 'The post’s version in quotes: send it back as If-Match.', required: true, schema: { type: 'string', pattern: '^"\\d+"$' } },
  'Idempotent-Replayed': { description: '`true` when this is the first answer to an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
  'X-Request-Id': { description: 'This request’s id, as the server logged it.', required: true, schema: { type: 'string' } },
};

const REQUEST_HEADERS: Record<string, Json> = {
  'If-Match': { name: 'If-Match', in: 'header', required: true, description: 'The version you edited, in quotes (`"3"`): missing is 428, stale is 409 version_conflict.', schema: { type: 'string', example: '"1"' } },
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Any unique string (a UUID): a retry with the same key and body gets the first answer, with Idempotent-Replayed: true (kept 24 h).',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
};

/** `/api/v1/pages/:slug` → `/api/v1/pages/{slug}`. */
export const openApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

function operation(route: DocumentedRoute, schemas: SchemaSet): Json {
  const { doc } = route;
  const parameters: Json[] = [];
  const paramSchemas = doc.params ? (schemas.convert(doc.params, 'input').properties as Record<string, Json>) : {};
  for (const [, name] of route.url.matchAll(/:(\w+)/g)) parameters.push({ name, in: 'path', required: true, schema: paramSchemas[name!] ?? { type: 'string' } });
  if (doc.query) {
    const q = schemas.convert(doc.query, 'input');
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>))
      parameters.push({ name, in: 'query', required: required.has(name), ...(schema.description ? { description: schema.description } : {}), schema });
  }
  for (const h of doc.headers ?? []) parameters.push({ $ref: `#/components/parameters/${h}` });
  const op: Json = {
    operationId: operationId(route),
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    ...(parameters.length ? { parameters } : {}),
    security: security(route),
    'x-livepage-action': route.action,
    'x-livepage-role': route.action ? ACTIONS[route.action] : 'anyone',
  };
  const content: Json = {};
  if (doc.body) content['application/json'] = { schema: schemas.convert(doc.body, 'input') };
  if (doc.multipart) content['multipart/form-data'] = { schema: schemas.convert(doc.multipart, 'input') };
  if (doc.body || doc.multipart) op.requestBody = { required: route.method !== 'DELETE' && !isOptionalBody(doc), content };
  op.responses = responses(route, schemas);
  return op;
}

/** A body that may be left out: a schema that accepts undefined. */
const isOptionalBody = (doc: RouteDoc): boolean => doc.body?.safeParse(undefined).success === true;

function responses(route: DocumentedRoute, schemas: SchemaSet): Json {
  const { response } = route.doc;
  const status = String(response.status ?? 200);
  const headers: Json = { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } };
  for (const h of response.headers ?? []) headers[h] = { $ref: `#/components/headers/${h}` };
  const ok: Json = { description: response.description ?? 'Done.', headers };
  if (response.schema) ok.content = { [response.contentType ?? 'application/json']: { schema: schemas.convert(response.schema, 'output') } };
  else if (response.contentType) ok.content = { [response.contentType]: { schema: { type: 'string' } } };
  const out: Json = { [status]: ok };
  for (const other of route.doc.otherResponses ?? [])
    out[String(other.status)] = { description: other.description, headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } }, content: { 'application/json': { schema: schemas.convert(other.schema, 'output') } } };
  const byStatus = new Map<number, string[]>();
  for (const code of new Set([...sharedErrors(route), ...(route.doc.errors ?? [])])) {
    const s = ERROR_CODES[code][0];
    byStatus.set(s, [...(byStatus.get(s) ?? []), code]);
  }
  for (const [s, codes] of [...byStatus].sort((a, b) => a[0] - b[0]))
    out[String(s)] = {
      description: codes.map((c) => `\`${c}\`: ${ERROR_CODES[c as ErrorCode][1]}`).join('\n\n'),
      headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
      // Readers' URLs answer errors as a page a browser shows (server/error-handler.ts); the API as JSON.
      content: route.url.startsWith('/api/') ? { 'application/json': { schema: errorBody(codes) } } : { 'text/html': { schema: { type: 'string' } } },
    };
  return out;
}

function security(route: DocumentedRoute): Json[] {
  if (!route.action) return [{}]; // no credentials read (the health checks)
  const role = route.action ? ACTIONS[route.action] : 'anyone';
  const cookie = WRITE_METHODS.has(route.method) ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] };
  return role === 'anyone' ? [{}, { bearerAuth: [] }, cookie] : [{ bearerAuth: [] }, cookie];
}

/** `GET /api/v1/pages/{slug}/posts` → `getPagesSlugPosts`: stable, and unique per method and path. */
function operationId(route: DocumentedRoute): string {
  const words = route.url
    .replace(/^\/api\/v1\//, '/')
    .split(/[/\-.]/)
    .filter(Boolean)
    .map((w) => w.replace(/^:/, 'by-'))
    .flatMap((w) => w.split('-'));
  return route.method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

export interface DocumentInfo {
  version: string;
  publicUrl: string;
}

/** The whole document for the routes given (every route that declared a `doc`). */
export function buildOpenApiDocument(routes: readonly DocumentedRoute[], info: DocumentInfo): Json {
  const schemas = new SchemaSet();
  const paths: Record<string, Json> = {};
  const tags = new Set<string>();
  for (const route of [...routes].sort((a, b) => a.url.localeCompare(b.url))) {
    const path = (paths[openApiPath(route.url)] ??= {});
    path[route.method.toLowerCase()] = operation(route, schemas);
    tags.add(route.doc.tag);
  }
  const webhooks: Record<string, Json> = {};
  for (const [type, body] of Object.entries(webhookBodies))
    webhooks[type] = {
      post: {
        operationId: `webhook${type.replace(/(^|\.)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
        summary: `The ${type} event`,
        description: 'POSTed to each webhook registered for this event, signed with its secret.',
        tags: ['Webhooks'],
        parameters: [
          { name: 'X-Livepage-Signature', in: 'header', required: true, description: '`sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret.', schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: schemas.convert(body, 'output') } } },
        responses: { '2XX': { description: 'Received. Any other answer (or none within the timeout) is retried with growing delays.' } },
      },
    };
  return {
    openapi: '3.1.0',
    info: {
      title: 'livepage API',
      version: info.version,
      description:
        'Live pages for breaking news: pages, posts, media, people, tokens and webhooks (docs/SPEC.md §2). Errors are `{"error": {"code", "message", "field"?}}` with a stable code; each response lists the codes it may carry.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: info.publicUrl }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    webhooks,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (`livepage token create`, or the newsroom’s Tokens view).' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The newsroom session (browsers). Writes also need csrfToken.' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The session’s CSRF token (from GET /newsroom’s page), required on cookie-authenticated writes.' },
      },
      headers: RESPONSE_HEADERS,
      parameters: REQUEST_HEADERS,
    },
  };
}
