/** `livepage user add` and `livepage token create`. */
import { addUser } from '../commands/addUser.js';
import { createToken } from '../commands/tokens.js';
import { userCreateSchema } from '../domain/user.js';
import { parse } from '../server/validate.js';
import { parseCommand, readStdin, required, UsageError } from './args.js';
import { withStore } from './runtime.js';

const USER_HELP = `Usage: livepage user add --email E --name N --role admin|editor|contributor [--password-stdin]

Adds a newsroom account. With --password-stdin the password is read from standard
input (at least 12 characters); otherwise a strong one is generated and printed once.`;

export async function userCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return void console.log(USER_HELP);
  if (sub !== 'add') throw new UsageError(sub ? `unknown subcommand "${sub}"; expected "add".` : 'expected "add".');
  const { values } = parseCommand(rest, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  if (values.help) return void console.log(USER_HELP);
  const input = parse(userCreateSchema, { email: required(values, 'email'), name: required(values, 'name'), role: required(values, 'role') });
  const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
  const result = await withStore((_store, ctx) => addUser(ctx, { ...input, password }));
  console.log(`Added ${result.user.role} ${result.user.name} <${result.user.email}>.`);
  if (!password) console.log(`Password (shown once): ${result.password}`);
}

const TOKEN_HELP = `Usage: livepage token create --email E [--name LABEL]

Creates an API token for the account with that email and prints it as the last line.
Send it as "Authorization: Bearer <token>". It is shown only once.`;

export async function tokenCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return void console.log(TOKEN_HELP);
  if (sub !== 'create') throw new UsageError(sub ? `unknown subcommand "${sub}"; expected "create".` : 'expected "create".');
  const { values } = parseCommand(rest, { email: { type: 'string' }, name: { type: 'string' } });
  if (values.help) return void console.log(TOKEN_HELP);
  const email = required(values, 'email');
  const { token, user } = await withStore((_store, ctx) => createToken(ctx, email, values.name ?? 'api'));
  console.log(`API token for ${user.name} <${user.email}> (${user.role}):`);
  console.log(token);
}
