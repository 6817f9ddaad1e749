import { describe, expect, it } from 'vitest';
import { elements, parseXml, textOf } from '../test/xml.js';
import { renderFeed, xmlSafe, type FeedView } from './feeds.js';
import { renderPostHtml } from './post.js';
import { decode, makeCtx, makePage, makePost } from './test-fixtures.js';

const ctx = makeCtx();
const HOSTILE = '<script>alert(1)</script> ]]> & ]]> "q" \u0001\u0008\u000b\uffff\ud800 end';
const id = (n: number) => `0195f0a0-0000-7000-8000-00000000000${n}`;

function view(overrides: Partial<FeedView> = {}): FeedView {
  const posts = [
    makePost({ id: id(3), title: 'Third', publishedAt: '2025-02-27T15:03:00.000Z', contributors: [{ name: 'A. Reporter' }, { name: 'B. Writer', role: 'Editor' }] }),
    makePost({ id: id(2), title: 'Second', publishedAt: '2025-02-27T15:02:00.000Z', editedAt: '2025-02-27T16:00:00.000Z' }),
    makePost({ id: id(1), title: 'First', publishedAt: '2025-02-27T15:01:00.000Z' }),
  ];
  return {
    page: makePage({ id: '0195f0a0-0000-7000-8000-0000000000aa', description: 'The latest.' }),
    publicUrl: 'https://live.example.org',
    description: 'The latest.',
    image: null,
    siteName: 'livepage',
    entries: posts.map((post) => ({ post, html: renderPostHtml(post, ctx) })),
    ...overrides,
  };
}

/** A view whose page, post title, byline and body all hold hostile text. */
function hostileView(): FeedView {
  const post = makePost({
    id: id(1),
    title: HOSTILE,
    contributors: [{ name: HOSTILE }],
    body: [{ type: 'paragraph', text: `${HOSTILE} ]]> again ]]>` }],
  });
  return view({
    page: makePage({ title: HOSTILE, description: HOSTILE }),
    description: HOSTILE,
    entries: [{ post, html: renderPostHtml(post, ctx) }],
  });
}

const permalink = (n: number) => `https://live.example.org/live/ukraine-live/posts/${id(n)}`;

describe('Atom feed', () => {
  it('lists the posts newest first with permalinks, stable ids, authors, times and the HTML', () => {
    const doc = parseXml(renderFeed('atom', view()));
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    expect(textOf(doc.documentElement, 'title')).toBe('Ukraine war: latest');
    expect(textOf(doc.documentElement, 'updated')).toBe('2025-02-27T15:46:00.000Z');
    const entries = elements(doc, 'entry');
    expect(entries.map((e) => textOf(e, 'title'))).toEqual(['Third', 'Second', 'First']);
    expect(entries.map((e) => elements(e, 'link')[0]!.getAttribute('href'))).toEqual([permalink(3), permalink(2), permalink(1)]);
    expect(textOf(entries[0]!, 'id')).toBe(`urn:uuid:${id(3)}`);
    expect(elements(entries[0]!, 'author').map((a) => textOf(a, 'name'))).toEqual(['A. Reporter', 'B. Writer']);
    expect(textOf(entries[1]!, 'updated')).toBe('2025-02-27T16:00:00.000Z');
    expect(textOf(entries[1]!, 'published')).toBe('2025-02-27T15:02:00.000Z');
    const content = elements(entries[0]!, 'content')[0]!;
    expect(content.getAttribute('type')).toBe('html');
    expect(content.textContent).toBe(view().entries[0]!.html);
    // A post without a byline is covered by the feed's own author (Atom requires one).
    expect(textOf(elements(doc, 'author')[0]!, 'name')).toBe('livepage');
  });

  it('stays well-formed with hostile text, and a title reads as text, not markup', () => {
    const xml = renderFeed('atom', hostileView());
    const doc = parseXml(xml);
    const entry = elements(doc, 'entry')[0]!;
    const shown = decode(textOf(entry, 'title')!); // type="html": the reader decodes it once
    expect(shown).toBe(xmlSafe(HOSTILE));
    expect(shown).toContain('<script>');
    expect(textOf(entry, 'content')).toContain('&lt;script>alert(1)&lt;/script>');
    expect(textOf(entry, 'content')).toContain(']]&gt; again ]]&gt;');
    expect(xml).not.toMatch(/[\u0001\u0008\u000b\uffff]/);
  });
});

describe('RSS feed', () => {
  it('lists the posts newest first with permalinks, guids, creators and the HTML', () => {
    const doc = parseXml(renderFeed('rss', view()));
    expect(doc.documentElement.getAttribute('version')).toBe('2.0');
    const items = elements(doc, 'item');
    expect(items.map((i) => textOf(i, 'title'))).toEqual(['Third', 'Second', 'First']);
    expect(items.map((i) => textOf(i, 'link'))).toEqual([permalink(3), permalink(2), permalink(1)]);
    expect(textOf(items[0]!, 'guid')).toBe(`urn:uuid:${id(3)}`);
    expect(elements(items[0]!, 'guid')[0]!.getAttribute('isPermaLink')).toBe('false');
    expect(textOf(items[0]!, 'dc:creator')).toBe('A. Reporter, B. Writer');
    expect(textOf(items[2]!, 'pubDate')).toBe('Thu, 27 Feb 2025 15:01:00 GMT');
    expect(textOf(items[0]!, 'content:encoded')).toBe(view().entries[0]!.html);
    expect(textOf(doc, 'language')).toBe('en-GB');
  });

  it('stays well-formed with hostile text', () => {
    const doc = parseXml(renderFeed('rss', hostileView()));
    // Channel text is HTML to RSS readers, like item titles: escaped, so it reads as typed.
    expect(decode(textOf(doc.documentElement, 'title')!)).toBe(xmlSafe(HOSTILE));
    const item = elements(doc, 'item')[0]!;
    expect(decode(textOf(item, 'title')!)).toBe(xmlSafe(HOSTILE));
    expect(textOf(item, 'dc:creator')).toBe(xmlSafe(HOSTILE));
  });
});

describe('JSON Feed', () => {
  it('is JSON Feed 1.1 with the posts newest first, permalinks, authors and dates', () => {
    const feed = JSON.parse(renderFeed('json', view()));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Ukraine war: latest');
    expect(feed.home_page_url).toBe('https://live.example.org/live/ukraine-live');
    expect(feed.feed_url).toBe('https://live.example.org/live/ukraine-live/feed.json');
    expect(feed.language).toBe('en-GB');
    expect(feed.authors).toEqual([{ name: 'livepage', url: 'https://live.example.org/' }]);
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual([permalink(3), permalink(2), permalink(1)]);
    expect(feed.items[0]).toMatchObject({
      id: `urn:uuid:${id(3)}`,
      title: 'Third',
      date_published: '2025-02-27T15:03:00.000Z',
      authors: [{ name: 'A. Reporter' }, { name: 'B. Writer' }],
    });
    expect(feed.items[0].author).toBeUndefined();
    expect(feed.items[1].date_modified).toBe('2025-02-27T16:00:00.000Z');
    expect(feed.items[2].authors).toBeUndefined();
    expect(feed.items[0].content_html).toBe(view().entries[0]!.html);
  });

  it('keeps hostile text as plain strings', () => {
    const feed = JSON.parse(renderFeed('json', hostileView()));
    expect(feed.title).toBe(HOSTILE);
    expect(feed.items[0].title).toBe(HOSTILE);
    expect(feed.items[0].authors).toEqual([{ name: HOSTILE }]);
  });
});

it('an empty page has valid, empty feeds', () => {
  const empty = view({ entries: [] });
  expect(elements(parseXml(renderFeed('atom', empty)), 'entry')).toHaveLength(0);
  expect(elements(parseXml(renderFeed('rss', empty)), 'item')).toHaveLength(0);
  expect(JSON.parse(renderFeed('json', empty)).items).toEqual([]);
});

describe('site-relative URLs in post HTML', () => {
  // Uploads are stored as paths on this site; a feed reader has no page URL to resolve them against.
  const post = makePost({
    id: id(1),
    body: [
      { type: 'paragraph', text: 'Typed by a journalist: src="/not-a-url" and <img src="/x.jpg">' },
      { type: 'image', src: '/uploads/a.jpg', alt: 'A "quoted" & tank', caption: 'Near Kupiansk' },
      { type: 'image', src: 'https://img.example.org/b.jpg', alt: 'Elsewhere' },
      { type: 'video', src: '/uploads/v.mp4', poster: '/uploads/p.jpg' },
    ],
  });
  const html = renderPostHtml(post, ctx);
  const relativeView = () => view({ entries: [{ post, html }] });
  const contents = {
    atom: () => textOf(elements(parseXml(renderFeed('atom', relativeView())), 'entry')[0]!, 'content')!,
    rss: () => textOf(elements(parseXml(renderFeed('rss', relativeView())), 'item')[0]!, 'content:encoded')!,
    json: () => JSON.parse(renderFeed('json', relativeView())).items[0].content_html as string,
  };

  it.each(Object.keys(contents) as (keyof typeof contents)[])('%s: images, video, poster and links point at the site; text and other hosts are untouched', (format) => {
    expect(html).toContain('src="/uploads/a.jpg"'); // the fixture really is site-relative
    const content = contents[format]();
    expect(content).toContain('<img src="https://live.example.org/uploads/a.jpg"');
    expect(content).toContain('src="https://live.example.org/uploads/v.mp4" poster="https://live.example.org/uploads/p.jpg"');
    expect(content).toContain('<a href="https://live.example.org/uploads/v.mp4">Download the video</a>');
    expect(content).toContain('<img src="https://img.example.org/b.jpg"');
    expect(content).toContain('src=&quot;/not-a-url&quot; and &lt;img src=&quot;/x.jpg&quot;>');
    expect(content).not.toMatch(/\s(?:src|href|poster)="\/(?!\/)/);
    // Otherwise it is the page's fragment, byte for byte.
    expect(content.replaceAll('https://live.example.org/', '/')).toBe(html);
  });

  it('leaves the cached fragment as the page shows it', () => {
    const v = relativeView();
    renderFeed('atom', v);
    expect(v.entries[0]!.html).toBe(html);
  });

  it('keeps XML well-formed whatever the base URL holds', () => {
    const odd = view({ entries: [{ post, html }], publicUrl: 'https://live.example.org/a&b"<c>]]>' });
    const content = textOf(elements(parseXml(renderFeed('atom', odd)), 'entry')[0]!, 'content')!;
    expect(content).toContain('<img src="https://live.example.org/a&amp;b&quot;&lt;c&gt;]]&gt;/uploads/a.jpg"');
    expect(textOf(elements(parseXml(renderFeed('rss', odd)), 'item')[0]!, 'content:encoded')).toContain('/uploads/a.jpg');
  });
});

describe('channel text is escaped like item text', () => {
  // A reader shows an RSS title or description as HTML, an Atom one by its declared type,
  // a JSON Feed one as plain text: whatever the format, what it shows is the text as typed.
  const MARKUP = '<b>Storm</b> & "rain"';
  const post = makePost({ id: id(1), title: MARKUP });
  const marked = () =>
    view({ page: makePage({ title: MARKUP, description: MARKUP }), description: MARKUP, entries: [{ post, html: renderPostHtml(post, ctx) }] });
  /** The text a reader shows for an element, following the type Atom declares (text by default). */
  const atomShown = (el: Element) => (el.getAttribute('type') === 'html' ? htmlShown(el.textContent!) : el.textContent!);
  /** What an HTML-rendering reader shows for `html`: its text, provided it holds no markup. */
  const htmlShown = (html: string) => (/[<>]/.test(html) ? `markup, not text: ${html}` : decode(html));

  it('Atom: feed title and subtitle read as the item title does', () => {
    const doc = parseXml(renderFeed('atom', marked()));
    const feedTitle = Array.from(doc.documentElement.childNodes).find((n) => n.nodeName === 'title') as Element;
    expect(atomShown(feedTitle)).toBe(MARKUP);
    expect(atomShown(elements(doc, 'subtitle')[0]!)).toBe(MARKUP);
    expect(atomShown(elements(elements(doc, 'entry')[0]!, 'title')[0]!)).toBe(MARKUP);
  });

  it('RSS: channel title and description are escaped for HTML like item titles', () => {
    const doc = parseXml(renderFeed('rss', marked()));
    const channel = elements(doc, 'channel')[0]!;
    const own = (name: string) => Array.from(channel.childNodes).find((n) => n.nodeName === name)!.textContent!;
    expect(htmlShown(own('title'))).toBe(MARKUP);
    expect(htmlShown(own('description'))).toBe(MARKUP);
    expect(htmlShown(textOf(elements(doc, 'item')[0]!, 'title')!)).toBe(MARKUP);
  });

  it('RSS: a title holding an escaped entity as text keeps it', () => {
    const typed = 'Q&amp;A <i>live</i>';
    const doc = parseXml(renderFeed('rss', view({ page: makePage({ title: typed }), description: typed })));
    expect(htmlShown(textOf(elements(doc, 'channel')[0]!, 'title')!)).toBe(typed);
    expect(htmlShown(textOf(elements(doc, 'channel')[0]!, 'description')!)).toBe(typed);
  });

  it('RSS: the channel image names the page the same way', () => {
    const doc = parseXml(renderFeed('rss', { ...marked(), image: 'https://live.example.org/a.jpg' }));
    expect(htmlShown(textOf(elements(doc, 'image')[0]!, 'title')!)).toBe(MARKUP);
  });

  it('JSON Feed: feed and item titles are the same plain text', () => {
    const feed = JSON.parse(renderFeed('json', marked()));
    expect(feed.title).toBe(MARKUP);
    expect(feed.description).toBe(MARKUP);
    expect(feed.items[0].title).toBe(MARKUP);
  });
});
