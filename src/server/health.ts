/**
 * Liveness and readiness for load balancers (SPEC: GET /healthz, GET /readyz). Readiness
 * asks the store the cheapest question, looks at the bus and at whether this node is
 * draining: a balancer polling every second costs one `select 1`.
 */
import { z } from 'zod';
import type { EventBus } from '../realtime/bus.js';
import type { Store } from '../store/store.js';

/** This node's lifecycle, shared by the readiness check and shutdown. */
export interface NodeState {
  /** Set when shutdown begins: the node finishes what it has and takes nothing new. */
  draining: boolean;
}

export const CHECK_NAMES = ['store', 'bus', 'draining'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface Readiness {
  ready: boolean;
  /** The checks that failed, by name (empty when ready). */
  failed: CheckName[];
  /** Each check's outcome: "ok" or why not. */
  checks: Record<CheckName, string>;
}

/** A store that takes longer than this to answer `select 1` is not ready. */
export const STORE_PING_TIMEOUT_MS = 2000;

export async function readiness(store: Pick<Store, 'ping'>, bus: Pick<EventBus, 'listening'>, node: NodeState): Promise<Readiness> {
  const checks: Record<CheckName, string> = {
    store: await pingWithin(store, STORE_PING_TIMEOUT_MS),
    bus: bus.listening() ? 'ok' : 'not listening',
    draining: node.draining ? 'draining: this node is shutting down' : 'ok',
  };
  const failed = (Object.keys(checks) as CheckName[]).filter((k) => checks[k] !== 'ok');
  return { ready: failed.length === 0, failed, checks };
}

async function pingWithin(store: Pick<Store, 'ping'>, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${ms} ms`), ms)));
  try {
    return await Promise.race([store.ping().then(() => 'ok', (err: unknown) => `failed: ${(err as Error).message}`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** GET /healthz's answer, as the OpenAPI document describes it. */
export const livenessOut = z.object({ status: z.literal('ok') });

const readinessShape = {
  failed: z.array(z.enum(CHECK_NAMES)).describe('The checks that failed.'),
  checks: z.object({
    store: z.string().describe('`ok`, or why not: the database did not answer `select 1` (in time).'),
    bus: z.string().describe('`ok`, or `not listening`: live updates from other nodes would not arrive.'),
    draining: z.string().describe('`ok`, or draining: this node is shutting down.'),
  }),
};
/** GET /readyz's answers: ready (200), or not, naming why (503). */
export const readyOut = z.object({ status: z.literal('ready'), ready: z.literal(true), ...readinessShape, failed: readinessShape.failed.max(0) });
export const notReadyOut = z.object({ status: z.literal('not ready'), ready: z.literal(false), ...readinessShape, failed: readinessShape.failed.min(1) });
