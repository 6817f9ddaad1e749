/**
 * The public assets (stylesheets, the reader and newsroom scripts, images) under /assets/:
 * their URLs carry a hash of their content, so browsers and CDNs keep them for a year.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PUBLIC_DIR } from './build-id.js';

/** An asset's URL with its content hash, so it may be cached for ever. */
export const versioned = (file: string): string => `/assets/${file}?v=${hashFile(PUBLIC_DIR + file).slice(0, 12)}`;

/** A stylesheet's URL: the minified build (scripts/build-reader.mjs) when built, else the readable original. */
export const stylesheet = (name: string): string => versioned(existsSync(`${PUBLIC_DIR}build/${name}`) ? `build/${name}` : name);

/** A script built by `npm run build` (scripts/build-reader.mjs): its URL, or null in an unbuilt tree. */
export const builtScript = (name: string): string | null => (existsSync(`${PUBLIC_DIR}build/${name}`) ? versioned(`build/${name}`) : null);

/** The chunks a split bundle loads as it starts (`<name>.modules.json`, scripts/build-reader.mjs): their URLs, or none. */
export function builtModules(name: string): string[] {
  try {
    const files = JSON.parse(readFileSync(`${PUBLIC_DIR}build/${name}.modules.json`, 'utf8')) as unknown;
    // Chunk names carry their content hash, and imports name them without ?v=: so must a preload.
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && /^chunks\/[\w-]+\.js$/.test(f)).map((f) => `/assets/build/${f}`) : [];
  } catch {
    return []; // not built
  }
}

/** A built script's file, for routes that serve it themselves. */
export const builtScriptFile = (name: string): string => `${PUBLIC_DIR}build/${name}`;

/** Serves public/ under /assets/, with the build's precompressed siblings. */
export async function assetRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    // Asset URLs carry a content hash (?v=…), so browsers and CDNs may keep them for a year.
    maxAge: '365d',
    immutable: true,
    // The build's .br and .gz siblings (scripts/build-reader.mjs), sent to readers that accept them.
    preCompressed: true,
    // …and caches between must keep each coding apart. (The .br/.gz files carry ETags of their own.)
    setHeaders: (res, path) => {
      if (hasCodings(path)) res.setHeader('vary', 'Accept-Encoding');
    },
  });
}

const codings = new Map<string, boolean>();
/** Whether a public file is sent in other codings (it is one, or has a .br sibling): asked once per file. */
function hasCodings(path: string): boolean {
  let known = codings.get(path);
  if (known === undefined) codings.set(path, (known = /\.(br|gz)$/.test(path) || existsSync(`${path}.br`)));
  return known;
}

function hashFile(path: string): string {
  const h = createHash('sha256');
  try {
    h.update(readFileSync(path));
  } catch {
    h.update(path); // a missing optional file still yields a stable id
  }
  return h.digest('hex');
}
