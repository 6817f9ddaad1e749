/**
 * Live updates across real server processes: a crash and restart, node:cluster workers on
 * SQLite, and two servers sharing PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../test/fixtures.js';
import { readFileSync } from 'node:fs';
import { childPids, publishPost, run, seededForServers, serve, type Served } from '../test/processes.js';
import { openSse } from '../test/sse.js';
import { describeEachStore, openTestStore, type TestStore } from '../test/stores.js';

const SLUG = 'demo-storm-coverage';

describeEachStore('live updates across processes', (kind) => {
  let t: TestStore;
  let env: Record<string, string>;
  let token: string;
  const running: Served[] = [];
  beforeAll(async () => {
    t = await openTestStore(kind);
    await t.store.close();
    ({ env, token } = await seededForServers(t));
  });
  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    t.store.close = async () => {};
    await t.dispose();
  });

  const start = async (args: string[]) => {
    const s = await serve(env, args);
    running.push(s);
    return s;
  };
  const publish = (base: string, title: string) => publishPost(base, token, SLUG, aPost(title));

  it('after SIGKILL and a restart, a reader resuming by id gets exactly what it missed', async () => {
    const a = await start(['--workers', '1']);
    const before = await publish(a.url, 'Before the crash');
    const missed = [await publish(a.url, 'Missed 1'), await publish(a.url, 'Missed 2')];
    a.child.kill('SIGKILL');
    await a.exited;
    const b = await start(['--workers', '1']);
    const sse = await openSse(`${b.url}/live/${SLUG}/events`, { 'last-event-id': String(before.seq) });
    const got = await sse.waitFor(2);
    expect(got.map((e) => [e.id, e.data.id])).toEqual(missed.map((p) => [p.seq, p.id]));
    const live = await publish(b.url, 'After the restart');
    expect((await sse.waitFor(3))[2]!.id).toBe(live.seq);
    sse.close();
    b.child.kill('SIGTERM');
    await b.exited;
  });

  it('a post scheduled while the server was down goes out as soon as it is back', async () => {
    const a = await start(['--workers', '1']);
    const at = new Date(Date.now() + 1500).toISOString();
    const res = await fetch(`${a.url}/api/v1/pages/${SLUG}/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(aPost('Scheduled across a restart', { status: 'scheduled', scheduledFor: at })),
    });
    const post = (await res.json()) as { id: string };
    a.child.kill('SIGKILL');
    await a.exited;
    await new Promise((r) => setTimeout(r, 2000));
    const b = await start(['--workers', '1']);
    const started = Date.now();
    let status = '';
    while (Date.now() - started < 2000 && status !== 'published') {
      status = ((await (await fetch(`${b.url}/api/v1/posts/${post.id}`)).json()) as { status?: string }).status ?? '';
      if (status !== 'published') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('published');
    expect(Date.now() - started).toBeLessThan(1500);
    b.child.kill('SIGTERM');
    await b.exited;
  });

  it('every reader of every worker or server gets each post once, within a second', async () => {
    // SQLite: node:cluster workers on one port. PostgreSQL: two separate servers too.
    const servers = kind === 'sqlite' ? [await start(['--workers', '2'])] : [await start(['--workers', '1']), await start(['--workers', '2'])];
    const { seq } = await (await fetch(`${servers[0]!.url}/api/v1/pages/${SLUG}`)).json();
    const readers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => openSse(`${servers[i % servers.length]!.url}/live/${SLUG}/events?since=${seq}`)),
    );
    const posts = [];
    for (let i = 0; i < 3; i++) {
      const sent = Date.now();
      posts.push(await publish(servers[servers.length - 1]!.url, `Everywhere ${i}`));
      await Promise.all(readers.map((r) => r.waitFor(i + 1, 3000)));
      expect(Date.now() - sent).toBeLessThan(1000);
    }
    for (const r of readers) {
      expect(r.events.map((e) => e.data.id)).toEqual(posts.map((p) => p.id));
      r.close();
    }
    // The forked workers run with glibc's arenas capped (memory after image work, serve.ts).
    const clustered = servers[servers.length - 1]!;
    const workers = childPids(clustered.child.pid!);
    expect(workers).toHaveLength(2);
    for (const pid of workers) expect(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toContain(`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? 2}`);
    for (const s of servers) {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  });
});
