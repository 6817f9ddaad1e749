/**
 * What the demo page's posts are made with (demo-content.ts): its fictional reporters,
 * its illustrations, and a clock that times posts over the hours before "now".
 */
import type { ImportDocument } from '../domain/export.js';

export type DemoPost = ImportDocument['posts'][number];
type Contributor = DemoPost['contributors'][number];

/** The demo's illustrations live in `public/demo/`, served under `/assets/`. */
export const img = (name: string): string => `/assets/demo/${name}.svg`;

export const AMIRA: Contributor = { name: 'Amira Okafor', role: 'Weather correspondent' };
export const TOM: Contributor = { name: 'Tom Reyes', role: 'Reporting from Port Aldwick' };
export const ELEANOR: Contributor = { name: 'Eleanor Pryce', role: 'Live page editor' };
export const CALLUM: Contributor = { name: 'Callum Strand', role: 'Transport correspondent' };
export const PRIYA: Contributor = { name: 'Priya Venn', role: 'Reporting from the Old Town' };
export const JOSS: Contributor = { name: 'Joss Merriman', role: 'Environment analyst' };
export const RUTH: Contributor = { name: 'Ruth Adeyemi-Hale', role: 'Local democracy reporter' };

type PostFields = Omit<DemoPost, 'publishedAt' | 'status' | 'keyEvent' | 'pinned' | 'contributors'> & Partial<DemoPost>;

/** Times relative to the moment the demo is created. */
export interface DemoClock {
  /** The ISO instant `minutes` before now. */
  ago(minutes: number): string;
  /** A published post from `minutesAgo` (not pinned, not a key event, no byline unless given). */
  post(minutesAgo: number, fields: PostFields): DemoPost;
}

export function demoClock(now: Date): DemoClock {
  // Whole minutes read better in "published at HH:MM" and in the JSON.
  const base = Math.floor(now.getTime() / 60_000) * 60_000;
  const ago = (minutes: number): string => new Date(base - minutes * 60_000).toISOString();
  const post = (minutesAgo: number, fields: PostFields): DemoPost => ({
    status: 'published',
    keyEvent: false,
    pinned: false,
    contributors: [],
    createdAt: ago(minutesAgo),
    publishedAt: ago(minutesAgo),
    ...fields,
  });
  return { ago, post };
}
