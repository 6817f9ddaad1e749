/**
 * The HTML document shell shared by the reader page, the home page and error pages:
 * one place for the head tags every page needs.
 */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** The site's name in the masthead, as publisher and as feed author. */
export const SITE_NAME = 'livepage';

/** Props of {@link Document}. */
export interface DocumentProps {
  lang: string;
  /** `rtl` for right-to-left languages (i18n.ts direction). */
  dir?: 'ltr' | 'rtl' | undefined;
  title: string;
  cssHref: string;
  /** Further stylesheets after the main one (the newsroom's own). */
  moreCss?: string[] | undefined;
  description?: string | undefined;
  canonicalUrl?: string | undefined;
  /** Error pages must not be indexed. */
  noindex?: boolean | undefined;
  /** A robots directive other than noindex (filtered views: `noindex, follow`). */
  robots?: string | undefined;
  /** A module script (deferred by nature); no inline scripts, the CSP forbids them. */
  scriptHref?: string | undefined;
  /** Attributes for `<html>`, e.g. `data-seq`. */
  htmlAttrs?: Record<string, string | number> | undefined;
  /** Further head elements (feed links, Open Graph, JSON-LD), before the stylesheets. */
  head?: ComponentChildren;
  children: ComponentChildren;
}

/** A complete `<html>` element; wrap with {@link renderDocument} for the doctype. */
export function Document(props: DocumentProps): VNode {
  return (
    <html lang={props.lang} dir={props.dir} {...props.htmlAttrs}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonicalUrl && <link rel="canonical" href={props.canonicalUrl} />}
        {(props.noindex || props.robots) && <meta name="robots" content={props.noindex ? 'noindex' : props.robots} />}
        {props.head}
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={props.cssHref} />
        {props.moreCss?.map((href) => <link rel="stylesheet" href={href} />)}
        {props.scriptHref && <script type="module" src={props.scriptHref}></script>}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/** Renders a document element with the doctype in front. */
export function renderDocument(doc: VNode): string {
  return `<!doctype html>${renderToString(doc)}`;
}

/** The footer every page shares. */
export function SiteFooter(): VNode {
  return (
    <footer class="lp-footer">
      <p>Powered by livepage</p>
    </footer>
  );
}
