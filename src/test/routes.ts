/** The routes a fastify app serves, as `METHOD /path` (HEAD left out: fastify adds it to every GET). */
import type { FastifyInstance } from 'fastify';

/** Reads `app.printRoutes({ commonPrefix: false })`: a tree whose lines are `├── segment (METHODS)`, four columns a level. */
export function listRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[└├]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const path = joinSegment(parent, m[2]!);
    stack[depth] = path;
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

/**
 * A printed segment under its parent: root's children and folded `*`/`:param` segments
 * start a new path segment; any other segment continues the parent's text, since the
 * router splits shared prefixes (`/api/v1/me` then `dia` is `/api/v1/media`).
 */
function joinSegment(parent: string, segment: string): string {
  if (parent === '' || segment.startsWith('/')) return `${parent}${segment}`;
  if (parent === '/' || /^[*:]/.test(segment)) return `${parent.replace(/\/$/, '')}/${segment}`;
  return `${parent}${segment}`;
}
