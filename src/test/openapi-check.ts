/**
 * Checking real answers against the served OpenAPI document: the document itself with an
 * independent OpenAPI validator (@seriousme/openapi-schema-validator), each answer's status,
 * described headers and JSON body with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1)
 * against the operation's response. Records which operations were seen succeeding and failing.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiPath } from '../server/openapi.js';

type Json = Record<string, any>;

export interface Checked {
  route: string;
  status: number;
  body: unknown;
  headers: Headers;
}

export class OpenApiChecker {
  private readonly ajv;
  /** `METHOD /path/{param}` → statuses seen and checked. */
  readonly seen = new Map<string, Set<number>>();

  private constructor(readonly doc: Json) {
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
    (addFormats as unknown as typeof addFormats.default)(ajv);
    ajv.addSchema(doc, 'openapi');
    this.ajv = ajv;
  }

  /** Validates the document as OpenAPI 3.1 first; throws with the validator's errors. */
  static async create(doc: Json): Promise<OpenApiChecker> {
    const result = await new Validator().validate(doc as never);
    if (!result.valid) throw new Error(`The OpenAPI document is not valid: ${JSON.stringify(result.errors).slice(0, 2000)}`);
    return new OpenApiChecker(doc);
  }

  /** Every operation in the document, as `METHOD /path/{param}`. */
  operations(): string[] {
    return Object.entries(this.doc.paths as Record<string, Json>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  }

  /**
   * Checks one answer of `route` (as fastify names it: `GET /api/v1/pages/:slug`); reads the
   * body unless it is an event stream. Throws on anything the document does not describe.
   */
  async check(route: string, res: Response, abort?: AbortController): Promise<Checked> {
    const [method, url] = route.split(' ') as [string, string];
    const path = openApiPath(url);
    const key = `${method} ${path}`;
    const op = this.doc.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${key} is not in the OpenAPI document`);
    const response = op.responses[String(res.status)] ?? op.responses[`${String(res.status)[0]}XX`];
    const type = res.headers.get('content-type') ?? '';
    let body: unknown;
    if (type.startsWith('text/event-stream')) abort?.abort();
    else {
      const text = await res.text();
      body = type.startsWith('application/json') && text ? JSON.parse(text) : text;
    }
    const where = `${key} → ${res.status} ${JSON.stringify(body)?.slice(0, 300)}`;
    if (!response) throw new Error(`${where}: status not in the document`);
    const pointer = (...parts: string[]) => `openapi#/paths/${esc(path)}/${method.toLowerCase()}/responses/${res.status in op.responses ? res.status : `${String(res.status)[0]}XX`}/${parts.map(esc).join('/')}`;
    for (const [name, h] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
      const header = h.$ref ? this.doc.components.headers[h.$ref.split('/').pop()] : h;
      const value = res.headers.get(name);
      if (value === null) {
        if (header.required) throw new Error(`${where}: header ${name} missing`);
        continue;
      }
      if (!this.ajv.validate(header.schema, value)) throw new Error(`${where}: header ${name}: ${value} ${this.ajv.errorsText()}`);
    }
    const content = response.content as Json | undefined;
    if (!content) {
      if (body !== undefined && body !== '') throw new Error(`${where}: a body where none is described`);
    } else {
      const media = Object.keys(content).find((m) => type.startsWith(m));
      if (!media) throw new Error(`${where}: content-type ${type} not described (${Object.keys(content).join(', ')})`);
      if (media === 'application/json') {
        const validate = this.ajv.getSchema(pointer('content', media, 'schema'));
        if (!validate) throw new Error(`${where}: no schema`);
        if (!validate(body)) throw new Error(`${where}: ${this.ajv.errorsText(validate.errors)}`);
      }
    }
    const seen = this.seen.get(key) ?? new Set<number>();
    seen.add(res.status);
    this.seen.set(key, seen);
    return { route, status: res.status, body, headers: res.headers };
  }

  /**
   * Operations not yet seen both succeeding (2xx) and failing (4xx; /readyz's 503). One whose
   * document lists no failure at all (/healthz) needs its success only.
   */
  missingCoverage(): string[] {
    return this.operations().flatMap((op) => {
      const s = [...(this.seen.get(op) ?? [])];
      const [method, path] = op.split(' ') as [string, string];
      const failures = Object.keys(this.doc.paths[path][method.toLowerCase()].responses).filter((k) => Number(k[0]) >= 4);
      const missing = [];
      if (!s.some((x) => x < 300)) missing.push(`${op}: no success checked`);
      if (failures.length && !s.some((x) => x >= 400 && failures.some((f) => f === String(x) || f === `${String(x)[0]}XX`))) missing.push(`${op}: no failure checked`);
      return missing;
    });
  }
}

/** A JSON pointer segment. */
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
