/**
 * Background imports of external image addresses (issue 10, item 4). A row is written in
 * the transaction that publishes a post (or changes a page's featured media) naming an
 * image on another host; a worker fetches it, runs the pipeline and swaps the address for
 * our own. One row per subject and address: a later edit never queues the same one twice.
 * Numbered 008: 007 belongs to the desk's history work.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    // 'post' (an image block of post `subject_id`) or 'page' (the featured media of page `subject_id`)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('src', 'text', (c) => c.notNull())
    // pending → done (swapped, or the address had gone by then) | failed (after its attempts)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('error', 'text')
    .addColumn('media_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_imports_subject_src').unique().on('media_imports').columns(['kind', 'subject_id', 'src']).execute();
  await db.schema.createIndex('media_imports_due').on('media_imports').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('media_imports_page').on('media_imports').columns(['page_id', 'created_at']).execute();
  // The dominant colour of the picture, shown while it loads (sharp's stats().dominant).
  await db.schema.alterTable('media').addColumn('color', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('color').execute();
  await db.schema.dropTable('media_imports').execute();
}
