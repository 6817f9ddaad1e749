/** Path parameters: anything that is not a well-formed slug or post id names nothing (404). */
import { notFound } from '../../domain/errors.js';
import { SLUG_PATTERN } from '../../domain/page.js';
import { ID_PATTERN } from '../../domain/post.js';

export function slugParam(params: unknown): string {
  const slug = (params as { slug?: unknown }).slug;
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) throw notFound('page', 'There is no such page.');
  return slug;
}

export function postIdParam(params: unknown, name = 'id'): string {
  const id = (params as Record<string, unknown>)[name];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw notFound('post', 'There is no such post.');
  return id;
}
