/**
 * The hub's side of a GRIP proxy (realtime/grip.ts): a held stream's first response (its
 * backlog and the hold instructions) and the publish of each new event, both from the
 * page's feed, so the proxy's readers get the very frames direct readers get.
 */
import type { ServerResponse } from 'node:http';
import { gripHoldHeaders, type GripPublisher } from './grip.js';
import type { PageFeed } from './page-feed.js';
import { preamble, SSE_HEADERS } from './sse.js';

/**
 * The events after `since` and the hold instructions, in one response; the proxy keeps the
 * reader's connection and gets the next events from publishCommitted() (any node's).
 * `recovery`: the proxy asking its next link after a gap, whose reader already had the preamble.
 */
export async function answerHold(feed: PageFeed, pageSeq: number, slug: string, since: number, res: ServerResponse, recovery: boolean): Promise<void> {
  await feed.advance(pageSeq);
  const parts: Buffer[] = recovery ? [] : [preamble().sse];
  let at = Math.min(since, feed.loaded);
  for (;;) {
    const frames = await feed.since(at);
    if (frames.length === 0) break;
    for (const f of frames) parts.push(f.sse);
    at = frames[frames.length - 1]!.seq;
  }
  if (res.destroyed) return;
  const body = Buffer.concat(parts);
  res.writeHead(200, { ...SSE_HEADERS, ...gripHoldHeaders(slug, feed.pageId, at), 'content-length': body.length });
  res.end(body);
}

/**
 * Publishes the events one commit appended to a page, `seq − events + 1` to `seq`, in one
 * request, chained by prev-id from the seq before them: what the proxy expects. (Publishing
 * only the last made every commit of two events — a post published and pinned at once —
 * look like a gap, and each held stream recovered it through the next link.)
 */
export async function publishCommitted(grip: GripPublisher, feed: PageFeed, seq: number, events: number): Promise<void> {
  const prev = seq - events;
  await feed.advance(seq);
  const frames = (await feed.since(prev)).filter((f) => f.seq > prev && f.seq <= seq);
  await grip.publish(feed.pageId, frames, prev);
}
