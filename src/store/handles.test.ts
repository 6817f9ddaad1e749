/**
 * Compile-time checks, run by `npm run typecheck`: a write needs the handle `store.write`
 * gives; the store's read handle and read transactions cannot write. Each
 * `@ts-expect-error` fails the typecheck if the line below it ever compiles.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { clearPresence, listPresence } from './activity.js';
import { appendEvent } from './events.js';
import { findSession, touchSession } from './sessions.js';
import type { ReadDb, Store, WriteDb } from './store.js';

/** Never called: only compiled. */
function writesOutsideTheDoor(store: Store): void {
  // @ts-expect-error a repository write takes the write transaction's handle, not the read one
  void clearPresence(store.db, 'post', 'user');
  // @ts-expect-error …nor a read transaction's
  void store.read((db) => touchSession(db, 'id', { lastSeenAt: '', expiresAt: '' }));
  // @ts-expect-error the read handle builds no INSERT…
  void store.db.insertInto('sessions');
  // @ts-expect-error …no UPDATE…
  void store.db.updateTable('sessions');
  // @ts-expect-error …no DELETE…
  void store.db.deleteFrom('sessions');
  // @ts-expect-error …and opens no transaction or connection of its own
  void store.db.transaction();
  // @ts-expect-error
  void store.db.connection();
  // @ts-expect-error raw SQL does not run on it either
  void sql`delete from sessions`.execute(store.db);
  // @ts-expect-error a page event is appended only in a write transaction
  void store.read((db) => appendEvent(db, 'page', 'page.ended', {} as never, ''));
  // The door: writes inside, and the write handle reads as well.
  void store.write(async (db: WriteDb) => {
    await clearPresence(db, 'post', 'user');
    await findSession(db, 'id', '');
  });
  const reads: ReadDb = store.db;
  void listPresence(reads, 'page', '');
}

it('is checked by the typecheck (npm run typecheck)', () => {
  expect(writesOutsideTheDoor).toBeTypeOf('function');
});
