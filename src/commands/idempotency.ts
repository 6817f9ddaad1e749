/**
 * Idempotency keys (`Idempotency-Key` on the API's creating POSTs): a client that did not
 * hear the answer — a phone losing signal as a journalist presses Publish — sends the same
 * request again with the same key and gets the first answer back instead of a second post.
 * The key is taken, and the answer stored, in the transaction that makes the change, so
 * either both happen or neither does.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import { claimIdempotencyKey, findIdempotencyKey, saveIdempotentResponse } from '../store/idempotency.js';
import type { Tx } from './context.js';

/** A key answers for this long; then it may be used afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotentRequest {
  userId: string;
  key: string;
  /** What the request asks for (see `requestFingerprint`): a key reused for another request is refused. */
  fingerprint: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** The stable fingerprint of a request: its method, path and JSON body (key order ignored). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export const idempotencyKeyReused = () =>
  new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key for a new request.');

/**
 * Runs `make` within `tx` unless `req`'s key has answered already: then its first answer
 * comes back (`replayed`), or a 422 when the key came with a different request.
 */
export async function answerOnce(tx: Tx, req: IdempotentRequest, make: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
  const staleBefore = new Date(Date.parse(tx.now) - IDEMPOTENCY_TTL_MS).toISOString();
  if (await claimIdempotencyKey(tx.db, { ...req, createdAt: tx.now, staleBefore })) {
    const answer = await make();
    await saveIdempotentResponse(tx.db, req.userId, req.key, answer.status, JSON.stringify(answer.body));
    return { ...answer, replayed: false };
  }
  const first = await findIdempotencyKey(tx.db, req.userId, req.key);
  if (!first || first.status === 0) throw new AppError(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still being processed; try again shortly.');
  if (first.fingerprint !== req.fingerprint) throw idempotencyKeyReused();
  return { status: first.status, body: JSON.parse(first.body) as Record<string, unknown>, replayed: true };
}
