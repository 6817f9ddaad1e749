/** The stored state a refused request must leave as it was: every table a write route changes. */
import type { Database } from '../store/schema.js';
import type { ReadDb } from '../store/store.js';

/** Not here: sessions (they slide on use), queues and counters that workers change meanwhile. */
const TABLES = ['pages', 'posts', 'events', 'users', 'api_tokens', 'contributors', 'webhooks', 'presence', 'media', 'media_blobs', 'media_imports', 'embeds', 'embed_waits', 'post_versions', 'audit_log', 'snippets', 'site_settings'] as const satisfies readonly (keyof Database)[];

/** Each table's rows, as sorted JSON lines (row order is the database's business). */
export async function storedSnapshot(db: ReadDb): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows: unknown[] = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}
