/**
 * The reader page's head for distribution: feed links, Open Graph and Twitter card tags,
 * and the JSON-LD. Part of the cached page (it changes with the seq like the rest); live
 * updates never need to touch it.
 */
import type { VNode } from 'preact';
import type { Brand } from '../domain/brand.js';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import type { RenderContext } from './context.js';
import { FEED_FORMATS, FEED_LINK_TYPES, feedPath } from './feeds.js';
import { featuredImageUrl, jsonLdText, liveBlogPosting, type PostLd } from './structured-data.js';

/** What the head is made of: the reader page's view (LivePageView) has these fields. */
interface HeadView {
  page: Page;
  canonicalUrl: string;
  publicUrl?: string;
  ctx: Pick<RenderContext, 'siteOrigin'>;
  posts?: Post[];
  postLd?: (post: Post) => PostLd;
}

/** The head tags that let feeds, social cards and search engines pick the page up. */
export function DistributionHead({ view, brand, description }: { view: HeadView; brand: Brand; description: string }): VNode {
  const { page } = view;
  const publicUrl = view.publicUrl ?? view.ctx.siteOrigin;
  const image = featuredImageUrl(page.featuredMedia, publicUrl);
  const imageAlt = page.featuredMedia?.type === 'image' ? page.featuredMedia.alt : undefined;
  const jsonLd = liveBlogPosting({
    page,
    url: view.canonicalUrl,
    description,
    image,
    publisher: { name: brand.publisherName, url: `${publicUrl}/`, logo: brand.logo ? absolute(brand.logo.src, publicUrl) : undefined },
    posts: view.posts ?? [],
    postLd: view.postLd,
  });
  return (
    <>
      {FEED_FORMATS.map((f) => (
        <link rel="alternate" type={FEED_LINK_TYPES[f]} title={`${page.title} (${FEED_NAMES[f]})`} href={feedPath(page.slug, f)} />
      ))}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={brand.siteName} />
      <meta property="og:title" content={page.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={view.canonicalUrl} />
      <meta property="og:locale" content={page.locale.replace('-', '_')} />
      {image && <meta property="og:image" content={image} />}
      {image && imageAlt && <meta property="og:image:alt" content={imageAlt} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={page.title} />
      <meta name="twitter:description" content={description} />
      {image && <meta name="twitter:image" content={image} />}
      {image && imageAlt && <meta name="twitter:image:alt" content={imageAlt} />}
      {/* A data block, not a script: the CSP does not apply and nothing runs. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(jsonLd) }} />
    </>
  );
}

function absolute(src: string, publicUrl: string): string {
  return src.startsWith('/') ? `${publicUrl}${src}` : src;
}

const FEED_NAMES = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' } as const;
