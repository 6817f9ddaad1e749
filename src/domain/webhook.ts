/**
 * Webhooks (SPEC §6): what an admin may register, how a body is signed and how long a
 * failed delivery waits before the next try. Pure: no I/O.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { EVENT_TYPES } from './event.js';
import { httpUrl } from './schema-helpers.js';

/** Secrets shorter than this are too easy to guess; the docs suggest 32 random bytes. */
export const MIN_SECRET = 6;
export const MAX_SECRET = 256;

const secret = z
  .string()
  .min(MIN_SECRET, `Must be at least ${MIN_SECRET} characters.`)
  .max(MAX_SECRET, `Must be at most ${MAX_SECRET} characters.`);
const events = z
  .array(z.enum(EVENT_TYPES))
  .min(1, 'Name at least one event type.')
  .max(EVENT_TYPES.length)
  .refine((e) => new Set(e).size === e.length, 'Name each event type once.');

/**
 * True when a URL names a user or password (`http://user:pw@host/`). fetch refuses such URLs,
 * so a target with them could never be delivered to, and its password would sit in the logs.
 */
export const hasUserInfo = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
};

/** Where deliveries go: an http(s) URL without user info (the signature is the credential). */
const targetUrl = httpUrl.refine((u) => !hasUserInfo(u), 'Must not contain a user name or password; the signature authenticates deliveries.');

/** Body of `POST /api/v1/webhooks`. Only http(s) targets: no file:, data:, javascript:, ftp:. */
export const webhookCreateSchema = z.strictObject({ url: targetUrl, events, secret });
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

/** Body of `PATCH /api/v1/webhooks/{id}`: switch it off or on, or change where and what it sends. */
export const webhookPatchSchema = z
  .strictObject({ url: targetUrl.optional(), events: events.optional(), secret: secret.optional(), active: z.boolean().optional() })
  .refine((p) => Object.keys(p).length > 0, 'Send at least one field to change.');
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;

/** `X-Livepage-Signature`: `sha256=` and the hex HMAC-SHA256 of the exact body with the secret. */
export const signature = (body: string, key: string): string => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is failed. */
  maxAttempts: number;
  /** The wait after the first failure; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * How long to wait after failed attempt number `attempt` (1-based): exponential, capped,
 * with jitter (between half and all of it) so that many deliveries failing together
 * do not all come back at the same moment.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}
