/** Reading the `Idempotency-Key` header of the API's creating POSTs (see commands/idempotency.ts). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestFingerprint, type Answer, type IdempotentRequest } from '../commands/idempotency.js';
import { invalidInput } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';

/** Printable ASCII, as other APIs' keys (UUIDs, random strings) are; at most 255 characters. */
const KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** The request's idempotency key for `actor`, if it sent one; a malformed key is a 400. */
export function idempotentRequest(req: FastifyRequest, actor: Actor): IdempotentRequest | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key))
    throw invalidInput('Idempotency-Key must be 1–255 printable ASCII characters.', undefined, 'invalid_idempotency_key');
  return { userId: actor.id, key, fingerprint: requestFingerprint(req.method, req.url.split('?')[0]!, req.body) };
}

/** Sends a (possibly replayed) answer; a replay says so in `Idempotent-Replayed`. */
export function sendAnswer(reply: FastifyReply, answer: Answer & { replayed: boolean }): FastifyReply {
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  if (typeof answer.body.version === 'number') reply.header('etag', `"${answer.body.version}"`);
  return reply.status(answer.status).send(answer.body);
}
