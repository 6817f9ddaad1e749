/** First start on an empty database: an admin account (printed once) and a demo page. */
import { addUser } from '../commands/addUser.js';
import { pageUrl, type CommandContext } from '../commands/context.js';
import { importPage } from '../commands/importPage.js';
import { AppError } from '../domain/errors.js';
import { countUsers } from '../store/users.js';
import { demoDocument } from './demo-content.js';

export const FIRST_ADMIN_EMAIL = 'admin@livepage.local';

/** Seeds an empty store; returns lines to print, or nothing when the store had people. */
export async function seedIfEmpty(ctx: CommandContext): Promise<string[]> {
  if ((await countUsers(ctx.db)) > 0) return [];
  try {
    const { password } = await addUser(ctx, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin' });
    const { page } = await importPage(ctx, demoDocument(ctx.now()), null);
    return [
      'First start: created an admin account. Its password is shown only this once:',
      `  email:    ${FIRST_ADMIN_EMAIL}`,
      `  password: ${password}`,
      `Create an API token with: npx livepage token create --email ${FIRST_ADMIN_EMAIL}`,
      `Demo live page: ${pageUrl(ctx, page.slug)}`,
    ];
  } catch (err) {
    // Another server process sharing the database seeded it first.
    if (err instanceof AppError && err.status === 409) return [];
    throw err;
  }
}
