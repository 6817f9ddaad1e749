/**
 * Pushpin for tests and benchmarks: our own instance (Debian's `pushpin`, its stock
 * processes: condure, zurl, pushpin-proxy, pushpin-handler), from a generated config in `dir`,
 * on free loopback ports — never the system's /etc/pushpin. The format is
 * /etc/pushpin/pushpin.conf's; the internal sockets are ipc:// files under `dir`.
 *
 *   const pp = await startPushpin({ dir, routes: ['127.0.0.1:3001', …], sigKey, startChild, freePort })
 *   pp.httpPort (readers) · pp.publishUrl (EPCP publish base, GRIP_URL) · pp.child
 *
 * `messageRate` lifts the handler's message rate limit (stock 2500 items/s, which a
 * fan-out to thousands of readers of one channel would meet); `routes` are the origins
 * (several: Pushpin balances and fails over between them).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const PUSHPIN = process.env.LIVEPAGE_PUSHPIN ?? '/usr/bin/pushpin';
export const hasPushpin = () => existsSync(PUSHPIN);

export function pushpinConfig({ dir, httpPort, publishPort, ports, sigKey, messageRate = 1_000_000, maxConn = 50_000, ipcPrefix, logLevel = 1 }) {
  return `[global]
include={libdir}/internal.conf
rundir=${dir}/run
ipc_prefix=${ipcPrefix}
port_offset=0
stats_connection_ttl=120

[runner]
services=condure,zurl,pushpin-proxy,pushpin-handler
http_port=127.0.0.1:${httpPort}
logdir=${dir}/log
log_level=${logLevel}
client_buffer_size=8192
client_maxconn=${maxConn}
condure_bin=condure
zurl_bin=zurl

[proxy]
# Requests to the origins go through our own zurl (Debian's internal.conf names the
# system service's sockets under /var/run/zurl).
zurl_out_specs=ipc://{rundir}/{ipc_prefix}zurl-in
zurl_out_stream_specs=ipc://{rundir}/{ipc_prefix}zurl-in-stream
zurl_in_specs=ipc://{rundir}/{ipc_prefix}zurl-out
routesfile=${dir}/routes
debug=false
auto_cross_origin=false
accept_x_forwarded_protocol=false
set_x_forwarded_protocol=proto-only
x_forwarded_for=
x_forwarded_for_trusted=
orig_headers_need_mark=
accept_pushpin_route=false
log_from=false
log_user_agent=false
sig_iss=pushpin
sig_key=${sigKey}
upstream_key=
updates_check=off

[handler]
push_in_spec=tcp://127.0.0.1:${ports[0]}
push_in_sub_specs=tcp://127.0.0.1:${ports[1]}
push_in_sub_connect=false
push_in_http_addr=127.0.0.1
push_in_http_port=${publishPort}
push_in_http_max_headers_size=10000
push_in_http_max_body_size=1000000
stats_spec=ipc://{rundir}/{ipc_prefix}stats
command_spec=tcp://127.0.0.1:${ports[2]}
message_rate=${messageRate}
message_hwm=${Math.max(25_000, messageRate)}
message_wait=5000
id_cache_ttl=60
connection_subscription_max=20
subscription_linger=60
stats_subscription_ttl=60
stats_report_interval=10
stats_format=tnetstring
`;
}

/** Starts Pushpin; resolves once its HTTP port and publish port accept connections. */
export async function startPushpin({ dir, routes, sigKey, startChild, freePort, messageRate, maxConn, logLevel, name = "pushpin" }) {
  mkdirSync(path.join(dir, 'run'), { recursive: true });
  mkdirSync(path.join(dir, 'log'), { recursive: true });
  const [httpPort, publishPort, ...ports] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  // over_http: none needed (SSE is plain HTTP); the origins balanced in order of the list.
  writeFileSync(path.join(dir, 'routes'), `* ${routes.join(',')}\n`);
  const conf = path.join(dir, 'pushpin.conf');
  writeFileSync(conf, pushpinConfig({ dir, httpPort, publishPort, ports, sigKey, messageRate, maxConn, logLevel, ipcPrefix: `lp${process.pid}-` }));
  const child = startChild(PUSHPIN, ['--config', conf, '--merge-output'], { env: process.env, logFile: path.join(dir, 'pushpin.log'), name });
  const deadline = Date.now() + 20_000;
  for (const port of [httpPort, publishPort]) {
    while (!(await accepts(port))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (see ${dir}/pushpin.log)`);
      if (Date.now() > deadline) throw new Error(`${name} did not open port ${port} within 20 s (see ${dir}/pushpin.log)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, httpPort, publishPort, publishUrl: `http://127.0.0.1:${publishPort}/` };
}

function accepts(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}
