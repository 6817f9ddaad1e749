/** A friendly HTML error page for readers (the API answers JSON instead). */
import { Document, renderDocument, SiteFooter } from './document.js';

/** What an error page shows. */
export interface ErrorPageView {
  status: number;
  title: string;
  message: string;
  cssHref: string;
  /** Inside another site's frame (an embed): links open in a new tab, since our pages refuse to be framed. */
  framed?: boolean;
}

/** The complete error page, doctype included; never indexed by search engines. */
export function renderErrorPage(view: ErrorPageView): string {
  return renderDocument(
    <Document lang="en" title={view.title} cssHref={view.cssHref} noindex>
      <main id="main" class="lp-main lp-error">
        <p class="lp-error__status">Error {view.status}</p>
        <h1>{view.title}</h1>
        <p>{view.message}</p>
        <p>
          <a href="/" {...(view.framed ? { target: '_blank', rel: 'noopener' } : {})}>
            Go to the home page
          </a>
        </p>
      </main>
      <SiteFooter />
    </Document>,
  );
}
