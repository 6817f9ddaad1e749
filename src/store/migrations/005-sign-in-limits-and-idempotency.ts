/**
 * State every server process must share, kept in the store rather than in memory: failed
 * sign-ins (limits would multiply with the workers otherwise), the secret that signs the
 * sign-in form's token, the API's idempotency keys, and when a session's cookie expires in
 * the browser (so a sliding session re-sends it in time).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per sign-in attempt still counted; purged once out of the window.
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull()) // as typed (normalised), known or not
    .addColumn('address', 'text', (c) => c.notNull()) // the client's address (IPv6: its /64)
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_email').on('login_attempts').columns(['email', 'at']).execute();
  await db.schema.createIndex('login_attempts_address').on('login_attempts').columns(['address', 'at']).execute();

  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull()) // SHA-256 of the request's method, path and body
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // the first response's JSON, replayed as it was
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();

  await db.schema.alterTable('sessions').addColumn('cookie_expires_at', 'text').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_expires').execute();
  await db.schema.alterTable('sessions').dropColumn('cookie_expires_at').execute();
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('server_secrets').execute();
  await db.schema.dropTable('login_attempts').execute();
}
