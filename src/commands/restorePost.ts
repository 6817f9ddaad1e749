import { notFound } from '../domain/errors.js';
import { restorePatch } from '../domain/post-history.js';
import type { Actor } from '../domain/user.js';
import { listPostVersions } from '../store/history.js';
import type { CommandContext } from './context.js';
import type { PostResult } from './savePost.js';
import { updatePost } from './updatePost.js';

/**
 * Brings back an earlier version's content as a new version (the editor last saw
 * `expectedVersion`): the same edit, rules and events as any other, so history only grows.
 */
export async function restorePost(ctx: CommandContext, actor: Actor, id: string, version: number, expectedVersion: number): Promise<PostResult> {
  const kept = (await listPostVersions(ctx.store.db, id)).find((v) => v.version === version);
  if (!kept) throw notFound('version', `Post ${id} has no version ${version}.`);
  return updatePost(ctx, actor, id, restorePatch(kept.data), expectedVersion);
}
