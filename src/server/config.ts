/** Configuration from the environment (SPEC §3), validated once at start-up. */
import { isIP } from 'node:net';
import { z } from 'zod';
import { brandInput, checkBrandContrast, type Brand } from '../domain/brand.js';
import type { MediaLimits } from '../domain/media.js';
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
  // Whose X-Forwarded-For to believe: a hop count, or proxies' addresses/CIDRs (comma-separated).
  LIVEPAGE_TRUST_PROXY: z.preprocess(unsetIfEmpty, z.string().optional()).transform((v, ctx) => {
    const parsed = parseTrustProxy(v);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
    return typeof parsed === 'string' ? false : parsed;
  }),
  LIVEPAGE_MEDIA_MAX_BYTES: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1024).default(25 * 1024 * 1024)),
  LIVEPAGE_MEDIA_MAX_PIXELS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(10_000).default(50_000_000)),
  LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS: z.preprocess(unsetIfEmpty, z.enum(['0', '1', 'true', 'false']).default('0')).transform((v) => v === '1' || v === 'true'),
  // Meta's oEmbed (Instagram, Facebook, Threads) answers only with an app token ("app-id|client-token").
  LIVEPAGE_META_OEMBED_TOKEN: z.preprocess(unsetIfEmpty, z.string().trim().min(1).max(500).optional()),
  LIVEPAGE_DRAIN_WINDOW_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(600_000).default(10_000)),
  // /metrics (docs/operations.md): a port of its own, and/or a bearer token; neither: no /metrics at all.
  LIVEPAGE_METRICS_PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).optional()),
  LIVEPAGE_METRICS_HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default('127.0.0.1')),
  LIVEPAGE_METRICS_TOKEN: z.preprocess(unsetIfEmpty, z.string().min(16, 'must be at least 16 characters (a random secret)').regex(/^\S+$/, 'must not contain spaces').optional()),
  // A GRIP proxy (Pushpin, Fastly Fanout) in front: its publish endpoint and the key it signs Grip-Sig with.
  LIVEPAGE_GRIP_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  LIVEPAGE_GRIP_KEY: z.preprocess(unsetIfEmpty, z.string().min(8, 'must be at least 8 characters (the proxy\'s signing key, or its PEM public key)').optional()),
  // The brand's defaults (issue 13): what pages show until an admin sets the brand in the newsroom.
  LIVEPAGE_SITE_NAME: z.preprocess(unsetIfEmpty, z.string().trim().min(1).max(80).optional()),
  LIVEPAGE_PUBLISHER_NAME: z.preprocess(unsetIfEmpty, z.string().trim().min(1).max(120).optional()),
  LIVEPAGE_LOGO_URL: z.preprocess(unsetIfEmpty, z.string().optional()),
  LIVEPAGE_ACCENT: z.preprocess(unsetIfEmpty, z.string().optional()),
  LIVEPAGE_FONT_STACK: z.preprocess(unsetIfEmpty, z.string().optional()),
  LIVEPAGE_POWERED_BY: z.preprocess(unsetIfEmpty, z.enum(['0', '1', 'true', 'false']).default('1')).transform((v) => v === '1' || v === 'true'),
  LIVEPAGE_LOCALE: z.preprocess(unsetIfEmpty, z.string().default('en')),
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
  /**
   * Which proxies' X-Forwarded-For is believed for the client's address (sign-in limits):
   * none (false, the default: the peer's address), the nearest N hops, or these addresses.
   */
  trustProxy?: TrustProxy | undefined;
  /** Upload and fetch limits (media.ts); defaults when absent. */
  media?: Partial<MediaLimits> | undefined;
  /** Meta's app token for Instagram, Facebook and Threads embeds (LIVEPAGE_META_OEMBED_TOKEN); without it they are refused with a message saying so. */
  metaOembedToken?: string | undefined;
  /** On shutdown, live streams end spread over this long (default 10 s; 0: all at once). */
  drainWindowMs?: number | undefined;
  /**
   * Who may read /metrics: on a port of its own (`port`, bound to `host`), and/or on the
   * public port with `Authorization: Bearer <token>`. Absent: /metrics is a 404.
   */
  metrics?: MetricsConfig | undefined;
  /** A GRIP proxy holds the readers' streams (realtime/grip.ts); both set or neither. */
  grip?: { url: string; key: string } | undefined;
  /** The brand until admins set one (LIVEPAGE_SITE_NAME, LIVEPAGE_ACCENT, …). */
  brand?: Partial<Brand> | undefined;
  /** The front page's language (LIVEPAGE_LOCALE, default `en`); live pages use their own. */
  locale?: string | undefined;
}

export interface MetricsConfig {
  port?: number | undefined;
  host: string;
  token?: string | undefined;
}

export type TrustProxy = false | number | string[];

/** Reads and checks the environment; throws an Error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (!e.LIVEPAGE_GRIP_URL !== !e.LIVEPAGE_GRIP_KEY)
    throw new Error('Invalid environment variable LIVEPAGE_GRIP_KEY: set LIVEPAGE_GRIP_URL and LIVEPAGE_GRIP_KEY together (the proxy\'s publish URL and its signing key)');
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
    trustProxy: e.LIVEPAGE_TRUST_PROXY,
    drainWindowMs: e.LIVEPAGE_DRAIN_WINDOW_MS,
    metaOembedToken: e.LIVEPAGE_META_OEMBED_TOKEN,
    metrics: e.LIVEPAGE_METRICS_PORT === undefined && e.LIVEPAGE_METRICS_TOKEN === undefined ? undefined : { port: e.LIVEPAGE_METRICS_PORT, host: e.LIVEPAGE_METRICS_HOST, token: e.LIVEPAGE_METRICS_TOKEN },
    grip: e.LIVEPAGE_GRIP_URL && e.LIVEPAGE_GRIP_KEY ? { url: e.LIVEPAGE_GRIP_URL, key: e.LIVEPAGE_GRIP_KEY } : undefined,
    brand: brandDefaults(e),
    locale: e.LIVEPAGE_LOCALE,
    media: { maxBytes: e.LIVEPAGE_MEDIA_MAX_BYTES, maxPixels: e.LIVEPAGE_MEDIA_MAX_PIXELS, allowPrivateHosts: e.LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS },
  };
}

/** The environment's brand, checked by the same rules as the newsroom's form. */
function brandDefaults(e: z.infer<typeof envSchema>): Partial<Brand> {
  const parsed = brandInput.safeParse({
    siteName: e.LIVEPAGE_SITE_NAME,
    publisherName: e.LIVEPAGE_PUBLISHER_NAME,
    logo: e.LIVEPAGE_LOGO_URL === undefined ? undefined : { src: e.LIVEPAGE_LOGO_URL },
    accent: e.LIVEPAGE_ACCENT,
    fontStack: e.LIVEPAGE_FONT_STACK,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid brand setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const b = parsed.data;
  try {
    checkBrandContrast({ accent: b.accent ?? undefined });
  } catch (err) {
    throw new Error(`Invalid environment variable LIVEPAGE_ACCENT: ${(err as Error).message}`);
  }
  const out: Partial<Brand> = { poweredBy: e.LIVEPAGE_POWERED_BY };
  if (b.siteName) out.siteName = b.siteName;
  if (b.publisherName ?? b.siteName) out.publisherName = (b.publisherName ?? b.siteName)!;
  if (b.logo) out.logo = b.logo;
  if (b.accent) out.accent = b.accent;
  if (b.fontStack) out.fontStack = b.fontStack;
  return out;
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** LIVEPAGE_TRUST_PROXY's value, or a message saying what is wrong with it. */
export function parseTrustProxy(value: string | undefined): TrustProxy | string {
  if (value === undefined || value.trim() === '' || value.trim() === '0') return false;
  if (/^\s*\d+\s*$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? hops : 'a hop count must be from 0 to 10';
  }
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
    if (!PROXY_RANGES.has(entry) && (version === 0 || !prefixOk || rest.length > 0))
      return `"${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal (or give a hop count)`;
  }
  return entries;
}

/** The configuration as fastify's `trustProxy` option (which takes no plain hop count). */
export function fastifyTrustProxy(trust: TrustProxy | undefined): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust > 0 ? (_address, hop) => hop < trust : false;
  return trust ?? false;
}
