/** Secrets every server process must agree on (e.g. the key signing sign-in forms), made once. */
import { randomBytes } from 'node:crypto';
import type { WriteDb } from './store.js';

/** The secret called `name`, created at random by whichever process asks first. */
export async function serverSecret(db: WriteDb, name: string, now: string): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
