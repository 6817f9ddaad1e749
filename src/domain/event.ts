/** Page events (SPEC §4): every reader-visible change appends one, with the page's next seq. */
export const EVENT_TYPES = [
  'post.published',
  'post.updated',
  'post.unpublished',
  'page.updated',
  'page.continued',
  'page.ended',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What the log stores: post events name the post (its HTML is rendered on delivery). */
export type EventData =
  | { id: string } // post.*
  | { fields: string[] } // page.updated
  | { to: string; url: string; notice: string } // page.continued
  | Record<string, never>; // page.ended

export interface PageEvent {
  pageId: string;
  seq: number;
  type: EventType;
  data: EventData;
  createdAt: string;
}
