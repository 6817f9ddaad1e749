/**
 * Inline rich text (SPEC §2: **bold**, _italic_, [links](url)) as JSX. The text goes
 * through parseInline and out as Preact children, so it is always escaped: `<b>`
 * typed by a journalist reads as the characters `<b>`.
 */
import type { ComponentChildren, VNode } from 'preact';
import { inlineToPlain, isAllowedLink, parseInline, type InlineNode } from '../domain/inline.js';
import type { RenderContext } from './context.js';
import { messages } from './i18n.js';

/**
 * True when `url` is an http(s) link to a host other than the site's own.
 * mailto links and relative or unparseable URLs are not "external": they do not take
 * the reader to another website.
 */
export function isExternal(url: string, siteOrigin: string): boolean {
  let target: URL;
  let site: URL;
  try {
    site = new URL(siteOrigin);
    target = new URL(url, site);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  // Hostnames, not origins: http vs https or another port is still this site to a reader.
  return target.hostname !== site.hostname;
}

/** Renders a string of inline text; newlines become line breaks. */
export function Inline({ text, ctx }: { text: string; ctx: RenderContext }): VNode {
  return <>{renderNodes(parseInline(text), ctx)}</>;
}

function renderNodes(nodes: InlineNode[], ctx: RenderContext): ComponentChildren[] {
  return nodes.map((node) => renderNode(node, ctx));
}

function renderNode(node: InlineNode, ctx: RenderContext): ComponentChildren {
  switch (node.type) {
    case 'text':
      return withBreaks(node.value);
    case 'strong':
      return <strong>{renderNodes(node.children, ctx)}</strong>;
    case 'emphasis':
      return <em>{renderNodes(node.children, ctx)}</em>;
    case 'link':
      return <InlineLink node={node} ctx={ctx} />;
  }
}

function InlineLink({ node, ctx }: { node: Extract<InlineNode, { type: 'link' }>; ctx: RenderContext }): VNode {
  // The API rejects other schemes; this guards stored or imported data that slipped
  // past it, because Preact does not filter `javascript:` hrefs.
  if (!isAllowedLink(node.url)) return <>{renderNodes(node.children, ctx)}</>;
  const plain = inlineToPlain(node.children).trim();
  // `[](url)` would be an empty, unnamed link: show the address instead.
  const children = plain === '' ? node.url : renderNodes(node.children, ctx);
  const name = plain === '' ? node.url : plain;
  if (!isExternal(node.url, ctx.siteOrigin)) return <a href={node.url}>{children}</a>;
  return (
    <a href={node.url} rel="noopener" aria-label={messages(ctx.locale).t('external', { name })}>
      {children}
    </a>
  );
}

/** Splits on newlines so that each one becomes a <br/>. */
function withBreaks(value: string): ComponentChildren {
  if (!value.includes('\n')) return value;
  return value.split('\n').map((line, i) => (i === 0 ? line : [<br />, line]));
}
