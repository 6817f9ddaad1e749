/** The desk's "working together" view: who is editing what, and how many are reading. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('presence')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_pk', ['post_id', 'user_id'])
    .execute();
  await db.schema.createIndex('presence_page').on('presence').columns(['page_id', 'expires_at']).execute();
  // Each server process reports its readers per page and minute; the desk adds them up.
  await db.schema
    .createTable('reader_counts')
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('readers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reader_counts_pk', ['page_id', 'node_id', 'minute'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reader_counts').execute();
  await db.schema.dropTable('presence').execute();
}
