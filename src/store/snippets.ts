/** Snippet rows ↔ snippets. */
import type { Block } from '../domain/block.js';
import type { Snippet, SnippetPatch } from '../domain/snippet.js';
import type { ReadDb, WriteDb } from './store.js';

function select(db: ReadDb) {
  return db
    .selectFrom('snippets as s')
    .leftJoin('pages as p', 'p.id', 's.page_id')
    .select(['s.id', 's.name', 's.title', 's.body', 's.created_at', 's.updated_at', 'p.slug']);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const fromRow = (r: Row): Snippet => ({
  id: r.id,
  page: r.slug ?? null,
  name: r.name,
  title: r.title,
  body: JSON.parse(r.body) as Block[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The newsroom's snippets and, with `pageId`, that page's too; by name. */
export async function listSnippets(db: ReadDb, pageId?: string): Promise<Snippet[]> {
  const rows = await select(db)
    .where((eb) => (pageId ? eb.or([eb('s.page_id', 'is', null), eb('s.page_id', '=', pageId)]) : eb('s.page_id', 'is', null)))
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(500)
    .execute();
  return rows.map(fromRow);
}

export async function findSnippet(db: ReadDb, id: string): Promise<Snippet | undefined> {
  const row = await select(db).where('s.id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

export async function insertSnippet(db: WriteDb, s: { id: string; pageId: string | null; name: string; title: string | null; body: Block[]; createdBy: string; now: string }): Promise<void> {
  await db
    .insertInto('snippets')
    .values({ id: s.id, page_id: s.pageId, name: s.name, title: s.title, body: JSON.stringify(s.body), created_by: s.createdBy, created_at: s.now, updated_at: s.now })
    .execute();
}

export async function updateSnippet(db: WriteDb, id: string, p: SnippetPatch, now: string): Promise<boolean> {
  const r = await db
    .updateTable('snippets')
    .set({
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.title !== undefined ? { title: p.title } : {}),
      ...(p.body !== undefined ? { body: JSON.stringify(p.body) } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSnippet(db: WriteDb, id: string): Promise<boolean> {
  const r = await db.deleteFrom('snippets').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
