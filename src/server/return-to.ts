/**
 * Where sign-in returns to (`?next=` / the form's `next`): only a path of the newsroom on this
 * site, so the parameter can never send a journalist elsewhere (open redirect). Strict on
 * purpose — the newsroom's own paths are plain: `/newsroom/pages/{slug}`, `/newsroom/people`.
 */
const SHAPE = /^\/newsroom(?:\/[A-Za-z0-9._~-]+)*\/?(?:\?[A-Za-z0-9._~=&%+-]*)?$/;

/** `value` when it is a safe newsroom path (with its query), else undefined. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 1000 || !SHAPE.test(value)) return undefined;
  const path = value.split('?')[0]!;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  // Belt and braces: the browser must resolve it to the same origin and the same path.
  const base = 'https://newsroom.invalid';
  const url = new URL(value, base);
  if (url.origin !== base || url.pathname !== path) return undefined;
  return value;
}
