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
import { teamBylineJson, userJson } from '../../../domain/api-json.js';
import { findUserById, listBylines, listTokens, listUsers } from '../../../store/users.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { teamBylineOut } from '../../../domain/api-desk-schemas.js';
import { tokenOut, userOut } from '../../../domain/api-schemas.js';
import { idPath } from './doc-params.js';

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

const userAnswer = z.object({ user: userOut });
const tag = 'People';

export async function peopleRoutes(app: FastifyInstance, { commands, store }: AppServices): Promise<void> {
  const { db } = store;

  app.get('/api/v1/users', { config: { action: 'people.manage', doc: { tag, summary: 'List people', response: { schema: z.object({ users: z.array(userOut) }) } } } }, async () => {
    return { users: (await listUsers(db)).map(userJson) };
  });

  app.post('/api/v1/users', { config: { action: 'people.manage', doc: { tag, summary: 'Add a person', description: 'Without `password`, one is generated and shown once in the answer.', body: userAddSchema, response: { status: 201, schema: userAnswer.extend({ password: z.string().optional() }) }, errors: ['email_taken', 'weak_password', 'already_exists'] } } }, async (req, reply) => {
    const input = parse(userAddSchema, req.body);
    const { user, password } = await addUser(commands, input);
    // A generated password is shown once, to the admin who will pass it on.
    return reply.status(201).send({ user: userJson(user), ...(input.password ? {} : { password }) });
  });

  app.patch('/api/v1/users/:id', { config: { action: 'people.manage', doc: { tag, summary: 'Change a person', params: idPath, body: userChangeSchema, response: { schema: userAnswer }, errors: ['item_not_found', 'user_not_found', 'cannot_deactivate_self', 'last_admin'] } } }, async (req) => {
    const actor = callerOf(req);
    return { user: userJson(await changeUser(commands, actor, idParam(req.params), parse(userChangeSchema, req.body))) };
  });

  app.patch('/api/v1/users/:id/byline', { config: { action: 'byline.edit', doc: { tag, summary: 'Change a byline', description: 'One’s own, or anyone’s for admins.', params: idPath, body: bylineSchema, response: { schema: z.object({ user: userOut }) }, errors: ['item_not_found', 'user_not_found'] } } }, async (req) => {
    const actor = callerOf(req);
    const id = idParam(req.params);
    authorize(actor, 'byline.edit', { userId: id }); // before the body: another's byline is no business of a non-admin
    return { user: userJson(await changeByline(commands, actor, id, parse(bylineSchema, req.body))) };
  });

  app.get('/api/v1/bylines', { config: { action: 'desk.use', doc: { tag, summary: 'Everyone’s byline', response: { schema: z.object({ bylines: z.array(teamBylineOut) }) } } } }, async () => {
    return { bylines: (await listBylines(db)).map(teamBylineJson) };
  });

  app.get('/api/v1/tokens', { config: { action: 'token.list', doc: { tag: 'Tokens', summary: 'List tokens', description: 'One’s own; admins see everyone’s.', response: { schema: z.object({ tokens: z.array(tokenOut) }) } } } }, async (req) => {
    const actor = callerOf(req);
    return { tokens: await listTokens(db, can(actor, 'token.any') ? undefined : actor.id) };
  });

  app.post('/api/v1/tokens', { config: { action: 'token.create', doc: { tag: 'Tokens', summary: 'Create a token', description: 'The token is shown once, in this answer.', body: tokenSchema.optional(), response: { status: 201, schema: z.object({ token: z.string(), name: z.string() }) }, errors: ['user_not_found'] } } }, async (req, reply) => {
    const actor = callerOf(req);
    const { name } = parse(tokenSchema, req.body ?? {});
    const me = await findUserById(db, actor.id);
    if (!me) throw notFound('user', 'Your account no longer exists.');
    const { token } = await createToken(commands, me.email, name);
    return reply.status(201).send({ token, name });
  });

  app.delete('/api/v1/tokens/:id', { config: { action: 'token.revoke', doc: { tag: 'Tokens', summary: 'Revoke a token', params: idPath, response: { schema: z.object({ token: tokenOut }) }, errors: ['item_not_found', 'token_not_found'] } } }, async (req) => {
    const actor = callerOf(req);
    return { token: await revokeToken(commands, actor, idParam(req.params)) };
  });
}
