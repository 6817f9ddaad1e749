/**
 * Hostile anonymous reads, shared by bench/memory.mjs and src/server/hostile-reads.test.ts:
 * thousands of distinct reader URLs that each could fill a cache (every `?since=N` of the
 * polling endpoint, page numbers, feeds, embeds and pages with junk queries, unknown slugs),
 * sent to a real server process while its resident memory is sampled from /proc.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * `count` distinct URLs against the page `slug` whose last event is `seq`. Every polling
 * answer a page can give is asked (each `since` from 0 to seq: the heaviest answers), then
 * the rest in a fixed mix; deterministic.
 */
export function hostileUrls(slug, seq, count) {
  const urls = new Set();
  const add = (u) => urls.size < count && urls.add(u);
  for (let n = 0; n <= seq; n++) add(`/live/${slug}/updates?since=${n}`);
  const junk = 'x'.repeat(1500);
  for (let i = 0; urls.size < count; i++) {
    const mix = [
      `/live/${slug}/updates?since=${(i * 7919) % (seq + 1)}&_=${i}`, // another URL for a real answer
      `/live/${slug}/updates?since=${seq + 1 + i}`, // past the page's last event
      `/live/${slug}/updates?since=${String(i % (seq + 1)).padStart(6, '0')}`, // same number, other URL
      `/live/${slug}?page=${1 + (i % 5000)}`, // real page numbers, then ones past the end
      `/live/${slug}?utm_source=${i}`,
      `/live/${slug}/feed.${['atom', 'rss', 'json'][i % 3]}?v=${i}`,
      `/live/${slug}/embed?ref=${i}`,
      `/live/no-such-page-${i}`,
      `/live/no-such-page-${i}/updates?since=${i}`,
      `/live/no-such-page-${i}/feed.rss`,
      `/live/${slug}/updates?since=${i % (seq + 1)}&pad=${junk}${i}`,
    ];
    add(mix[i % mix.length]);
  }
  return [...urls];
}

/** A process's resident set size in MiB (Linux /proc). */
export function rssMib(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One GET on a keep-alive agent; resolves to the status (the body is read and dropped). */
function get(agent, url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: GET ${url}`)));
    req.on('error', reject);
  });
}

/**
 * Sends every URL once (`concurrency` at a time) to `baseUrl`, sampling the server's RSS
 * every 100 ms. Resolves with the counts by status and the RSS before, at its peak and after.
 */
export async function hostileReads({ baseUrl, urls, pid, concurrency = 8 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = {};
  const start = rssMib(pid);
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMib(pid))), 100);
  const t0 = Date.now();
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < urls.length) {
          const status = await get(agent, baseUrl + urls[next++]);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    agent.destroy();
  }
  const end = rssMib(pid);
  const mib = (x) => Math.round(x);
  return { requests: urls.length, seconds: (Date.now() - t0) / 1000, statuses, rssStartMib: mib(start), rssPeakMib: mib(Math.max(peak, end)), rssEndMib: mib(end) };
}
