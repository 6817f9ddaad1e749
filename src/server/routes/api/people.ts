/** `/api/v1/users` (admins) and `/api/v1/tokens` (everyone their own; admins all). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addUser } from '../../../commands/addUser.js';
import { changeByline } from '../../../commands/bylines.js';
import { changeUser } from '../../../commands/changeUser.js';
import { createToken, revokeToken } from '../../../commands/tokens.js';
import { notFound } from '../../../domain/errors.js';
import { text } from '../../../domain/schema-helpers.js';
import { authorize, can } from '../../../domain/policy.js';
import { bylineSchema, ROLES, userCreateSchema } from '../../../domain/user.js';
import { userJson } from '../../../domain/api-json.js';
import { findUserById, listBylines, listTokens, listUsers } from '../../../store/users.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';

const userAddSchema = userCreateSchema.extend({ password: z.string().min(1).max(1000).optional() });
const userChangeSchema = z
  .strictObject({ name: text(100).optional(), role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((c) => Object.keys(c).length > 0, 'Send at least one field to change.');
const tokenSchema = z.strictObject({ name: text(100).default('api') });
const idParam = (params: unknown) => {
  const id = (params as { id?: unknown }).id;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw notFound('item', 'There is no such item.');
  return id;
};

export async function peopleRoutes(app: FastifyInstance, { commands, store }: AppServices): Promise<void> {
  const { db } = store;

  app.get('/api/v1/users', { config: { action: 'people.manage' } }, async () => {
    return { users: (await listUsers(db)).map(userJson) };
  });

  app.post('/api/v1/users', { config: { action: 'people.manage' } }, async (req, reply) => {
    const input = parse(userAddSchema, req.body);
    const { user, password } = await addUser(commands, input);
    // A generated password is shown once, to the admin who will pass it on.
    return reply.status(201).send({ user: userJson(user), ...(input.password ? {} : { password }) });
  });

  app.patch('/api/v1/users/:id', { config: { action: 'people.manage' } }, async (req) => {
    const actor = callerOf(req);
    return { user: userJson(await changeUser(commands, actor, idParam(req.params), parse(userChangeSchema, req.body))) };
  });

  app.patch('/api/v1/users/:id/byline', { config: { action: 'byline.edit' } }, async (req) => {
    const actor = callerOf(req);
    const id = idParam(req.params);
    authorize(actor, 'byline.edit', { userId: id }); // before the body: another's byline is no business of a non-admin
    return { user: userJson(await changeByline(commands, actor, id, parse(bylineSchema, req.body))) };
  });

  app.get('/api/v1/bylines', { config: { action: 'desk.use' } }, async () => {
    return { bylines: await listBylines(db) };
  });

  app.get('/api/v1/tokens', { config: { action: 'token.list' } }, async (req) => {
    const actor = callerOf(req);
    return { tokens: await listTokens(db, can(actor, 'token.any') ? undefined : actor.id) };
  });

  app.post('/api/v1/tokens', { config: { action: 'token.create' } }, async (req, reply) => {
    const actor = callerOf(req);
    const { name } = parse(tokenSchema, req.body ?? {});
    const me = await findUserById(db, actor.id);
    if (!me) throw notFound('user', 'Your account no longer exists.');
    const { token } = await createToken(commands, me.email, name);
    return reply.status(201).send({ token, name });
  });

  app.delete('/api/v1/tokens/:id', { config: { action: 'token.revoke' } }, async (req) => {
    const actor = callerOf(req);
    return { token: await revokeToken(commands, actor, idParam(req.params)) };
  });
}
