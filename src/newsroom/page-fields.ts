/**
 * The page settings' fields and what a save sends (pure): only the fields edited in the
 * panel, and the ones a colleague changed meanwhile, found by comparing the page as the
 * panel opened with the page now. PATCH /api/v1/pages/{slug} takes no If-Match and the
 * page's updatedAt moves with every post, so the fields themselves are compared.
 */
import { docToSummary, summaryToDoc } from './blocks.js';
import type { ApiPage } from './types.js';

export type MediaType = '' | 'image' | 'video';
/**
 * The featured media form's boxes, and the facts of the picture that are not typed (its
 * size, which of ours it is, its colour, a video's poster): kept while the address stays.
 */
export type MediaFields = { src: string; alt: string; caption: string; credit: string; facts?: MediaFacts };
export type MediaFacts = { width?: number; height?: number; mediaId?: string; color?: string; poster?: string };
export type Field = 'title' | 'description' | 'summary' | 'featuredMedia';
export type Values = Record<Field, unknown>;

export const FIELD_NAMES: Record<Field, string> = { title: 'title', description: 'description', summary: 'summary', featuredMedia: 'featured media' };

/** Featured media as the API takes it, from the form's boxes (blank ones left out). */
export function mediaValue(type: MediaType, m: MediaFields): ApiPage['featuredMedia'] {
  if (!type) return null;
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return JSON.parse(JSON.stringify({ type, src: m.src.trim(), alt: opt(m.alt), caption: opt(m.caption), credit: opt(m.credit), ...m.facts }));
}

/** The address typed anew: another picture, so the old one's facts go. */
export const withSrc = (m: MediaFields, src: string): MediaFields => (src.trim() === m.src.trim() ? { ...m, src } : { src, alt: m.alt, caption: m.caption, credit: m.credit });

export const mediaFields = (p: ApiPage): MediaFields => {
  const fm = p.featuredMedia;
  const facts: MediaFacts = JSON.parse(JSON.stringify({ width: fm?.width, height: fm?.height, mediaId: fm?.mediaId, color: fm?.color, poster: fm?.poster }));
  return { src: fm?.src ?? '', alt: fm?.alt ?? '', caption: fm?.caption ?? '', credit: fm?.credit ?? '', ...(Object.keys(facts).length > 0 ? { facts } : {}) };
};

/** A page's values as this form would send them, so "changed" means changed in substance. */
export function pageValues(p: ApiPage): Values {
  return {
    title: p.title.trim(),
    description: p.description?.trim() || null,
    summary: docToSummary(summaryToDoc(p.summary)),
    featuredMedia: mediaValue(p.featuredMedia?.type ?? '', mediaFields(p)),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to send and what a colleague changed under us: the fields edited here (against
 * the page as the panel opened, `base`) and, of those, the ones that also changed on the
 * server since (`now`) to something else.
 */
export function pageChanges(base: ApiPage, mine: Values, now: ApiPage): { changed: Field[]; theirs: Field[] } {
  const was = pageValues(base);
  const is = pageValues(now);
  const changed = (Object.keys(mine) as Field[]).filter((f) => !same(mine[f], was[f]));
  return { changed, theirs: changed.filter((f) => !same(is[f], was[f]) && !same(is[f], mine[f])) };
}
