/**
 * nginx for the benchmarks: a config generator and a launcher (Debian's nginx, run as our
 * own instance with `nginx -c CONF -p PREFIX` on free loopback ports; the system service
 * is never touched). Used by bench/failover.mjs (the load balancer in front of several
 * `livepage serve` nodes) and bench/fanout.mjs (nchan as a peer).
 *
 * balancerConfig() writes the same SSE settings docs/operations.md recommends ("Behind a
 * reverse proxy", "Health checks and failover"): the stream location unbuffered, uncached,
 * uncompressed, with an hour's read timeout (livepage sends a comment every 15 s);
 * proxy_next_upstream so a request to a dead or draining node moves on to the next one.
 * Keep it in step with docs/operations.md and src/test/nginx.ts (the drain test's launcher).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { alive, run, sleep, startChild } from './processes.mjs';

export const NGINX = process.env.LIVEPAGE_NGINX ?? '/usr/sbin/nginx';
export const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so';

/** Whether nginx (and, with nchan, its module) is installed here. */
export const hasNginx = ({ nchan = false } = {}) => existsSync(NGINX) && (!nchan || existsSync(NCHAN_MODULE));

/**
 * The part every instance shares: one worker (the benchmarks compare one process each),
 * enough connections for `connections` clients (two descriptors each through a proxy),
 * logs and temp files in the prefix, and no daemon (the launcher tracks the process).
 */
function mainBlock({ prefix, connections, modules = [] }) {
  const files = Math.min(20_000, 2 * connections + 100); // one process may hold at most 20,000 files here
  return `${modules.map((m) => `load_module ${m};`).join('\n')}
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile ${files};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections ${files - 50}; multi_accept on; }
`;
}

const httpCommon = (prefix) => `
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
`;

/**
 * A load balancer in front of livepage nodes (`upstreams`: ports on 127.0.0.1), on `port`.
 * The SSE location is docs/operations.md's; failover is nginx's passive one: a node that
 * refuses or fails is skipped (after 3 failures, for 5 s; a refused connection moves on at
 * once), GETs and the API's idempotent retries
 * move on (proxy_next_upstream).
 */
export function balancerConfig({ prefix, port, upstreams, connections }) {
  return `${mainBlock({ prefix, connections })}
http {${httpCommon(prefix)}
  upstream livepage {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port} backlog=4096;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Request-Id $request_id;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 3;
    proxy_connect_timeout 5s;

    # The live stream: straight through, never buffered or cached (docs/operations.md).
    location ~ ^/live/[a-z0-9-]+/events$ {
      proxy_pass http://livepage;
      proxy_buffering off;
      proxy_cache off;
      gzip off;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://livepage;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

/**
 * nchan as a fan-out peer (bench/fanout.mjs): subscribers GET /sub (EventSource), the
 * publisher POSTs to /pub; one channel, its messages kept in memory for resuming.
 */
export function nchanConfig({ prefix, port, connections }) {
  return `${mainBlock({ prefix, connections, modules: [NCHAN_MODULE] })}
http {${httpCommon(prefix)}
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location = /health { return 200 "ok"; }
    location = /sub {
      nchan_subscriber eventsource;
      nchan_channel_id bench;
      nchan_subscriber_first_message newest;
      nchan_eventsource_event post.published;
    }
    location = /pub {
      nchan_publisher;
      nchan_channel_id bench;
      nchan_message_buffer_length 100;
      nchan_message_timeout 5m;
    }
  }
}
`;
}

/** Writes `config` under `prefix` and starts nginx on it; resolves once `probe` answers 200. */
export async function startNginx({ prefix, config, name = 'nginx', probe }) {
  mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, config);
  await run(NGINX, ['-t', '-q', '-c', conf, '-p', prefix]); // a config error says so here, not as a timeout
  const child = startChild(NGINX, ['-c', conf, '-p', prefix], { env: process.env, logFile: path.join(prefix, 'stderr.log'), name });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!alive(child)) throw new Error(`${name} exited: ${readTail(path.join(prefix, 'error.log'))}`);
    try {
      if ((await probe()).status === 200) return child;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 10 s: ${readTail(path.join(prefix, 'error.log'))}`);
    await sleep(100);
  }
}

function readTail(file) {
  try {
    return readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
}
