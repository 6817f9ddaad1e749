/**
 * Which oEmbed endpoint answers for an address: the maintained registry of oembed.com (the
 * `oembed-providers` package, updated by upgrading it), plus the few providers it lacks or
 * names under an old host. Tests hand in a registry of local servers instead.
 */
import { createRequire } from 'node:module';

/** One provider as oembed.com's providers.json lists it. */
export interface RegistryProvider {
  provider_name: string;
  provider_url?: string;
  endpoints: Array<{ schemes?: string[]; url: string; discovery?: boolean }>;
}

/** An endpoint found for an address. */
export interface ProviderMatch {
  name: string;
  endpoint: string;
}

/**
 * What the registry does not (yet) say: X's new host, Threads (Meta's Graph API), and
 * Telegram, which has no oEmbed (its posts become cards from their OpenGraph tags and play
 * in Telegram's own widget; `endpoint` empty).
 */
export const SUPPLEMENT: RegistryProvider[] = [
  { provider_name: 'Twitter', endpoints: [{ schemes: ['https://x.com/*/status/*', 'https://www.x.com/*/status/*', 'https://mobile.twitter.com/*/status/*'], url: 'https://publish.twitter.com/oembed' }] },
  { provider_name: 'Threads', endpoints: [{ schemes: ['https://www.threads.net/@*/post/*', 'https://threads.net/@*/post/*', 'https://www.threads.com/@*/post/*', 'https://threads.com/@*/post/*'], url: 'https://graph.threads.net/v1.0/oembed' }] },
  { provider_name: 'Telegram', endpoints: [{ schemes: ['https://t.me/*/*'], url: '' }] },
];

let packaged: RegistryProvider[] | undefined;

/** The packaged registry with the supplement first (it is more specific). */
export function defaultRegistry(): RegistryProvider[] {
  packaged ??= createRequire(import.meta.url)('oembed-providers') as RegistryProvider[];
  return [...SUPPLEMENT, ...packaged];
}

const compiled = new WeakMap<RegistryProvider[], Array<{ name: string; endpoint: string; pattern: RegExp }>>();

/** oembed.com schemes: `*` matches anything, the rest literally. */
const schemePattern = (scheme: string) => new RegExp(`^${scheme.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');

/** The first endpoint whose scheme matches `url`; null when none does (discovery and OpenGraph are next). */
export function findProvider(registry: RegistryProvider[], url: string): ProviderMatch | null {
  let list = compiled.get(registry);
  if (!list) {
    list = registry.flatMap((p) => p.endpoints.flatMap((e) => (e.schemes ?? []).map((s) => ({ name: p.provider_name, endpoint: e.url.replace('{format}', 'json'), pattern: schemePattern(s) }))));
    compiled.set(registry, list);
  }
  const hit = list.find((p) => p.pattern.test(url));
  return hit ? { name: hit.name, endpoint: hit.endpoint } : null;
}
