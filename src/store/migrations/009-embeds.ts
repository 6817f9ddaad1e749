/**
 * Social posts and links (issue 11). `embeds`: one row per address, resolved once (the
 * composer's preview or the background worker) and kept: its card (JSON), the provider's
 * markup aside (never rendered in our pages; served only inside a sandboxed frame) and the
 * queue columns of its background resolution. `embed_waits`: the posts that name an
 * address not yet resolved, updated by an ordinary edit when it is. Numbered 009: 010
 * belongs to another change.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('embeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    // pending → done (card kept) | failed (after its attempts, or an error trying again cannot fix)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('error', 'text')
    .addColumn('card', 'text') // JSON EmbedCard
    .addColumn('markup', 'text') // the provider's HTML, untrusted
    .addColumn('frame_origins', 'text') // JSON string[]: what the sandbox's CSP allows
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('embeds_due').on('embeds').columns(['status', 'next_attempt_at']).execute();
  await db.schema
    .createTable('embed_waits')
    .addColumn('embed_id', 'text', (c) => c.notNull().references('embeds.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('embed_waits_pk', ['embed_id', 'post_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('embed_waits').execute();
  await db.schema.dropTable('embeds').execute();
}
