/**
 * The desk at breaking-news speed: every version of a post kept with who and when, a
 * post's correction note, the audit trail of page actions, byline profiles on people,
 * reusable snippets, and the link from a continued page back to the earlier coverage.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per version, never rewritten: a restore is a new version.
  await db.schema
    .createTable('post_versions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull()) // JSON: the post's fields at this version
    .addColumn('user_id', 'text') // who made it (null: the scheduler, an import without a person)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_versions_pk', ['post_id', 'version'])
    .execute();

  await db.schema.alterTable('posts').addColumn('correction', 'text').execute(); // JSON {text, at}

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull()) // post.publish | post.unpublish | post.pin | post.unpin | page.end | page.continue
    .addColumn('post_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_page').on('audit_log').columns(['page_id', 'created_at']).execute();

  await db.schema.alterTable('users').addColumn('byline_name', 'text').execute();
  await db.schema.alterTable('users').addColumn('byline_role', 'text').execute();
  await db.schema.alterTable('users').addColumn('byline_photo', 'text').execute();
  await db.schema.alterTable('users').addColumn('byline_default', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await db.schema
    .createTable('snippets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.references('pages.id').onDelete('cascade')) // null: the whole newsroom's
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull()) // JSON Block[]
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('snippets_page').on('snippets').column('page_id').execute();

  await db.schema.alterTable('pages').addColumn('continued_from', 'text').execute();
  // Open desks read "what changed on this page since": pushed, not refetched.
  await db.schema.createIndex('posts_page_updated').on('posts').columns(['page_id', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('posts_page_updated').execute();
  await db.schema.alterTable('pages').dropColumn('continued_from').execute();
  await db.schema.dropTable('snippets').execute();
  for (const c of ['byline_default', 'byline_photo', 'byline_role', 'byline_name']) await db.schema.alterTable('users').dropColumn(c).execute();
  await db.schema.dropTable('audit_log').execute();
  await db.schema.alterTable('posts').dropColumn('correction').execute();
  await db.schema.dropTable('post_versions').execute();
}
