/** The newsroom app's pure parts: routes, autosave, composer fields → API bodies, the chart. */
import { describe, expect, it } from 'vitest';
import { postCreateSchema, postPatchSchema } from '../domain/post.js';
import { chartGeometry, chartSummary } from './chart.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft-store.js';
import { checkFields, createBody, emptyFields, fieldsFromPost, fromLocalInput, isBlank, patchBody, toLocalInput, type PostFields } from './post-fields.js';
import { parseRoute } from './route.js';
import { slugFrom } from './pages-list.js';
import type { ApiPost } from './types.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

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
    expect(parseRoute('/newsroom/pages/storm-2')).toEqual({ name: 'desk', slug: 'storm-2' });
    expect(parseRoute('/newsroom/people')).toEqual({ name: 'people' });
    expect(parseRoute('/newsroom/tokens')).toEqual({ name: 'tokens' });
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

describe('composer fields → API bodies', () => {
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
    const at = '2031-05-01T09:30';
    const scheduled = createBody(fields({ scheduledFor: at }), 'schedule');
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: new Date(at).toISOString() });
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
    expect(checkFields(fields({ scheduledFor: toLocalInput('2029-12-31T12:00:00Z') }), 'schedule', now)[0]?.message).toBe('Choose a time in the future.');
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
    expect(fromLocalInput(f.scheduledFor)).toBe('2031-05-01T08:30:00.000Z');
    expect(patchBody(f, 'save')).toEqual({ title: 'T', label: 'correction', contributors: [{ name: 'A', role: 'B' }], body: post.body, keyEvent: true });
    expect(isBlank(emptyFields())).toBe(true);
    expect(isBlank(f)).toBe(false);
    expect(fromLocalInput('tomorrow')).toBeNull();
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
