/**
 * Who is calling: a bearer token (SPEC §2). Every write route states the role it needs
 * with `requireRole`; reads that anyone may do use `optionalActor`.
 */
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../domain/errors.js';
import { hasRole, type Actor, type Role } from '../domain/user.js';
import { userForToken } from '../commands/tokens.js';
import type { Db } from '../store/store.js';

/** The actor behind the request's credentials; undefined when none were sent; 401 when they are bad. */
export async function optionalActor(db: Db, req: FastifyRequest): Promise<Actor | undefined> {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const user = match ? await userForToken(db, match[1]!) : undefined;
  if (!user) throw unauthenticated();
  return { id: user.id, role: user.role };
}

/** The actor, who must hold at least `role`: 401 without credentials, 403 with too small a role. */
export async function requireRole(db: Db, req: FastifyRequest, role: Role): Promise<Actor> {
  const actor = await optionalActor(db, req);
  if (!actor) throw unauthenticated();
  if (!hasRole(actor.role, role)) throw forbidden(`This needs the ${role} role or higher.`);
  return actor;
}
