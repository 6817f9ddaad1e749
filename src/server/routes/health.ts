/**
 * GET /healthz and GET /readyz: for load balancers and integrators' monitoring, never cached;
 * server/request-hooks.ts logs them at debug only. They read no credentials (no `action`): a balancer sends none.
 */
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../../realtime/bus.js';
import type { Store } from '../../store/store.js';
import { livenessOut, notReadyOut, readiness, readyOut, type NodeState } from '../health.js';

const NO_STORE = { 'cache-control': 'no-store' };
const tag = 'Operations';

export async function healthRoutes(app: FastifyInstance, { store, bus, node }: { store: Store; bus: EventBus; node: NodeState }): Promise<void> {
  // Alive: the process answers HTTP. Nothing else is asked, so a slow database does not get the process restarted.
  app.get(
    '/healthz',
    { config: { doc: { tag, summary: 'Is the process alive', description: 'Answers while the process serves HTTP; asks nothing else (a slow database does not fail it). Never cached.', response: { schema: livenessOut, description: 'Alive.' } } } },
    async (_req, reply) => reply.headers(NO_STORE).send({ status: 'ok' }),
  );

  // Ready for traffic: 503 names the failed checks, so an operator sees why a node left the pool.
  app.get(
    '/readyz',
    {
      config: {
        doc: {
          tag,
          summary: 'Is this node ready for traffic',
          description: 'The database answers, the live-update bus listens, and the node is not shutting down. Take the node out of rotation on 503. Never cached.',
          response: { schema: readyOut, description: 'Ready: every check is `ok`.' },
          otherResponses: [{ status: 503, description: 'Not ready: `failed` names the checks, `checks` says why.', schema: notReadyOut }],
        },
      },
    },
    async (_req, reply) => {
      const r = await readiness(store, bus, node);
      return reply.status(r.ready ? 200 : 503).headers(NO_STORE).send({ status: r.ready ? 'ready' : 'not ready', ...r });
    },
  );
}
