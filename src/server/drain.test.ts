/**
 * Issue 16.3: a node drained under a few hundred SSE readers. Two app instances share one
 * store (and a bus); readers on the first resume on the second by Last-Event-ID while posts
 * keep being published: none loses or repeats an event, and the first node's streams end
 * spread over the drain window instead of all at once.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import { createToken } from '../commands/tokens.js';
import { MemoryBus, type EventBus } from '../realtime/bus.js';
import { PostgresBus } from '../realtime/postgres-bus.js';
import { pageHead } from '../store/pages.js';
import { aPage, aPost } from '../test/fixtures.js';
import { openRawSse, type RawSse } from '../test/raw-sse.js';
import { describeEachStore, openTestStore, type TestStore } from '../test/stores.js';
import { buildApp } from './app.js';

const READERS = 300;
const WINDOW_MS = 2_000;

describeEachStore('graceful drain', (kind) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
    cleanup.length = 0;
  });

  it(`moves ${READERS} readers to the other node over the window, none losing an event`, async () => {
    const test = await openTestStore(kind);
    cleanup.push(() => test.dispose());
    const shared = new MemoryBus();
    const [a, b] = [await node(test, shared, WINDOW_MS), await node(test, shared, 0)];
    cleanup.push(() => b.app.close());
    const ctx = { store: test.store, publicUrl: 'http://livepage.test', outbox: [], now: () => new Date() };
    await addUser(ctx, { email: 'editor@example.test', name: 'Editor', role: 'editor', password: 'correct horse battery' });
    const { token } = await createToken(ctx, 'editor@example.test');
    const publish = async (json: unknown, path = '/api/v1/pages/drain/posts') => {
      const res = await fetch(b.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) });
      expect(res.status).toBe(201);
    };
    await publish(aPage('drain'), '/api/v1/pages');
    const start = (await pageHead(test.store.db, 'drain'))!.seq;

    // Each reader follows one stream at a time: on A until it ends, then on B from its last id.
    const ended: number[] = [];
    const readers = await Promise.all(Array.from({ length: READERS }, () => follow(a.url, b.url, ended, start)));
    await until(() => a.app.hub.connections === READERS);

    let publishing = true;
    const posts = (async () => {
      for (let i = 0; publishing || i < 5; i++) await publish(aPost(`Update ${i}`, { status: 'published' }));
    })();
    await new Promise((r) => setTimeout(r, 300));
    const drainStarted = Date.now();
    await a.app.close();
    const drainTook = Date.now() - drainStarted;
    publishing = false;
    await posts;
    const last = (await pageHead(test.store.db, 'drain'))!.seq;
    await until(() => readers.every((r) => r.ids.at(-1) === last), 20_000);

    const expected = Array.from({ length: last - start }, (_, i) => start + 1 + i);
    const wrong = readers.filter((r) => JSON.stringify(r.ids) !== JSON.stringify(expected));
    expect(wrong.length).toBe(0); // none lost, none twice, all in order
    expect(readers.every((r) => r.moved)).toBe(true);
    // Spread: the ends span most of the window, and no tenth of it holds 40% (evenly: 10%; at once: 100%).
    const at = ended.map((t) => t - drainStarted).sort((x, y) => x - y);
    expect(at.length).toBe(READERS);
    expect(at.at(-1)! - at[0]!).toBeGreaterThan(WINDOW_MS * 0.6);
    const perTenth = new Map<number, number>();
    for (const t of at) perTenth.set(Math.floor(t / (WINDOW_MS / 10)), (perTenth.get(Math.floor(t / (WINDOW_MS / 10))) ?? 0) + 1);
    expect(Math.max(...perTenth.values())).toBeLessThan(READERS * 0.4);
    expect(drainTook).toBeGreaterThanOrEqual(WINDOW_MS * 0.9);
    for (const r of readers) r.current.close();
  }, 120_000);

  async function node(test: TestStore, shared: MemoryBus, drainWindowMs: number): Promise<{ app: FastifyInstance; url: string }> {
    const bus: EventBus = test.databaseUrl ? await PostgresBus.connect(test.databaseUrl, console) : view(shared);
    const config = { port: 0, host: '127.0.0.1', dataDir: test.dataDir, databaseUrl: test.databaseUrl, publicUrl: 'http://livepage.test', logLevel: 'silent', drainWindowMs };
    const app = await buildApp({ store: test.store, config, bus, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  }
});

/** One process's handle on a bus shared in memory: closing it leaves the others listening. */
function view(shared: MemoryBus): EventBus {
  let open = true;
  return {
    publish: (p, s, at) => shared.publish(p, s, at),
    subscribe: (l) => shared.subscribe((p, s, at) => open && l(p, s, at)),
    listening: () => open,
    close: async () => void (open = false),
  };
}

interface Reader {
  ids: number[];
  current: RawSse;
  moved: boolean;
}

/** A reader who read the page at seq `start` (as the reader script does, from the page). */
async function follow(first: string, second: string, ended: number[], start: number): Promise<Reader> {
  const reader: Reader = { ids: [], current: await openRawSse(first, `/live/drain/events?since=${start}`), moved: false };
  const seen = (sse: RawSse) => {
    const push = sse.frames.push.bind(sse.frames);
    sse.frames.push = (...f) => (reader.ids.push(...f.map((x) => x.id)), push(...f));
  };
  seen(reader.current);
  void reader.current.closed.then(async () => {
    ended.push(Date.now());
    reader.current = await openRawSse(second, '/live/drain/events', { 'Last-Event-ID': String(reader.ids.at(-1) ?? start) });
    seen(reader.current);
    reader.moved = true;
  });
  return reader;
}

async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
