/**
 * Media: originals live in the store, so every node of a deployment and every backup has
 * them. `media_blobs` holds each processed original once, by content hash; `media` is what
 * was uploaded, by whom, for which page (two uploads of one picture share the blob).
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The one column type that differs: binary is bytea on PostgreSQL, blob on SQLite.
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('media_blobs')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.references('pages.id').onDelete('set null'))
    .addColumn('hash', 'text', (c) => c.notNull().references('media_blobs.hash'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_page').on('media').columns(['page_id', 'created_at']).execute();
  await db.schema.createIndex('media_hash').on('media').column('hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media').execute();
  await db.schema.dropTable('media_blobs').execute();
}
