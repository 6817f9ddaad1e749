/** `livepage user …` and `livepage token …`: people and API tokens from the command line. */
import { addUser } from '../commands/addUser.js';
import { changeUser } from '../commands/changeUser.js';
import { createToken, revokeToken } from '../commands/tokens.js';
import { notFound } from '../domain/errors.js';
import { ROLES, userCreateSchema, type Actor, type Role } from '../domain/user.js';
import { parse } from '../server/validate.js';
import { findUserByEmail, listTokens, listUsers } from '../store/users.js';
import { parseCommand, readStdin, required, UsageError } from './args.js';
import { withStore } from './runtime.js';
import type { Output } from './output.js';
import { userJson } from '../domain/api-json.js';

/** Whoever runs the CLI on the server has the machine, so acts as an admin. */
const OPERATOR: Actor = { id: 'cli', role: 'admin' };

const USER_HELP = `Usage:
  livepage user add --email E --name N --role admin|editor|contributor [--password-stdin]
  livepage user set --email E [--name N] [--role R] [--active yes|no]
  livepage user list

"add" creates an account. With --password-stdin the password is read from standard
input (at least 12 characters); otherwise a strong one is generated and printed once.
"set" renames, changes the role of, or (de)activates an account: a deactivated person's
sessions and tokens stop working at once.`;

export async function userCommand(argv: string[], out: Output): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return void console.log(USER_HELP);
  if (sub === 'add') return userAdd(rest, out);
  if (sub === 'set') return userSet(rest, out);
  if (sub === 'list') return userList(rest, out);
  throw new UsageError(sub ? `unknown subcommand "${sub}"; expected add, set or list.` : 'expected add, set or list.');
}

async function userAdd(argv: string[], out: Output): Promise<void> {
  const { values } = parseCommand(argv, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  if (values.help) return void console.log(USER_HELP);
  const input = parse(userCreateSchema, { email: required(values, 'email'), name: required(values, 'name'), role: required(values, 'role') });
  const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
  const result = await withStore((_store, ctx) => addUser(ctx, { ...input, password }));
  out.result(
    [`Added ${result.user.role} ${result.user.name} <${result.user.email}>.`, ...(password ? [] : [`Password (shown once): ${result.password}`])],
    { user: userJson(result.user), ...(password ? {} : { password: result.password }) },
  );
}

async function userSet(argv: string[], out: Output): Promise<void> {
  const { values } = parseCommand(argv, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, active: { type: 'string' } });
  if (values.help) return void console.log(USER_HELP);
  const email = required(values, 'email');
  if (values.role !== undefined && !ROLES.includes(values.role as Role)) throw new UsageError('--role must be admin, editor or contributor.');
  if (values.active !== undefined && !['yes', 'no'].includes(values.active)) throw new UsageError('--active must be yes or no.');
  if (values.name === undefined && values.role === undefined && values.active === undefined) throw new UsageError('say what to change: --name, --role or --active.');
  const user = await withStore(async (store, ctx) => {
    const found = await findUserByEmail(store.db, email);
    if (!found) throw notFound('user', `No account for ${email}.`);
    return changeUser(ctx, OPERATOR, found.id, {
      name: values.name,
      role: values.role as Role | undefined,
      active: values.active === undefined ? undefined : values.active === 'yes',
    });
  });
  out.result(`${user.name} <${user.email}>: ${user.role}, ${user.active ? 'active' : 'deactivated'}.`, { user: userJson(user) });
}

async function userList(argv: string[], out: Output): Promise<void> {
  const { values } = parseCommand(argv, {});
  if (values.help) return void console.log(USER_HELP);
  const users = await withStore((store) => listUsers(store.db));
  out.result(users.map((u) => `${u.email}\t${u.name}\t${u.role}\t${u.active ? 'active' : 'deactivated'}`), { users: users.map(userJson) });
}

const TOKEN_HELP = `Usage:
  livepage token create --email E [--name LABEL]
  livepage token list [--email E]
  livepage token revoke ID

"create" prints a new API token for that account as the last line; it is shown only
once. Send it as "Authorization: Bearer <token>". "revoke" stops a token at once.`;

export async function tokenCommand(argv: string[], out: Output): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return void console.log(TOKEN_HELP);
  if (sub === 'create') return tokenCreate(rest, out);
  if (sub === 'list') return tokenList(rest, out);
  if (sub === 'revoke') return tokenRevoke(rest, out);
  throw new UsageError(sub ? `unknown subcommand "${sub}"; expected create, list or revoke.` : 'expected create, list or revoke.');
}

async function tokenCreate(argv: string[], out: Output): Promise<void> {
  const { values } = parseCommand(argv, { email: { type: 'string' }, name: { type: 'string' } });
  if (values.help) return void console.log(TOKEN_HELP);
  const email = required(values, 'email');
  const name = values.name ?? 'api';
  const { token, user } = await withStore((_store, ctx) => createToken(ctx, email, name));
  out.result([`API token for ${user.name} <${user.email}> (${user.role}):`, token], { token, name, user: userJson(user) });
}

async function tokenList(argv: string[], out: Output): Promise<void> {
  const { values } = parseCommand(argv, { email: { type: 'string' } });
  if (values.help) return void console.log(TOKEN_HELP);
  const tokens = await withStore(async (store) => {
    const user = values.email ? await findUserByEmail(store.db, values.email) : undefined;
    if (values.email && !user) throw notFound('user', `No account for ${values.email}.`);
    return listTokens(store.db, user?.id);
  });
  out.result(tokens.map((t) => `${t.id}\t${t.userName}\t${t.name}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`), { tokens });
}

async function tokenRevoke(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(argv, {}, 1);
  if (values.help) return void console.log(TOKEN_HELP);
  const id = positionals[0];
  if (!id) throw new UsageError('ID is required (see "livepage token list").');
  const token = await withStore((_store, ctx) => revokeToken(ctx, OPERATOR, id));
  out.result(`Revoked "${token.name}" of ${token.userName}.`, { token });
}
