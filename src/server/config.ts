/** Configuration from the environment (SPEC §3), validated once at start-up. */
import { z } from 'zod';
import { hasUserInfo } from '../domain/webhook.js';

/** An empty variable counts as unset, as in most shells' configuration files. */
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

const envSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.string().min(1).default('127.0.0.1'),
  LIVEPAGE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional().or(z.literal('').transform(() => undefined)),
  LIVEPAGE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  // No user:password@ in it: fetch refuses such URLs, so every purge would fail (a token goes in the query).
  LIVEPAGE_PURGE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !hasUserInfo(u), 'must not contain a user name or password (put a token in the query)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Canonical base URL, without a trailing slash. */
  publicUrl: string;
  logLevel: string;
  /** Where to POST `{paths}` of reader URLs a change made stale (a CDN purge hook); optional. */
  purgeUrl?: string | undefined;
}

/** Reads and checks the environment; throws an Error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  // Local and wildcard addresses read best as localhost; other IPv6 addresses need brackets in a URL.
  const host = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(e.HOST) ? 'localhost' : e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.LIVEPAGE_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.LIVEPAGE_PUBLIC_URL ?? `http://${host}:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    purgeUrl: e.LIVEPAGE_PURGE_URL,
  };
}
