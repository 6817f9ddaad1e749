/** First start on an empty database: an admin account (printed once) and a demo page. */
import { addUser } from '../commands/addUser.js';
import { pageUrl, type CommandContext } from '../commands/context.js';
import { importPage } from '../commands/importPage.js';
import { AppError } from '../domain/errors.js';
import { findPageBySlug } from '../store/pages.js';
import { countUsers } from '../store/users.js';
import { DEMO_SLUG, demoDocument } from './demo-content.js';

export const FIRST_ADMIN_EMAIL = 'admin@livepage.local';

/** What a first start made: lines to print for a person, the same as data for `serve --json`. */
export interface Seeded {
  lines: string[];
  admin?: { email: string; password: string };
  demoUrl?: string;
}

/** Seeds an empty store (nothing when the store had people). */
export async function seedIfEmpty(ctx: CommandContext): Promise<Seeded> {
  if ((await countUsers(ctx.store.db)) > 0) return { lines: [] };
  const admin = await ignoreConflict(() => addUser(ctx, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin' }));
  if (!admin) return { lines: [] }; // another server process sharing the database seeded it first
  const seeded: Seeded = { lines: [], admin: { email: FIRST_ADMIN_EMAIL, password: admin.password } };
  const lines = [
    'First start: created an admin account. Its password is shown only this once:',
    `  email:    ${FIRST_ADMIN_EMAIL}`,
    `  password: ${admin.password}`,
    `Create an API token with: npx livepage token create --email ${FIRST_ADMIN_EMAIL}`,
  ];
  // The demo page is a courtesy: an installation that imported its own pages first keeps them.
  if (!(await findPageBySlug(ctx.store.db, DEMO_SLUG))) {
    const demo = await ignoreConflict(() => importPage(ctx, demoDocument(ctx.now()), null));
    if (demo) seeded.demoUrl = pageUrl(ctx, demo.page.slug);
    if (demo) lines.push(`Demo live page: ${seeded.demoUrl}`);
  }
  return { ...seeded, lines };
}

async function ignoreConflict<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.status === 409) return undefined;
    throw err;
  }
}
