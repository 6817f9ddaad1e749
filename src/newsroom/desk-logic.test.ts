/** The newsroom app's pure parts: routes, autosave, composer fields → API bodies, the chart. */
import { describe, expect, it } from 'vitest';
import { postCreateSchema, postPatchSchema } from '../domain/post.js';
import { chartGeometry, chartSummary } from './chart.js';
import { colleaguesEditing } from './desk-data.js';
import { clearDraft, clearEdit, draftKey, editKey, editOf, forgetPerson, loadDraft, loadEdits, newIdempotencyKey, saveDraft, saveEdit, suspendAutosave } from './draft-store.js';
import { mediaFields, mediaValue, pageChanges, pageValues, withSrc } from './page-fields.js';
import {
  checkFields,
  createBody,
  emptyFields,
  fieldsFromPost,
  isBlank,
  patchBody,
  scheduledInstant,
  withTypedContributor,
  type PostFields,
} from './post-fields.js';
import { parseRoute } from './route.js';
import { slugFrom } from './pages-list.js';
import type { ApiPage, ApiPost } from './types.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
  key = (i: number) => [...this.items.keys()][i] ?? null;
  get length() {
    return this.items.size;
  }
}

const aPost = (extra: Partial<ApiPost> = {}): ApiPost =>
  ({
    id: '01a2b3c4-0000-7000-8000-000000000001',
    title: 'Pier damaged',
    label: null,
    contributors: [],
    body: [{ type: 'paragraph', text: 'The pier is **damaged**.' }],
    keyEvent: false,
    pinned: false,
    status: 'published',
    scheduledFor: null,
    version: 3,
    ...extra,
  }) as ApiPost;

const fields = (extra: Partial<PostFields> = {}): PostFields => ({
  ...emptyFields(),
  title: '  Harbour wall breached ',
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Waves are ' }, { type: 'text', text: 'very high', marks: [{ type: 'bold' }] }] }] },
  ...extra,
});

describe('routes', () => {
  it('maps newsroom paths to views, and anything else to not found', () => {
    expect(parseRoute('/newsroom')).toEqual({ name: 'pages' });
    expect(parseRoute('/newsroom/')).toEqual({ name: 'pages' });
    expect(parseRoute('/newsroom/byline')).toEqual({ name: 'byline' });
    expect(parseRoute('/newsroom/pages/storm-2')).toEqual({ name: 'desk', slug: 'storm-2' });
    expect(parseRoute('/newsroom/people')).toEqual({ name: 'people' });
    expect(parseRoute('/newsroom/tokens')).toEqual({ name: 'tokens' });
    expect(parseRoute('/newsroom/brand')).toEqual({ name: 'brand' });
    for (const bad of ['/newsroom/pages/..%2F', '/newsroom/pages/%E0%A4%A', '/newsroom/pages/UPPER', '/newsroom/pages/a/b', '/elsewhere'])
      expect(parseRoute(bad)).toEqual({ name: 'not-found' });
  });

  it('suggests a page address from a title', () => {
    expect(slugFrom('Storm Éowyn: live!')).toBe('storm-eowyn-live');
    expect(slugFrom('  --  ')).toBe('');
    expect(slugFrom('x'.repeat(100))).toHaveLength(80);
  });
});

describe('autosave', () => {
  it('keeps one draft per person and page, and forgets it when cleared', () => {
    const s = new MemoryStorage();
    const f = fields({ label: 'breaking', contributors: [{ name: 'Jo', role: 'Reporter' }], keyEvent: true });
    expect(saveDraft(s, 'u1', 'storm', f)).toBe(true);
    expect(loadDraft(s, 'u1', 'storm')?.fields).toEqual(f);
    expect(loadDraft(s, 'u2', 'storm')).toBeNull();
    expect(loadDraft(s, 'u1', 'other')).toBeNull();
    clearDraft(s, 'u1', 'storm');
    expect(loadDraft(s, 'u1', 'storm')).toBeNull();
  });

  it('never trusts what storage holds, and never throws', () => {
    const s = new MemoryStorage();
    const key = draftKey('u1', 'storm');
    for (const junk of ['{', 'null', '[]', '{"v":2,"fields":{}}', '{"v":1}']) {
      s.items.set(key, junk);
      expect(loadDraft(s, 'u1', 'storm')).toBeNull();
    }
    s.items.set(key, JSON.stringify({ v: 1, fields: { title: 3, doc: 'x', label: '<script>', contributors: [{ name: 'A' }, 5, { role: 'x' }], keyEvent: 'yes' } }));
    expect(loadDraft(s, 'u1', 'storm')?.fields).toEqual({ ...emptyFields(), contributors: [{ name: 'A' }] });
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('denied'); } };
    expect(saveDraft(full, 'u1', 'storm', fields())).toBe(false);
    expect(() => clearDraft(full, 'u1', 'storm')).not.toThrow();
  });
});

describe('autosave of the idempotency key, in-place edits and sign-out', () => {
  it('keeps the composed post’s Idempotency-Key with its draft, and refuses a malformed one', () => {
    const s = new MemoryStorage();
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    saveDraft(s, 'u1', 'storm', fields(), key);
    expect(loadDraft(s, 'u1', 'storm')?.idempotencyKey).toBe(key);
    s.items.set(draftKey('u1', 'storm'), JSON.stringify({ v: 1, fields: {}, idempotencyKey: 'a b<script>' }));
    expect(loadDraft(s, 'u1', 'storm')?.idempotencyKey).toBeNull();
  });

  it('keeps in-place edits per person, page and post, with the version they started from', () => {
    const s = new MemoryStorage();
    const edit = editOf(aPost());
    edit.fields.title = 'Pier badly damaged';
    expect(saveEdit(s, 'u1', 'storm', edit)).toBe(true);
    saveEdit(s, 'u1', 'other', editOf(aPost({ id: 'p2' })));
    saveEdit(s, 'u2', 'storm', editOf(aPost({ id: 'p3' })));
    const [back, ...rest] = loadEdits(s, 'u1', 'storm');
    expect(rest).toEqual([]);
    expect(back).toEqual({ fields: edit.fields, base: { id: aPost().id, version: 3, status: 'published', title: 'Pier damaged' } });
    clearEdit(s, 'u1', 'storm', aPost().id);
    expect(loadEdits(s, 'u1', 'storm')).toEqual([]);
  });

  it('never trusts a stored edit’s shape', () => {
    const s = new MemoryStorage();
    const key = editKey('u1', 'storm', 'p1');
    const good = { v: 1, fields: {}, base: { id: 'p1', version: 2, status: 'draft', title: 'T' } };
    for (const junk of ['{', '[]', JSON.stringify({ ...good, base: { ...good.base, version: '2' } }), JSON.stringify({ ...good, base: { ...good.base, id: 'p9' } }), JSON.stringify({ ...good, base: { ...good.base, status: 'gone' } })]) {
      s.items.set(key, junk);
      expect(loadEdits(s, 'u1', 'storm')).toEqual([]);
    }
    s.items.set(key, JSON.stringify(good));
    expect(loadEdits(s, 'u1', 'storm')).toEqual([{ fields: emptyFields(), base: good.base }]);
  });

  it('forgets everything of one person on sign-out, and writes nothing after it', () => {
    const s = new MemoryStorage();
    saveDraft(s, 'u1', 'storm', fields());
    saveEdit(s, 'u1', 'storm', editOf(aPost()));
    saveDraft(s, 'u2', 'storm', fields());
    s.items.set('unrelated', 'x');
    forgetPerson(s, 'u1');
    expect([...s.items.keys()].sort()).toEqual([draftKey('u2', 'storm'), 'unrelated']);
    suspendAutosave();
    expect(saveDraft(s, 'u1', 'storm', fields())).toBe(false);
    expect(loadDraft(s, 'u1', 'storm')).toBeNull();
    suspendAutosave(false);
  });
});

describe('composer fields → API bodies', () => {
  it('adds a contributor still in the boxes, once, and says when it cannot', () => {
    const jo = { name: 'Jo', role: 'Reporter' };
    expect(withTypedContributor([], { name: ' Sam ', role: ' Estuary reporter ' })).toEqual({ contributors: [{ name: 'Sam', role: 'Estuary reporter' }] });
    expect(withTypedContributor([jo], { name: 'Jo', role: 'Reporter' }).contributors).toEqual([jo]);
    const list = [jo];
    expect(withTypedContributor(list, { name: ' ', role: '' }).contributors).toBe(list);
    expect(withTypedContributor(list, { name: '', role: 'Reporter' }).problem).toMatch(/name/);
    expect(withTypedContributor(Array(10).fill(jo), { name: 'Eleven', role: '' }).problem).toMatch(/at most 10/);
  });

  it('has one Key event control: a stored "key-event" label comes back as the checkbox', () => {
    const f = fieldsFromPost(aPost({ label: 'key-event' }));
    expect(f).toMatchObject({ label: '', keyEvent: true });
    expect(createBody(f, 'publish')).toMatchObject({ label: null, keyEvent: true });
    expect(fieldsFromPost(aPost({ label: 'analysis', keyEvent: true }))).toMatchObject({ label: 'analysis', keyEvent: true });
  });

  it('makes bodies the API accepts, with bold as Markdown', () => {
    const body = createBody(fields({ label: 'analysis', pinned: true, contributors: [{ name: ' Jo ', role: ' ' }, { name: '' }] }), 'publish');
    expect(body).toEqual({
      title: 'Harbour wall breached',
      label: 'analysis',
      contributors: [{ name: 'Jo' }],
      body: [{ type: 'paragraph', text: 'Waves are **very high**' }],
      keyEvent: false,
      status: 'published',
      pinned: true,
    });
    expect(postCreateSchema.safeParse(body).success).toBe(true);
  });

  it('pins only what goes live, and schedules at the chosen instant', () => {
    expect(createBody(fields({ pinned: true }), 'draft')).not.toHaveProperty('pinned');
    const at = '2031-05-01T08:30:00.000Z';
    const scheduled = createBody(fields({ scheduledFor: at }), 'schedule');
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: at });
    // A draft autosaved before the field took the page's zone: a time in this browser's zone.
    expect(createBody(fields({ scheduledFor: '2031-05-01T09:30' }), 'schedule')).toMatchObject({ scheduledFor: new Date('2031-05-01T09:30').toISOString() });
    expect(postCreateSchema.safeParse(scheduled).success).toBe(true);
    expect(postPatchSchema.safeParse(patchBody(fields(), 'save')).success).toBe(true);
    expect(patchBody(fields(), 'save')).not.toHaveProperty('status');
    expect(patchBody(fields(), 'publish')).toMatchObject({ status: 'published' });
  });

  it('finds what the API would refuse before sending', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    expect(checkFields(emptyFields(), 'publish', now).map((p) => p.field)).toEqual(['title', 'body']);
    expect(checkFields(fields({ title: 'x'.repeat(201) }), 'publish', now)[0]?.message).toMatch(/201 characters/);
    expect(checkFields(fields(), 'schedule', now)).toEqual([{ field: 'scheduledFor', message: 'Choose when the post should go live.' }]);
    expect(checkFields(fields({ scheduledFor: '2029-12-31T12:00:00Z' }), 'schedule', now)[0]?.message).toBe('Choose a time in the future.');
    expect(checkFields(fields(), 'publish', now)).toEqual([]);
  });

  it('round-trips a stored post through the composer', () => {
    const post = {
      title: 'T',
      label: 'correction',
      contributors: [{ name: 'A', role: 'B' }],
      body: [{ type: 'paragraph', text: 'See [this](https://example.org) **now**' }],
      keyEvent: true,
      pinned: false,
      scheduledFor: '2031-05-01T08:30:00.000Z',
    } as unknown as ApiPost;
    const f = fieldsFromPost(post);
    expect(f.scheduledFor).toBe('2031-05-01T08:30:00.000Z');
    expect(scheduledInstant('2031-05-01T10:30:00+02:00')).toBe('2031-05-01T08:30:00.000Z');
    expect(patchBody(f, 'save')).toEqual({ title: 'T', label: 'correction', contributors: [{ name: 'A', role: 'B' }], body: post.body, keyEvent: true });
    expect(isBlank(emptyFields())).toBe(true);
    expect(isBlank(f)).toBe(false);
    expect(scheduledInstant('tomorrow')).toBeNull();
  });
});

describe('presence', () => {
  it('leaves me out of "is editing this post", by id', () => {
    const me = { id: 'u1', name: 'Alex Smith' };
    // Two people called Alex Smith: only the other one is a colleague.
    const people = [{ id: 'u1', name: 'Alex Smith' }, { id: 'u2', name: 'Alex Smith' }];
    expect(colleaguesEditing({ postId: 'p', names: ['Alex Smith', 'Alex Smith'], people }, me)).toEqual(['Alex Smith']);
  });
});

describe('page settings', () => {
  const page = (extra: Partial<ApiPage> = {}): ApiPage =>
    ({ slug: 'storm', title: 'Storm', description: 'Live', summary: ['Winds of **90mph**'], featuredMedia: null, updatedAt: '2030-01-01T00:00:00Z', ...extra }) as ApiPage;

  it('sends only what was edited here', () => {
    const base = page();
    expect(pageChanges(base, { ...pageValues(base), title: 'Storm: live' }, base)).toEqual({ changed: ['title'], theirs: [] });
    expect(pageChanges(base, pageValues(base), base)).toEqual({ changed: [], theirs: [] });
  });

  it('finds a colleague’s change to a field edited here, not to others, nor the same change', () => {
    const base = page();
    const mine = { ...pageValues(base), title: 'Storm: live', summary: ['Winds of **100mph**'] };
    // Every post moves the page's updatedAt: that alone is no conflict.
    expect(pageChanges(base, mine, page({ updatedAt: '2030-01-01T00:05:00Z', description: 'Changed' })).theirs).toEqual([]);
    expect(pageChanges(base, mine, page({ title: 'Storm latest' })).theirs).toEqual(['title']);
    expect(pageChanges(base, mine, page({ title: 'Storm: live' })).theirs).toEqual([]);
    expect(pageChanges(base, mine, page({ summary: ['Winds of **95mph**'] })).theirs).toEqual(['summary']);
  });
});

describe('featured media in page settings', () => {
  const fm = { type: 'image' as const, src: '/media/0123456789abcdef0123456789abcdef/1280.jpg', alt: 'Harbour', width: 1600, height: 900, mediaId: 'm-1', color: '#6a8caf' };
  it('keeps the picture’s size, identity and colour through a save, and drops them for another address', () => {
    const m = mediaFields({ featuredMedia: fm } as unknown as ApiPage);
    expect(mediaValue('image', { ...m, caption: 'At dawn' })).toEqual({ ...fm, caption: 'At dawn' });
    expect(mediaValue('image', withSrc(m, 'https://images.example.org/other.jpg'))).toEqual({ type: 'image', src: 'https://images.example.org/other.jpg', alt: 'Harbour' });
    expect(withSrc(m, fm.src)).toEqual(m);
  });
});

describe('the hour chart', () => {
  const hour = (f: (i: number) => [number, number]) =>
    Array.from({ length: 60 }, (_, i) => ({ minute: `2030-01-01T12:${String(i).padStart(2, '0')}`, readers: f(i)[0], posts: f(i)[1] }));

  it('draws readers as a line across the width and posts as bars', () => {
    const g = chartGeometry(hour((i) => [i, i % 10 === 0 ? 2 : 0]), 300, 60);
    expect(g.readersPath.startsWith('M0 60 ')).toBe(true);
    expect(g.readersPath.endsWith('L300 4')).toBe(true);
    expect(g.bars).toHaveLength(6);
    expect(g.bars.every((b) => b.x >= 0 && b.x + b.width <= 300 && b.y >= 0 && b.y + b.height === 60)).toBe(true);
    expect(g.totalPosts).toBe(12);
  });

  it('stays flat and finite with no readers, and says it in words', () => {
    const g = chartGeometry(hour(() => [0, 0]));
    expect(g.readersPath).not.toMatch(/NaN|Infinity/);
    expect(g.bars).toEqual([]);
    expect(chartGeometry([]).readersPath).toBe('');
    expect(chartSummary(hour((i) => [i === 59 ? 1 : 3, i === 3 ? 1 : 0]))).toBe('Last hour: at most 3 readers at once (1 in the last minute), 1 new post.');
  });
});
