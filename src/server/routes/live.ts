/** Live updates for readers (SPEC §4): the SSE stream and the cacheable polling endpoint. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { liveEventOut } from '../../domain/api-schemas.js';
import { invalidInput, notFound } from '../../domain/errors.js';
import { SLUG_PATTERN } from '../../domain/page.js';
import { gripLastId, verifyGripSig } from '../../realtime/grip.js';
import { SSE_HEADERS } from '../../realtime/sse.js';
import { pageHead } from '../../store/pages.js';
import { readerCacheControl, sendCacheable } from '../cache-control.js';
import type { RouteDoc } from '../route-doc.js';
import type { AppServices } from '../services.js';
import { slugParam } from './params.js';

/** A seq from a header or query: a whole number, or a 400 naming where it came from. */
export function parseSeq(raw: unknown, field: string): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw.trim())) throw invalidInput(`${field} must be a whole number (an event id).`, field);
  return Number(raw.trim());
}

/** `/live/{slug}/events`, bare or with `?since=N`: what EventSource and the reader script ask for. */
const EVENTS_URL = /^\/live\/([^/?]+)\/events(?:\?since=(\d{1,15}))?$/;

/**
 * The SSE stream without the framework, called before fastify for every request. A reader
 * holds its connection for as long as it reads, so what a request costs per connection is
 * paid tens of thousands of times over: here nothing is kept but the response and the
 * hub's entry (no fastify request, reply or child logger), and connecting is cheaper when
 * every reader comes back at once. Returns false — fastify's route below then answers — for
 * any other request, any other URL shape, a malformed Last-Event-ID, and while closing;
 * calls `next` (the same route) for an unknown page or a failed read.
 */
export function serveLiveEvents({ store, hub, config }: Pick<AppServices, 'store' | 'hub' | 'config'>, req: IncomingMessage, res: ServerResponse, next: () => void): boolean {
  if (req.method !== 'GET' || hub.closed) return false;
  const m = EVENTS_URL.exec(req.url ?? '');
  if (!m || !SLUG_PATTERN.test(m[1]!)) return false;
  let since: number | undefined;
  try {
    since = parseSeq(req.headers['last-event-id'], 'Last-Event-ID') ?? (m[2] === undefined ? undefined : Number(m[2]));
  } catch {
    return false;
  }
  void stream(m[1]!).catch(() => (res.headersSent ? res.destroy() : next()));
  return true;

  async function stream(slug: string): Promise<void> {
    const page = await pageHead(store.db, slug); // fresh, not cached: the stream starts exactly here
    if (!page || hub.closed) return next();
    await openStream({ hub, config }, req, page, slug, since, res);
  }
}

/**
 * A stream request for `page` (at `slug`), after `since` (else from now), handed to the
 * hub: held by the GRIP proxy that signed it (the proxy then writes to the reader), else
 * streamed directly. Both ways in — serveLiveEvents and fastify's route — end here.
 */
function openStream(
  { hub, config }: Pick<AppServices, 'hub' | 'config'>,
  req: IncomingMessage,
  page: { id: string; seq: number },
  slug: string,
  since: number | undefined,
  res: ServerResponse,
): Promise<void> {
  if (config.grip && verifyGripSig(header(req.headers['grip-sig']), config.grip.key)) {
    const last = gripLastId(req.headers['grip-last'], page.id);
    return hub.holdForProxy(page, slug, last ?? since ?? page.seq, res, last !== undefined);
  }
  hub.feed(page.id, page.seq);
  hub.notify(page.id, page.seq); // readers already here get what this one's look at the page found
  return hub.connect(page, since ?? page.seq, res);
}

/** Polling is cached briefly everywhere (CDN included): every reader at a seq asks the same URL. */
const pollCacheControl = (live: boolean) => readerCacheControl(live ? 'live' : 'ended', 'poll');

const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

// Their entries in the OpenAPI document (SPEC §4): what readers' browsers call, public and cacheable.
const slugPath = z.object({ slug: z.string().describe('The page’s slug.') });
const seqQuery = z.object({ since: z.string().regex(/^\d+$/).describe('The last seq the reader has.') });
const eventsDoc: RouteDoc = {
  tag: 'Readers',
  summary: 'A page’s live events (Server-Sent Events)',
  description: 'One frame per event, `id:` its seq; resumes after `Last-Event-ID` (or `?since=`) with everything missed, in order, once.',
  params: slugPath,
  query: seqQuery.partial(),
  response: { contentType: 'text/event-stream' },
  errors: ['page_not_found', 'invalid_input'],
};
const updatesDoc: RouteDoc = {
  tag: 'Readers',
  summary: 'A page’s events after a seq (polling)',
  description: 'The same events as the stream, as JSON: at most 500 per answer; cached briefly by every cache (ETag).',
  params: slugPath,
  query: seqQuery,
  response: {
    schema: z.object({ seq: z.number().int(), events: z.array(liveEventOut) }),
  },
  errors: ['page_not_found', 'invalid_input'],
};

export async function liveRoutes(app: FastifyInstance, { store, reader, hub, polls, config }: AppServices): Promise<void> {
  // Most streams are served by serveLiveEvents before fastify; this route answers the rest.
  app.get('/live/:slug/events', { config: { doc: eventsDoc } }, async (req, reply) => {
    const slug = slugParam(req.params);
    // EventSource resends the original URL on reconnect, with Last-Event-ID: the header wins.
    const since = parseSeq(req.headers['last-event-id'], 'Last-Event-ID') ?? parseSeq((req.query as { since?: unknown }).since, 'since');
    const page = await pageHead(store.db, slug); // fresh, not cached: the stream starts exactly here
    if (!page) throw notFound('page', 'There is no such live page.');
    // HEAD (fastify answers it with this route): the head alone. A stream written after it
    // would be read as the connection's next response by a client or a proxy reusing it.
    if (req.method === 'HEAD') return reply.headers(SSE_HEADERS).send();
    reply.hijack();
    await openStream({ hub, config }, req.raw, page, slug, since, reply.raw);
  });

  app.get('/live/:slug/updates', { config: { doc: updatesDoc } }, async (req, reply) => {
    const slug = slugParam(req.params);
    const since = parseSeq((req.query as { since?: unknown }).since, 'since');
    if (since === undefined) throw invalidInput('Ask for the events after a seq: ?since=N.', 'since');
    const page = await reader.pageHead(slug);
    if (!page) throw notFound('page', 'There is no such live page.');
    // The release too: events carry rendered HTML, which a new template changes.
    const etag = `"${reader.buildId}-${page.id}-${since}-${page.seq}"`;
    // The answer is cached (any reader at this seq asks for it), compressed once per coding.
    const body = await polls.answer(hub.feed(page.id, page.seq), page, since);
    return sendCacheable(req, reply, { etag, cacheControl: pollCacheControl(page.state === 'live'), type: 'application/json; charset=utf-8', body });
  });
}
