/** GET /healthz and GET /readyz: for load balancers, never cached; server/request-hooks.ts logs them at debug only. */
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../../realtime/bus.js';
import type { Store } from '../../store/store.js';
import { readiness, type NodeState } from '../health.js';

const NO_STORE = { 'cache-control': 'no-store' };

export async function healthRoutes(app: FastifyInstance, { store, bus, node }: { store: Store; bus: EventBus; node: NodeState }): Promise<void> {
  // Alive: the process answers HTTP. Nothing else is asked, so a slow database does not get the process restarted.
  app.get('/healthz', async (_req, reply) => reply.headers(NO_STORE).send({ status: 'ok' }));

  // Ready for traffic: 503 names the failed checks, so an operator sees why a node left the pool.
  app.get('/readyz', async (_req, reply) => {
    const r = await readiness(store, bus, node);
    return reply.status(r.ready ? 200 : 503).headers(NO_STORE).send({ status: r.ready ? 'ready' : 'not ready', ...r });
  });
}
