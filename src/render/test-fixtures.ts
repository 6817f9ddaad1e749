/**
 * Test builders for the render tests: small valid domain objects with overrides, and a
 * crude HTML-to-text helper so tests can assert what a reader would see or hear.
 * Test-only; nothing in the server imports this.
 */
import type { Block } from '../domain/block.js';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import type { RenderContext } from './context.js';

/** Markup a journalist might type: it must come out as visible characters. */
export const EVIL = '<script>alert(1)</script><b>x</b>';

/** A render context in London, "now" early in 2025. */
export function makeCtx(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    timeZone: 'Europe/London',
    locale: 'en-GB',
    siteOrigin: 'http://localhost:3000',
    now: new Date('2025-03-01T12:00:00Z'),
    ...overrides,
  };
}

/** A published post with one paragraph. */
export function makePost(overrides: Partial<Post> = {}): Post {
  return {
    id: '0195f0a0-0000-7000-8000-000000000001',
    pageId: 'page-1',
    title: 'Ceasefire talks resume',
    label: null,
    contributors: [],
    body: [{ type: 'paragraph', text: 'Talks resumed this morning.' }],
    keyEvent: false,
    pinned: false,
    status: 'published',
    scheduledFor: null,
    publishedAt: '2025-02-27T15:46:00.000Z',
    editedAt: null,
    createdAt: '2025-02-27T15:40:00.000Z',
    updatedAt: '2025-02-27T15:46:00.000Z',
    authorId: null,
    version: 1,
    correction: null,
    ...overrides,
  };
}

/** A post whose body is exactly these blocks. */
export const postWith = (...body: Block[]): Post => makePost({ body });

/** A live page with no summary, media or continuation. */
export function makePage(overrides: Partial<Page> = {}): Page {
  return {
    id: 'page-1',
    slug: 'ukraine-live',
    title: 'Ukraine war: latest',
    description: null,
    timeZone: 'Europe/London',
    locale: 'en-GB',
    summary: [],
    continuedFrom: null,
    featuredMedia: null,
    state: 'live',
    continuedTo: null,
    continuationNotice: null,
    pinnedPostId: null,
    seq: 42,
    createdAt: '2025-02-27T08:00:00.000Z',
    updatedAt: '2025-02-27T15:46:00.000Z',
    endedAt: null,
    ...overrides,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Preact emits. */
export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

/** Inline elements run into their neighbours; anything else separates text. */
const INLINE_TAGS = new Set(['a', 'strong', 'em', 'span', 'time', 'cite', 'b', 'i']);

/** The text content of an HTML fragment as read aloud: whitespace collapsed, blocks apart. */
export function textOf(html: string): string {
  const stripped = html.replace(/<\/?([a-z0-9]+)[^>]*>/gi, (_, tag: string) => (INLINE_TAGS.has(tag.toLowerCase()) ? '' : ' '));
  return decode(stripped).replace(/\s+/g, ' ').trim();
}

/** Every value of `attr` in the HTML, decoded. */
export function attrValues(html: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) => decode(m[1] ?? ''));
}
