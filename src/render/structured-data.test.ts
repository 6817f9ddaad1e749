import { describe, expect, it } from 'vitest';
import { excerpt, featuredImageUrl, jsonLdText, liveBlogPosting, postHeadline, postLd, postPlainText, type LiveBlogInput } from './structured-data.js';
import { makePage, makePost } from './test-fixtures.js';

const input = (o: Partial<LiveBlogInput> = {}): LiveBlogInput => ({
  page: makePage(),
  url: 'https://live.example.org/live/ukraine-live',
  description: 'The latest.',
  image: null,
  publisher: { name: 'livepage', url: 'https://live.example.org/' },
  posts: [],
  ...o,
});

describe('liveBlogPosting', () => {
  it('describes the coverage and lists each post with its own headline, anchor, dates, body and authors', () => {
    const posts = [
      makePost({ id: 'b', title: 'Second', contributors: [{ name: 'A. Reporter', role: 'Defence correspondent' }, { name: 'B. Writer' }], editedAt: '2025-02-27T16:00:00Z' }),
      makePost({ id: 'a', title: 'First', publishedAt: '2025-02-27T15:00:00.000Z' }),
    ];
    const ld = liveBlogPosting(input({ posts, image: 'https://img.example.org/a.jpg' }));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Ukraine war: latest',
      url: 'https://live.example.org/live/ukraine-live',
      description: 'The latest.',
      datePublished: '2025-02-27T08:00:00.000Z',
      dateModified: '2025-02-27T15:46:00.000Z',
      coverageStartTime: '2025-02-27T08:00:00.000Z',
      image: ['https://img.example.org/a.jpg'],
      publisher: { '@type': 'Organization', name: 'livepage', url: 'https://live.example.org/' },
    });
    expect(ld).not.toHaveProperty('coverageEndTime');
    expect(ld.liveBlogUpdate).toEqual([
      {
        '@type': 'BlogPosting',
        url: 'https://live.example.org/live/ukraine-live#post-b',
        headline: 'Second',
        datePublished: '2025-02-27T15:46:00.000Z',
        dateModified: '2025-02-27T16:00:00.000Z',
        articleBody: 'Talks resumed this morning.',
        author: [{ '@type': 'Person', name: 'A. Reporter' }, { '@type': 'Person', name: 'B. Writer' }],
      },
      expect.objectContaining({ headline: 'First', url: 'https://live.example.org/live/ukraine-live#post-a', dateModified: '2025-02-27T15:00:00.000Z', author: [expect.objectContaining({ '@type': 'Organization' })] }),
    ]);
  });

  it('says nothing twice: no field repeats the url, and each update holds only its own fields', () => {
    const posts = [makePost({ id: 'b', title: 'Second' }), makePost({ id: 'a', title: '' })];
    const ld = liveBlogPosting(input({ posts }));
    expect(ld).not.toHaveProperty('mainEntityOfPage');
    expect(ld).not.toHaveProperty('@id');
    const urls = Object.values(ld).filter((v) => v === ld.url);
    expect(urls).toHaveLength(1);
    for (const update of ld.liveBlogUpdate as Record<string, unknown>[]) {
      expect(Object.keys(update).sort()).toEqual(['@type', 'articleBody', 'author', 'datePublished', 'dateModified', 'headline', 'url'].sort());
    }
  });

  it('takes each post\'s part from a cache when given one, adding only the url of this HTML page', () => {
    const post = makePost({ id: 'b' });
    const cached = postLd(post, input().publisher);
    const ld = liveBlogPosting(input({ posts: [post], url: 'https://live.example.org/live/ukraine-live?page=2', postLd: () => cached }));
    expect(ld.liveBlogUpdate).toEqual([{ '@type': 'BlogPosting', url: 'https://live.example.org/live/ukraine-live?page=2#post-b', ...cached }]);
    expect(liveBlogPosting(input({ posts: [post] })).liveBlogUpdate).toEqual(liveBlogPosting(input({ posts: [post], postLd: () => cached })).liveBlogUpdate);
  });

  it('has coverageEndTime once the coverage has ended', () => {
    const ld = liveBlogPosting(input({ page: makePage({ state: 'ended', endedAt: '2025-02-28T10:00:00Z' }) }));
    expect(ld.coverageEndTime).toBe('2025-02-28T10:00:00.000Z');
  });
});

describe('post text', () => {
  it('gives the body as plain text, block by block, without Markdown', () => {
    const post = makePost({
      body: [
        { type: 'heading', text: 'The **talks**' },
        { type: 'paragraph', text: 'Said [the minister](https://example.org), _today_.' },
        { type: 'list', ordered: false, items: ['one', 'two'] },
        { type: 'quote', text: 'Nothing is agreed.', cite: 'A spokesman' },
        { type: 'image', src: 'https://img.example.org/a.jpg', alt: 'A tank', caption: 'Near **Kupiansk**' },
        { type: 'video', src: 'https://video.example.org/v.mp4' },
      ],
    });
    expect(postPlainText(post)).toBe('The talks\n\nSaid the minister, today.\n\none\ntwo\n\nNothing is agreed.\nA spokesman\n\nNear Kupiansk');
  });

  it('falls back to a short excerpt of the body when a post has no title', () => {
    const long = 'The defence minister said the talks would resume on Monday in Geneva, with both delegations expected to attend the full session.';
    const headline = postHeadline(makePost({ title: '  ', body: [{ type: 'paragraph', text: long }] }));
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).toBe('The defence minister said the talks would resume on Monday in Geneva, with both delegations expected to…');
    expect(postHeadline(makePost({ title: 'Own title' }))).toBe('Own title');
    expect(excerpt('short', 10)).toBe('short');
  });
});

describe('jsonLdText', () => {
  it('cannot close the script element or open a comment, and parses back to the same value', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029 ]]> "q" \\ \u0001';
    const text = jsonLdText({ headline: hostile });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ headline: hostile });
  });
});

describe('featuredImageUrl', () => {
  it('makes the featured image (or a video poster) absolute', () => {
    expect(featuredImageUrl({ type: 'image', src: '/uploads/a.jpg', alt: 'A' }, 'https://live.example.org')).toBe('https://live.example.org/uploads/a.jpg');
    expect(featuredImageUrl({ type: 'video', src: 'https://v.example.org/v.mp4', poster: 'https://v.example.org/p.jpg' }, 'https://x.org')).toBe('https://v.example.org/p.jpg');
    expect(featuredImageUrl({ type: 'video', src: '/v.mp4' }, 'https://x.org')).toBeNull();
    expect(featuredImageUrl(null, 'https://x.org')).toBeNull();
  });
});
