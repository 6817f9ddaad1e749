/**
 * What a pasted address will show readers, as the composer previews it (issue 11): asked
 * of the server once per address (POST /api/v1/embeds/preview, which also keeps it, so
 * publishing carries the card at once), loading → the card, or the server's reason in
 * plain words with Try again. Kept outside the editor document (never autosaved, never
 * undone) and outside Tiptap, so the newsroom's first script stays small.
 */
import type { EmbedCard } from '../domain/embed.js';

export type EmbedPreview = { state: 'loading' } | { state: 'ready'; card: EmbedCard } | { state: 'error'; message: string };

type Resolver = (url: string) => Promise<{ card: EmbedCard | null; error?: string | null }>;

const previews = new Map<string, EmbedPreview>();
const listeners = new Set<() => void>();
let resolver: Resolver | null = null;

/** The app hands in how to ask the server (its API client). */
export function setEmbedResolver(r: Resolver | null): void {
  resolver = r;
}

export const embedPreview = (url: string): EmbedPreview | undefined => previews.get(url);

/** Called on every change of any preview; returns the unsubscribe. */
export function onEmbedPreviews(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const set = (url: string, p: EmbedPreview) => {
  previews.set(url, p);
  for (const fn of listeners) fn();
};

/** Asks for the card of `url` unless it is known or on its way (`again`: after a failure). */
export function requestEmbedPreview(url: string, again = false): void {
  const known = previews.get(url);
  if (!resolver || (known && !(again && known.state === 'error'))) return;
  set(url, { state: 'loading' });
  resolver(url).then(
    (r) => set(url, r.card ? { state: 'ready', card: r.card } : { state: 'error', message: r.error ?? 'No card could be made for this address.' }),
    (e: unknown) => set(url, { state: 'error', message: e instanceof Error && e.message ? e.message : 'The address could not be reached; try again.' }),
  );
}
